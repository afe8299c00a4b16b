/** Character classes the rules agree on, so "Han", "CJK punctuation" mean the same everywhere. */

export const HAN = /\p{Script=Han}/u;
export const HAN_GLOBAL = /\p{Script=Han}/gu;

/** Full-width punctuation that belongs to running Chinese text. */
export const CJK_PUNCT = '，。、；：？！「」『』“”‘’（）《》〈〉【】—…·～';

export function isHan(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  if (c < 0x2e80) return false; // below the CJK radicals nothing is Han: most calls end here
  if (c >= 0x4e00 && c <= 0x9fff && ch.length === 1) return true;
  return HAN.test(ch);
}

export function isCjkPunct(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && ch.charCodeAt(0) >= 0xb7 && CJK_PUNCT.includes(ch);
}

/** Han, CJK punctuation, or kana: the "Chinese-text side" of a punctuation mark. */
export function isCjkContext(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

export function countHan(text: string): number {
  return text.match(HAN_GLOBAL)?.length ?? 0;
}

/** Splits into code points; lone surrogates stay single units. */
export function codePoints(text: string): string[] {
  return Array.from(text);
}
