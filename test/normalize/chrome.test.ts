import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { splitLines } from '../../pipeline/normalize/lines.ts';
import { normalizePlainText } from '../../pipeline/normalize/index.ts';
import { removeSiteChrome } from '../../pipeline/normalize/rules/boilerplate.ts';
import { isLinkLine, isWidgetLine, linkLists, trailerKind } from '../../pipeline/normalize/rules/chrome.ts';
import { reporterFor } from './helpers.ts';

const PARAGRAPH = '街道把議事會開到了樓道口，居民搬來板凳坐成一圈，一條一條地說清楚自己的意見。';

describe('site chrome in the body', () => {
  it('knows the widget rows of a page, in both scripts', () => {
    for (const text of ['【字号：大 中 小】 分享至：', '[ 打印本页 ] [ 关闭窗口 ]', '扫一扫，用手机阅读本文', '【字體：大 中 小】【列印】【關閉】', '掃一掃在手機打開當前頁', '分享到：微信 微博 QQ空間', '默認 A+ A-', '返回頂部', '收藏本页 | 打印 | 纠错']) {
      expect(isWidgetLine(text), text).toBe(true);
    }
  });

  it('keeps lines that only use a widget word', () => {
    for (const text of ['打印机的墨盒又用完了', '关闭工厂并不是唯一的办法', '分享經濟的新模式', '大中小企业一起参与', '微信', '中', '字体设计课的作业']) {
      expect(isWidgetLine(text), text).toBe(false);
    }
  });

  it('knows the trailer lines of a page', () => {
    const cases: Array<[string, string]> = [
      ['责任编辑：孙丽', 'credit'],
      ['編輯：', 'credit'],
      ['（审核：周强 校对：许静）', 'credit'],
      ['【責任編輯：鄭宇】', 'credit'],
      ['（來源：國家統計局）', 'credit'],
      ['(责编:李明、王芳)', 'credit'],
      ['（責編：陳一）', 'credit'],
      ['上一篇：乡村学校的午餐 下一篇：没有了', 'prev-next'],
      ['下一則：社區大學開課', 'prev-next'],
      ['相关阅读', 'link-header'],
      ['【相關新聞】', 'link-header'],
      ['Copyright © 2019-2025 某地新闻网 All Rights Reserved', 'rights'],
      ['粤ICP备00000000号-2 粤公网安备 00000000000000号', 'rights'],
      ['版權所有，未經許可不得轉載', 'rights'],
      ['版权所有，未经许可不得转载。', 'rights'],
    ];
    for (const [text, kind] of cases) expect(trailerKind(text), text).toBe(kind);
    // A paper's name is the head reader's to take (page-notes.test.ts).
    expect(trailerKind('（來源：中央社）')).toBeUndefined();
  });

  it('keeps sentences that open like a trailer', () => {
    for (const text of ['编辑部认为，这一问题需要更多的讨论。', '相关阅读材料已经发给每一位学员。', '数据来源：国家统计局', '来源：问卷调查', '版权所有的问题，我们在出版前已经和出版社谈妥。', '本研究的版权所有人是作者本人，引用時請註明出處，我們在文末列出了全部資料和問卷的來源，供讀者查核與比較。']) {
      expect(trailerKind(text), text).toBeUndefined();
    }
  });

  it('removes chrome only near the ends of the page, and reports each line with its text', () => {
    const middle = Array.from({ length: 60 }, (_, i) => `${PARAGRAPH}第${i + 1}段。`);
    const source = ['打印本页 关闭窗口', ...middle.slice(0, 30), '分享到：微信 微博', '责任编辑：孙丽', ...middle.slice(30), '责任编辑：孙丽', '版权所有 © 2024 某网'].join('\n');
    const reporter = reporterFor(source);
    const kept = removeSiteChrome(splitLines(source), reporter).map((l) => l.text);
    expect(kept).not.toContain('打印本页 关闭窗口');
    expect(kept.filter((t) => t === '责任编辑：孙丽')).toHaveLength(1); // the one in the middle stays
    expect(kept).toContain('分享到：微信 微博'); // row 32 of 65: neither end
    expect(kept).not.toContain('版权所有 © 2024 某网');
    const removed = reporter.file.messages.map((m) => m.actual);
    expect(removed).toEqual(['打印本页 关闭窗口', '责任编辑：孙丽', '版权所有 © 2024 某网']);
    expect(reporter.file.messages.every((m) => m.ruleId === 'boilerplate' && m.fatal === false)).toBe(true);
  });

  it('takes the widget rows under the header out of a normalized page', () => {
    const source = ['社区议事会的三个规则', '作者：孙丽', '【字体：大 中 小】 分享到：', '', PARAGRAPH, PARAGRAPH, '扫一扫在手机打开', '编辑：周强'].join('\n');
    const file = new VFile({ path: 'a.txt', value: source });
    const { markdown, meta } = normalizePlainText(file, { script: 'keep' });
    expect(meta).toMatchObject({ title: '社区议事会的三个规则', authors: ['孙丽'] });
    expect(markdown).not.toMatch(/字体|分享到|扫一扫|编辑：/u);
    expect(markdown).toContain(PARAGRAPH);
  });

  it('knows the rows that fold the article or lead back to the site, and the notices a platform adds', () => {
    for (const text of ['点击展开全文', '展開全文', '阅读全文', '返回搜狐，查看更多', '查看更多', 'Sign up for our weekly newsletter', 'Subscribe to the Morning Briefing newsletter']) {
      expect(isWidgetLine(text), text).toBe(true);
    }
    for (const text of ['他展开全文的论证之前先讲了一个故事', '返回故乡', 'We signed up for the course in May']) expect(isWidgetLine(text), text).toBe(false);
    for (const text of ['声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。', '該文內容僅代表作者本人', '本文仅代表作者个人看法']) {
      expect(trailerKind(text), text).toBe('notice');
    }
    expect(trailerKind('本文代表作者多年的研究成果。')).toBeUndefined();
  });

  it('knows a labelled link to another page, and keeps sentences that begin the same way', () => {
    for (const text of ['相关阅读：老城区更新试点扩大到五个街道', '【延伸閱讀】：社區大學的第二個十年', 'Related: How drought reshaped farming in the east', 'Read more: Why the river flooded twice']) {
      expect(isLinkLine(text), text).toBe(true);
    }
    for (const text of ['相关阅读材料已经发给每一位学员。', 'Related: the effect of rainfall on yields was small.', '相关报道：记者到现场看了三次，情况没有变化。']) {
      expect(isLinkLine(text), text).toBe(false);
    }
  });

  it('finds the site’s link lists anywhere in the page: a header and the titles under it, up to the first sentence', () => {
    const texts = [PARAGRAPH, '相关阅读：', '老城区更新试点扩大到五个街道', '', '江城发布历史街区保护名录', PARAGRAPH, '相關新聞', PARAGRAPH, 'Related stories', 'How drought reshaped farming', 'A river town’s second life', 'The water came back.'];
    expect([...linkLists(texts)]).toEqual([
      [1, 'header'],
      [2, 'entry'],
      [4, 'entry'],
      [8, 'header'],
      [9, 'entry'],
      [10, 'entry'],
    ]);
  });

  it('takes a link list out of the middle of a long page, and a trailing topics list with the copyright under it', () => {
    const middle = Array.from({ length: 30 }, (_, i) => `${PARAGRAPH}第${i + 1}段。`);
    const source = ['社区议事会的三个规则', '作者：孙丽', ...middle.slice(0, 15), '延伸閱讀：', '社區大學的第二個十年', '老街的排水問題', ...middle.slice(15), 'Topics', '社区治理', '议事会', '版权所有 © 2024 某网'].join('\n');
    const file = new VFile({ path: 'a.txt', value: source });
    const { markdown } = normalizePlainText(file, { script: 'keep' });
    for (const gone of ['延伸閱讀', '社區大學的第二個十年', '老街的排水問題', 'Topics', '议事会\n', '版权所有']) expect(markdown, gone).not.toContain(gone);
    expect(markdown.match(/第\d+段/gu)).toHaveLength(30);
    const reasons = file.messages.filter((m) => m.ruleId === 'boilerplate').map((m) => `${m.actual} ${m.reason}`);
    expect(reasons).toContain('社區大學的第二個十年 Remove an entry of the site’s link list');
    expect(reasons).toContain('版权所有 © 2024 某网 Remove copyright or site registration line');
  });
});
