import { describe, expect, it } from 'vitest';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import {
  findRelatedBlock,
  isJunkLine,
  isRepeatedByline,
  removeBoilerplate,
  spamScore,
  SPAM_THRESHOLD,
} from '../../pipeline/normalize/rules/boilerplate.ts';
import { reporterFor } from './helpers.ts';

const SPAM = '91香蕉高清国产线观看免费-97夜夜澡人人爽人人喊a-99久久久无码国产精品9-国产亚洲日韩欧美综合';

describe('boilerplate rule', () => {
  it('finds junk lines: no letters or digits', () => {
    expect(isJunkLine('?')).toBe(true);
    expect(isJunkLine(' *** ')).toBe(true);
    expect(isJunkLine('')).toBe(false);
    expect(isJunkLine('2024')).toBe(false);
    expect(isJunkLine('一')).toBe(false);
  });

  it('scores SEO spam lines high and real lines low', () => {
    expect(spamScore(SPAM, 'zh-Hant').score).toBeGreaterThanOrEqual(SPAM_THRESHOLD);
    // The same kind of line with other words: it is the pattern, not the string.
    expect(spamScore('88精品视频免费在线观看-55久久综合网-66日日夜夜人人看', 'zh-Hant').score).toBeGreaterThanOrEqual(SPAM_THRESHOLD);
    for (const text of [
      '新形勢下做好基層黨務工作的幾點思考',
      '2024-03-09 09:06劉勝',
      '目前,我國社會經濟發展迅速,人民生活水平不斷提高,但是同時也面臨著一些新的問題和發展挑戰。',
      '國企如何實現“高質量”發展——要有“等不起”的緊迫感,“慢不得”的責任感',
      'A state-of-the-art well-known pipeline for text',
      '本研究在线观看人数统计中发现,免费资源占多数。',
      // A Simplified date line on a Traditional page: its dashes are the date's, not glue.
      '发布时间 2023-05-12 10:20:33',
      '联系电话 400-800-1234 传真 010-8888-6666',
    ]) {
      expect(spamScore(text, 'zh-Hant').score, text).toBeLessThan(SPAM_THRESHOLD);
    }
  });

  it('finds a trailing related-articles block', () => {
    const texts = ['正文第一段。', '', '猜你喜歡', '英國“大爺”的責任感', '基層干部為何“左右為難”', '做黨務,我們有資格證!'];
    expect(findRelatedBlock(texts)).toBe(2);
    expect(findRelatedBlock(['相关文章', '标题一', '标题二'])).toBe(0);
    expect(findRelatedBlock(['上一篇：某某標題'])).toBe(0);
  });

  it('does not cut a body that merely mentions a header word', () => {
    const long = '這是一段很長的正文，它談到相關文章的寫作方法，並且繼續論述了很多內容，直到段落結束為止。'.repeat(2);
    expect(findRelatedBlock(['相關文章', long, long, long])).toBeUndefined();
    expect(findRelatedBlock(['相關文章的寫法值得一談，我們從這裡開始說起吧。'])).toBeUndefined();
  });

  it('recognizes the repeated byline only for known authors', () => {
    expect(isRepeatedByline('劉勝', ['劉勝'])).toBe(true);
    expect(isRepeatedByline('作者：劉勝', ['劉勝'])).toBe(true);
    expect(isRepeatedByline('劉勝 王明', ['劉勝', '王明'])).toBe(true);
    expect(isRepeatedByline('劉勝認為', ['劉勝'])).toBe(false);
    expect(isRepeatedByline('劉勝', [])).toBe(false);
  });

  it('removes junk, spam and the related block, reporting each removed text', () => {
    const source = ['?', '標題', '正文。', '猜你喜歡', '標題一', '標題二', SPAM].join('\n');
    const reporter = reporterFor(source);
    let offset = 0;
    const lines = source.split('\n').map((text) => {
      const line = makeLine(text, offset);
      offset += text.length + 1;
      return line;
    });
    const kept = removeBoilerplate(lines, 'zh-Hant', reporter);
    expect(kept.map((l) => l.text)).toEqual(['標題', '正文。']);
    const removed = reporter.file.messages.map((m) => [m.line, m.ruleId, m.actual]);
    expect(removed).toEqual([
      [1, 'boilerplate', '?'],
      [7, 'boilerplate', SPAM],
      [4, 'boilerplate', '猜你喜歡'],
      [5, 'boilerplate', '標題一'],
      [6, 'boilerplate', '標題二'],
    ]);
  });
});
