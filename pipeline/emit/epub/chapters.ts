/**
 * A rendered document (or the documents of a book) cut into e-book chapters:
 * one XHTML file per level-2 section, so a reader pages by section and never
 * has to lay out the whole text at once. Links into another file (table of
 * contents, footnotes) are pointed at that file.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import rehypeRaw from 'rehype-raw';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { RenderedDocument } from '../../render/index.ts';
import { mathmlOnly } from '../../render/math.ts';

export interface Chapter {
  /** File name inside OEBPS/, e.g. chapter-003.xhtml. */
  file: string;
  title: string;
  lang: string;
  /** A book's title page rather than text. */
  titlePage?: boolean;
  nodes: RootContent[];
}

/** One line of the table of contents before nesting. */
export interface NavEntry {
  depth: number;
  text: string;
  href: string;
}

export interface Chapters {
  chapters: Chapter[];
  nav: NavEntry[];
}

export interface Part {
  doc: RenderedDocument;
  /** Where each local image is read from (the e-book library fetches it). */
  assetUrl: (path: string) => string;
}

/**
 * A single document: its title block opens the first chapter. A book (`book`
 * set): a title page, then each part opening with its own title block; ids are
 * prefixed per part so two documents never clash.
 */
export function splitChapters(parts: Part[], book?: RenderedDocument): Chapters {
  const chapters: Chapter[] = [];
  const nav: NavEntry[] = [];
  let count = 0;
  const nextFile = () => `chapter-${String(++count).padStart(3, '0')}.xhtml`;
  if (book) {
    chapters.push({ file: 'title.xhtml', title: book.meta.title, lang: book.meta.lang, titlePage: true, nodes: htmlToNodes(book.titleBlock) });
  }
  const tocIds: { part: number; depth: number; text: string; id: string }[] = [];
  parts.forEach((part, index) => {
    const { doc } = part;
    const prefix = book ? `p${index + 1}-` : '';
    const tree = prepareTree(doc, part.assetUrl, prefix);
    const first: Chapter = { file: nextFile(), title: doc.meta.title, lang: doc.meta.lang, nodes: htmlToNodes(doc.titleBlock) };
    chapters.push(first);
    nav.push({ depth: book ? 1 : 2, text: doc.meta.title, href: first.file });
    let current = first;
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'h2') {
        current = { file: nextFile(), title: textOf(node) || doc.meta.title, lang: doc.meta.lang, nodes: [] };
        chapters.push(current);
      }
      current.nodes.push(node);
    }
    for (const entry of doc.toc) {
      // A level-1 heading repeating the title is already the part's own entry; others sit under it.
      if (entry.depth === 1 && entry.text === doc.meta.title) continue;
      tocIds.push({ part: index, depth: Math.max(entry.depth, 2), text: entry.text, id: prefix + entry.id });
    }
  });
  const fileOf = idIndex(chapters);
  // Table of contents entries go in document order, after their part's title.
  const withToc: NavEntry[] = [];
  let partIndex = 0;
  for (const entry of nav) {
    withToc.push(entry);
    for (const toc of tocIds.filter((t) => t.part === partIndex)) {
      const file = fileOf.get(toc.id);
      if (file) withToc.push({ depth: toc.depth, text: toc.text, href: `${file}#${toc.id}` });
    }
    partIndex++;
  }
  for (const chapter of chapters) pointLinks(chapter, fileOf);
  return { chapters, nav: withToc };
}

/** HTML that galley writes itself (the title blocks) as hast, to sit among the body's nodes. */
export function htmlToNodes(html: string): RootContent[] {
  if (!html) return [];
  const tree = unified().use(rehypeRaw).runSync({ type: 'root', children: [{ type: 'raw', value: html }] } as Root) as Root;
  return tree.children;
}

function prepareTree(doc: RenderedDocument, assetUrl: (path: string) => string, prefix: string): Root {
  const tree = structuredClone(doc.hast);
  if (doc.math) mathmlOnly(tree);
  const assets = new Set(doc.assets);
  visit(tree, 'element', (node: Element, index, parent) => {
    const props = node.properties;
    if (typeof props.src === 'string' && assets.has(props.src)) props.src = assetUrl(props.src);
    if (prefix) prefixIds(node, prefix);
    // Readers with pop-up notes look for these; the library drops data-* attributes.
    if (props.dataFootnoteRef !== undefined) props['epub:type'] = 'noteref';
    if (props.dataFootnotes !== undefined) props['epub:type'] = 'endnotes';
    // A form control means nothing in a book and loses its state in the library: show the mark.
    if (node.tagName === 'input' && props.type === 'checkbox' && parent && index !== undefined) {
      const mark: Text = { type: 'text', value: props.checked ? '☑' : '☐' };
      (parent.children as ElementContent[])[index] = { type: 'element', tagName: 'span', properties: { className: ['task'] }, children: [mark] };
    }
  });
  return tree;
}

/** Ids and the references to them, prefixed: a book's documents share one id space. */
export function prefixIds(node: Element, prefix: string): void {
  const props = node.properties;
  if (typeof props.id === 'string' && props.id) props.id = prefix + props.id;
  if (typeof props.href === 'string' && props.href.startsWith('#') && props.href.length > 1) props.href = `#${prefix}${props.href.slice(1)}`;
  for (const key of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
    const value: unknown = props[key];
    if (Array.isArray(value)) props[key] = value.map((v) => prefix + String(v));
    else if (typeof value === 'string') props[key] = value.split(/\s+/).map((v) => prefix + v);
  }
}

function idIndex(chapters: Chapter[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const chapter of chapters) {
    const root: Root = { type: 'root', children: chapter.nodes };
    visit(root, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string' && !files.has(node.properties.id)) files.set(node.properties.id, chapter.file);
    });
  }
  return files;
}

/**
 * `#id` links whose target went to another file get that file's name. ARIA
 * references may only name elements of the same file: one that went elsewhere
 * (a note reference described by the notes heading) is dropped.
 */
function pointLinks(chapter: Chapter, fileOf: Map<string, string>): void {
  visit({ type: 'root', children: chapter.nodes } as Root, 'element', (node: Element) => {
    for (const key of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
      const value: unknown = node.properties[key];
      if (value === undefined) continue;
      const ids = (Array.isArray(value) ? value.map(String) : String(value).split(/\s+/)).filter((id) => fileOf.get(id) === chapter.file);
      if (ids.length) node.properties[key] = ids;
      else delete node.properties[key];
    }
    const href = node.properties.href;
    if (typeof href !== 'string' || !href.startsWith('#')) return;
    const file = fileOf.get(decodeFragment(href.slice(1)));
    if (file && file !== chapter.file) node.properties.href = `${file}${href}`;
  });
}

export function textOf(node: RootContent | Root): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
  return '';
}

/** A fragment as an id; a malformed escape (`#%zz`) is taken as written, as browsers do. */
function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
