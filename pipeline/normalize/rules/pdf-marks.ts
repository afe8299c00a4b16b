/**
 * Punctuation lost in a PDF's text layer. A PDF whose font subset has no usable ToUnicode map
 * gives its punctuation glyphs back as whatever its codes mean in another encoding, so a page
 * copied from it reads `基层减负!关键在于落实∀`: each mark of the document stands for one
 * Chinese mark, consistently, and which one differs from file to file (codes are handed out in
 * order of first use). Nothing but the page's own statistics can tell the mapping: real
 * Chinese text has about one mark per ten Han characters, so a page with almost none, and a
 * symbol standing after Han characters at that rate, has lost its marks. The sentence mark is
 * the one that ends paragraphs, the comma the most frequent one inside them, the enumeration
 * comma the one that chains short items (`甲、乙、丙`); those are repaired when the evidence is clear. Any other
 * symbol is reported with its count and kept as found, out of the other rules' reach.
 */
import { CJK_PUNCT, isHan } from '../chars.ts';
import { applyEdits, isKept, keep, originAt, report, type Edit, type Line, type Reporter } from '../lines.ts';

export const RULE_ID = 'punctuation';

/** Marks a page with its punctuation intact has plenty of (ASCII ones were flattened, not lost). */
const REAL = new Set([...'，。、；：？！,.;:?']);
/** Pages with fewer Han characters than this are too short to judge. */
const MIN_HAN = 80;

interface Usage {
  /** Occurrences right after a Han character. */
  afterHan: number;
  /** Occurrences anywhere. */
  all: number;
  /** After Han, at the end of the line. */
  atEnd: number;
  /** After Han, with Han (or another such symbol: a closing quote) after it. */
  between: number;
  /** Occurrences within a few Han characters of the same symbol on its line (`甲、乙、丙`). */
  chained: number;
}

/** How near two enumeration commas stand in a list of short items. */
const CHAIN = 5;

/** A symbol that can stand for a lost mark: no letter, digit, space or mark of Chinese text; a lone `…`. */
function candidate(text: string, i: number): boolean {
  const ch = text[i]!;
  if (REAL.has(ch) || /[\p{L}\p{N}\s]/u.test(ch)) return false;
  if (ch === '…') return text[i - 1] !== '…' && text[i + 1] !== '…';
  return !CJK_PUNCT.includes(ch) && !/[\uD800-\uDFFF]/.test(ch);
}

const REAL_CODES = new Set([...REAL].map((c) => c.charCodeAt(0)));

/**
 * Han characters and intact marks, counted in one cheap pass: most pages have their marks,
 * and the full statistics are only gathered for a page that has lost them.
 */
function lostMarks(lines: Line[]): boolean {
  let han = 0;
  let real = 0;
  for (const { text } of lines) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x4e00 && c <= 0x9fff) han++;
      else if (REAL_CODES.has(c)) real++;
      else if (c >= 0x2e80 && isHan(text[i])) han++;
    }
  }
  return han >= MIN_HAN && real <= han * 0.01;
}

function statistics(lines: Line[]) {
  let han = 0;
  let real = 0;
  const usage = new Map<string, Usage>();
  for (const line of lines) {
    const text = line.text;
    const end = text.trimEnd().length;
    /** Each symbol's places after Han on this line, to find the chained ones. */
    const places = new Map<string, number[]>();
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (isHan(ch)) {
        han++;
        continue;
      }
      if (REAL.has(ch)) real++;
      if (!candidate(text, i) || isKept(line, i)) continue;
      let u = usage.get(ch);
      if (!u) usage.set(ch, (u = { afterHan: 0, all: 0, atEnd: 0, between: 0, chained: 0 }));
      u.all++;
      if (!isHan(text[i - 1])) continue;
      u.afterHan++;
      if (i === end - 1) u.atEnd++;
      else if (isHan(text[i + 1]) || (i + 1 < text.length && candidate(text, i + 1))) u.between++;
      places.set(ch, [...(places.get(ch) ?? []), i]);
    }
    for (const [ch, at] of places) {
      const chained = new Set<number>();
      for (let k = 1; k < at.length; k++) {
        const gap = text.slice(at[k - 1]! + 1, at[k]);
        if (gap.length <= CHAIN && [...gap].every((c) => isHan(c))) chained.add(at[k - 1]!).add(at[k]!);
      }
      usage.get(ch)!.chained += chained.size;
    }
  }
  return { han, real, usage };
}

