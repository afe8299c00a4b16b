/**
 * A title with its byline on the same line: `老街改造的几点看法 作者：青石`, `… 文/青石`, `… ◎青石`,
 * or a surname-led name set off by a wide gap (`老街改造的几点看法　周明远`). The label, the mark or
 * the gap vouches for the name; a title that merely ends in a name-like word stays whole.
 */
import { sliceLine, trimLine, type Line } from '../../lines.ts';
import { readFieldLine } from './labels.ts';
import { isDictionaryWord, readByline, type Byline } from './names.ts';
import { penName, withoutReprintNote } from './values.ts';

/** `◎青石`, `●周明远`: a mark before the byline at the line's end. */
const MARKED = /\s+[◎●■□◆▲★☆•]\s*(\S{2,12})$/u;
/** A wide gap before the last word: two spaces, a full-width space or a tab. */
const GAP = /(?: {2,}|[　\t]+)(\p{Script=Han}{2,4})$/u;

function names(value: Line, known: string[], vouched: boolean): Byline | undefined {
  const byline = readByline(value, 0, value.text.length, known);
  if (byline) return byline.names.length === 1 && !vouched && isDictionaryWord(byline.names[0]!.text) && !known.includes(byline.names[0]!.text) ? undefined : byline;
  const pen = vouched ? penName(value) : undefined;
  return pen ? { names: pen, etAl: false, affiliations: [] } : undefined;
}

/** The title and the byline after it on its line, when the line holds both. */
export function splitTitleByline(line: Line, known: string[]): { title: Line; byline: Byline; tail: Line } | undefined {
  const text = line.text;
  const labelled = /[:：/／]/u.test(text) ? readFieldLine(line) : undefined;
  if (labelled && labelled.prefix.text !== '' && labelled.fields.length === 1 && labelled.fields[0]!.kind === 'author') {
    const field = labelled.fields[0]!;
    const byline = field.value.text === '' ? undefined : names(withoutReprintNote(field.value).value, known, true);
    const at = text.indexOf(field.label, text.indexOf(labelled.prefix.text) + labelled.prefix.text.length);
    return byline && at > 0 ? { title: labelled.prefix, byline, tail: trimLine(sliceLine(line, at, text.length)) } : undefined;
  }
  const marked = MARKED.exec(text) ?? GAP.exec(text);
  if (!marked) return undefined;
  const at = marked.index + marked[0].length - marked[1]!.length;
  const byline = names(trimLine(sliceLine(line, at, text.length)), known, marked[0].trim() !== marked[1]);
  const title = trimLine(sliceLine(line, 0, marked.index));
  return byline && title.text !== '' ? { title, byline, tail: trimLine(sliceLine(line, marked.index, text.length)) } : undefined;
}
