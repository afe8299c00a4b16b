/**
 * Full stops and ellipses flattened to ASCII in Chinese text: `很好.但是` → `很好。但是`,
 * `认真对待...我们` → `认真对待……我们`. Part of the punctuation rule, after its other marks are
 * widened. A dot is a full stop only after a Chinese character or a closing mark and before
 * Chinese text, a mark or the end of the line: 3.14, v2.0, A.B, 1.加强, 一.概述 and an address keep theirs.
 */
import { countHan, isCjkContext } from '../chars.ts';
import type { Edit } from '../lines.ts';

/** Closing marks a sentence may end inside or after: `好.”`, `（见上文）.`. */
const CLOSING = '”’）》」』】〉';

/** `一.概述`: a section number, not a sentence. */
const NUMERAL_ONLY = /^\s*[一二三四五六七八九十百〇零壹貳贰參叁参肆伍陸陆柒捌玖拾]+$/u;

/** A run of ASCII dots (or of 。) with what stands on each side. */
const DOTS = /\.+|。{3,}/gu;

/** The character before index `at` (a surrogate pair whole), or undefined at the start. */
function before(text: string, at: number): string | undefined {
  const code = text.codePointAt(at - 1);
  if (code === undefined) return undefined;
  return at >= 2 && code >= 0xdc00 && code <= 0xdfff ? text.slice(at - 2, at) : text[at - 1];
}

/** Chinese text after a full stop: a Han character or a CJK mark, past any spaces; or nothing. */
function chineseAfter(text: string, at: number): boolean {
  let i = at;
  while (text[i] === ' ') i++;
  return i >= text.length || isCjkContext(String.fromCodePoint(text.codePointAt(i)!));
}

/** Whether the words before a stop are Chinese more than Latin: `The word is 中国.` ends an English sentence. */
function chineseSentence(before: string): boolean {
  return countHan(before) > (before.match(/[A-Za-z]+/g)?.length ?? 0) * 2;
}

export function stopEdits(text: string, mask: Uint8Array): Edit[] {
  if (!text.includes('.') && !text.includes('。。。')) return [];
  const edits: Edit[] = [];
  for (const match of text.matchAll(DOTS)) {
    const start = match.index;
    const end = start + match[0].length;
    if (mask[start]) continue;
    const previous = before(text, start);
    const afterChinese = chineseAfter(text, end);
    const beforeChinese = previous !== undefined && (isCjkContext(previous) || CLOSING.includes(previous));
    if (match[0].length >= 3) {
      // An ellipsis after Chinese text, or opening a line of it.
      const opensLine = previous === undefined && end < text.length && afterChinese;
      if (beforeChinese || opensLine) edits.push({ start, end, replacement: '……', reason: 'Use …… for an ellipsis in Chinese text' });
    } else if (match[0].length === 1 && beforeChinese && afterChinese && !NUMERAL_ONLY.test(text.slice(0, start)) && chineseSentence(text.slice(Math.max(0, start - 20), start))) {
      let stop = end;
      while (text[stop] === ' ') stop++;
      // The spaces a scraper left after the stop go with it, as after a widened comma; not those before the line's end.
      edits.push({ start, end: stop < text.length ? stop : end, replacement: '。', reason: 'Use full-width 。 in Chinese text' });
    }
  }
  return edits;
}
