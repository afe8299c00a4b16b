/**
 * pinyin: some Simplified→Traditional converters (and the sites that run them) annotate each
 * converted character with its reading, `服務(wù)有效的鄉(xiāng)村`. The annotation is removed only when
 * it is a reading of the character(s) right before it, checked against pinyin-pro's dictionary,
 * so `中文(English)`, `鄉(CNKI)` and a real romanization in running text stay. Each removal is
 * reported; the document gets one warning saying how many there were, since a page that carries
 * them was run through a converter and may carry its other mistakes too.
 */
import { createRequire } from 'node:module';
import { isHan } from '../chars.ts';
import { applyEdits, originAt, report, type Edit, type Line, type Reporter } from '../lines.ts';

export const RULE_ID = 'pinyin';

const TONE_LETTERS = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêḿńňǹ';
const SYLLABLE = `[a-z${TONE_LETTERS}]{1,6}[1-5]?`;
/** A parenthesized lower-case syllable, as converters write them: `(xiāng)`, `（wu4）`, `(de)`. */
const ANNOTATION = new RegExp(`[(（](${SYLLABLE})[)）]`, 'gu');
const TONED = new RegExp(`[${TONE_LETTERS}1-5]`, 'u');

/** Lower case, no tone marks or digits, ü written u: the form the dictionary is compared in. */
export function toneless(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f1-5]/g, '')
    .replace(/v/g, 'u')
    .toLowerCase();
}

let library: typeof import('pinyin-pro') | undefined;
/** Required on first use, not imported: its dictionary loads only for a page that has a syllable in parentheses after a Han character. */
const pinyinPro = () => (library ??= createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro'));

const readingCache = new Map<string, string[]>();

/** Every reading pinyin-pro knows for one character, toneless. */
export function readingsOf(ch: string): string[] {
  let readings = readingCache.get(ch);
  if (!readings) {
    const found = isHan(ch) ? (pinyinPro().pinyin(ch, { multiple: true, type: 'array', toneType: 'none' }) as string[]) : [];
    readings = [...new Set(found.map(toneless).filter((r) => /^[a-z]+$/.test(r)))];
    readingCache.set(ch, readings);
  }
  return readings;
}

export interface PinyinFinding {
  start: number;
  end: number;
  /** The character the annotation reads. */
  reads: string;
  /** Written with a tone mark or digit: no running text looks like that. */
  toned: boolean;
}

/** Annotations in one line that are a reading of the Han character right before them. */
export function findPinyin(text: string): PinyinFinding[] {
  if (!/[(（]/.test(text)) return [];
  const found: PinyinFinding[] = [];
  for (const match of text.matchAll(ANNOTATION)) {
    const before = String.fromCodePoint(text.codePointAt(match.index - 1) ?? 0);
    const reads = /[\uDC00-\uDFFF]/.test(before) ? text.slice(match.index - 2, match.index) : before;
    if (!isHan(reads) || !readingsOf(reads).includes(toneless(match[1]!))) continue;
    found.push({ start: match.index, end: match.index + match[0].length, reads, toned: TONED.test(match[1]!) });
  }
  return found;
}

/** A syllable with a tone mark or digit in parentheses: punctuation leaves such parentheses alone. */
const WHOLE_SYLLABLE = new RegExp(`^${SYLLABLE}$`, 'u');

export function isRomanization(inner: string): boolean {
  return WHOLE_SYLLABLE.test(inner) && TONED.test(inner);
}

/**
 * Removes converter readings from the lines, with one summary warning for the document. A
 * toneless one (`的(de)`, neutral tone) goes only on a page that has toned ones too: alone it
 * could be an author's gloss.
 */
export function applyPinyin(lines: Line[], reporter: Reporter | undefined): void {
  const perLine = lines.map((line) => findPinyin(line.text));
  const toned = perLine.some((findings) => findings.some((f) => f.toned));
  let count = 0;
  let first: { offset: number; sample: string } | undefined;
  lines.forEach((line, i) => {
    const findings = perLine[i]!.filter((f) => toned || f.toned);
    if (findings.length === 0) return;
    count += findings.length;
    const f = findings[0]!;
    first ??= { offset: originAt(line, f.start), sample: line.text.slice(f.start - f.reads.length, f.end) };
    const edits: Edit[] = findings.map((finding) => ({
      start: finding.start,
      end: finding.end,
      replacement: '',
      reason: `Remove converter pinyin ${line.text.slice(finding.start, finding.end)} after ${finding.reads}`,
    }));
    applyEdits(line, edits, reporter, RULE_ID, 'info');
  });
  if (reporter && first) {
    const reason = `${count} converter pinyin annotation${count > 1 ? 's' : ''} removed (the first: ${first.sample}); the page went through a script converter`;
    report(reporter, first.offset, RULE_ID, reason, undefined, undefined, 'warning');
  }
}
