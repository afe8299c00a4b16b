/**
 * rehype-sanitize, with a message for what it takes out: each kind of element
 * (`<mark>`) or attribute (`style=`) dropped from the document's raw HTML is
 * reported once, at its first place, so an author learns why it is missing.
 */
import type { Element, Root } from 'hast';
import { find, html } from 'property-information';
import rehypeSanitize, { type Options } from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

interface Seen {
  node: Element;
  properties: string[];
}

/** Elements by where they start: sanitizing copies nodes but keeps their positions. */
function elementsByPlace(tree: Root): Map<string, Seen> {
  const map = new Map<string, Seen>();
  visit(tree, 'element', (node: Element) => {
    const start = node.position?.start;
    if (start?.offset === undefined) return;
    map.set(`${start.offset}:${node.tagName}`, { node, properties: Object.keys(node.properties).filter((key) => node.properties[key] != null && node.properties[key] !== false) });
  });
  return map;
}

export function rehypeSanitizeReported(schema: Options) {
  const sanitize = rehypeSanitize(schema);
  return (tree: Root, file: VFile): Root => {
    const before = elementsByPlace(tree);
    const clean = sanitize(tree);
    const after = elementsByPlace(clean);
    const dropped = new Map<string, Element>();
    for (const [key, seen] of before) {
      const kept = after.get(key);
      if (!kept) {
        if (!dropped.has(`<${seen.node.tagName}>`)) dropped.set(`<${seen.node.tagName}>`, seen.node);
        continue;
      }
      for (const property of seen.properties) {
        const name = `${find(html, property).attribute}=`;
        if (!kept.properties.includes(property) && !dropped.has(name)) dropped.set(name, seen.node);
      }
    }
    const sorted = [...dropped].sort(([, a], [, b]) => a.position!.start.offset! - b.position!.start.offset!);
    for (const [kind, node] of sorted) {
      const what = kind.startsWith('<') ? `the element ${kind}` : `the attribute ${kind} (on <${node.tagName}>)`;
      const message = file.message(`raw HTML: ${what} is not allowed and was removed (set trusted: true to keep raw HTML)`, {
        place: node.position,
        ruleId: 'sanitized-html',
        source: 'galley',
      });
      message.actual = kind;
    }
    return clean;
  };
}
