/**
 * rehype-raw, only where there is raw HTML. Its parse5 round trip parses the
 * whole page again (about a twentieth of a document's text stages); of a tree
 * with no raw node it changes only the form of what is there, and that is
 * done here without a parser: each element's properties are written as
 * attributes and read back (hastscript, as hast-util-from-parse5 does), and
 * adjacent texts are joined, so later plugins see the tree they always saw.
 */
import type { Element, Nodes, Properties, Root, RootContent } from 'hast';
import { h, s } from 'hastscript';
import { find, html, svg, type Schema } from 'property-information';
import rehypeRaw from 'rehype-raw';
import type { Position } from 'unist';
import type { VFile } from 'vfile';

function hasRaw(node: Nodes): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some((child) => hasRaw(child));
}

/** The attributes an element's properties are written as (hast-util-to-parse5's rules). */
function attributes(properties: Properties, schema: Schema): Record<string, string> {
  const written: Record<string, string> = {};
  for (const [key, value] of Object.entries(properties)) {
    const info = find(schema, key);
    if (value === false || value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value)) || (!value && info.boolean)) continue;
    const text = Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ').trim() : value === true ? '' : String(value);
    written[info.attribute] = text;
  }
  return written;
}

/** Adjacent texts as one, empty ones dropped: what a parser makes of them. */
function joinTexts(children: RootContent[]): RootContent[] {
  const joined: RootContent[] = [];
  for (const child of children) {
    const last = joined.at(-1);
    if (child.type === 'text' && !child.value) continue;
    if (child.type === 'text' && last?.type === 'text') {
      // As parse5 places the text: from where the first began, if known, to where the last ended, if known.
      const position = last.position || child.position ? { position: { start: last.position?.start, end: child.position?.end } as Position } : {};
      joined[joined.length - 1] = { type: 'text', value: last.value + child.value, ...position };
    } else joined.push(child);
  }
  return joined;
}

function settle(node: Root | Element, schema: Schema): void {
  node.children = joinTexts(node.children) as typeof node.children;
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const inner = child.tagName === 'svg' ? svg : schema === svg && child.tagName === 'foreignObject' ? html : schema;
    const own = schema === svg || child.tagName === 'svg' ? svg : schema;
    child.properties = (own === svg ? s : h)(child.tagName, attributes(child.properties, own)).properties;
    settle(child, inner);
  }
}

export function rehypeRawWhereNeeded() {
  const raw = rehypeRaw();
  return (tree: Root, file: VFile): Root | undefined => {
    if (hasRaw(tree)) return raw(tree, file);
    settle(tree, html);
    tree.data = { ...tree.data, quirksMode: false };
    return undefined;
  };
}
