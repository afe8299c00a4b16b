/**
 * Binding a book, once for every output: each document's rendered body in a
 * section of its own after its title block, its ids prefixed (p2-…) so that
 * two chapters never clash, links between chapters turned into links inside
 * the book, figures numbered by chapter. The HTML page and the PDF print the
 * bound tree as it is; the EPUB cuts it into chapter files (emit/epub/chapters.ts).
 */
import { dirname, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Element, Root, RootContent } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Settings } from '../config/index.ts';
import type { TocEntry } from '../enrich/index.ts';
import { labelsFor } from '../locale/labels.ts';
import { titleBlock } from '../render/blocks.ts';
import { contentsNav } from '../render/contents.ts';
import type { RenderedDocument } from '../render/index.ts';
import type { DocumentMeta } from '../types.ts';
import type { BookData } from './declare.ts';
import { sourceKind } from '../batch/sources.ts';
import { localPath } from './summary.ts';

export interface BookPart {
  /** The source's absolute path: links are resolved from its folder. */
  path: string;
  /** Receives the warnings about the part's links. */
  file: VFile;
  doc: RenderedDocument;
}

/** The book's own metadata; what it leaves out comes from its documents. */
export function bookMeta(data: BookData, parts: RenderedDocument[]): DocumentMeta {
  const first = parts[0]!.meta;
  const authors = data.authors ?? data.author ?? [...new Set(parts.flatMap((p) => p.meta.authors))];
  return {
    title: data.title,
    authors,
    lang: data.language ?? first.lang,
    keywords: data.keywords ?? [],
    ...(data.date ? { date: data.date } : {}),
    ...(data.publication ? { publication: data.publication } : {}),
    ...(data.description ? { description: data.description } : {}),
    ...(data.rights ? { rights: data.rights } : {}),
  };
}

export const partId = (index: number) => `p${index + 1}`;

export function bindBook(meta: DocumentMeta, parts: BookPart[], settings: Settings): RenderedDocument {
  const targets = new Map(parts.map((part, index) => [part.path, { index, ids: idsOf(part.doc.hast) }]));
  const children: RootContent[] = [];
  const toc: TocEntry[] = [];
  parts.forEach((part, index) => {
    const id = partId(index);
    const prefix = `${id}-`;
    const body = structuredClone(part.doc.hast);
    let figure = 0;
    const figureLabel = labelsFor(part.doc.meta.lang).figure;
    visit(body, 'element', (node: Element) => {
      prefixIds(node, prefix);
      crossReference(node, part, targets);
      if (hasClass(node, 'figure-label')) node.children = [{ type: 'text', value: `${figureLabel} ${index + 1}.${++figure}` }];
    });
    const title = [structuredClone(part.doc.titleBlock)];
    visit({ type: 'root', children: title } as Root, 'element', (node: Element) => {
      if (node.tagName === 'h1') node.properties.id = id;
    });
    children.push({
      type: 'element',
      tagName: 'section',
      properties: { className: ['book-part'], lang: part.doc.meta.lang },
      children: [...title, ...body.children] as Element['children'],
    });
    toc.push({ depth: 2, id, text: part.doc.meta.title });
    for (const entry of part.doc.toc) toc.push({ depth: Math.max(entry.depth, 2) + 1, id: prefix + entry.id, text: entry.text });
  });
  const contents = contentsNav(toc, meta.lang, settings.toc === false ? false : true);
  return {
    meta,
    toc,
    hast: { type: 'root', children },
    assets: [...new Set(parts.flatMap((p) => p.doc.assets))].sort(),
    ...(parts.some((p) => p.doc.math) ? { math: true } : {}),
    titleBlock: titleBlock(meta),
    ...(contents ? { contents } : {}),
    parts: parts.map((part, index) => ({ id: partId(index), title: part.doc.meta.title, lang: part.doc.meta.lang })),
  };
}

/** Ids and the references to them, prefixed: a book's documents share one id space. */
function prefixIds(node: Element, prefix: string): void {
  const props = node.properties;
  if (typeof props.id === 'string' && props.id) props.id = prefix + props.id;
  if (typeof props.href === 'string' && props.href.startsWith('#') && props.href.length > 1) props.href = `#${prefix}${props.href.slice(1)}`;
  for (const key of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
    const value: unknown = props[key];
    if (Array.isArray(value)) props[key] = value.map((v) => prefix + String(v));
    else if (typeof value === 'string') props[key] = value.split(/\s+/).map((v) => prefix + v);
  }
}

interface Target {
  index: number;
  ids: Set<string>;
}

/**
 * A link to a chapter of the book (`other.md`, `other.md#id`, `../dir/other.md`)
 * becomes a link to its place in the book. A link to a heading that chapter
 * lacks goes to the chapter's start; one to a Markdown file outside the book
 * leaves its text and loses its href. Both are warnings at the link.
 */
function crossReference(node: Element, part: BookPart, targets: Map<string, Target>): void {
  const href = node.properties.href;
  if (node.tagName !== 'a' || typeof href !== 'string') return;
  const path = localPath(href);
  if (!path || !sourceKind(path)) return;
  const hash = href.indexOf('#');
  const fragment = hash === -1 ? '' : decode(href.slice(hash + 1));
  const target = targets.get(resolve(dirname(part.path), path));
  const warn = (reason: string) => {
    const message = part.file.message(reason, { place: node.position, ruleId: 'cross-reference', source: 'galley' });
    message.actual = href;
  };
  if (!target) {
    warn(`link to ${path}, which is not a chapter of this book: its text is kept, the link is dropped`);
    delete node.properties.href;
    return;
  }
  const id = fragment && (target.ids.has(fragment) ? fragment : [new GithubSlugger().slug(fragment)].find((slug) => target.ids.has(slug)));
  if (fragment && !id) warn(`link to ${path}#${fragment}: that chapter has no such heading; the link goes to the chapter's start`);
  node.properties.href = id ? `#${partId(target.index)}-${id}` : `#${partId(target.index)}`;
}

function idsOf(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  return ids;
}

function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className;
  return Array.isArray(value) && value.includes(name);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
