/**
 * Citations: `[@key]`, `[@a; @b]` and `[see @key, p. 33]` in running text,
 * resolved against the document's bibliography (BibTeX or CSL JSON, through
 * citation-js) and set in a CSL style: GB/T 7714 by default (numbered in
 * citation order, as Chinese journals cite), APA and the others citation-js
 * ships, or a .csl file of the project. The reference list closes the
 * document. A key the bibliography lacks is a warning at its place, and the
 * mark stays as written.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, isAbsolute, join, resolve } from 'node:path';
import type { ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Parent, Root, RootContent, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { GalleyError } from '../errors.ts';
import { labelsFor } from '../locale/labels.ts';
import { PACKAGE_ROOT } from '../package-root.ts';

export interface CitationOptions {
  /** Absolute path of the bibliography file, when the document has one. */
  bibliography?: string;
  /** A style name (gb-t-7714, apa, vancouver, harvard1) or an absolute path to a .csl file. */
  style: string;
  lang: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Files besides the source and its images that the document was built from (its bibliography). */
    inputs: string[];
  }
}

interface Item {
  key: string;
  prefix?: string;
  locator?: string;
}

interface Mark {
  node: Text;
  parent: Parent;
  items: Item[];
  /** Where the mark starts in its text node. */
  index: number;
  length: number;
}

const KEY = String.raw`[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*`;
const BRACKETS = /\[([^[\]]*@[^[\]]*)\]/gu;
const ITEM = new RegExp(String.raw`^\s*(?:(.*?)\s+)?-?@(${KEY}?)(?:,\s*(.*?))?\s*$`, 'u');

/** The items of one bracket, or undefined when it is not a citation (an e-mail address, say). */
function parseItems(inner: string): Item[] | undefined {
  const items: Item[] = [];
  for (const part of inner.split(';')) {
    const match = ITEM.exec(part);
    if (!match) return undefined;
    items.push({ key: match[2]!.replace(/[.:]$/, ''), ...(match[1] ? { prefix: match[1] } : {}), ...(match[3] ? { locator: match[3] } : {}) });
  }
  return items;
}

function findMarks(tree: Root): Mark[] {
  const marks: Mark[] = [];
  visit(tree, 'text', (node: Text, _index, parent) => {
    if (!parent || parent.type === 'link' || parent.type === 'linkReference') return;
    for (const match of node.value.matchAll(BRACKETS)) {
      const items = parseItems(match[1]!);
      if (items) marks.push({ node, parent, items, index: match.index, length: match[0].length });
    }
  });
  return marks;
}

/** The styles galley ships besides citation-js's own (read from the sources, which the compiled copy does not carry). */
const STYLES_DIR = join(PACKAGE_ROOT, 'pipeline', 'enrich', 'csl');

interface CslConfig {
  engine: (data: unknown[], style: string, lang: string, format: string) => CslEngine;
  styles: { add: (name: string, xml: string) => void; has: (name: string) => boolean };
  locales: { add: (name: string, xml: string) => void; get: (name: string) => string };
}

interface CslEngine {
  updateItems: (ids: string[]) => void;
  setOutputFormat: (format: string) => void;
  makeCitationCluster: (items: { id: string; locator?: string; label?: string; prefix?: string }[]) => string;
  makeBibliography: () => [{ entry_ids: string[][] }, string[]];
  opt: { xclass: string };
}

type CiteClass = new (data: unknown) => { data: { id: string }[] };

let loading: Promise<{ Cite: CiteClass; csl: CslConfig }> | undefined;

/** citation-js, loaded only for a document that cites. */
async function citationJs() {
  loading ??= (async () => {
    // CommonJS: its exports are the namespace's default, in Node as in the bundle.
    const loaded = await import('@citation-js/core');
    const core = (loaded as unknown as { default?: typeof loaded }).default ?? loaded;
    await import('@citation-js/plugin-bibtex');
    await import('@citation-js/plugin-csl');
    const csl = core.plugins.config.get('@csl') as CslConfig;
    csl.styles.add('gb-t-7714', readFileSync(join(STYLES_DIR, 'gb-t-7714.csl'), 'utf8'));
    csl.locales.add('zh-CN', chineseLocale(csl.locales.get('en-US'), readFileSync(join(STYLES_DIR, 'locales-zh-CN.xml'), 'utf8')));
    return { Cite: core.Cite as CiteClass, csl };
  })();
  return loading;
}

