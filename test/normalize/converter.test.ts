/**
 * The script rule converts through converterFor(), a converter holding only the
 * dictionary entries that can act on the text it is made for. It must give what
 * opencc's full converter gives, for the text and any part of it, in both directions.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { converter, converterFor } from '../../pipeline/locale/opencc.ts';
import { entryOf, keysIn, makeTables, readTables, type ChainConfig } from '../../pipeline/locale/opencc-tables.ts';
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

describe("opencc's dictionaries as sorted tables", () => {
  const { Locale } = createRequire(import.meta.url)('opencc-js') as { Locale: { configs: Record<string, ChainConfig> } };
  const made = makeTables({ toHant: Locale.configs.s2tw!, toHans: Locale.configs.tw2s! });
  const phrases = made.tables.reduce((a, b) => (a.at.length > b.at.length ? a : b));

  it('are written at compile time as they are made from opencc-js', () => {
    const read = readTables()!;
    expect(read).toBeDefined();
    expect(read.chains).toEqual(made.chains);
    expect(read.tables.length).toBe(made.tables.length);
    read.tables.forEach((table, i) => {
      expect(table.text === made.tables[i]!.text, `table ${i}`).toBe(true);
      expect(Array.from(table.at), `table ${i}`).toEqual(Array.from(made.tables[i]!.at));
    });
  });

  it("hold each dictionary's entries, a key listed twice with its last value, keys sorted by UTF-16 units", () => {
    const dicts = [...Object.values(Locale.configs.s2tw!), ...Object.values(Locale.configs.tw2s!)].flat(2).filter((dict) => typeof dict === 'string');
    expect(dicts.some((dict) => dict.length > 100_000)).toBe(true);
    for (const dict of new Set(dicts)) {
      const expected = new Map<string, string>();
      for (const entry of dict.split('|')) {
        const [key, value] = entry.split(' ');
        expected.set(key!, value!);
      }
      const table = made.tables.find((t) => (t.at.length - 1) / 2 === expected.size && t.text.startsWith([...expected.keys()].sort()[0]!))!;
      const entries = Array.from({ length: (table.at.length - 1) / 2 }, (_, i) => entryOf(table, i));
      expect(new Map(entries)).toEqual(expected);
      for (let i = 1; i < entries.length; i++) expect(entries[i - 1]![0] < entries[i]![0]).toBe(true);
    }
  });

  it('give exactly the entries whose key occurs in a text', () => {
    const entries = Array.from({ length: (phrases.at.length - 1) / 2 }, (_, i) => entryOf(phrases, i)[0]);
    const small = made.tables.find((t) => (t.at.length - 1) / 2 > 300 && (t.at.length - 1) / 2 < 5000)!;
    const smallKeys = Array.from({ length: (small.at.length - 1) / 2 }, (_, i) => entryOf(small, i)[0]);
    const next = seededRandom(5);
    let hits = 0;
    for (let n = 0; n < 120; n++) {
      const text = texts[Math.floor(next() * texts.length)]!;
      const start = Math.floor(next() * Math.max(1, text.length - 60));
      // Slices of pages, and every fourth one three of the dictionary's own keys run together.
      const keys = () => Array.from({ length: 3 }, () => entries[Math.floor(next() * entries.length)]).join('');
      const slice = n % 4 === 0 ? keys() : text.slice(start, start + 4 + Math.floor(next() * 56));
      const expected = entries.flatMap((key, i) => (slice.includes(key) ? [i] : []));
      expect(keysIn(phrases, slice), slice).toEqual(expected);
      // A table without the index by first unit.
      expect(keysIn(small, slice), slice).toEqual(smallKeys.flatMap((key, i) => (slice.includes(key) ? [i] : [])));
      hits += expected.length;
    }
    expect(hits).toBeGreaterThan(150);
  });
});
