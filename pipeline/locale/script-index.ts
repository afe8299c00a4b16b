/**
 * Which Han characters belong to one script only, by opencc's own reading of
 * each character alone: precomputed (precomputed.ts), so that language
 * detection, stray-character screening and the frequency model need no
 * converter. A line none of whose characters is listed has nothing for the
 * script rule to report, and opencc is never loaded for it.
 */
import { precomputed } from '../precomputed.ts';
import { converters, hongKongConverter } from './opencc.ts';

export interface ScriptIndex {
  /** Characters opencc changes to Traditional and leaves alone going to Simplified. */
  simplifiedOnly: string;
  /** Characters opencc changes to Simplified and leaves alone going to Traditional. */
  traditionalOnly: string;
}

/** Blocks that hold Han characters (CJK radicals to the supplementary ideographs). */
const HAN_BLOCKS: [number, number][] = [
  [0x2e80, 0x2fdf],
  [0x3000, 0x303f],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x323af],
];

export const scriptIndex = precomputed('script-index', (): ScriptIndex => {
  const { toHant, toHans } = converters();
  let simplifiedOnly = '';
  let traditionalOnly = '';
  for (const [lo, hi] of HAN_BLOCKS) {
    for (let code = lo; code <= hi; code++) {
      const ch = String.fromCodePoint(code);
      const hant = toHant(ch);
      const hans = toHans(ch);
      if (hant !== ch && hans === ch) simplifiedOnly += ch;
      else if (hans !== ch && hant === ch) traditionalOnly += ch;
    }
  }
  return { simplifiedOnly, traditionalOnly };
});

/** scriptMarks()[code point]: a character of one script only. */
export const SIMPLIFIED_ONLY = 1;
export const TRADITIONAL_ONLY = 2;

let marks: Uint8Array | undefined;

/** The index as one byte per code point, for rules that look at every character of a long text. */
export function scriptMarks(): Uint8Array {
  if (!marks) {
    const index = scriptIndex.get();
    marks = new Uint8Array(0x110000);
    for (const ch of index.simplifiedOnly) marks[ch.codePointAt(0)!] = SIMPLIFIED_ONLY;
    for (const ch of index.traditionalOnly) marks[ch.codePointAt(0)!] = TRADITIONAL_ONLY;
  }
  return marks;
}

let sets: { simplified: Set<string>; traditional: Set<string> } | undefined;

/** The index as sets of characters. */
export function scriptSets(): { simplified: Set<string>; traditional: Set<string> } {
  const index = scriptIndex.get();
  sets ??= { simplified: new Set(index.simplifiedOnly), traditional: new Set(index.traditionalOnly) };
  return sets;
}

/** Traditional (Taiwan, then Hong Kong) forms of each of `texts`, where they differ from it. */
export function traditionalForms(texts: string[]): Record<string, string[]> {
  const { toHant } = converters();
  const toHk = hongKongConverter();
  const forms: Record<string, string[]> = {};
  for (const text of texts) {
    const found = [...new Set([toHant(text), toHk(text)])].filter((form) => form !== text);
    if (found.length) forms[text] = found;
  }
  return forms;
}
