import type { Root } from 'hast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { fontStack } from '../../pipeline/fonts/catalogue.ts';
import { hasGlyph, warnMissingGlyphs } from '../../pipeline/render/glyphs.ts';

const tree = (text: string): Root => ({
  type: 'root',
  children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text, position: { start: { line: 3, column: 1 }, end: { line: 3, column: 9 } } }] }],
});

describe('glyph coverage', () => {
  it('finds the characters of Chinese and Latin text in the bundled fonts', () => {
    for (const lang of ['zh-Hant', 'zh-Hans', 'en']) {
      for (const ch of ['黨', '党', '。', '“', 'é', 'A', '→', '①']) expect(hasGlyph(ch, fontStack(lang)), `${ch} ${lang}`).toBe(true);
    }
  });

  it('warns once, naming it, about each character no bundled font has', () => {
    const file = new VFile({ path: 'g.md' });
    warnMissingGlyphs(tree('字😀字😀 𠀀'), file, fontStack('zh-Hant'), ['標題\u{30000}']);
    expect(file.messages.map((m) => m.actual)).toEqual(['\u{30000}', '😀', '𠀀']);
    expect(file.messages.every((m) => m.ruleId === 'missing-glyph' && m.fatal === false)).toBe(true);
    expect(file.messages[1]!.reason).toContain('U+1F600');
    expect(file.messages[1]!.line).toBe(3);
  });

  it('says nothing about a page its fonts cover', () => {
    const file = new VFile({ path: 'g.md' });
    warnMissingGlyphs(tree('基層黨務工作，(一) 1,000 “引號” — …'), file, fontStack('zh-Hant'));
    expect(file.messages).toEqual([]);
  });
});
