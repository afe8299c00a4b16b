/**
 * Where a message applies in the rendered page. Messages point into the
 * source (line and column of the original text); the page is that text
 * repaired, restructured and marked up. An alignment of the two texts (a
 * character diff) carries a range of the source over to the rendered text.
 */
import { diffChars } from 'diff';

/** A run of the source and the run of the rendered text it became: equal text, or a replacement (either side may be empty). */
interface Segment {
  src: number;
  srcLen: number;
  out: number;
  outLen: number;
  equal: boolean;
}

export interface Alignment {
  segments: Segment[];
  renderedLength: number;
}

/** A range of the rendered text; start === end for text that was removed. */
export interface Spot {
  start: number;
  end: number;
}

/** Past this, a page is shown without links rather than kept waiting (the diff grows with the differences). */
const ALIGN_TIMEOUT_MS = 5000;

export function align(source: string, rendered: string): Alignment | undefined {
  const changes = diffChars(source, rendered, { timeout: ALIGN_TIMEOUT_MS });
  if (!changes) return undefined;
  const segments: Segment[] = [];
  let src = 0;
  let out = 0;
  for (const change of changes) {
    const length = change.value.length;
    const last = segments.at(-1);
    if (!change.added && !change.removed) {
      segments.push({ src, srcLen: length, out, outLen: length, equal: true });
    } else if (last && !last.equal) {
      // A removal next to an addition is one replacement.
      if (change.added) last.outLen += length;
      else last.srcLen += length;
    } else {
      segments.push({ src, srcLen: change.removed ? length : 0, out, outLen: change.added ? length : 0, equal: false });
    }
    if (!change.added) src += length;
    if (!change.removed) out += length;
  }
  return { segments, renderedLength: out };
}

/** The source range [start, end) carried to the rendered text. */
export function mapRange(alignment: Alignment, start: number, end: number): Spot {
  const first = segmentAt(alignment, start);
  const from = !first ? alignment.renderedLength : first.equal ? first.out + (start - first.src) : first.out;
  if (end <= start) return { start: from, end: from };
  const last = segmentAt(alignment, end - 1);
  const to = !last ? alignment.renderedLength : last.equal ? last.out + (end - last.src) : last.out + last.outLen;
  return { start: from, end: Math.max(from, to) };
}

/** The segment holding source offset `offset`, by binary search over those with source text. */
function segmentAt({ segments }: Alignment, offset: number): Segment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  let found: Segment | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const segment = segments[mid]!;
    if (segment.src + segment.srcLen <= offset) lo = mid + 1;
    else {
      if (segment.srcLen > 0 && segment.src <= offset) found = segment;
      hi = mid - 1;
    }
  }
  return found;
}

/** Turns 1-based lines and columns into source offsets; lines end at \n, \r\n or \r, as the repair rules count them. */
export function offsetFinder(source: string): (line: number, column: number) => number {
  const starts = [0];
  for (const match of source.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return (line, column) => Math.min(source.length, (starts[line - 1] ?? source.length) + column - 1);
}

/** How much of the source a message covers: its "before" text, else the bracketed citation or character at its place. */
export function messageLength(source: string, offset: number, actual: string | undefined): number {
  if (actual !== undefined) return actual.length;
  const match = /^(\[[^\]\n]{0,20}\]|[^\r\n])/u.exec(source.slice(offset));
  return match ? match[0].length : 0;
}
