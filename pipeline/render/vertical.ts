/**
 * Vertical writing sets Latin text sideways by default. Following clreq, short
 * runs of digits (a day, a chapter, a citation number) read better set upright
 * in one em (tate-chu-yoko), and longer numbers such as years upright one digit
 * at a time. CSS cannot find those runs on its own (text-combine-upright: digits
 * is not in Chromium), so the print body marks them with classes.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** Digit runs not part of a longer number or a decimal. */
const DIGITS = /(?<![\d.,])\d+(?![\d]|[.,]\d)/g;

/** Up to this many digits fit side by side in one em. */
const COMBINE_MAX = 2;

/** Where text stays as written: code; citations are set across the column whole, brackets and all. */
const KEEP = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math']);
const isCitation = (node: Element) => node.tagName === 'sup' && String(node.properties.className ?? '').includes('citation');

export function markVerticalRuns(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'element' && (KEEP.has((node as Element).tagName) || isCitation(node as Element))) return SKIP;
    if (node.type !== 'text' || !parent || index === undefined) return;
    const pieces = splitRuns((node as Text).value);
    if (!pieces) return;
    (parent.children as ElementContent[]).splice(index, 1, ...pieces);
    return [SKIP, index + pieces.length];
  });
}

function splitRuns(value: string): ElementContent[] | undefined {
  const pieces: ElementContent[] = [];
  let last = 0;
  for (const match of value.matchAll(DIGITS)) {
    const start = match.index;
    if (start > last) pieces.push({ type: 'text', value: value.slice(last, start) });
    const className = match[0].length <= COMBINE_MAX ? 'tcy' : 'upright';
    pieces.push({ type: 'element', tagName: 'span', properties: { className: [className] }, children: [{ type: 'text', value: match[0] }] });
    last = start + match[0].length;
  }
  if (last === 0) return undefined;
  if (last < value.length) pieces.push({ type: 'text', value: value.slice(last) });
  return pieces;
}
