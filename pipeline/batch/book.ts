/**
 * A book: several sources bound into one e-book (and one PDF and HTML page)
 * by a YAML book file that names them. Each document goes through the text
 * stages on its own; the book is their rendered forms put one after another,
 * ids prefixed per document so that two documents never clash.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import YAML from 'yaml';
import { z } from 'zod';
import { resolveSettings, type Settings } from '../config/index.ts';
import type { TocEntry } from '../enrich/index.ts';
import { BrowserSession, browserSource, INSTALL_HINT } from '../emit/browser/index.ts';
import { htmlToNodes, prefixIds } from '../emit/epub/chapters.ts';
import { asGalleyError, GalleyError } from '../errors.ts';
import { titleBlockHtml, tocHtml } from '../render/blocks.ts';
import type { RenderedDocument } from '../render/index.ts';
import { loadTemplate } from '../render/template.ts';
import type { DocumentMeta } from '../types.ts';
import { prepareDocument, type Layers, type PreparedDocument } from './document.ts';
import { needsBrowser, writeOutputs } from './outputs.ts';
import { templatesDir, type BuildResult, type DocumentCallback, type DocumentResult } from './index.ts';
import { displayPath, namedSources, slugify } from './sources.ts';

const text = z.string().trim().min(1);
const list = z.union([text.transform((s) => [s]), z.array(text)]);

export const bookSchema = z
  .object({
    title: text,
    authors: list.optional(),
    author: list.optional(),
    /** BCP 47; default: the first document's language. */
    language: text.optional(),
    date: z.union([z.date().transform((d) => d.toISOString().slice(0, 10)), text.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')]).optional(),
    keywords: list.optional(),
    publication: text.optional(),
    description: text.optional(),
    rights: text.optional(),
    /** The documents, in reading order; paths relative to the book file. */
    documents: z.array(text).min(1, 'must name at least one document'),
  })
  .strict();

export interface Book {
  path: string;
  display: string;
  slug: string;
  data: z.output<typeof bookSchema>;
  /** Absolute paths of the documents. */
  documents: string[];
}

export function loadBook(path: string, root: string): Book {
  const display = displayPath(path, root);
  if (!existsSync(path)) throw new GalleyError(display, 'no such book file', 2);
  // Plain YAML, as front matter: a custom tag or any other warning is an error, never printed by the YAML library.
  const doc = YAML.parseDocument(readFileSync(path, 'utf8'), { schema: 'core', logLevel: 'silent' });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new GalleyError(display, `not valid YAML: ${problem.message.split('\n')[0]!.replace(/^Unresolved tag: /, 'custom tag ')}`);
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new GalleyError(display, `not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = bookSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new GalleyError(display, `${issue.path.join('.') || 'book'}: ${issue.message}`);
  }
  const documents = parsed.data.documents.map((doc) => resolve(dirname(path), doc));
  return { path, display, slug: slugify(basename(path, extname(path))), data: parsed.data, documents };
}

/** The book's own metadata; what it leaves out comes from its first document. */
export function bookMeta(book: Book, parts: RenderedDocument[]): DocumentMeta {
  const { data } = book;
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

/**
 * The book as one rendered document, for the PDF and the HTML page: its title
 * block and contents, then each document in a section of its own.
 */
export function bindDocuments(meta: DocumentMeta, parts: RenderedDocument[], settings: Settings): RenderedDocument {
  const children: RootContent[] = [];
  const toc: TocEntry[] = [];
  parts.forEach((part, index) => {
    const prefix = `p${index + 1}-`;
    const body = structuredClone(part.hast);
    visit(body, 'element', (node: Element) => prefixIds(node, prefix));
    const id = `p${index + 1}`;
    children.push({
      type: 'element',
      tagName: 'section',
      properties: { className: ['book-part'], id, lang: part.meta.lang },
      children: [...htmlToNodes(part.titleBlock), ...body.children] as Element['children'],
    });
    toc.push({ depth: 2, id, text: part.meta.title });
    for (const entry of part.toc) toc.push({ depth: entry.depth + 1, id: prefix + entry.id, text: entry.text });
  });
  const hast: Root = { type: 'root', children };
  return {
    meta,
    toc,
    hast,
    assets: [...new Set(parts.flatMap((p) => p.assets))].sort(),
    ...(parts.some((p) => p.math) ? { math: true } : {}),
    titleBlock: titleBlockHtml(meta),
    tocHtml: tocHtml(toc, meta.lang, settings.toc === false ? false : true),
  };
}

export interface BookBuild {
  root: string;
  layers: Layers;
  outDir: string;
  onDocument?: DocumentCallback;
}

/** Builds a book file: each document's messages as its own result, then the book's outputs. */
export async function buildBook(path: string, options: BookBuild): Promise<BuildResult> {
  const { root, layers, outDir } = options;
  const book = loadBook(path, root);
  const settings = resolveSettings([layers.config, layers.cli]);
  const named = namedSources(book.documents, root);
  const errors: GalleyError[] = [...named.errors];
  const documents: DocumentResult[] = [];
  const total = named.sources.length + 1;
  const prepared: PreparedDocument[] = [];
  for (const source of named.sources) {
    const result: DocumentResult = { source: source.display, slug: source.slug, outputs: {} };
    try {
      const done = await prepareDocument(source, layers, root);
      prepared.push(done);
      result.file = done.file;
      result.settings = done.settings;
    } catch (error) {
      result.error = asGalleyError(error, source.display);
    }
    documents.push(result);
    options.onDocument?.(result, documents.length, total, documents.length - 1);
  }
  const result: DocumentResult = { source: book.display, slug: book.slug, outputs: {}, file: new VFile({ path: book.display }), settings };
  if (errors.length || documents.some((d) => d.error)) {
    result.error = new GalleyError(book.display, 'not bound: a document of the book failed');
  } else {
    await writeBook(book, prepared, settings, root, outDir, result, errors);
  }
  documents.push(result);
  options.onDocument?.(result, documents.length, total, documents.length - 1);
  return { documents, errors };
}

async function writeBook(
  book: Book,
  prepared: PreparedDocument[],
  settings: Settings,
  root: string,
  outDir: string,
  result: DocumentResult,
  errors: GalleyError[],
): Promise<void> {
  const parts = prepared.map((p) => p.rendered);
  const meta = bookMeta(book, parts);
  const doc = bindDocuments(meta, parts, settings);
  const template = loadTemplate(settings.template, templatesDir(root));
  const source = needsBrowser(settings.formats, template) ? browserSource(settings) : undefined;
  if (!source && settings.formats.includes('pdf')) errors.push(new GalleyError(undefined, INSTALL_HINT, 2));
  const session = source ? await BrowserSession.launch({ concurrency: settings.concurrency, source }) : undefined;
  try {
    const written = await writeOutputs({ doc, parts, template, settings, root, session, file: result.file!, path: (format) => join(outDir, `${book.slug}.${format}`) });
    result.outputs = written.outputs;
    if (written.failure !== undefined) result.error = asGalleyError(written.failure, book.display);
  } finally {
    await session?.close();
  }
}
