/**
 * A journal page's reference to the article itself, in GB/T 7714's form:
 * `黄国文. 什么是系统功能语言学[J]. 北京科技大学学报(社会科学版), 2023, 39(1): 73-89.`,
 * labelled (`引用本文：`) or not. Many journals' sites print it above the abstract in place of a
 * title block (cited-title.ts takes the title from it then).
 */
import { sliceLine, trimLine, type Line } from '../../lines.ts';
import { readCitation } from './journal.ts';

/** Authors, a full stop, the title, then `[J].`: the form's first part. A numbered entry of a reference list is not the article's own. */
const SELF = /^\s*([^.．[\]\d]{2,60}?)\s*[.．]\s*([^[\]]*\p{Script=Han}[^[\]]*?)\s*\[J\]\s*[.．]/u;

/** Whether the line is the reference to an article in a journal (unlabelled): the form, with its journal and issue. */
export function isSelfCitation(line: Line): boolean {
  return SELF.test(line.text) && readCitation(line) !== undefined;
}

/** The authors' and the title's parts of a reference in the form, or undefined. */
export function citedParts(line: Line): { authors: Line; title: Line } | undefined {
  const match = SELF.exec(line.text);
  if (!match) return undefined;
  const at = match.index + match[0].indexOf(match[1]!);
  const start = match.index + match[0].lastIndexOf(match[2]!);
  return { authors: trimLine(sliceLine(line, at, at + match[1]!.length)), title: trimLine(sliceLine(line, start, start + match[2]!.length)) };
}
