/**
 * Every HTML document galley writes is serialized by rehype-stringify, from one
 * frozen processor; XHTML and XML documents by xast-util-to-xml.
 */
import type { Element, Root, RootContent } from 'hast';
import { toXast } from 'hast-util-to-xast';
import { find, html } from 'property-information';
import rehypeStringify from 'rehype-stringify';
import { stringifyEntities } from 'stringify-entities';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Element as XastElement, Root as XastRoot } from 'xast';
import { toXml } from 'xast-util-to-xml';

const serializer = unified().use(rehypeStringify).freeze();

export function stringifyHtml(tree: Root | RootContent[]): string {
  return serializer.stringify(Array.isArray(tree) ? { type: 'root', children: tree } : tree);
}

/** A value for a template shell's slot (`lang="{{lang}}"`, `<title>{{title}}</title>`): markup characters escaped. */
export function escapeSlot(value: string): string {
  return stringifyEntities(value, { escapeOnly: true, useNamedReferences: true });
}

/** XHTML documents (EPUB navigation, cover page): the hast tree written as XML, with its declaration and doctype. */
export function stringifyXhtml(tree: Element): string {
  const root = toXast(tree) as XastElement;
  // XML has no bare attributes: a boolean one is written as its own name (hidden="hidden").
  visit(root, 'element', (node: XastElement) => {
    for (const [name, value] of Object.entries(node.attributes ?? {})) if (value === '' && isBoolean(name)) node.attributes![name] = name;
  });
  return stringifyXml([{ type: 'doctype', name: 'html' }, { type: 'text', value: '\n' }, root]);
}

/** XML documents (OPF, NCX, XHTML) with the XML declaration, empty elements closed as `<x/>`. */
export function stringifyXml(nodes: XastRoot['children']): string {
  const declaration = { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' } as const;
  return `${xml([declaration, { type: 'text', value: '\n' }, ...nodes])}\n`;
}

/**
 * xast-util-to-xml escapes `<` and `&` only, but XML also forbids `]]>` in text
 * (a title may hold it). galley writes no CDATA sections, so every `]]>` in the
 * output is text or an attribute value, where `]]&gt;` means the same.
 */
export function xml(nodes: Parameters<typeof toXml>[0]): string {
  return toXml(nodes, { closeEmptyElements: true, tightClose: true }).replaceAll(']]>', ']]&gt;');
}

function isBoolean(name: string): boolean {
  const info = find(html, name);
  return Boolean(info.boolean || info.overloadedBoolean);
}
