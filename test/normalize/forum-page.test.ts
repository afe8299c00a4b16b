/**
 * A forum thread: the starter's name (`楼主：`), the post's date with the thread's tools after
 * it, the board's tag on the title (`【分享】`), and the tools, edit note and floor names
 * between the posts. Every text here is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLines } from './helpers.ts';
import { isWidgetLine, trailerKind } from '../../pipeline/normalize/rules/chrome.ts';

const normalize = (lines: string[]) => normalizeLines(lines, 'thread.txt');

const POST = ['去年秋天开始学着在院子里腌咸菜，写下几条心得。', '一是盐要一次放足。中途加盐容易坏。', '二是坛口要封严，每天换一次水。'];

describe('a forum thread', () => {
  it('reads the starter, the date before the thread’s tools, and the title without the board’s tag', () => {
    const { meta, markdown, messages } = normalize(['樓主：老陳', '發表於 2021-11-3 20:15:09 | 只看該作者 | 倒序瀏覽 | 閱讀模式', '【心得】院子裏醃鹹菜的幾條經驗', ...POST]);
    expect(meta).toMatchObject({ title: '院子裏醃鹹菜的幾條經驗', authors: ['老陳'], date: '2021-11-03', time: '20:15' });
    expect(markdown).not.toMatch(/只看|倒序|【心得】/u);
    expect(messages.some((m) => m.ruleId === 'metadata' && m.actual?.includes('【心得】'))).toBe(true);
    for (const line of POST) expect(markdown).toContain(line);
  });

  it('keeps a title that opens with a widget’s word in brackets, and its text', () => {
    const { meta, markdown } = normalize(['【分享】阳台种番茄的一点经验', '作者：青石巷', ...POST]);
    expect(meta.title).toBe('阳台种番茄的一点经验');
    for (const line of POST) expect(markdown).toContain(line);
  });

  it('takes the tools, the edit note and the floor names out between short posts', () => {
    const { markdown } = normalize(['院子里腌咸菜的几条经验', '楼主：老陈', ...POST, '本帖最后由 老陈 于 2021-11-3 21:02 编辑', '回复', '举报', '沙发', '绿手指 发表于 2021-11-3 22:15', '学到了，我家的咸菜就是盐放少了才坏的。', '板凳']);
    expect(markdown).not.toMatch(/本帖最后由|回复|举报|沙发|板凳/u);
    expect(markdown).toContain('学到了，我家的咸菜就是盐放少了才坏的。');
    for (const line of POST) expect(markdown).toContain(line);
  });

  it('knows the tool words only as a row of their own', () => {
    for (const text of ['只看该作者', '回复', '举报', '沙发', '电梯直达', '使用道具 举报']) expect(isWidgetLine(text), text).toBe(true);
    for (const text of ['客厅的沙发该换了', '他回复说明天再谈', '板凳要做得结实']) expect(isWidgetLine(text), text).toBe(false);
    expect(trailerKind('本帖最后由 老陈 于 2021-11-3 21:02 编辑')).toBe('notice');
    expect(trailerKind('本帖最后由于篇幅所限删去了两段')).toBeUndefined();
  });
});
