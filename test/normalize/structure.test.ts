import { describe, expect, it } from 'vitest';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { toMarkdown } from '../../pipeline/normalize/markdown.ts';
import { buildBlocks, hasReferenceList, headingDepth } from '../../pipeline/normalize/rules/structure.ts';
import { VFile } from 'vfile';
import { normalizePlainText } from '../../pipeline/normalize/index.ts';
import { reporterFor } from './helpers.ts';

describe('structure rule', () => {
  it('maps Chinese numbering to heading levels, each kind below the kinds above it that the page uses', () => {
    const depths = (...texts: string[]) => buildBlocks(texts.map((t) => makeLine(t, 0)), undefined).map((b) => (b.type === 'heading' ? b.depth : 0));
    expect(depths('一、基層黨務工作概述', '（一）基層黨務工作的內涵', '1.加強學習', '（1）具體做法', '(3)具體做法', '2、加強學習', '(二)基層黨務工作的地位', '十二、結語')).toEqual([2, 3, 4, 5, 5, 4, 3, 2]);
    // No level is skipped: without （一）, 1. is under 一、; a page numbered 1. alone has it at level 2.
    expect(depths('一、問題的提出', '1.資料來源', '二、研究方法')).toEqual([2, 3, 2]);
    expect(depths('1. Introduction', '（1）研究對象', '2. Methods')).toEqual([2, 3, 2]);
    // On its own, a line is judged a heading or not; its level needs the page.
    expect(headingDepth('1.加強學習')).toBe(2);
    expect(headingDepth('（1）具體做法', [4, 5, 6])).toBe(5);
    expect(headingDepth('這是一段正文，不是標題。')).toBeUndefined();
  });

  it('reads numbers a PDF layout spaced from their 、 as headings, and closes the gap in the heading', () => {
    expect(headingDepth('1 、題目')).toBe(2);
    expect(headingDepth('二　、研究方法')).toBe(2);
    const lines = ['1 、研究對象', '本文的研究對象是社區大學。', '二 、研究方法'].map((text, i) => makeLine(text, i * 20));
    const blocks = buildBlocks(lines, undefined);
    expect(blocks.map((b) => [b.type, toString(b)])).toEqual([
      ['heading', '1、研究對象'],
      ['paragraph', '本文的研究對象是社區大學。'],
      ['heading', '二、研究方法'],
    ]);
    // A count with a space before its 、 inside a sentence stays a paragraph.
    expect(headingDepth('3 、5 人參加了會議，並發言。')).toBeUndefined();
  });

  it('reads chapters, sections and financial numerals as headings, with levels by kind', () => {
    // Alone, an outer kind is level 2.
    for (const text of ['壹、前言', '貳、研究方法與資料', '參、 結論', '拾壹、附錄', '叁、调查结果', '第一章 緒論', '第十二章　结语', '第3章 方法', '第二節 文獻回顧', '第一节', '第二部分：实证分析', '第一篇 总论']) {
      expect(headingDepth(text), text).toBe(2);
    }
    // Under 壹、 the ordinary numbering moves one level down.
    const lines = ['壹、前言', '一、問題的提出', '（一）研究背景', '1.資料來源', '貳、結論'].map((t) => makeLine(t, 0));
    const depths = buildBlocks(lines, undefined).map((b) => (b.type === 'heading' ? b.depth : 0));
    expect(depths).toEqual([2, 3, 4, 5, 2]);
    // Chapters over sections over 一、, in a Simplified thesis; the kinds a page uses take the levels.
    const thesis = ['第一章 绪论', '第一节 研究缘起', '一、问题的提出', '第二章 文献回顾', '（一）国内研究'].map((t) => makeLine(t, 0));
    expect(buildBlocks(thesis, undefined).map((b) => (b.type === 'heading' ? b.depth : 0))).toEqual([2, 3, 4, 2, 5]);
    // Deep numbering, under every other kind, stops at level 6.
    expect(headingDepth('（1）具體做法', [0, 1, 2, 3, 4, 5, 6])).toBe(6);
  });

  it('takes the chapter heading a page opens with for its title when nothing else is one', () => {
    const source = ['第三章 山裡的學校', '', '第三章寫的是我們到了山裡以後的事情，學校只有兩間教室，一間給低年級，一間給高年級，老師也只有三位。'].join('\n');
    const { meta, markdown } = normalizePlainText(new VFile({ path: 'a.txt', value: source }), { script: 'keep' });
    expect(meta.title).toBe('第三章 山裡的學校');
    expect(markdown).not.toContain('## 第三章');
  });

  it('keeps sentences that open with an ordinal word as paragraphs', () => {
    for (const text of ['第三节课后我们去了操场', '第一部分人认为可行', '第一篇幅很长', '兩、三天後他回來了', '壹、本研究發現，居民參與程度與社區活動次數有關。', '第二章的討論見下文，此處不贅。', '壹貳參肆', '第一，要加強學習']) {
      expect(headingDepth(text), text).toBeUndefined();
    }
  });

  it('keeps paragraphs that start with a number as paragraphs', () => {
    expect(headingDepth('一、基層黨務工作是指在基層單位中，通過加強對黨員的管理和教育，提高黨員的政治覺悟。')).toBeUndefined();
    expect(headingDepth('1.5倍的增長')).toBeUndefined();
    expect(headingDepth('2024年3期')).toBeUndefined();
    expect(headingDepth('一、如下：')).toBeUndefined();
    expect(headingDepth('普通的一句話')).toBeUndefined();
  });

  it('keeps citations as text through stringify and parse', () => {
    const blocks = buildBlocks([makeLine('顯得尤為重要[1]。黨的[2-3]十八大', 0), makeLine('[1] 開頭的段落', 0)], undefined);
    const markdown = toMarkdown({ title: 't', authors: [], lang: 'zh-Hant', keywords: [] }, blocks);
    expect(markdown).toContain('顯得尤為重要[1]。黨的[2-3]十八大');
    const tree = unified().use(remarkParse).parse(markdown.replace(/^---[\s\S]*?---\n/, '')) as Root;
    expect(tree.children.map((n) => toString(n))).toEqual(['顯得尤為重要[1]。黨的[2-3]十八大', '[1] 開頭的段落']);
  });

  it('escapes Markdown syntax found in scraped text', () => {
    const lines = ['# 不是標題', '1. 不是列表，而是一句話。', '*不是強調* <b>', '- 不是項目'];
    const blocks = buildBlocks(lines.map((t) => makeLine(t, 0)), undefined);
    const markdown = toMarkdown({ title: 't', authors: [], lang: 'zh-Hant', keywords: [] }, blocks);
    const tree = unified().use(remarkParse).parse(markdown.replace(/^---[\s\S]*?---\n/, '')) as Root;
    expect(tree.children.map((n) => n.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph']);
    expect(tree.children.map((n) => toString(n))).toEqual(['# 不是標題', '1. 不是列表，而是一句話。', '*不是強調* <b>', '- 不是項目']);
    expect(markdown).toContain('\\<b>'); // raw HTML escaped, so it stays text
  });

  it('warns once when citations have no reference list', () => {
    const reporter = reporterFor('a[1]\nb[2]');
    buildBlocks([makeLine('a[1]', 0), makeLine('b[2]', 5)], reporter);
    expect(reporter.file.messages.filter((m) => m.ruleId === 'citations')).toHaveLength(1);
    expect(reporter.file.messages[0]).toMatchObject({ line: 1, column: 2 });
    const withRefs = reporterFor('');
    buildBlocks(['a[1]', '參考文獻', '[1] 某書'].map((t) => makeLine(t, 0)), withRefs);
    expect(withRefs.file.messages.filter((m) => m.ruleId === 'citations')).toHaveLength(0);
    expect(hasReferenceList(['References', ''])).toBe(false);
  });
});
