/**
 * Bylines of community sites and feed reprints: the dotted row under a post's title (the poster,
 * the date, then the thread's state), a labelled author with the reprint note after the name, and
 * an account's boast about its readers set where a title would stand. Every text here is written
 * for these tests.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLines } from './helpers.ts';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { readDottedByline } from '../../pipeline/normalize/rules/head/post-byline.ts';
import { isAudienceSlogan } from '../../pipeline/normalize/rules/head/classify.ts';

const BODY = ['接手一个没有测试的老项目，第一件事不是重构，而是先把最常用的几条路径用测试固定下来。', '我的做法是先写集成测试，确认输入和输出，再一点点往下拆。'];
const read = (text: string) => {
  const found = readDottedByline(makeLine(text, 0), []);
  return found && { date: found.date.date, time: found.date.time, names: found.byline?.names.map((n) => n.text) };
};

describe('a dotted byline row', () => {
  it('reads the poster and the post’s date, not the last reply’s', () => {
    expect(read('周立新 · 2016年05月08日 · 最后由 黄海 回复于 2016年06月12日 · 2048 次阅读')).toEqual({ date: '2016-05-08', time: undefined, names: ['周立新'] });
    expect(read('mkwong · 2021-09-30 21:14:05 · 热度: 87')).toEqual({ date: '2021-09-30', time: '21:14', names: ['mkwong'] });
    expect(read('林書豪 · 2019-01-02 · 閱讀 356 · 12 個讚')).toEqual({ date: '2019-01-02', time: undefined, names: ['林書豪'] });
    expect(read('王晓东 • 2023-05-18')).toMatchObject({ date: '2023-05-18', names: ['王晓东'] });
  });

  it('is no byline row when a part is something else', () => {
    for (const text of [
      '阿不都·热合曼 2019-01-02',
      '社区治理 · 2016年05月08日 · 城市更新',
      '周立新 · 南江大学 · 2016年05月08日',
      '周立新 · 2016年05月08日 · 他说这件事以后再谈',
      '经济 · 2016年 · 回顾',
      '2016年05月08日 · 周立新',
    ]) expect(read(text), text).toBeUndefined();
  });

  it('moves the row to front matter and keeps the text', () => {
    const { meta, body, messages } = normalizeLines(['如何给老项目补单元测试', '周立新 · 2016年05月08日 · 最后由 黄海 回复于 2016年06月12日 · 2048 次阅读', ...BODY]);
    expect(meta).toMatchObject({ title: '如何给老项目补单元测试', authors: ['周立新'], date: '2016-05-08' });
    expect(body).not.toMatch(/最后由|次阅读/u);
    for (const line of BODY) expect(body).toContain(line);
    expect(messages.some((m) => m.actual?.includes('2048 次阅读'))).toBe(true);
  });
});

describe('a labelled author with a reprint note', () => {
  it('reads the name and reports the note', () => {
    const { meta, body, messages } = normalizeLines(['老项目的测试从哪里补起', '作者:小北,作者授权城南读书会转载。', ...BODY]);
    expect(meta.authors).toEqual(['小北']);
    expect(body).not.toContain('授权');
    expect(messages.some((m) => m.ruleId === 'boilerplate' && /reprint note/u.test(String(m.reason)))).toBe(true);
  });

  it('still takes an interview’s question for text', () => {
    const lines = ['老项目的测试从哪里补起', '记者：您为什么先写集成测试？', '周立新：因为它最快告诉你系统还活着。', ...BODY];
    const { body } = normalizeLines(lines);
    expect(body).toContain('记者：您为什么先写集成测试？');
  });
});

describe('an account’s boast about its readers', () => {
  it('is no title over a byline', () => {
    const { meta, body } = normalizeLines(['数十万产品人的共同关注！', '作者：小北，作者授权城南读书会转载。', '公众号：城南读书会', ...BODY]);
    expect(meta.title).toBe('');
    expect(meta.authors).toEqual(['小北']);
    expect(body).not.toContain('共同关注');
  });

  it('is told from a title by its form', () => {
    for (const text of ['数十万互联网从业者的共同关注!', '百万家长都在看', '10万+读者的选择', '三千万用户信赖']) expect(isAudienceSlogan(text), text).toBe(true);
    for (const text of ['十万人关注的那条河', '三千读者的来信', '百万用户选择的背后', '数十万从业者的生计问题']) expect(isAudienceSlogan(text), text).toBe(false);
  });

  it('keeps a title that only looks like one when no byline follows', () => {
    const { meta } = normalizeLines(['百万家长都在看', ...BODY]);
    expect(meta.title).toBe('百万家长都在看');
  });
});
