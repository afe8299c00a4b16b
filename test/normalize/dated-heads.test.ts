/**
 * Heads whose date is the clue: a blog's weekday date above its title, a title that trails off
 * with an ellipsis over the site's reading figures and the date, and `发布:` as a date's label.
 * Every text here is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLines } from './helpers.ts';
import { isWidgetLine } from '../../pipeline/normalize/rules/chrome.ts';

const ENGLISH = ['The allotment keeps me honest about time. Every week it shows exactly what I did and did not do, and no amount of planning changes that.', 'This spring I finally built the raised beds I had been promising myself for three years.'];
const CHINESE = ['去年秋天我开始学着修自行车，起因是楼下的修车铺关了门。', '第一次拆下后轮的时候，我完全不知道那些垫圈应该按什么顺序装回去。'];

describe('a weekday date above an English title', () => {
  it('is the date, and the line under it the title', () => {
    const { meta, body } = normalizeLines(['Saturday, March 9, 2019', '', 'Raised beds at last', '', ...ENGLISH, '', 'No comments:'], 'post.txt');
    expect(meta).toMatchObject({ title: 'Raised beds at last', date: '2019-03-09' });
    expect(body).not.toContain('No comments');
    for (const line of ENGLISH) expect(body).toContain(line);
  });

  it('counts comments as a widget only as a line of its own', () => {
    for (const text of ['No comments:', '3 comments', 'Comments (12)']) expect(isWidgetLine(text), text).toBe(true);
    for (const text of ['No comments were made at the meeting.', 'Comments from readers helped.']) expect(isWidgetLine(text), text).toBe(false);
  });
});

describe('a title that trails off', () => {
  it('is the title over the reading figures and the date', () => {
    const { meta, body } = normalizeLines(['修了三个月自行车，我只想说，太难了。。。', '', '共 3200字，需浏览 7分钟', '', '2021-10-02 20:15', '', ...CHINESE]);
    expect(meta).toMatchObject({ title: '修了三个月自行车，我只想说，太难了……', date: '2021-10-02', time: '20:15' });
    expect(body).not.toMatch(/3200字|太难了/u);
  });

  it('stays a paragraph when a sentence ends before it, or nothing dated follows', () => {
    const first = '他说：修车其实并不难。难的是耐心，还有细心……';
    expect(normalizeLines([first, '2021-10-02 20:15', ...CHINESE]).body).toContain(first);
    const alone = normalizeLines(['修了三个月自行车，我只想说，太难了。。。', ...CHINESE]);
    expect(alone.meta.title).not.toContain('太难了');
  });
});

describe('`发布:` before a date', () => {
  it('is the date’s label', () => {
    const { meta } = normalizeLines(['老城区的最后一家修车铺', '来源:城东晚报 作者:黄诗涵 发布:2019-03-08 16:07:58', ...CHINESE]);
    expect(meta).toMatchObject({ authors: ['黄诗涵'], date: '2019-03-08', time: '16:07', publication: '城东晚报' });
  });
});

describe('a paper’s name after the date', () => {
  it('is the publication, and the line goes', () => {
    const { meta, body } = normalizeLines(['老城区的最后一家修车铺', '2009-04-21 11:38   城东晚报', ...CHINESE]);
    expect(meta).toMatchObject({ title: '老城区的最后一家修车铺', date: '2009-04-21', time: '11:38', publication: '城东晚报' });
    expect(body).not.toContain('城东晚报');
  });

  it('is not read from a word that is no paper’s name', () => {
    const { meta } = normalizeLines(['老城区的最后一家修车铺', '2009-04-21 11:38 晴转多云', ...CHINESE]);
    expect(meta.publication).toBeUndefined();
  });
});
