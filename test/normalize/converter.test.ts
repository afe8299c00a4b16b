/**
 * The script rule converts through converterFor(), a converter holding only the
 * dictionary entries that can act on the text it is made for. It must give what
 * opencc's full converter gives, for the text and any part of it, in both directions.
 */
import { describe, expect, it } from 'vitest';
import { converter, converterFor } from '../../pipeline/locale/opencc.ts';
import { seededRandom, scrapedPages } from '../helpers/pages.ts';

const texts = scrapedPages;

describe('converterFor', () => {
  for (const direction of ['toHant', 'toHans'] as const) {
    it(`gives the full converter's ${direction} output on slices of Simplified and Traditional pages`, () => {
      const next = seededRandom(direction === 'toHant' ? 7 : 11);
      const made: [text: string, converted: string][] = [];
      // Below the 30,000 characters after which converterFor hands out the full converter itself;
      // the full one is built after, since once built it is what converterFor returns.
      for (let budget = 28_000; budget > 0; ) {
        const text = texts[Math.floor(next() * texts.length)]!;
        const length = 4 + Math.floor(next() * 40);
        const start = Math.floor(next() * Math.max(1, text.length - length));
        const slice = text.slice(start, start + length);
        budget -= slice.length;
        const convert = converterFor(direction, slice);
        // A part of the text it was made for too: the script rule converts windows of a line with one converter.
        const part = slice.slice(Math.floor(slice.length / 3));
        made.push([slice, convert(slice)], [part, convert(part)]);
      }
      const full = converter(direction);
      for (const [text, converted] of made) expect(converted, text).toBe(full(text));
      const checked = made.filter(([text, converted]) => converted !== text).length;
      // Enough of them changed by the conversion for the comparison to mean something.
      expect(checked).toBeGreaterThan(100);
    });
  }
});
