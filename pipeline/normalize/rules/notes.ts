/**
 * notes: a scraped article keeps its notes as plain text. The mark in the running text is a
 * circled number (`①`) or a note number that lost its superscript and now sticks to the text
 * (`突出。1党的`); the note itself is a line further down that starts with the same mark. When
 * both are on the page, the mark becomes a Markdown footnote reference and the line its
 * definition; a mark without its note stays as found, with a warning.
 *
 * The reference is carried through the later line rules as a token of Unicode noncharacters
 * (never in real text, left alone by every rule) and becomes a footnoteReference node when the
 * blocks are built (see noteReferences).
 */
import type { FootnoteDefinition, FootnoteReference, PhrasingContent, Text } from 'mdast';
import { applyEdits, originAt, report, sliceLine, type Edit, type Line, type Reporter } from '../lines.ts';

export const RULE_ID = 'notes';

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';
const TOKEN = /\uFDD0(\d+)\uFDD1/g;

const DIGIT = /\d/;
/** A glued note number: after a closing mark, before Chinese text; not a count (`。1月`, `，3個`). */
const GLUED = /(?<=[。，；：！？”’）」』])(\d{1,2})(?=[\p{Script=Han}“「（]|$)(?![月日年号號个個人位名次项項条條种種元万萬千百倍岁歲])/gu;
/** A note number after a word, before its punctuation (`总结2，并`): only with its note line on the page. */
const AFTER_WORD = /(?<=\p{Script=Han})(\d{1,2})(?=[，。；：、！？,.;:!?])/gu;
const NOTE_LINE = /^\s*(\d{1,2})(?:[.．、]\s*|\s+|(?=[\p{Script=Han}《“「[]))(?=\S)/u;
const NOTES_HEADER = /^\s*(?:注释|注釋|注|附注|附註|notes?)\s*[:：]?\s*$/iu;

export interface Note {
  id: string;
  /** The note's text, a line of its own (so the later rules repair it like any other). */
  line: Line;
}

/** ①–⑳ are U+2460–U+2473: tested by code, so no string is made for every character of the page. */
const isCircled = (code: number) => code >= 0x2460 && code <= 0x2473;

interface Mark {
  line: number;
  start: number;
  end: number;
  /** The mark as written: `①`, or the number. */
  label: string;
  /** A number after a word, which may as well be a count: a mark only when its note is found. */
  loose?: boolean;
}

/** The note text of a line that starts with `label`, or undefined. */
function noteText(line: Line, label: string): Line | undefined {
  const text = line.text;
  if (CIRCLED.includes(label)) {
    const at = text.length - text.trimStart().length;
    if (!text.startsWith(label, at)) return undefined;
    const start = at + label.length;
    return text.slice(start).trim() ? sliceLine(line, start, text.length) : undefined;
  }
  const match = NOTE_LINE.exec(text);
  if (!match || match[1] !== label) return undefined;
  return sliceLine(line, match[0].length, text.length);
}

/** Marks in the running text: circled numbers not at a line's start, and glued numbers. */
function findMarks(lines: Line[]): Mark[] {
  const marks: Mark[] = [];
  lines.forEach((line, index) => {
    const text = line.text;
    const lead = text.length - text.trimStart().length;
    for (let i = lead + 1; i < text.length; i++) if (isCircled(text.charCodeAt(i))) marks.push({ line: index, start: i, end: i + 1, label: text[i]! });
    if (!DIGIT.test(text)) return; // the expressions below try their look-behind at every character
    for (const match of text.matchAll(GLUED)) marks.push({ line: index, start: match.index, end: match.index + match[0].length, label: match[1]! });
    for (const match of text.matchAll(AFTER_WORD)) marks.push({ line: index, start: match.index, end: match.index + match[0].length, label: match[1]!, loose: true });
  });
  return marks.sort((a, b) => a.line - b.line || a.start - b.start);
}

/**
 * Pairs each mark with the first unused note line after it that starts with the same mark;
 * glued numbers only when they count up from 1, as note numbers do.
 */
export function applyNotes(lines: Line[], reporter: Reporter | undefined): { body: Line[]; notes: Note[] } {
  const found = findMarks(lines);
  // The last line each number opens, so a loose mark is kept only when its note line follows it.
  const lastNoteLine = new Map<string, number>();
  if (found.some((m) => m.loose)) {
    lines.forEach((line, j) => {
      const label = NOTE_LINE.exec(line.text)?.[1];
      if (label) lastNoteLine.set(label, j);
    });
  }
  const marks = found.filter((m) => !m.loose || (lastNoteLine.get(m.label) ?? -1) > m.line);
  if (marks.length === 0) return { body: lines, notes: [] };
  const numbers = marks.filter((m) => !CIRCLED.includes(m.label)).map((m) => Number(m.label));
  const counting = numbers.length > 0 && numbers[0] === 1 && numbers.every((n, i) => i === 0 || n >= numbers[i - 1]!);
  const used = new Set<number>();
  const notes: Note[] = [];
  const edits = new Map<number, Edit[]>();
  const unmatched: Mark[] = [];
  for (const mark of marks) {
    if (!CIRCLED.includes(mark.label) && !counting) continue;
    let found: { index: number; text: Line } | undefined;
    for (let j = mark.line + 1; j < lines.length && !found; j++) {
      if (used.has(j)) continue;
      const text = noteText(lines[j]!, mark.label);
      if (text) found = { index: j, text };
    }
    if (!found) {
      unmatched.push(mark);
      continue;
    }
    used.add(found.index);
    const id = String(notes.length + 1);
    notes.push({ id, line: found.text });
    const reason = `Note mark ${mark.label} becomes footnote ${id}`;
    (edits.get(mark.line) ?? edits.set(mark.line, []).get(mark.line)!).push({ start: mark.start, end: mark.end, replacement: `${OPEN}${id}${CLOSE}`, reason });
  }
  for (const [index, lineEdits] of edits) {
    const line = lines[index]!;
    if (reporter) for (const e of lineEdits) report(reporter, originAt(line, e.start), RULE_ID, e.reason, line.text.slice(e.start, e.end), `[^${e.replacement.slice(1, -1)}]`, 'info');
    applyEdits(line, lineEdits, undefined, RULE_ID, 'info');
  }
  if (reporter) {
    for (const note of notes) report(reporter, originAt(note.line, 0), RULE_ID, `Note line becomes the text of footnote ${note.id}`, note.line.text, `[^${note.id}]: ${note.line.text.trim()}`, 'info');
    const circled = unmatched.filter((m) => CIRCLED.includes(m.label));
    const glued = unmatched.filter((m) => !CIRCLED.includes(m.label));
    for (const group of [circled, glued.length >= 2 ? glued : []]) {
      if (group.length === 0) continue;
      const first = group[0]!;
      const labels = [...new Set(group.map((m) => m.label))].join(' ');
      report(reporter, originAt(lines[first.line]!, first.start), RULE_ID, `Note marks ${labels} in the text but no note text for them on the page; kept as found`, undefined, undefined, 'warning');
    }
  }
  // The note lines leave the body, and a "notes" header right before the first of them.
  const first = Math.min(...used);
  const drop = new Set(used);
  for (let j = first - 1; j >= 0 && Number.isFinite(first); j--) {
    if (lines[j]!.text.trim() === '') continue;
    if (NOTES_HEADER.test(lines[j]!.text)) drop.add(j);
    break;
  }
  for (const j of drop) if (!used.has(j) && reporter) report(reporter, originAt(lines[j]!, 0), RULE_ID, 'Remove the notes header: the notes are footnotes now', lines[j]!.text, '', 'info');
  return { body: lines.filter((_, j) => !drop.has(j)), notes };
}

/** A block's text with the tokens of `notes` turned into footnote references. */
export function noteReferences(value: string, notes: Note[]): PhrasingContent[] {
  if (notes.length === 0 || !value.includes(OPEN)) return [{ type: 'text', value }];
  const ids = new Set(notes.map((n) => n.id));
  const children: PhrasingContent[] = [];
  let at = 0;
  for (const match of value.matchAll(TOKEN)) {
    if (!ids.has(match[1]!)) continue;
    if (match.index > at) children.push({ type: 'text', value: value.slice(at, match.index) } satisfies Text);
    children.push({ type: 'footnoteReference', identifier: match[1]!, label: match[1]! } satisfies FootnoteReference);
    at = match.index + match[0].length;
  }
  if (at < value.length) children.push({ type: 'text', value: value.slice(at) });
  return children;
}

/** The footnote definitions, in the order of their numbers. */
export function noteDefinitions(notes: Note[]): FootnoteDefinition[] {
  return notes.map((note) => ({
    type: 'footnoteDefinition',
    identifier: note.id,
    label: note.id,
    children: [{ type: 'paragraph', children: [{ type: 'text', value: note.line.text.trim() }] }],
  }));
}