/**
 * en-US with the Chinese terms put in: citeproc needs a complete locale (with
 * a partial one it labels volumes "vol."), and only a few terms differ.
 */
function chineseLocale(english: string, overrides: string): string {
  const terms = [...overrides.matchAll(/<term name="([^"]+)">[^<]*<\/term>/g)];
  let xml = english.replace('xml:lang="en-US"', 'xml:lang="zh-CN"');
  for (const [term, name] of terms) xml = xml.replace(new RegExp(`<term name="${name}">[^<]*</term>`), term);
  return xml;
}

export const BUILTIN_STYLES = ['gb-t-7714', 'apa', 'vancouver', 'harvard1'];

/** Resolves citations in `tree` and appends the reference list. Loads nothing when the document cites nothing. */
export async function resolveCitations(tree: Root, file: VFile, options: CitationOptions): Promise<void> {
  const marks = findMarks(tree);
  if (marks.length === 0) return;
  if (!options.bibliography) {
    const first = marks[0]!;
    file.message(`[@${first.items[0]!.key}] and ${marks.length - 1} more citations, but no bibliography (set bibliography: refs.bib in the front matter)`, {
      place: placeOf(first),
      ruleId: 'citation',
      source: 'galley',
    });
    return;
  }
  const { Cite, csl } = await citationJs();
  const data = loadBibliography(options.bibliography, file, Cite);
  file.data.inputs = [...(file.data.inputs ?? []), options.bibliography];
  const known = new Set(data.map((item) => item.id));
  const style = styleName(options.style, csl, file);
  const locale = /^zh/i.test(options.lang) ? 'zh-CN' : 'en-US';
  const order: string[] = [];
  for (const mark of marks) {
    for (const item of mark.items) {
      if (!known.has(item.key)) {
        const message = file.message(`unknown citation key @${item.key}: not in ${displayName(options.bibliography)}`, { place: placeOf(mark), ruleId: 'citation', source: 'galley' });
        message.actual = item.key;
      } else if (!order.includes(item.key)) order.push(item.key);
    }
  }
  if (order.length === 0) return;
  const engine = csl.engine(data, style, locale, 'html');
  engine.updateItems(order);
  engine.setOutputFormat('text');
  const cluster = (items: Item[]) =>
    engine.makeCitationCluster(
      items.map((item) => ({
        id: item.key,
        ...(item.locator ? { locator: item.locator.replace(/^(p|pp)\.\s*/, ''), label: 'page' } : {}),
        ...(item.prefix ? { prefix: `${item.prefix} ` } : {}),
      })),
    );
  replaceMarks(marks, known, cluster, isNumeric(style));
  engine.setOutputFormat('html');
  const [meta, entries] = engine.makeBibliography();
  tree.children.push(referenceList(entries, meta.entry_ids.map((ids) => ids[0]!), options.lang));
}

/** Whether a style numbers its citations ([1]), so marks are set as superscripts. */
function isNumeric(style: string): boolean {
  return style === 'gb-t-7714' || style === 'vancouver' || /citation-format="numeric"/.test(customStyles.get(style) ?? '');
}

const customStyles = new Map<string, string>();

function styleName(style: string, csl: CslConfig, file: VFile): string {
  if (BUILTIN_STYLES.includes(style)) return style;
  if (!/\.csl$/i.test(style)) throw new GalleyError(file.path, `csl: unknown style "${style}" (galley ships ${BUILTIN_STYLES.join(', ')}; or name a .csl file)`);
  if (!existsSync(style)) throw new GalleyError(file.path, `csl: ${displayName(style)} not found`);
  if (!customStyles.has(style)) {
    const xml = readFileSync(style, 'utf8');
    if (!/<style[\s>]/.test(xml)) throw new GalleyError(file.path, `csl: ${displayName(style)} is not a CSL style`);
    customStyles.set(style, xml);
    csl.styles.add(style, xml);
  }
  return style;
}

