/**
 * A page whose head has no title line but the article's own reference (self-citation.ts):
 * the title and the authors are the reference's.
 */
import { readCitation } from './journal.ts';
import { readByline } from './names.ts';
import type { Reading } from './read.ts';
import { citedParts } from './self-citation.ts';

/** The lines a head may look through for the reference: it stands near the top. */
const REACH = 8;

/**
 * The first reference to the article in the head, its reading made the title (the title's part
 * of the line, its authors after it as the byline, its journal and issue kept as the reading's
 * publication). Its index, or undefined.
 */
export function titleFromCitation(readings: Reading[], known: string[]): number | undefined {
  for (let k = 0; k < Math.min(readings.length, REACH); k++) {
    const reading = readings[k]!;
    const cited = reading.fields?.find((field) => field.kind === 'citation')?.value;
    const parts = cited && citedParts(cited);
    if (!cited || !parts) continue;
    const byline = readByline(parts.authors, 0, parts.authors.text.length, known);
    const publication = readCitation(cited);
    readings[k] = { line: parts.title, index: reading.index, role: 'candidate', ...(byline ? { tail: parts.authors, byline } : {}), ...(publication ? { publication } : {}) };
    return k;
  }
  return undefined;
}
