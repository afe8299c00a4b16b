/**
 * The one contents tree: headings nested by depth, each with its link. The
 * HTML page's nav, the EPUB navigation document, the NCX and a book's contents
 * are all drawn from it.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { TocEntry } from '../enrich/index.ts';
import { labelsFor } from '../locale/labels.ts';

export interface ContentsEntry {
  depth: number;
  text: string;
  href: string;
}

export interface ContentsNode {
  text: string;
  href: string;
  children: ContentsNode[];
}

/** Entries by depth → a tree; a level is never skipped, so every <ol> holds only <li>. */
export function nestEntries(entries: ContentsEntry[]): ContentsNode[] {
  if (entries.length === 0) return [];
  const top = Math.min(...entries.map((e) => e.depth));
  const roots: ContentsNode[] = [];
  const stack: ContentsNode[][] = [roots];
  for (const entry of entries) {
    const level = Math.min(Math.max(entry.depth - top, 0), stack.length - 1);
    stack.length = level + 1;
    const node: ContentsNode = { text: entry.text, href: entry.href, children: [] };
    stack[level]!.push(node);
    stack.push(node.children);
  }
  return roots;
}

/** The tree as nested lists of links (hast: HTML and XHTML alike). */
export function contentsList(nodes: ContentsNode[]): Element {
  return h(
    'ol',
    nodes.map((node) => h('li', [h('a', { href: node.href }, node.text), ...(node.children.length ? [contentsList(node.children)] : [])])),
  );
}

/** The page's table of contents; none when the document is too short to need one. */
export function contentsNav(toc: TocEntry[], lang: string, wanted: boolean | 'auto'): Element | undefined {
  const entries = toc.filter((entry) => entry.depth >= 2);
  if (wanted === false || entries.length === 0 || (wanted === 'auto' && entries.length < 3)) return undefined;
  const tree = nestEntries(entries.map((entry) => ({ depth: entry.depth, text: entry.text, href: `#${entry.id}` })));
  return h('nav.toc', { ariaLabelledBy: 'toc-title' }, ['\n', h('h2#toc-title', labelsFor(lang).contents), '\n', contentsList(tree), '\n']);
}
