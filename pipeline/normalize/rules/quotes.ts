/**
 * Quotation marks, the part of the punctuation rule that works on pairs: scrapers and ASCII
 * keyboards leave `"基层减负"` where Chinese text writes “基层减负”, and `'…'` for ‘…’ inside
 * it. A mark is only changed as one of a pair on its line, and only where the pair belongs to
 * Chinese text: English sentences (`He said "yes".`), attributes (`a="b"`), inches (`3"`) and
 * anything protected (code, URLs) keep their ASCII marks.
 */
import { isCjkContext, isHan } from '../chars.ts';
import type { Edit } from '../lines.ts';

const REASON = 'Use Chinese quotation marks around Chinese text';
const WORD = /[A-Za-z0-9_=\\]/;
const HAN_TEST = /\p{Script=Han}/u;
const APOSTROPHE = /[A-Za-z]/;
const CODE_BEFORE = /[A-Za-z0-9_]\s*(?:\(|[=:]|,)\s*$/;

/** The nearest character before `i` (or after, with step 1) that is not a space. */
function visible(text: string, i: number, step: -1 | 1): string | undefined {
  let j = i + step;
  while (text[j] === ' ') j += step;
  return text[j];
}

/** Whether the pair of ASCII marks at `open`, `close` quotes Chinese text. */
function chinesePair(text: string, open: number, close: number): boolean {
  // Glued to a Latin word or a number: an attribute, an identifier, inches, an apostrophe.
  if (WORD.test(text[open - 1] ?? '') || WORD.test(text[close + 1] ?? '')) return false;
  // Code and English: `print("…")`, `title = "…"`, `name: "…"`, `He wrote: "…"`.
  if (CODE_BEFORE.test(text.slice(Math.max(0, open - 40), open))) return false;
  const inner = text.slice(open + 1, close);
  if (inner.trim() === '') return false;
  return HAN_TEST.test(inner) || isCjkContext(visible(text, open, -1)) || isHan(visible(text, close, 1));
}

/**
 * Pairs of one ASCII mark on a line, in order. A line with an odd number of them (a quote that
 * runs on to the next paragraph, a stray mark) is left alone: the pairing would be a guess.
 * A curly opening mark already there takes the next ASCII mark as its closing one.
 */
function pairs(text: string, ascii: '"' | "'", curlyOpen: string, curlyClose: string, mask: Uint8Array): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const closers: number[] = [];
  let open: number | undefined;
  let curly = false;
  let loose = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (mask[i]) continue;
    if (ascii === "'" && APOSTROPHE.test(text[i - 1] ?? '') && APOSTROPHE.test(text[i + 1] ?? '')) continue; // don't
    if (ch === curlyOpen) curly = true;
    else if (ch === curlyClose) curly = false;
    else if (ch !== ascii) continue;
    else if (curly) {
      closers.push(i);
      curly = false;
    } else if (open === undefined) {
      open = i;
      loose++;
    } else {
      found.push([open, i]);
      open = undefined;
      loose++;
    }
  }
  if (loose % 2 === 1) return closers.map((i) => [-1, i]);
  return [...found, ...closers.map((i): [number, number] => [-1, i])];
}

/** Edits that turn ASCII quotation marks around Chinese text into “…” and ‘…’. */
export function quoteEdits(text: string, mask: Uint8Array): Edit[] {
  const edits: Edit[] = [];
  for (const [ascii, left, right] of [['"', '“', '”'], ["'", '‘', '’']] as const) {
    if (!text.includes(ascii)) continue;
    for (const [open, close] of pairs(text, ascii, left, right, mask)) {
      if (open < 0) {
        // The closing mark of a curly opening one: Chinese when the quote holds Han text.
        const start = text.lastIndexOf(left, close);
        if (HAN_TEST.test(text.slice(start + 1, close))) edits.push({ start: close, end: close + 1, replacement: right, reason: REASON });
        continue;
      }
      if (!chinesePair(text, open, close)) continue;
      edits.push({ start: open, end: open + 1, replacement: left, reason: REASON }, { start: close, end: close + 1, replacement: right, reason: REASON });
    }
  }
  return edits;
}
