/**
 * control: scraped text carries invisible characters (zero-width spaces, BOMs mid-text, C0/C1
 * controls, unpaired surrogates) that break search, line breaking and XML outputs (EPUB), and
 * decomposed sequences that compare unequal to the same visible text. Remove the former; compose
 * with NFC (never NFKC, which would rewrite full-width punctuation and compatibility ideographs'
 * meaning-bearing forms).
 */
import { applyEdits, type Edit, type Line, type Reporter } from '../lines.ts';

export const RULE_ID = 'control';

const ZERO_WIDTH = new Set([0x200b, 0x2060, 0xfeff, 0x180e]);
const JOINERS = new Set([0x200c, 0x200d]);
const JOINABLE = /[\p{L}\p{M}\p{Extended_Pictographic}\u{FE0F}\u{1F3FB}-\u{1F3FF}]/u;

function describe(cp: number): string {
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  if (cp >= 0xd800 && cp <= 0xdfff) return `unpaired surrogate U+${hex}`;
  if (ZERO_WIDTH.has(cp) || JOINERS.has(cp)) return `zero-width character U+${hex}`;
  return `control character U+${hex}`;
}

/** Edits removing invisible characters. \n, \r and \t are kept: they are structure. */
/** Any character the loop below may remove: most lines have none, and a regular expression finds that fastest. */
const MAYBE_INVISIBLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u180e\u200b-\u200d\u2060\ufeff\ud800-\udfff]/;

export function invisibleEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  if (!MAYBE_INVISIBLE.test(text)) return edits;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let remove = false;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      remove = true;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      remove = true;
    } else if ((code < 0x20 && code !== 9 && code !== 10 && code !== 13) || (code >= 0x7f && code <= 0x9f)) {
      remove = true;
    } else if (ZERO_WIDTH.has(code)) {
      remove = true;
    } else if (JOINERS.has(code)) {
      // ZWJ/ZWNJ shape emoji sequences and some scripts; only strays between non-letters go.
      const before = i > 0 ? String.fromCodePoint(text.codePointAt(previousStart(text, i))!) : ' ';
      const after = i + 1 < text.length ? String.fromCodePoint(text.codePointAt(i + 1)!) : ' ';
      remove = !(JOINABLE.test(before) && JOINABLE.test(after));
    }
    if (remove) edits.push({ start: i, end: i + 1, replacement: '', reason: `Remove ${describe(code)}` });
  }
  return edits;
}

function previousStart(text: string, i: number): number {
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return i - 2;
  }
  return i - 1;
}

/** A base character with its combining marks (and Hangul vowel/final jamo): NFC works within it. */
const CLUSTER = /[\s\S][\p{M}\u1160-\u11FF\uD7B0-\uD7FF]*/gu;

/** Edits composing to NFC, one per changed cluster. */
export function nfcEdits(text: string): Edit[] {
  if (text.normalize('NFC') === text) return [];
  const edits: Edit[] = [];
  let rebuilt = '';
  for (const match of text.matchAll(CLUSTER)) {
    const cluster = match[0];
    const composed = cluster.normalize('NFC');
    rebuilt += composed;
    if (composed !== cluster) {
      edits.push({ start: match.index, end: match.index + cluster.length, replacement: composed, reason: 'Compose to Unicode NFC' });
    }
  }
  if (rebuilt.normalize('NFC') === rebuilt) return edits;
  // Composition across clusters (rare): fall back to one edit over the differing middle.
  const whole = text.normalize('NFC');
  let start = 0;
  while (start < text.length && start < whole.length && text[start] === whole[start]) start++;
  let endText = text.length;
  let endWhole = whole.length;
  while (endText > start && endWhole > start && text[endText - 1] === whole[endWhole - 1]) {
    endText--;
    endWhole--;
  }
  return [{ start, end: endText, replacement: whole.slice(start, endWhole), reason: 'Compose to Unicode NFC' }];
}

/** Removes invisible characters, then composes to NFC. */
export function applyControl(line: Line, reporter: Reporter | undefined): void {
  applyEdits(line, invisibleEdits(line.text), reporter, RULE_ID, 'info');
  applyEdits(line, nfcEdits(line.text), reporter, RULE_ID, 'info');
}
