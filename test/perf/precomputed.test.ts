/**
 * The tables npm run compile writes to dist/data/ are what the dependencies
 * say: the script index what opencc converts, the font coverage what each
 * @font-face rule's unicode-range covers, the contents' digit metrics what
 * fontkit reads from the cut fonts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverageTable, covering } from '../../pipeline/fonts/coverage.ts';
import { FONT_WEIGHTS } from '../../pipeline/fonts/catalogue.ts';
import { converters } from '../../pipeline/locale/opencc.ts';
import { scriptIndex, scriptSets } from '../../pipeline/locale/script-index.ts';
import { DATA_DIR } from '../../pipeline/precomputed.ts';
import { isDropped, pairChar, pairTable } from '../../pipeline/normalize/byte-pairs.ts';
import { decodeExact, iconv, isClean } from '../../pipeline/normalize/encodings.ts';
import { digitsOf } from '../../pipeline/emit/pdf/digits.ts';
import { measureDigits } from '../../pipeline/emit/pdf/digit-face.ts';

describe('precomputed tables', () => {
  it('are written by the compile step the test setup ran', () => {
    expect(existsSync(join(DATA_DIR, `${scriptIndex.name}.json`))).toBe(true);
    expect(scriptIndex.get()).toEqual(scriptIndex.make());
  });

  it('list the characters opencc changes one way only', () => {
    const { simplified, traditional } = scriptSets();
    for (const ch of '干于并发后') expect(simplified.has(ch), ch).toBe(true);
    for (const ch of '於並發後幹') expect(traditional.has(ch), ch).toBe(true);
    // Shared by both scripts, or not Han at all.
    for (const ch of '人中的a，') expect(simplified.has(ch) || traditional.has(ch), ch).toBe(false);
    const { toHant, toHans } = converters();
    for (const ch of [...simplified].filter((_, i) => i % 97 === 0)) expect([toHant(ch) !== ch, toHans(ch)], ch).toEqual([true, ch]);
  });

  it('find, for each character, the faces whose unicode-range covers it, in CSS order', () => {
    for (const [pkg, weight] of FONT_WEIGHTS.filter(([pkg]) => /sans-tc|serif|symbols/.test(pkg))) {
      const table = coverageTable(pkg, weight);
      const coverage = table.get();
      expect(coverage, `${pkg} ${weight}`).toEqual(table.make());
      const probes = [0x20, 0x41, 0xe9, 0x2014, 0x3001, 0x4e2d, 0x6f22, 0x9fa5, 0xff0c, 0x1f600, 0x2190];
      // Read again here, from each rule's own unicode-range.
      const ranges = coverage.faces.map((face) => {
        const range = face.css.match(/unicode-range:\s*([^;]+);/)?.[1];
        expect(Boolean(range), face.css).toBe(Boolean(face.ranged));
        return (range ?? '').split(',').filter(Boolean).map((part) => part.trim().replace(/^U\+/i, '').split('-').map((hex) => parseInt(hex, 16)));
      });
      for (const code of probes) {
        const expected = ranges.flatMap((list, i) => (list.some(([lo, hi = lo]) => lo! <= code && code <= hi!) ? [i] : []));
        expect(covering(coverage, code), `${pkg} ${weight} U+${code.toString(16)}`).toEqual(expected);
      }
    }
  });

  it('give the contents digits the glyphs and advances fontkit lays out, for every family and weight', async () => {
    let measured = 0;
    for (const [pkg, weight] of FONT_WEIGHTS) {
      const digits = await digitsOf(`${pkg}/${weight}`);
      if (!digits) continue;
      expect(existsSync(join(DATA_DIR, 'digits', `${pkg}-${weight}.json`)), `${pkg} ${weight}`).toBe(true);
      expect(digits.bytes).toEqual(new Uint8Array(readFileSync(join(DATA_DIR, 'digits', `${pkg}-${weight}.ttf`))));
      expect(digits.face, `${pkg} ${weight}`).toEqual(await measureDigits(digits.bytes));
      expect(digits.face.glyphs).toHaveLength(10);
      expect(new Set(digits.face.glyphs).size).toBe(10);
      for (const width of digits.face.widths) expect(width).toBeGreaterThan(0);
      measured++;
    }
    expect(measured).toBeGreaterThan(10);
  });

  it('give every pair of bytes the character GBK and Big5 decode it to, and GBK the pairs a page shows nothing for', () => {
    expect(existsSync(join(DATA_DIR, `${pairTable.name}.json`))).toBe(true);
    let chars = 0;
    let dropped = 0;
    for (let lead = 0x40; lead <= 0xff; lead++) {
      for (let trail = 0; trail <= 0xff; trail++) {
        for (const codec of ['gbk', 'big5'] as const) {
          const ch = decodeExact(Buffer.from([lead, trail]), codec);
          const expected = ch !== undefined && ch.length > 0 && ch.length <= 2 && isClean(ch) ? ch : undefined;
          if (pairChar(codec, lead, trail) !== expected) expect([codec, lead, trail, pairChar(codec, lead, trail)]).toEqual([codec, lead, trail, expected]);
          if (expected && lead >= 0x81) chars++;
        }
        const cp = iconv().decode(Buffer.from([lead, trail]), 'gbk').codePointAt(0) ?? 0;
        const pua = lead >= 0x81 && lead <= 0xfe && trail >= 0x40 && trail <= 0xfe && cp >= 0xe000 && cp <= 0xf8ff;
        if (isDropped(lead, trail) !== pua) expect([lead, trail, isDropped(lead, trail)]).toEqual([lead, trail, pua]);
        if (pua) dropped++;
      }
    }
    // GBK and Big5 (HKSCS) hold some 40,000 two-byte characters between them; GBK's user-defined areas some 1,900 pairs.
    expect(chars).toBeGreaterThan(35_000);
    expect(dropped).toBeGreaterThan(1_500);
    expect([pairChar('gbk', 0xbb, 0xf9), pairChar('big5', 0xc2, 0xa6)]).toEqual(['基', '礎']);
  });
});
