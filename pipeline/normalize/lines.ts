/**
 * Line model shared by the plain-text rules. Rules rewrite text many times over, but every
 * message must still point into the ORIGINAL source, so each line carries, for every UTF-16
 * index of its current text, the offset of the source character it came from.
 */
import type { VFile } from 'vfile';
import { addRepairMessage } from './message.ts';

export interface Line {
  text: string;
  /**
   * origin[i] = source offset of text[i]; origin[text.length] = offset just past the line. A line
   * as split from the source holds a view of one typed array of offsets for the whole source, whose
   * numbers the garbage collector never copies; an edit that moves offsets makes an array of its own.
   */
  origin: Origin;
  /** Source ranges [start, end) an earlier rule marked to keep as found (suspected mojibake). */
  kept?: Array<[number, number]>;
}

export type Origin = number[] | Int32Array;

export interface Edit {
  start: number;
  end: number;
  replacement: string;
  reason: string;
}

export type Severity = 'warning' | 'info';

/** Maps source offsets to 1-based line/column. */
export class Locator {
  private readonly starts: number[] = [0];
  constructor(source: string) {
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }
  place(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/** Where rules send their messages: the file, and how to turn an offset into a place. */
export interface Reporter {
  file: VFile;
  locate(offset: number): { line: number; column: number };
}

export function report(
  reporter: Reporter,
  offset: number,
  ruleId: string,
  reason: string,
  actual: string | undefined,
  expected: string | undefined,
  severity: Severity,
): void {
  addRepairMessage(reporter.file, reason, reporter.locate(offset), ruleId, severity === 'info', actual, expected);
}

/** Splits source text into lines (\n, \r\n, \r) that remember their source offsets. */
export function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\r|\n/g;
  const offsets = new Int32Array(source.length + 1);
  for (let i = 0; i <= source.length; i++) offsets[i] = i;
  let start = 0;
  for (;;) {
    const match = pattern.exec(source);
    const end = match ? match.index : source.length;
    lines.push({ text: source.slice(start, end), origin: offsets.subarray(start, end + 1) });
    if (!match) break;
    start = match.index + match[0].length;
  }
  return lines;
}

export function makeLine(text: string, startOffset: number): Line {
  const origin = new Array<number>(text.length + 1);
  for (let i = 0; i <= text.length; i++) origin[i] = startOffset + i;
  return { text, origin };
}

/** Offset in the source of the character at index i (clamped). */
export function originAt(line: Line, index: number): number {
  return line.origin[Math.max(0, Math.min(index, line.origin.length - 1))]!;
}

/** The edits by start, sorted only when they are not already (rules make them in order). */
function inOrder(edits: Edit[]): Edit[] {
  for (let i = 1; i < edits.length; i++) if (edits[i]!.start < edits[i - 1]!.start) return [...edits].sort((a, b) => a.start - b.start);
  return edits;
}

/**
 * Applies non-overlapping edits (any order) to a line and reports each one.
 * Replacement characters inherit the source offset of the span they replace.
 */
export function applyEdits(
  line: Line,
  edits: Edit[],
  reporter: Reporter | undefined,
  ruleId: string,
  severity: Severity,
): void {
  if (edits.length === 0) return;
  const kept: Edit[] = [];
  let end = -1;
  for (const edit of inOrder(edits)) {
    if (edit.start < end || edit.start > edit.end) continue; // overlapping: skip rather than corrupt
    if (line.text.slice(edit.start, edit.end) === edit.replacement) continue;
    kept.push(edit);
    end = edit.end;
  }
  if (reporter) {
    for (const edit of kept) {
      const before = line.text.slice(edit.start, edit.end);
      report(reporter, originAt(line, edit.start), ruleId, edit.reason, before, edit.replacement, severity);
    }
  }
  // One pass over the line: edits can number in the thousands on a long scraped line.
  const text: string[] = [];
  if (kept.every((edit) => edit.end - edit.start === 1 && edit.replacement.length === 1)) {
    // Mark for mark (most punctuation and script edits): every offset stays where it was.
    let at = 0;
    for (const edit of kept) {
      text.push(line.text.slice(at, edit.start), edit.replacement);
      at = edit.end;
    }
    text.push(line.text.slice(at));
    line.text = text.join('');
    return;
  }
  let length = line.origin.length;
  for (const edit of kept) length += edit.replacement.length - (edit.end - edit.start);
  const origin = new Array<number>(length);
  let at = 0;
  let to = 0;
  for (const edit of kept) {
    text.push(line.text.slice(at, edit.start), edit.replacement);
    for (let i = at; i < edit.start; i++) origin[to++] = line.origin[i]!;
    const source = originAt(line, edit.start);
    for (let i = 0; i < edit.replacement.length; i++) origin[to++] = source;
    at = edit.end;
  }
  text.push(line.text.slice(at));
  for (let i = at; i < line.origin.length; i++) origin[to++] = line.origin[i]!;
  origin.length = to;
  line.text = text.join('');
  line.origin = origin;
}

/** Offsets [start, end) of an origin: a view when it is typed (its numbers are never changed in place). */
export function originSlice(origin: Origin, start: number, end: number): Origin {
  return origin instanceof Int32Array ? origin.subarray(start, end) : origin.slice(start, end);
}

/** A piece of a line that keeps its source offsets (for values lifted into front matter). */
export function sliceLine(line: Line, start: number, end: number): Line {
  const piece: Line = { text: line.text.slice(start, end), origin: originSlice(line.origin, start, end + 1) };
  if (line.kept) piece.kept = line.kept;
  return piece;
}

/** Marks a span of the line (current indices) as one no later rule may rewrite. */
export function keep(line: Line, start: number, end: number): void {
  (line.kept ??= []).push([originAt(line, start), originAt(line, Math.max(start, end - 1)) + 1]);
}

/** True when index i of the line comes from a kept source range. */
export function isKept(line: Line, i: number): boolean {
  if (!line.kept) return false;
  const at = originAt(line, i);
  return line.kept.some(([start, end]) => at >= start && at < end);
}

/** The edits that touch no kept span: punctuation and script rules never run inside suspected mojibake. */
export function outsideKept(line: Line, edits: Edit[]): Edit[] {
  if (!line.kept) return edits;
  return edits.filter((edit) => {
    for (let i = edit.start; i < Math.max(edit.end, edit.start + 1); i++) if (isKept(line, i)) return false;
    return true;
  });
}

/** The same line with surrounding whitespace removed. */
export function trimLine(line: Line): Line {
  const start = line.text.length - line.text.trimStart().length;
  const end = line.text.trimEnd().length;
  return start < end ? sliceLine(line, start, end) : sliceLine(line, 0, 0);
}

/** Pieces of lines joined into one, each character keeping its own source offset. */
export function joinLines(parts: Line[]): Line {
  if (parts.length === 1) return parts[0]!;
  const origin: number[] = [];
  for (const p of parts) for (let i = 0; i < p.text.length; i++) origin.push(p.origin[i]!);
  origin.push(parts.at(-1)!.origin.at(-1)!);
  const line: Line = { text: parts.map((p) => p.text).join(''), origin };
  const kept = [...new Set(parts.flatMap((p) => p.kept ?? []))];
  if (kept.length) line.kept = kept;
  return line;
}

/** The lines' text joined, as far as `limit` UTF-16 units and leaving out one line: a long text is not joined whole for a sample. */
export function joinedText(lines: Line[], limit: number, except?: Line): string {
  const texts: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length > limit) break;
    if (line === except) continue;
    texts.push(line.text);
    length += line.text.length + 1;
  }
  return texts.join('\n');
}
