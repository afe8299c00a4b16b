/**
 * Input budgets by kind, counted on the text before it is parsed, so that a
 * runaway document is refused in moments with one line rather than built for
 * minutes (or until memory runs out) while the others wait. The limits are far
 * above any real document: a long book has a few thousand headings and notes.
 */
import type { VFile } from 'vfile';
import { GalleyError } from '../errors.ts';

export const BUDGETS = {
  /** Table cells, counted as the `|` of table rows: a 5 MB table took minutes and gigabytes to render. */
  tableCells: 50_000,
  /** Footnote definitions: each one is a node, a back link and a list item in every output. */
  footnotes: 5_000,
  /**
   * Headings: each is an id, a contents entry, a bookmark and a page-number
   * lookup. Chromium's tagged print grows faster than the number of headings
   * (at a load average of 12: 38 s for 10,000, 286 s for 19,900): the limit
   * keeps the costliest document it allows within 60 s and 1 GB (bench/runaway.ts).
   */
  headings: 10_500,
  /** Emphasis delimiters (`*`, `_`) in one paragraph: micromark matches them in quadratic time. */
  delimiters: 2_000,
};

/** The lines outside fenced code, with their index: the parser's cost lies in them. */
export function* unfencedLines(text: string): Generator<[string, number]> {
  let fenced = false;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
    if (!fenced) yield [line, n];
  }
}

export function refuseOverBudget(file: VFile): void {
  const refuse = (what: string, count: number, limit: number, line?: number) => {
    throw new GalleyError(file.path, `${line ? `line ${line}: ` : ''}${count.toLocaleString('en')} ${what} (the limit is ${limit.toLocaleString('en')})`);
  };
  let cells = 0;
  let footnotes = 0;
  let headings = 0;
  let delimiters = 0;
  let paragraphStart = 0;
  for (const [line, n] of unfencedLines(String(file.value))) {
    if (line.trim() === '') {
      delimiters = 0;
      paragraphStart = n + 1;
      continue;
    }
    if (line.includes('|')) cells += line.split('|').length - 1;
    if (/^\s{0,3}\[\^[^\]\s]+\]:/.test(line)) footnotes++;
    if (/^\s{0,3}#{1,6}(\s|$)/.test(line)) headings++;
    for (const char of line) if (char === '*' || char === '_') delimiters++;
    if (delimiters > BUDGETS.delimiters) refuse('emphasis marks (* and _) in one paragraph', delimiters, BUDGETS.delimiters, paragraphStart + 1);
  }
  if (cells > BUDGETS.tableCells) refuse('table cells', cells, BUDGETS.tableCells);
  if (footnotes > BUDGETS.footnotes) refuse('footnotes', footnotes, BUDGETS.footnotes);
  if (headings > BUDGETS.headings) refuse('headings', headings, BUDGETS.headings);
}
