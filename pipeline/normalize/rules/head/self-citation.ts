/**
 * A journal page's reference to the article itself, in GB/T 7714's form:
 * `黄国文. 什么是系统功能语言学[J]. 北京科技大学学报(社会科学版), 2023, 39(1): 73-89.`,
 * labelled (`引用本文：`) or not. Many journals' sites print it above the abstract in place of a
 * title block; when the page has no title line of its own, its title and authors are the head's.
 */
import { sliceLine, trimLine, type Line } from '../../lines.ts';
import { readCitation } from './journal.ts';
import { readByline } from './names.ts';
import type { Reading } from './read.ts';

/** Authors, a full stop, the title, then `[J].`: the form's first part. A numbered entry of a reference list is not the article's own. */
const SELF = /^\s*([^.．[\]\d]{2,60}?)\s*[.．]\s*([^[\]]*\p{Script=Han}[^[\]]*?)\s*\[J\]\s*[.．]/u;

/** The line's reference to an article in a journal (unlabelled), or undefined: the form, with its journal and issue. */
export function isSelfCitation(line: Line): boolean {
  return SELF.test(line.text) && readCitation(line) !== undefined;
}

/** The lines a head may look through for the citation: it stands near the top. */
const REACH = 8;

/**
 * When no title line was found: the first citation of the article in the head, its reading
 * made the title (the title's part of the line, its authors after it as the byline, its journal
 * and issue kept as the reading's publication). Its index, or undefined.
 */
export function titleFromCitation(readings: Reading[], known: string[]): number | undefined {
  for (let k = 0; k < Math.min(readings.length, REACH); k++) {
    const reading = readings[k]!;
    const cited = reading.fields?.find((field) => field.kind === 'citation')?.value;
    const match = cited ? SELF.exec(cited.text) : null;
    if (!cited || !match) continue;
    const at = match.index + match[0].indexOf(match[1]!);
    const authors = trimLine(sliceLine(cited, at, at + match[1]!.length));
    const start = match.index + match[0].lastIndexOf(match[2]!);
    const title = trimLine(sliceLine(cited, start, start + match[2]!.length));
    const byline = readByline(authors, 0, authors.text.length, known);
    const publication = readCitation(cited);
    readings[k] = { line: title, index: reading.index, role: 'candidate', ...(byline ? { tail: authors, byline } : {}), ...(publication ? { publication } : {}) };
    return k;
  }
  return undefined;
}
