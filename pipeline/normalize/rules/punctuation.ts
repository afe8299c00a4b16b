/**
 * punctuation: scrapers and some editors flatten full-width punctuation to ASCII (`目前,我國`),
 * which breaks Chinese typesetting (no spacing, wrong line-breaking, mixed glyph widths). ASCII
 * marks are restored to full width only where they sit against Chinese text; numbers (1,000,
 * 3.14, 09:06), URLs, e-mail addresses, inline code and Latin prose keep their ASCII marks.
 * Heading numbers (一、 1、 1.) and citation marks ([1]) use no mark this rule touches, except
 * the parentheses of (一) / (1), which Chinese style writes full-width.
 */
import { isCjkContext, isHan } from '../chars.ts';
import { applyEdits, type Edit, type Line, type Reporter } from '../lines.ts';

export const RULE_ID = 'punctuation';

const WIDE: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

const URL = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’<>"]*/giu;
const PROTECTED = [
  /`[^`\n]*`/g, // inline code
  URL,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail
];

function protectedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  for (const pattern of PROTECTED) {
    for (const match of text.matchAll(pattern)) {
      // Like GFM autolinks: trailing sentence punctuation is not part of a URL.
      const body = pattern === URL ? match[0].replace(/[,.;:!?)]+$/, '') : match[0];
      mask.fill(1, match.index, match.index + body.length);
    }
  }
  return mask;
}

const DIGIT = /[0-9]/;

/** Matching parenthesis pairs, by index, ignoring protected ones. */
function parenPairs(text: string, mask: Uint8Array): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (mask[i]) continue;
    if (text[i] === '(') stack.push(i);
    else if (text[i] === ')' && stack.length > 0) {
      const open = stack.pop()!;
      pairs.set(open, i);
      pairs.set(i, open);
    }
  }
  return pairs;
}

/** Edits that widen ASCII punctuation inside Chinese text. */
export function punctuationEdits(text: string): Edit[] {
  if (!/[,:;?!()]/.test(text)) return [];
  const mask = protectedMask(text);
  const pairs = parenPairs(text, mask);
  const chars = text.split('');
  const edits: Edit[] = [];
  const widen = (i: number) => {
    const wide = WIDE[chars[i]!]!;
    edits.push({ start: i, end: i + 1, replacement: wide, reason: `Use full-width ${wide} in Chinese text` });
    chars[i] = wide;
  };
  const decidedParens = new Set<number>();
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (!(ch in WIDE) || mask[i]) continue;
    const before = chars[i - 1];
    const after = chars[i + 1];
    if (ch === '(' || ch === ')') {
      if (decidedParens.has(i)) {
        widen(i);
        continue;
      }
      const partner = pairs.get(i);
      if (partner === undefined) {
        if (isCjkContext(before) || isCjkContext(after)) widen(i);
        continue;
      }
      if (ch === ')') continue; // a matched ')' is decided with its '('
      const inner = text.slice(i + 1, partner);
      const outsideBefore = chars[i - 1];
      const outsideAfter = chars[partner + 1];
      // f(x) stays ASCII; (一) / (1)標題 / 中文(English) / (含中文) go full-width.
      const callLike = /[A-Za-z0-9_]/.test(outsideBefore ?? '');
      const chinese = [...inner].some(isHan) || (!callLike && (isCjkContext(outsideBefore) || isCjkContext(outsideAfter)));
      if (chinese) {
        widen(i);
        decidedParens.add(partner);
      }
      continue;
    }
    if (before !== undefined && after !== undefined && DIGIT.test(before) && DIGIT.test(after)) continue; // 1,000  09:06
    if (ch === ':' && after === '/' ) continue;
    if (isCjkContext(before) || isHan(after) || (isCjkContext(after) && before === undefined)) widen(i);
  }
  return edits;
}

export function applyPunctuation(line: Line, reporter: Reporter | undefined): void {
  applyEdits(line, punctuationEdits(line.text), reporter, RULE_ID, 'info');
}
