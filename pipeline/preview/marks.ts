/**
 * The preview's own copy of a document's HTML page: the published bytes are
 * parsed, every spot a message applies to is wrapped in a <mark> carrying the
 * message ids (the first piece of each also gets id="spot-N", for links), and
 * a stylesheet for the marks is added. The published file is never touched.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { Spot } from './spots.ts';

interface Run {
  node: Text;
  parent: Element | Root;
  start: number;
  end: number;
}

export interface Page {
  tree: Root;
  /** The page's <title>. */
  title: string;
  /** Its language (the lang of <html>). */
  lang: string;
  /** The text the reader sees, in document order: what spots are offsets into. */
  text: string;
  runs: Run[];
}

/** Text that is not the document's running text: the contents (it repeats the headings), code for machines, formulas. */
const SKIPPED = new Set(['head', 'nav', 'script', 'style', 'template', 'math', 'svg']);

export function readPage(html: string): Page {
  const tree = fromHtml(html);
  const runs: Run[] = [];
  let length = 0;
  const walk = (parent: Element | Root) => {
    for (const child of parent.children) {
      if (child.type === 'text') {
        runs.push({ node: child, parent, start: length, end: length + child.value.length });
        length += child.value.length;
      } else if (child.type === 'element' && !SKIPPED.has(child.tagName)) walk(child);
    }
  };
  walk(tree);
  const title = find(tree, 'title')?.children.map((c) => (c.type === 'text' ? c.value : '')).join('') ?? '';
  const lang = String(find(tree, 'html')?.properties.lang ?? 'und');
  return { tree, title, lang, text: runs.map((run) => run.node.value).join(''), runs };
}

function find(parent: Element | Root, tagName: string): Element | undefined {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    const found = child.tagName === tagName ? child : find(child, tagName);
    if (found) return found;
  }
  return undefined;
}

interface Piece {
  from: number;
  to: number;
  id: number;
}

/** Wraps each message's spot in marks; `spots` maps message ids to ranges of page.text. */
export function markSpots(page: Page, spots: Map<number, Spot>): void {
  const visible = page.runs.filter((run) => run.node.value.trim() !== '');
  if (!visible.length) return;
  const pieces = new Map<Run, Piece[]>();
  const add = (run: Run, piece: Piece) => pieces.set(run, [...(pieces.get(run) ?? []), piece]);
  for (const [id, spot] of spots) {
    if (spot.end > spot.start) {
      for (let i = firstEndingAfter(visible, spot.start); i < visible.length && visible[i]!.start < spot.end; i++) {
        const run = visible[i]!;
        add(run, { from: Math.max(spot.start, run.start) - run.start, to: Math.min(spot.end, run.end) - run.start, id });
      }
    } else {
      // Removed text: a marker where it was, in the nearest text that is shown.
      const run = visible[Math.min(firstEndingAfter(visible, spot.start), visible.length - 1)]!;
      const at = Math.min(Math.max(spot.start, run.start), run.end) - run.start;
      add(run, { from: at, to: at, id });
    }
  }
  const labelled = new Set<number>();
  // In document order, so that id="spot-N" lands on the first piece of each spot.
  for (const [run, list] of [...pieces].sort(([a], [b]) => a.start - b.start)) {
    const index = run.parent.children.indexOf(run.node as never);
    run.parent.children.splice(index, 1, ...(split(run.node.value, list, labelled) as RootContent[]));
  }
}

/** Index of the first run that ends after `offset` (runs are in order). */
function firstEndingAfter(runs: Run[], offset: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A text node's value cut at every piece boundary, each covered stretch in a mark naming the messages that cover it. */
function split(value: string, list: Piece[], labelled: Set<number>): ElementContent[] {
  const cuts = [...new Set([0, value.length, ...list.flatMap((p) => [p.from, p.to])])].sort((a, b) => a - b);
  const out: ElementContent[] = [];
  const mark = (ids: number[], text: string, removed: boolean) => {
    const first = ids.find((id) => !labelled.has(id));
    for (const id of ids) labelled.add(id);
    const className = removed ? ['galley-spot', 'galley-removed'] : ['galley-spot'];
    out.push(h('mark', { id: first === undefined ? undefined : `spot-${first}`, className, dataRepairs: ids.join(' ') }, text));
  };
  for (let i = 0; i < cuts.length; i++) {
    const at = cuts[i]!;
    const removed = list.filter((p) => p.from === at && p.to === at).map((p) => p.id);
    if (removed.length) mark(removed, '', true);
    const next = cuts[i + 1];
    if (next === undefined) break;
    const text = value.slice(at, next);
    const ids = list.filter((p) => p.from <= at && p.to >= next && p.to > p.from).map((p) => p.id);
    if (ids.length) mark(ids, text, false);
    else out.push({ type: 'text', value: text });
  }
  return out;
}

/** The marked copy as HTML, with the marks' stylesheet at the end of its head. */
export function pageHtml(page: Page, css: string): string {
  find(page.tree, 'head')?.children.push(h('style', css));
  return toHtml(page.tree);
}
