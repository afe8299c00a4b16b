/**
 * Language detection from the text itself: scraped sources carry no lang attribute, and the
 * script rule, fonts and hyphenation downstream all depend on Hant vs Hans.
 */
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

/** The characters of `text` that `others` (runs of every other character) leaves: counted without an array of them. */
function countChars(text: string, others: RegExp): number {
  const kept = text.replace(others, '');
  let count = kept.length;
  for (let i = 0; i < kept.length; i++) if (kept.charCodeAt(i) >= 0xd800 && kept.charCodeAt(i) <= 0xdbff) count--;
  return count;
}

/** BCP 47 tag: zh-Hant, zh-Hans, zh (no distinguishing characters), ja, ko, en, or und. */
export function detectLang(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return 'und';
  const sample = text.length > LANG_SAMPLE ? text.slice(0, LANG_SAMPLE) : text;
  const han = countChars(sample, /\P{Script=Han}+/gu);
  const kana = countChars(sample, /[^\p{Script=Hiragana}\p{Script=Katakana}]+/gu);
  const hangul = countChars(sample, /\P{Script=Hangul}+/gu);
  const latin = countChars(sample, /\P{Script=Latin}+/gu);
  const other = countChars(sample, /\P{L}+/gu);
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
