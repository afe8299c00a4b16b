/**
 * layout: text copied out of a PDF or a fixed-width page keeps the line breaks of its layout,
 * so every printed line would become a paragraph of its own (`他们在城` / `市接受教育`).
 * Such lines betray themselves: many of them fill the same width and stop without a final
 * mark. A line that fills that width and does not end a sentence is joined to the next one;
 * a page whose paragraphs are each one line has no such width and is left alone. A justified
 * PDF line can also come out letter-spaced (`乡 村 教 师 流 失`): those spaces go too.
 */
import { applyEdits, joinLines, originAt, report, sliceLine, type Edit, type Line, type Reporter } from '../lines.ts';
import { headingKind } from './structure.ts';
import { perCharacter } from '../../memo.ts';

export const RULE_ID = 'layout';

/** What may end a paragraph: a sentence's final mark, a closing quote or bracket, a colon. */
const FINAL_MARKS = '。！？!?…：:；;」』”’）)》】.';
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201d]/u;
/** Fewer lines than this carry no evidence of a layout's width. */
const MIN_WRAPPED = 3;

/** Whether a trimmed line ends the way a paragraph may. */
function endsParagraph(trimmed: string): boolean {
  return trimmed !== '' && FINAL_MARKS.includes(trimmed[trimmed.length - 1]!);
}

/** Each character's printed columns: every line of a long page is measured. */
const columnsOf = perCharacter((ch) => (WIDE.test(ch) ? 2 : 1));

/** Printed width: East Asian characters take two columns. */
export function columns(text: string): number {
  let width = 0;
  columnsOf(text.trim(), (w) => (width += w));
  return width;
}

/**
 * The width the page was wrapped at, when enough of its lines fill one width and stop
 * mid-sentence: the commonest such width, allowing for a character's play either way.
 */
export function wrapWidth(lines: Line[]): number | undefined {
  const histogram = new Map<number, number>();
  let open = 0;
  for (const line of lines) {
    const t = line.text.trim();
    if (t.length < 10 || endsParagraph(t)) continue;
    const width = columns(t);
    if (width < 20 || headingKind(t) !== undefined) continue;
    histogram.set(width, (histogram.get(width) ?? 0) + 1);
    open++;
  }
  if (open < MIN_WRAPPED) return undefined;
  let best: { width: number; count: number } | undefined;
  for (const width of histogram.keys()) {
    let count = 0;
    for (let w = width - tolerance(width); w <= width + tolerance(width); w++) count += histogram.get(w) ?? 0;
    if (!best || count > best.count || (count === best.count && width > best.width)) best = { width, count };
  }
  return best && best.count >= MIN_WRAPPED && best.count * 2 >= open ? best.width : undefined;
}

/** How far a wrapped line may fall short of the width: a word or two, more in proportional Latin text. */
function tolerance(width: number): number {
  return Math.max(2, Math.round(width * 0.1));
}

/** Two lines as one, with `separator` (placed where the first ended) between them. */
function join(a: Line, b: Line, separator: string): Line {
  const first = sliceLine(a, 0, a.text.trimEnd().length);
  const second = sliceLine(b, b.text.length - b.text.trimStart().length, b.text.length);
  const at = first.origin.at(-1)!;
  return joinLines(separator ? [first, { text: separator, origin: [at, at] }, second] : [first, second]);
}

/** Joins the lines a layout broke; each join is reported where the break was. */
export function joinWrappedLines(lines: Line[], reporter: Reporter | undefined): Line[] {
  const width = wrapWidth(lines);
  if (width === undefined) return lines;
  const out: Line[] = [];
  // The printed line before this one: a joined paragraph is judged by its last line.
  let printed = '';
  for (const line of lines) {
    const previous = out.at(-1);
    const text = previous?.text.trim() ?? '';
    const fills = previous !== undefined && columns(printed) >= width - 2 * tolerance(width) && !endsParagraph(printed) && headingKind(text) === undefined;
    const next = line.text.trim();
    printed = next;
    if (!fills || next === '' || headingKind(next) !== undefined) {
      out.push(line);
      continue;
    }
    // Latin words broken at the edge were hyphenated or spaced; Chinese text runs on.
    const latin = /[A-Za-z]$/u.test(text) && /^[A-Za-z]/u.test(next);
    const hyphen = /[A-Za-z]-$/u.test(text) && /^[a-z]/u.test(next);
    const first = hyphen ? sliceLine(previous!, 0, previous!.text.trimEnd().length - 1) : previous!;
    const joined = join(first, line, latin && !hyphen ? ' ' : '');
    if (reporter) report(reporter, originAt(line, 0), RULE_ID, 'Join a line the page’s layout broke', `${text.slice(-6)}⏎${next.slice(0, 6)}`, `${text.slice(-6)}${next.slice(0, 6)}`, 'info');
    out[out.length - 1] = joined;
  }
  return out;
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const SPACED_PAIR = /(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef]) (?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;
/** A line is letter-spaced when most of its Chinese characters stand a space apart. */
const MIN_SPACED = 6;

/** Removes the spaces a layout put between Chinese characters, in lines spaced throughout. */
export function closeLetterSpacing(lines: Line[], reporter: Reporter | undefined): Line[] {
  for (const line of lines) {
    const text = line.text;
    if (!text.includes(' ')) continue;
    const spaced = [...text.matchAll(SPACED_PAIR)];
    if (spaced.length < MIN_SPACED) continue;
    let cjk = 0;
    for (const ch of text) if (CJK.test(ch)) cjk++;
    // Nearly every character a space apart; a sentence with a few spaced words is no such line.
    if (spaced.length * 10 < (cjk - 1) * 8) continue;
    const edits: Edit[] = spaced.map((m) => ({ start: m.index, end: m.index + 1, replacement: '', reason: 'Remove the letter spacing of the layout' }));
    applyEdits(line, edits, undefined, RULE_ID, 'info');
    if (reporter) report(reporter, originAt(line, 0), RULE_ID, `Remove the letter spacing of the layout (${edits.length} spaces)`, text.slice(0, 20), line.text.slice(0, 12), 'info');
  }
  return lines;
}
