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
});
