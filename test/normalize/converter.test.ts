/**
 * The script rule converts through converterFor(), a converter holding only the
 * dictionary entries that can act on the text it is made for. It must give what
 * opencc's full converter gives, for the text and any part of it, in both directions.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { keysIn, sortedStarts } from '../../pipeline/locale/key-order.ts';
import { converter, converterFor, keyOrders } from '../../pipeline/locale/opencc.ts';
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

describe('the precomputed key order of the large dictionaries', () => {
  const { Locale } = createRequire(import.meta.url)('opencc-js') as { Locale: { configs: Record<string, { segmentation?: unknown[] }> } };
  const phrases = Locale.configs.s2tw!.segmentation!.find((dict): dict is string => typeof dict === 'string' && dict.length > 100_000)!;

  it('is written at compile time for STPhrases, and names it', () => {
    const order = keyOrders.get().find((o) => o.length === phrases.length && phrases.startsWith(o.head));
    expect(order?.starts).toEqual(sortedStarts(phrases));
  });

  it('finds exactly the entries whose key occurs in a text', () => {
    const order = sortedStarts(phrases);
    const entries: [key: string, start: number][] = [];
    for (let start = 0; start < phrases.length; ) {
      const space = phrases.indexOf(' ', start);
      entries.push([phrases.slice(start, space), start]);
      const bar = phrases.indexOf('|', space);
      start = bar < 0 ? phrases.length : bar + 1;
    }
    const next = seededRandom(5);
    let hits = 0;
    for (let n = 0; n < 120; n++) {
      const text = texts[Math.floor(next() * texts.length)]!;
      const start = Math.floor(next() * Math.max(1, text.length - 60));
      // Slices of pages, and every fourth one three of the dictionary's own keys run together.
      const keys = () => Array.from({ length: 3 }, () => entries[Math.floor(next() * entries.length)]![0]).join('');
      const slice = n % 4 === 0 ? keys() : text.slice(start, start + 4 + Math.floor(next() * 56));
      const expected = entries.filter(([key]) => slice.includes(key)).map(([, at]) => at);
      expect([...keysIn(phrases, order, slice)].sort((a, b) => a - b), slice).toEqual(expected);
      hits += expected.length;
    }
    expect(hits).toBeGreaterThan(150);
  });
});
