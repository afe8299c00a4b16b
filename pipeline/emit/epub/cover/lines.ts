/**
 * Line breaking for the drawn cover, as CSS `text-wrap: balance` does it: as
 * few lines as fit, then as even in length as those lines can be. A line may
 * break at a space or between two CJK characters, never before closing
 * punctuation or after opening punctuation.
 */

/** Characters that break between each other, like CSS line-break: normal between ideographs. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
/** May not start a line. */
const CLOSING = /[、。，．：；？！）」』】〕〉》〗〙〛”’…‥・ー々ゝゞ,.:;?!)\]}%]/u;
/** May not end a line. */
const OPENING = /[（「『【〔〈《〖〘〚“‘([{]/u;

/** The pieces a line may break between. Each keeps its trailing spaces, which do not count at a line's end. */
export function breakPieces(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  const chars = Array.from(text.trim().replace(/\s+/gu, ' '));
  chars.forEach((char, i) => {
    const previous = chars[i - 1];
    const breakBefore =
      current !== '' &&
      (previous === ' ' || CJK.test(char) || CJK.test(previous!)) &&
      char !== ' ' &&
      !CLOSING.test(char) &&
      !OPENING.test(previous!);
    if (breakBefore) {
      pieces.push(current);
      current = '';
    }
    current += char;
  });
  if (current) pieces.push(current);
  return pieces;
}

/** Lines of `text` no longer than `width` as `measure` counts them, balanced; a piece wider than `width` gets a line of its own. */
export function balancedLines(text: string, measure: (line: string) => number, width: number): string[] {
  const pieces = breakPieces(text);
  // Pieces are measured once each; a line's length is the sum of its pieces', its last one without the space.
  const full = pieces.map((piece) => measure(piece));
  const trimmed = pieces.map((piece) => measure(piece.trimEnd()));
  const greedy = (limit: number): string[] => {
    const lines: string[] = [];
    let [start, length] = [0, 0];
    pieces.forEach((_, i) => {
      if (i > start && length + trimmed[i]! > limit) {
        lines.push(pieces.slice(start, i).join('').trimEnd());
        [start, length] = [i, 0];
      }
      length += full[i]!;
    });
    if (pieces.length) lines.push(pieces.slice(start).join('').trimEnd());
    return lines;
  };
  const fewest = greedy(width);
  if (fewest.length < 2) return fewest;
  // The narrowest measure that still needs no more lines, to a pixel.
  let [low, high] = [0, width];
  while (high - low > 1) {
    const middle = (low + high) / 2;
    if (greedy(middle).length <= fewest.length) high = middle;
    else low = middle;
  }
  return greedy(high);
}