/** Which symbol stands for which mark, when the page shows it clearly; the other suspects. */
export function readSubstitution(lines: Line[]): { map: Map<string, string>; unclear: Map<string, number> } | undefined {
  if (!lostMarks(lines)) return undefined;
  const { han, real, usage } = statistics(lines);
  const suspects = [...usage].filter(([, u]) => u.afterHan >= 3 && u.afterHan >= u.all * 0.9).sort((a, b) => b[1].afterHan - a[1].afterHan);
  const total = suspects.reduce((n, [, u]) => n + u.afterHan, 0);
  if (han < MIN_HAN || real > han * 0.01 || total < Math.max(8, han * 0.03)) return undefined;
  const map = new Map<string, string>();
  const ends = suspects.reduce((n, [, u]) => n + u.atEnd, 0);
  // The sentence mark ends most paragraphs; inside a line it is followed by the next sentence.
  const period = [...suspects].sort((a, b) => b[1].atEnd - a[1].atEnd)[0];
  if (period && period[1].atEnd >= 2 && period[1].atEnd >= ends * 0.6 && period[1].between >= (period[1].afterHan - period[1].atEnd) * 0.8) map.set(period[0], '。');
  const rest = suspects.filter(([ch]) => !map.has(ch));
  // The comma: the most frequent of the rest, inside lines, at least as frequent as the sentence mark.
  const comma = rest[0];
  const periods = period && map.has(period[0]) ? period[1].afterHan : 0;
  if (comma && map.size > 0 && comma[1].atEnd <= comma[1].afterHan * 0.1 && comma[1].between >= comma[1].afterHan * 0.8 && comma[1].afterHan >= periods) {
    map.set(comma[0], '，');
    // The enumeration comma chains short items (`城管、环卫、物业`) and never ends a line.
    const list = rest.slice(1).find(([, u]) => u.atEnd === 0 && u.between >= u.afterHan * 0.9 && u.chained >= u.afterHan * 0.4);
    if (list) map.set(list[0], '、');
  }
  const unclear = new Map(suspects.filter(([ch]) => !map.has(ch)).map(([ch, u]) => [ch, u.afterHan]));
  return { map, unclear };
}

/**
 * Repairs the marks of a page whose text came from a PDF's text layer, when the substitution
 * is clear; reports each kind with its count, and warns about the symbols it cannot read.
 */
export function applyPdfMarks(lines: Line[], reporter: Reporter | undefined): void {
  const found = readSubstitution(lines);
  if (!found) return;
  const { map, unclear } = found;
  const counts = new Map<string, number>();
  const first = new Map<string, number>();
  for (const line of lines) {
    const edits: Edit[] = [];
    const text = line.text;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (!(map.has(ch) || unclear.has(ch)) || !candidate(text, i) || isKept(line, i)) continue;
      if (!first.has(ch)) first.set(ch, originAt(line, i));
      const mark = map.get(ch);
      if (mark === undefined) {
        keep(line, i, i + 1); // neither widened nor converted by the later rules
        continue;
      }
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
      edits.push({ start: i, end: i + 1, replacement: mark, reason: `Restore ${mark} lost in a PDF's text layer (${ch} stands for it on this page)` });
    }
    applyEdits(line, edits, reporter, RULE_ID, 'info');
  }
  if (!reporter) return;
  for (const [ch, mark] of map) {
    report(reporter, first.get(ch) ?? 0, RULE_ID, `Text from a PDF's text layer: ${ch} stands for ${mark} on this page; replaced ${counts.get(ch) ?? 0} times`, ch, mark, 'warning');
  }
  for (const [ch, count] of unclear) {
    report(reporter, first.get(ch) ?? 0, RULE_ID, `Text from a PDF's text layer: ${ch} stands after Han characters ${count} times, for a mark that cannot be told; kept as found`, ch, undefined, 'warning');
  }
}
