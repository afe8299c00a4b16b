/**
 * punctuation: scrapers and some editors flatten full-width punctuation to ASCII (`目前,我國`),
 * which breaks Chinese typesetting (no spacing, wrong line-breaking, mixed glyph widths). ASCII
 * marks are restored to full width only where they sit against Chinese text; numbers (1,000,
 * 3.14, 09:06), URLs, e-mail addresses, inline code, operators (`（::）`, `?:`, `!=`) and Latin prose
 * keep their ASCII marks.
 * Heading numbers (一、 1、 1.) and citation marks ([1]) use no mark this rule touches, except
 * the parentheses of (一) / (1), which Chinese style writes full-width. Quotation marks go by
 * pairs (quotes.ts): `"基层"` → “基层”.
 */
import { isCjkContext, isHan } from '../chars.ts';
import { applyEdits, outsideKept, type Edit, type Line, type Reporter } from '../lines.ts';
import { isRomanization } from './pinyin.ts';
import { quoteEdits } from './quotes.ts';
import { stopEdits } from './stops.ts';
import { widthEdits } from './widths.ts';

export const RULE_ID = 'punctuation';

const WIDE: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

const URL = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’<>"]*/giu;
const PROTECTED = [
  /`[^`\n]*`/g, // inline code
  URL,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail
];

/** What each protected pattern needs to be present at all: most lines have none of them. */
const NEEDS = ['`', /:\/\/|www\.|mailto:/i, '@'] as const;

/** The mask of a line nothing is protected in: it reads 0 (undefined) at every index, and costs no allocation. */
const NOTHING_PROTECTED = new Uint8Array(0);

function protectedMask(text: string): Uint8Array {
  let mask = NOTHING_PROTECTED;
  for (const [k, pattern] of PROTECTED.entries()) {
    const need = NEEDS[k]!;
    if (typeof need === 'string' ? !text.includes(need) : !need.test(text)) continue;
    if (mask === NOTHING_PROTECTED) mask = new Uint8Array(text.length);
    for (const match of text.matchAll(pattern)) {
      // Like GFM autolinks: trailing sentence punctuation is not part of a URL.
      const body = pattern === URL ? match[0].replace(/[,.;:!?)]+$/, '') : match[0];
      mask.fill(1, match.index, match.index + body.length);
    }
  }
  return mask;
}

/** The marks WIDE widens, by code: `,:;?!()`. */
const isMark = (code: number) => code === 44 || code === 58 || code === 59 || code === 63 || code === 33 || code === 40 || code === 41;
const HAN_GLOBAL_TEST = /\p{Script=Han}/u;

