/**
 * News and blog pages: the lead mark `（本报讯）`, a post's counters after its date, the closing
 * calls and disclaimers, an English byline with the writer's role, affiliations' ASCII commas.
 * Every text here is written for these tests.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { normalizePlainText } from '../../pipeline/normalize/index.ts';
import { isWidgetLine, trailerKind } from '../../pipeline/normalize/rules/chrome.ts';
import { splitAffiliations } from '../../pipeline/normalize/rules/head/classify.ts';
import { BODY, head } from './helpers.ts';

function normalize(lines: string[]) {
  const file = new VFile({ path: 'page.txt', value: lines.join('\n') });
  const { markdown, meta } = normalizePlainText(file, { script: 'keep' });
  return { markdown, meta, messages: file.messages };
}

const HANS = '镇上的老粮站改成了社区食堂，每天中午供应两荤两素，老人凭卡就餐还能打八折，附近的上班族也常来。';
const HANT = '舊糧站改建成社區食堂，每天中午供應兩葷兩素，長者憑卡用餐可以打八折，附近的上班族也常來光顧。';

describe('the lead mark of a news page', () => {
  for (const [mark, text] of [['（本报讯）', HANS], ['【本報訊】', HANT], ['(本网讯)', HANS], ['本報訊：', HANT], ['本报讯 ', HANS]] as const) {
    it(`cuts ${mark.trim()} and reports it`, () => {
      const { markdown, messages } = normalize(['食堂开张', '', mark + text]);
      expect(markdown).toContain(text);
      expect(markdown).not.toMatch(/本[报報网][讯訊]/u);
      expect(messages.some((m) => m.ruleId === 'boilerplate' && m.actual === mark.trim())).toBe(true);
    });
  }

  it('keeps the words where they are the article’s own', () => {
    const own = '他说本报讯息来源可靠，读者可以放心。这句话写在社论的结尾，后面还有几句说明。';
    const { markdown } = normalize(['食堂开张', '', HANS, own]);
    expect(markdown).toContain(own);
    const inside = `据${HANS}（本报讯）`;
    expect(normalize(['食堂开张', '', inside]).markdown).toContain('（本报讯）');
    // A later paragraph that quotes an old report keeps its mark.
    const quoted = '（本报讯）这是二十年前那篇报道的开头，作者把它原样抄在了这里。';
    expect(normalize(['食堂开张', '', HANS, quoted]).markdown).toContain(quoted);
  });
});

describe('a post’s counters', () => {
  it('reads the date before them and drops the line', () => {
    const h = head(['书房改造记', '发布于 2022-11-20 21:03 · 阅读 1.2k'], 'zh-Hans');
    expect(h.title).toBe('书房改造记');
    expect(h.fields.date).toBe('2022-11-20');
    expect(h.body).toEqual([BODY]);
    expect(head(['書房改造記', '2021年3月2日 | 瀏覽 208次 評論 3'], 'zh-Hant').body).toEqual([BODY]);
  });

  it('knows a row of counters as a widget row, and a sentence with a number as text', () => {
    for (const text of ['评论 (12)', '點讚 36 · 收藏 8', '阅读 1.2k', '評論：0']) expect(isWidgetLine(text), text).toBe(true);
    for (const text of ['评论 12 条意见都很中肯', '收藏了 3 本旧书', '阅读12本书']) expect(isWidgetLine(text), text).toBe(false);
  });
});

describe('the closing lines of a post', () => {
  it('knows the disclaimer and the calls to share as notices', () => {
    for (const text of ['本文仅代表作者观点，不代表本站立场。', '本文僅代表作者個人觀點', '本文为原创，转载请注明出处。', '喜欢这篇文章的话，请点赞、收藏、转发！', '覺得這篇文章有用，歡迎分享給朋友']) {
      expect(trailerKind(text), text).toBe('notice');
    }
  });

  it('keeps the article’s last sentences that use the same words', () => {
    for (const text of ['喜欢读书的人，往往也关注社会，愿意分享。', '本文为原创研究，数据来自三次入户调查。', '作者的观点很鲜明，代表了一部分居民的想法。']) {
      expect(trailerKind(text), text).toBeUndefined();
    }
  });

  it('drops them at the end of a page, with a counter row', () => {
    const { markdown } = normalize(['书房改造记', '', HANS, '本文为原创，转载请注明出处。', '喜欢这篇文章的话，请点赞、收藏、转发！', '评论 (12)']);
    expect(markdown).toContain(HANS);
    expect(markdown).not.toMatch(/原创|点赞|评论/u);
  });
});

describe('an English byline with a role', () => {
  const body = 'The council voted on Tuesday to build new cycle lanes across the centre over the next two years.';
  for (const [line, authors] of [
    ['By Sarah Whitfield, Transport Correspondent', ['Sarah Whitfield']],
    ['By Tom Baker and Ana Ruiz, Staff Writers', ['Tom Baker', 'Ana Ruiz']],
    ['By Lena Hart in Glasgow', ['Lena Hart']],
    ['By Omar Said | Senior Reporter', ['Omar Said']],
    ['By Maria Gonzalez, David Chen', ['Maria Gonzalez', 'David Chen']],
  ] as const) {
    it(line, () => {
      const { meta, markdown } = normalize(['New Cycle Lanes Approved', line, '', body]);
      expect(meta.authors).toEqual(authors);
      expect(markdown).not.toContain(line);
    });
  }
});

describe('affiliations', () => {
  it('take the full-width comma after Han text, and keep an English one', () => {
    expect(splitAffiliations('（1.西南农业大学经济管理学院,重庆 400716；2.重庆市农业科学院, 重庆 401329）')).toEqual(['西南农业大学经济管理学院，重庆 400716', '重庆市农业科学院，重庆 401329']);
    expect(splitAffiliations('(School of Economics, Riverside University)')).toEqual(['School of Economics, Riverside University']);
  });
});
