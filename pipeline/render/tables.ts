/**
 * Table cells keep the alignment the Markdown gave them (`:--:`, `--:`) as a
 * class every stylesheet honours: the `align` attribute is obsolete in HTML 5,
 * EPUBCheck rejects it, and a stylesheet's `text-align` would override it.
 * A table with many columns is marked wide, so the page can set it smaller.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const ALIGNMENTS = new Set(['left', 'center', 'right']);
/** From this many columns a table rarely fits the text width at the body's size. */
const WIDE = 6;

export function tableLayout() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'td' || node.tagName === 'th') {
        const align = node.properties.align;
        delete node.properties.align;
        if (typeof align === 'string' && ALIGNMENTS.has(align)) addClass(node, `align-${align}`);
      } else if (node.tagName === 'table' && columns(node) >= WIDE) {
        addClass(node, 'wide');
      }
    });
  };
}

function columns(table: Element): number {
  let count = 0;
  visit(table, 'element', (node: Element) => {
    if (count || node.tagName !== 'tr') return;
    count = node.children.filter((cell) => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th')).length;
  });
  return count;
}

export function addClass(node: Element, name: string): void {
  const value: unknown = node.properties.className;
  const classes = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
  if (!classes.includes(name)) node.properties.className = [...classes, name];
}
