/**
 * GFM task items render as a bare disabled checkbox before the item's text,
 * which leaves the control without an accessible name (axe: "label"). Wrapping
 * the checkbox and the inline text after it in a <label> names it by that text.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Elements that end the item's first line: a nested list or a new block. */
const BLOCK = new Set(['ul', 'ol', 'p', 'div', 'pre', 'blockquote', 'table', 'figure']);

export function labelTaskItems(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    const start = node.children.findIndex(isCheckbox);
    if (start === -1 || (node.tagName !== 'li' && node.tagName !== 'p')) return;
    let end = start + 1;
    while (end < node.children.length && !isBlock(node.children[end]!)) end++;
    const label: Element = { type: 'element', tagName: 'label', properties: {}, children: node.children.slice(start, end) };
    node.children.splice(start, end - start, label);
  });
}

function isCheckbox(node: ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'input' && node.properties.type === 'checkbox';
}

function isBlock(node: ElementContent): boolean {
  return node.type === 'element' && BLOCK.has(node.tagName);
}
