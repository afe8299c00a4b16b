/**
 * normalize writes inert paragraphs and headings itself and sends only the other blocks through
 * remark-stringify: the Markdown must be what remark-stringify gives for the whole document.
 */
import type { Paragraph, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { stringifyBlocks, toMarkdown, unescapeCitations } from '../../pipeline/normalize/markdown.ts';
import { seededRandom } from '../helpers/pages.ts';

const text = (value: string) => ({ type: 'text' as const, value });
const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [text(value)] });

/** Blocks of every kind normalize makes, inert and not, with text that needs escaping. */
const KINDS: Array<() => RootContent> = [
  () => paragraph('基層黨組織是黨在社會基層組織中的戰鬥堡壘'),
  () => paragraph('1. 不是列表的一行'),
  () => paragraph('* 星號開頭，[1] 引用'),
  () => paragraph('　全形空格開頭'),
  () => paragraph('# 井號'),
  () => paragraph('見文獻[1]，又見[2-3]。'),
  () => paragraph('[1]開頭的引用'),
  () => paragraph('不是引用[1](鏈接)，[2][3]，[4]:'),
  () => ({ type: 'heading', depth: 2, children: [text('一、加強組織建設')] }),
  () => ({ type: 'heading', depth: 4, children: [text('1.結語')] }),
  () => ({ type: 'paragraph', children: [text('見'), { type: 'footnoteReference', identifier: '1', label: '1' }, text('。')] }),
  () => ({ type: 'footnoteDefinition', identifier: '1', label: '1', children: [paragraph('註釋的內容')] }),
  () => ({ type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [paragraph('項目')] }] }),
  () => ({ type: 'list', ordered: true, start: 1, spread: false, children: [{ type: 'listItem', spread: false, children: [paragraph('第一項')] }] }),
  () => ({ type: 'blockquote', children: [paragraph('引文')] }),
  () => ({ type: 'code', lang: null, value: 'print("你好")' }),
  () => ({ type: 'thematicBreak' }),
  // A code block quoting the marker toMarkdown cuts its runs at.
  () => ({ type: 'code', lang: null, value: 'a\n\n<!--galley: between runs-->\n\nb' }),
];

describe('toMarkdown', () => {
  it('gives what remark-stringify gives for the whole document, on 300 random sequences of blocks', () => {
    const random = seededRandom(7);
    const meta = { title: '標題', authors: ['王小明'], lang: 'zh-Hant', keywords: [] };
    let inertWritten = 0;
    for (let round = 0; round < 300; round++) {
      const blocks = Array.from({ length: 1 + Math.floor(random() * 8) }, () => KINDS[Math.floor(random() * KINDS.length)]!());
      const whole = unescapeCitations(stringifyBlocks([{ type: 'yaml', value: 'title: "標題"' }, ...blocks]).replace(/^---\ntitle: "標題"\n---/, ''));
      const made = toMarkdown(meta, blocks);
      expect(made.slice(made.indexOf('\n---') + 4)).toBe(whole);
      if (blocks.some((b) => b.type === 'paragraph' && b.children.length === 1)) inertWritten++;
    }
    expect(inertWritten).toBeGreaterThan(100);
  });
});
