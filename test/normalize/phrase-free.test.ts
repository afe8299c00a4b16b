/**
 * The script rule's round trip (to the other script and back) is looked up character by
 * character when no phrase in the window can change it (phrase-free.ts). Whenever it answers,
 * the answer must be opencc's, and it must step aside for a phrase that reads a character
 * differently from the character alone.
 */
import { describe, expect, it } from 'vitest';
import { converter, type Direction } from '../../pipeline/locale/opencc.ts';
import { phraseFreeConvert, phraseTables } from '../../pipeline/locale/phrase-free.ts';
import { seededRandom, scrapedPages } from '../helpers/pages.ts';

const texts = scrapedPages;

const text = (points: ArrayLike<number>) => String.fromCodePoint(...Array.from(points));
const opencc = (window: string, directions: Direction[]) => directions.reduce((s, d) => converter(d)(s), window);

describe('phraseFreeConvert', () => {
  for (const directions of [['toHans', 'toHant'], ['toHant', 'toHans'], ['toHant'], ['toHans']] as Direction[][]) {
    it(`answers ${directions.join(' then ')} as opencc does, on slices of both scripts`, () => {
      const next = seededRandom(directions.length * 13 + (directions[0] === 'toHant' ? 1 : 0));
      let answered = 0;
      let changed = 0;
      for (let n = 0; n < 4000; n++) {
        const page = texts[Math.floor(next() * texts.length)]!;
        const length = 2 + Math.floor(next() * 24);
        const start = Math.floor(next() * Math.max(1, page.length - length));
        const window = page.slice(start, start + length);
        // Both forms the script rule passes: a string when each character is one UTF-16 unit, else the characters.
        const out = phraseFreeConvert(n % 2 === 0 && !/[\uD800-\uDFFF]/.test(window) ? window : Array.from(window), directions);
        if (!out) continue;
        answered++;
        if (text(out) !== window) changed++;
        expect(text(out), window).toBe(opencc(window, directions));
      }
      // Most windows are answered, and many of those are changed: the comparison means something.
      expect(answered).toBeGreaterThan(2000);
      expect(changed).toBeGreaterThan(500);
    });
  }

  it('steps aside for a phrase that reads a character otherwise', () => {
    // 干 alone is 幹; in 一干二净 it is 乾, in 干涉 it stays 干. 于 alone is 於; the name 于丹 keeps it.
    for (const window of ['他把事情一干二净地了结', '不要干涉别人', '作者于丹说']) {
      expect(phraseFreeConvert(Array.from(window), ['toHant'])).toBeUndefined();
      expect(opencc(window, ['toHant'])).not.toBe(Array.from(window, (ch) => converter('toHant')(ch)).join(''));
    }
    // Without such a phrase it answers, character by character.
    expect(text(phraseFreeConvert(Array.from('国家的经济'), ['toHant'])!)).toBe('國家的經濟');
  });

  it('leaves ideographic description sequences to opencc', () => {
    expect(phraseFreeConvert(Array.from('字⿰氵国'), ['toHant'])).toBeUndefined();
  });

  it('is built from the dictionaries when no table was precomputed, with the same content', () => {
    const made = phraseTables.make();
    expect(made).not.toBeNull();
    expect(JSON.stringify(made)).toBe(JSON.stringify(phraseTables.get()));
  });
});