/** Arguments that open with an ASCII-quoted string: `"你好"`, `'名字：', end=""`. */
const STRING_ARGUMENTS = /^\s*(["'`])[^"'`]*\1\s*(?:,[^()]*)?$/;

/** ASCII marks that, run together, make an operator rather than prose punctuation, by code. */
const OPERATOR = new Uint8Array(128);
for (const ch of ':;,!?=<>+*/&|^%~\\-') OPERATOR[ch.charCodeAt(0)] = 1;
const isOperator = (text: string, i: number) => OPERATOR[text.charCodeAt(i)] === 1;

/**
 * Whether the mark at `i` is part of an ASCII operator (`::`, `?:`, `:=`, `!=`, `->`): a run of
 * two or more such marks, except `?!` and `!!`, which Chinese prose writes too (真的吗?!).
 */
function inOperator(text: string, i: number): boolean {
  let start = i;
  let end = i + 1;
  while (start > 0 && isOperator(text, start - 1)) start--;
  while (end < text.length && isOperator(text, end)) end++;
  return end - start >= 2 && !/^[?!]+$/.test(text.slice(start, end));
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9' && ch.length === 1;
}

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

/** The first character after `i` that is not a space. */
function nextVisible(text: string, i: number): string | undefined {
  let j = i + 1;
  while (text[j] === ' ') j++;
  return text[j];
}

/** Each widening's message, without and with the spaces after the mark removed: made once, not for each of thousands of marks. */
const REASONS: Record<string, [string, string]> = Object.fromEntries(
  Object.values(WIDE).map((wide) => [wide, [`Use full-width ${wide} in Chinese text`, `Use full-width ${wide} in Chinese text, without the space after it`]]),
);

/** Marks that carry their own spacing when full-width: the spaces a scraper left after them go too. */
const SPACED = new Set(['，', '；', '：', '？', '！']);

/** One buffer for the marks widened, reused line after line: allocating a typed array costs about 0.3 µs, ten times clearing one. */
let scratch = new Uint8Array(1024);

function cleared(length: number): Uint8Array {
  if (scratch.length < length) scratch = new Uint8Array(length * 2);
  else scratch.fill(0, 0, length);
  return scratch;
}

/**
 * Edits that widen ASCII punctuation inside Chinese text. Whether a mark is widened depends on
 * its neighbours, and widening one makes its neighbours Chinese context (`(!基`): marks next to
 * a widened one are looked at again until nothing changes, so the result is a fixed point.
 */
export function punctuationEdits(text: string): Edit[] {
  if (!/[,:;?!()]/.test(text)) return [];
  const mask = protectedMask(text);
  const line = new Widening(text, parenPairs(text, mask));
  const queue: number[] = [];
  for (let i = 0; i < text.length; i++) if (isMark(text.charCodeAt(i)) && !mask[i] && !line.widened[i] && line.chinese(i)) line.widen(i, queue);
  // Neighbours of widened marks, and the partner of a parenthesis whose outside changed.
  while (queue.length) {
    const i = queue.pop()!;
    line.reconsider(i, mask, queue);
    const partner = line.pairs.get(i);
    if (partner !== undefined) line.reconsider(partner, mask, queue);
  }

  const edits: Edit[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!line.widened[i]) continue;
    const wide = WIDE[text[i]!]!;
    let end = i + 1;
    if (SPACED.has(wide)) while (text[end] === ' ') end++;
    edits.push({ start: i, end, replacement: wide, reason: REASONS[wide]![end - i - 1 ? 1 : 0]! });
  }
  return edits;
}

/** One line's marks being widened: which are so far, and whether each belongs to Chinese text given them. */
class Widening {
  readonly widened: Uint8Array;

  constructor(
    private readonly text: string,
    readonly pairs: Map<number, number>,
  ) {
    this.widened = cleared(text.length + 1);
  }

  /** The line as it stands with the marks widened so far, without building it. */
  private charAt(i: number): string | undefined {
    return this.widened[i] ? WIDE[this.text[i]!] : this.text[i];
  }

  /** Whether the ASCII mark at i belongs to Chinese text, given the marks widened so far. */
  chinese(i: number): boolean {
    const text = this.text;
    const ch = text[i]!;
    const before = this.charAt(i - 1);
    const after = this.charAt(i + 1);
    if (ch === '(' || ch === ')') {
      const partner = this.pairs.get(i);
      if (partner === undefined) return isCjkContext(before) || isCjkContext(after);
      const open = Math.min(i, partner);
      const close = Math.max(i, partner);
      const inner = text.slice(open + 1, close);
      if (isRomanization(inner)) return false; // a reading the pinyin rule kept: its parentheses stay as found
      const outsideBefore = this.charAt(open - 1);
      // f(x) stays ASCII; (一) / (1)標題 / 中文(English) / (含中文) go full-width.
      const callLike = /[A-Za-z0-9_]/.test(outsideBefore ?? '');
      // print("你好"), input('名字：', x): a call whose argument is a string literal is code, Chinese inside or not.
      if (callLike && STRING_ARGUMENTS.test(inner)) return false;
      return HAN_GLOBAL_TEST.test(inner) || (!callLike && (isCjkContext(outsideBefore) || isCjkContext(this.charAt(close + 1))));
    }
    if (before !== undefined && after !== undefined && isDigit(before) && isDigit(after)) return false; // 1,000  09:06
    if (inOperator(text, i)) return false;
    if (ch === ':' && after === '/') return false;
    // `總結4, 並得出`: a digit before and Chinese after the space is Chinese text too.
    const next = after === ' ' ? nextVisible(text, i) : after;
    return isCjkContext(before) || isHan(next) || (isCjkContext(after) && before === undefined);
  }

  /** Widens the mark at i (and its partner parenthesis); their neighbours are looked at again. */
  widen(i: number, queue: number[]): void {
    this.mark(i, queue);
    const code = this.text.charCodeAt(i);
    const partner = code === 40 || code === 41 ? this.pairs.get(i) : undefined;
    if (partner !== undefined) this.mark(partner, queue);
  }

  private mark(at: number, queue: number[]): void {
    if (this.widened[at]) return;
    this.widened[at] = 1;
    queue.push(at - 1, at + 1);
  }

  /** A mark next to one just widened: widened too when its context is now Chinese. */
  reconsider(at: number, mask: Uint8Array, queue: number[]): void {
    if (at < 0 || this.widened[at] || mask[at] || !isMark(this.text.charCodeAt(at))) return;
    if (this.chinese(at)) this.widen(at, queue);
  }
}

/** Quotation marks first: a mark next to “ or ” is then seen in Chinese text (`"好"!` → `“好”！`). */
export function applyPunctuation(line: Line, reporter: Reporter | undefined): void {
  applyEdits(line, outsideKept(line, widthEdits(line.text)), reporter, RULE_ID, 'info');
  if (/["']/.test(line.text)) applyEdits(line, outsideKept(line, quoteEdits(line.text, protectedMask(line.text))), reporter, RULE_ID, 'info');
  // Marks and stops give each other Chinese context (`基...?` → `基……？`, `基?.好` → `基？。好`):
  // they run in turn until the stops change nothing, so one pass leaves nothing for the next.
  for (let pass = 0; pass < 4; pass++) {
    applyEdits(line, outsideKept(line, punctuationEdits(line.text)), reporter, RULE_ID, 'info');
    if (!/\.|。。。/.test(line.text)) break;
    const before = line.text;
    applyEdits(line, outsideKept(line, stopEdits(line.text, protectedMask(line.text))), reporter, RULE_ID, 'info');
    if (line.text === before) break;
  }
}
