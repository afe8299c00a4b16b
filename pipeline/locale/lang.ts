/**
 * Language detection from the text itself: scraped sources carry no lang attribute, and the
 * script rule, fonts and hyphenation downstream all depend on Hant vs Hans.
 */
import { perCharacter } from '../memo.ts';
import { scriptMarks, SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from './script-index.ts';

/** How much of a text detectLang reads: its first 200,000 UTF-16 units. */
export const LANG_SAMPLE = 200_000;

/**
 * Counts Han characters that only Simplified (resp. only Traditional) text
 * would use, each character judged alone (script-index.ts).
 */
export function scriptEvidence(text: string): { simplified: number; traditional: number } {
  const marks = scriptMarks();
  let simplified = 0;
  let traditional = 0;
  const sample = text.length > LANG_SAMPLE ? text.slice(0, LANG_SAMPLE) : text;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.codePointAt(i)!;
    if (code > 0xffff) i++;
    const mark = marks[code];
    if (mark === TRADITIONAL_ONLY) traditional++;
    else if (mark === SIMPLIFIED_ONLY) simplified++;
  }
  return { simplified, traditional };
}

const HAN = 1;
const KANA = 2;
const HANGUL = 4;
const LATIN = 8;
const LETTER = 16;
const CLASSES: [number, RegExp][] = [
  [HAN, /^\p{Script=Han}$/u],
  [KANA, /^[\p{Script=Hiragana}\p{Script=Katakana}]$/u],
  [HANGUL, /^\p{Script=Hangul}$/u],
  [LATIN, /^\p{Script=Latin}$/u],
  [LETTER, /^\p{L}$/u],
];

/** What a character is, as bits of the classes above. */
function classOf(ch: string): number {
  let bits = 0;
  for (const [bit, pattern] of CLASSES) if (pattern.test(ch)) bits |= bit;
  return bits;
}

/** Each character's classes: the sample can be 200,000 units. */
const classesOf = perCharacter(classOf);

/** How many characters of `text` are Han, kana, Hangul, Latin and letters of any script, in one pass. */
function countClasses(text: string): { han: number; kana: number; hangul: number; latin: number; other: number } {
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let latin = 0;
  let other = 0;
  classesOf(text, (bits) => {
    if (bits & HAN) han++;
    if (bits & KANA) kana++;
    if (bits & HANGUL) hangul++;
    if (bits & LATIN) latin++;
    if (bits & LETTER) other++;
  });
  return { han, kana, hangul, latin, other };
}

/** BCP 47 tag: zh-Hant, zh-Hans, zh (no distinguishing characters), ja, ko, en, or und. */
export function detectLang(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return 'und';
  const sample = text.length > LANG_SAMPLE ? text.slice(0, LANG_SAMPLE) : text;
  const { han, kana, hangul, latin, other } = countClasses(sample);
  if (other === 0) return 'und';
  if (kana > 0 && kana * 5 >= han && kana + han >= latin / 4) return 'ja';
  if (hangul > han && hangul >= latin / 4) return 'ko';
  // Latin letters count per word, Han per character: a Chinese text with English terms stays Chinese.
  if (han > 0 && han * 4 >= latin) {
    const { simplified, traditional } = scriptEvidence(sample);
    if (traditional > simplified) return 'zh-Hant';
    if (simplified > traditional) return 'zh-Hans';
    return 'zh';
  }
  if (latin * 2 >= other) return 'en';
  return 'und';
}