function loadBibliography(path: string, file: VFile, Cite: CiteClass): { id: string }[] {
  if (!existsSync(path)) throw new GalleyError(file.path, `bibliography: ${displayName(path)} not found`);
  const text = readFileSync(path, 'utf8');
  const ext = extname(path).toLowerCase();
  if (!['.bib', '.bibtex', '.json'].includes(ext)) throw new GalleyError(file.path, `bibliography: ${displayName(path)} must be BibTeX (.bib) or CSL JSON (.json)`);
  let input: unknown = text;
  if (ext === '.json') {
    try {
      input = JSON.parse(text);
    } catch (error) {
      throw new GalleyError(file.path, `bibliography: ${displayName(path)} is not valid JSON: ${(error as Error).message}`);
    }
  }
  try {
    const data = new Cite(input).data;
    if (data.length === 0) throw new Error('no entries found');
    return data;
  } catch (error) {
    throw new GalleyError(file.path, `bibliography: ${displayName(path)} could not be read: ${(error as Error).message.split('\n')[0]}`);
  }
}

function replaceMarks(marks: Mark[], known: Set<string>, cluster: (items: Item[]) => string, numeric: boolean): void {
  const byNode = new Map<Text, Mark[]>();
  for (const mark of marks) byNode.set(mark.node, [...(byNode.get(mark.node) ?? []), mark]);
  for (const [node, list] of byNode) {
    const parts: RootContent[] = [];
    let at = 0;
    for (const mark of list) {
      const items = mark.items.filter((item) => known.has(item.key));
      if (items.length === 0) continue;
      if (mark.index > at) parts.push({ type: 'text', value: node.value.slice(at, mark.index) });
      const text = cluster(items);
      const link: ElementContent = { type: 'element', tagName: 'a', properties: { href: `#ref-${items[0]!.key}` }, children: [{ type: 'text', value: text }] };
      parts.push({ type: 'text', value: text, data: { hName: numeric ? 'sup' : 'span', hProperties: { className: ['citation'] }, hChildren: [link] } } as Text);
      at = mark.index + mark.length;
    }
    if (at === 0) continue;
    if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
    const parent = list[0]!.parent;
    parent.children.splice(parent.children.indexOf(node), 1, ...(parts as Parent['children']));
  }
}

/** The reference list: a section with a heading and CSL's entries, each with the id the marks link to. */
function referenceList(entries: string[], ids: string[], lang: string): RootContent {
  const items = entries.map((entry, index): ElementContent => {
    const element = fromHtml(entry.trim(), { fragment: true }).children.find((child) => child.type === 'element')!;
    element.properties.id = `ref-${ids[index]}`;
    return element;
  });
  const heading: ElementContent = { type: 'element', tagName: 'h2', properties: { id: 'references' }, children: [{ type: 'text', value: labelsFor(lang).references }] };
  const list: ElementContent = { type: 'element', tagName: 'div', properties: { className: ['csl-bib-body'] }, children: items };
  // A div: the sanitizer keeps a <section>'s class only for footnotes.
  return { type: 'references', data: { hName: 'div', hProperties: { className: ['references'] }, hChildren: [heading, list] } } as unknown as RootContent;
}

/** The mark's place; a text node that GFM's autolinking split has none, so its paragraph's start stands in. */
function placeOf(mark: Mark) {
  const start = mark.node.position?.start;
  return start ? { line: start.line, column: start.column + mark.index } : mark.parent.position?.start;
}

function displayName(path: string): string {
  return isAbsolute(path) ? path.split(/[\\/]/).slice(-2).join('/') : path;
}

/** Where a bibliography named in front matter or config is: front matter from the document's folder, config from the project. */
export function bibliographyPath(value: string | undefined, fromDocument: boolean, documentDir: string, root: string): string | undefined {
  if (!value) return undefined;
  return resolve(fromDocument ? documentDir : root, value);
}
