/**
 * A link to `#id` that no element of the document has is a broken link in
 * every output, and an invalid EPUB: it is reported and made plain text.
 * (Title block and contents are galley's own, with ids it gives.)
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export function checkFragments() {
  return (tree: Root, file: VFile) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
      if (typeof node.properties.name === 'string' && node.tagName === 'a') ids.add(node.properties.name);
    });
    visit(tree, 'element', (node: Element) => {
      const href = node.properties.href;
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || href === '#') return;
      if (ids.has(decode(href.slice(1)))) return;
      delete node.properties.href;
      file.message(`link to "${href.slice(0, 80)}": the document has no such id; kept as plain text`, { place: node.position, ruleId: 'broken-fragment', source: 'galley' });
    });
  };
}

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
