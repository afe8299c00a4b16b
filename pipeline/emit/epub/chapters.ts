/**
 * A rendered document (or a bound book) cut into e-book chapters: one XHTML
 * file per level-2 section, so a reader pages by section and never has to lay
 * out the whole text at once. Links into another file (table of contents,
 * footnotes, a book's cross-references) are pointed at that file.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
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

/**
 * A single document: its title block opens the first chapter. A bound book
 * (`doc.parts`, see book/bind.ts): a title page, then each part's section,
 * unwrapped, opening with the part's title block.
 */
export function splitChapters(doc: RenderedDocument, assetUrl: (path: string) => string): Chapters {
  const chapters: Chapter[] = [];
  let count = 0;
  const nextFile = () => `chapter-${String(++count).padStart(3, '0')}.xhtml`;
  const tree = prepareTree(doc, assetUrl);
  const split = (nodes: RootContent[], title: string, lang: string) => {
    let current: Chapter = { file: nextFile(), title, lang, nodes: [] };
    chapters.push(current);
    for (const node of nodes) {
      if (node.type === 'element' && node.tagName === 'h2') {
        current = { file: nextFile(), title: textOf(node) || title, lang, nodes: [] };
        chapters.push(current);
      }
      current.nodes.push(node);
    }
  };
  const nav: NavEntry[] = [];
  let entries: { depth: number; text: string; id: string }[];
  if (doc.parts) {
    chapters.push({ file: 'title.xhtml', title: doc.meta.title, lang: doc.meta.lang, titlePage: true, nodes: [structuredClone(doc.titleBlock)] });
    const sections = tree.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'section');
    sections.forEach((section, index) => split(section.children, doc.parts![index]!.title, doc.parts![index]!.lang));
    entries = doc.toc;
  } else {
    split([...[structuredClone(doc.titleBlock)], ...tree.children], doc.meta.title, doc.meta.lang);
    nav.push({ depth: 2, text: doc.meta.title, href: chapters[0]!.file });
    // A level-1 heading repeating the title is already the document's own entry; others sit under it.
    entries = doc.toc.filter((entry) => !(entry.depth === 1 && entry.text === doc.meta.title)).map((entry) => ({ ...entry, depth: Math.max(entry.depth, 2) }));
  }
  const fileOf = idIndex(chapters);
  for (const entry of entries) {
    const file = fileOf.get(entry.id);
    if (file) nav.push({ depth: entry.depth, text: entry.text, href: `${file}#${entry.id}` });
  }
  for (const chapter of chapters) pointLinks(chapter, fileOf);
  return { chapters, nav };
}

function prepareTree(doc: RenderedDocument, assetUrl: (path: string) => string): Root {
  const tree = structuredClone(doc.hast);
  if (doc.math) mathmlOnly(tree);
  const assets = new Set(doc.assets);
  visit(tree, 'element', (node: Element, index, parent) => {
    const props = node.properties;
    if (typeof props.src === 'string' && assets.has(props.src)) props.src = assetUrl(props.src);
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
