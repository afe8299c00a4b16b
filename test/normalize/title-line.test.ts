/**
 * A title with its byline on the same line, an old news page's row of bracketed tools, and a
 * journal's decimal section numbers from `0 引言`. Every text here is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLines } from './helpers.ts';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { isToolRow } from '../../pipeline/normalize/rules/forum-chrome.ts';
import { splitTitleByline } from '../../pipeline/normalize/rules/head/title-byline.ts';

const BODY = ['老街的茶馆开了三十年，街坊们每天早上都来喝一壶，聊聊家长里短，这里成了整条街的客厅。', '去年老板说要回乡下，大家凑钱把茶馆盘了下来，轮流看店。'];
const split = (text: string) => {
  const found = splitTitleByline(makeLine(text, 0), []);
  return found && [found.title.text, found.byline.names.map((n) => n.text)];
};

describe('a title with its byline on its line', () => {
  it('cuts the byline a label, a mark or a wide gap sets off', () => {
    expect(split('老街茶馆的三十年 作者：青石')).toEqual(['老街茶馆的三十年', ['青石']]);
    expect(split('老街茶馆的三十年 文/青石')).toEqual(['老街茶馆的三十年', ['青石']]);
    expect(split('老街茶馆的三十年 ◎青石')).toEqual(['老街茶馆的三十年', ['青石']]);
    expect(split('老街茶馆的三十年 ●黄诗涵')).toEqual(['老街茶馆的三十年', ['黄诗涵']]);
    expect(split('老街茶馆的三十年　黄诗涵')).toEqual(['老街茶馆的三十年', ['黄诗涵']]);
    expect(split('老街茶馆的三十年 作者:小巷听雨,作者授权转载。')).toEqual(['老街茶馆的三十年', ['小巷听雨']]);
  });

  it('leaves a title whole when nothing vouches for a name at its end', () => {
    for (const text of ['老街茶馆的三十年 黄诗涵', '我心中的英雄 雷锋', '春节特辑  团圆', '城市更新 作者们的看法', '老街改造：文/图结合的尝试', '三十年 ◎']) expect(split(text), text).toBeUndefined();
  });

  it('gives the title and the author, and keeps the text', () => {
    const { meta, body, messages } = normalizeLines(['老街茶馆的三十年 文/青石', '2021-05-06', ...BODY]);
    expect(meta).toMatchObject({ title: '老街茶馆的三十年', authors: ['青石'], date: '2021-05-06' });
    for (const line of BODY) expect(body).toContain(line);
    expect(messages.some((m) => m.ruleId === 'metadata' && String(m.reason).includes('青石'))).toBe(true);
  });

  it('does not take a second author when the head has a byline', () => {
    const { meta } = normalizeLines(['老街茶馆的三十年 文/青石', '作者：黄诗涵', '2021-05-06', ...BODY]);
    expect(meta.authors).toEqual(['黄诗涵']);
  });
});

describe('a row of bracketed tools', () => {
  it('is the page’s, with its help text', () => {
    for (const text of ['[加评论] 页面有问题?请点击打印版 [推荐此文给朋友]', '【加評論】 【推薦此文給朋友】', '[发表评论] [告诉好友] [打印本页]']) expect(isToolRow(text), text).toBe(true);
    for (const text of ['[加评论]这条意见很好', '[推荐] 老街茶馆的三十年', '加评论', '[加评论] 请点击这里看看我们小区的新花园，真的很漂亮']) expect(isToolRow(text), text).toBe(false);
  });

  it('is removed at the end of a page, and a sentence with the word stays', () => {
    const { body } = normalizeLines(['老街茶馆的三十年', '2021-05-06', ...BODY, '[加评论]这条意见很好，我们会转给街道。', '[加评论] 页面有问题?请点击打印版 [推荐此文给朋友]']);
    expect(body).not.toContain('推荐此文给朋友');
    expect(body).toContain('这条意见很好，我们会转给街道。');
  });
});

describe('a journal’s decimal section numbers', () => {
  const PAPER = ['社区议事会运行机制研究', '作者：黄诗涵', '摘要：本文以三个社区为例，考察议事会的议题来源、议事程序和结果落实。', '关键词：议事会；社区治理；居民参与'];

  it('are headings, by level, on a page that opens its text with 0 引言', () => {
    const { body } = normalizeLines([...PAPER, '0 引言', '近年来，各地社区普遍设立了议事会，但运行效果差别很大。', '1 研究设计', '1.1 案例选择', '本文选择的三个社区分别位于老城区、新城区和城乡接合部。', '2 结论']);
    expect(body).toMatch(/^## 0 引言$/mu);
    expect(body).toMatch(/^## 1 研究设计$/mu);
    expect(body).toMatch(/^### 1\.1 案例选择$/mu);
    expect(body).toMatch(/^## 2 结论$/mu);
  });

  it('are no headings where they count things, or on a page without 0 引言', () => {
    const counts = ['10 万元的项目经费由街道统一拨付', '3 个社区都设有固定的议事日', '2 结论'];
    const { body } = normalizeLines([...PAPER, '0 引言', '近年来，各地社区普遍设立了议事会，但运行效果差别很大。', ...counts.slice(0, 2)]);
    expect(body).toContain('\n10 万元的项目经费由街道统一拨付');
    expect(body).toContain('\n3 个社区都设有固定的议事日');
    const plain = normalizeLines([...PAPER, '近年来，各地社区普遍设立了议事会，但运行效果差别很大。', '2 结论', '议事会要持续运行，需要居民参与。']);
    expect(plain.body).not.toMatch(/^#+ 2 结论/mu);
  });
});
