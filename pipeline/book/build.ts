/**
 * Building a book: each chapter through the text stages on its own (its
 * messages its own result), then the chapters bound into one HTML page, PDF
 * and EPUB named after the book. An unchanged book is not built again: its
 * cache entry covers the declaration, every chapter and every file they load.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { VFile } from 'vfile';
import { resolveSettings, type Settings } from '../config/index.ts';
import { browserIdentity, BrowserSession, browserSource, INSTALL_HINT, type BrowserSource } from '../emit/browser/index.ts';
import { asGalleyError, GalleyError } from '../errors.ts';
import { loadTemplate, templatesDir, type Template } from '../render/template.ts';
import type { RenderedDocument } from '../render/index.ts';
import { BuildCache } from '../batch/store.ts';
import type { Layers, PreparedDocument } from '../process/document.ts';
import type { BuildResult, DocumentCallback, DocumentResult } from '../batch/results.ts';
import { namedSources, type Source } from '../batch/sources.ts';
import { bindBook, bookMeta } from './bind.ts';
import { loadBook, type Book } from './declare.ts';

export interface BookBuild {
  /** The project: its config and templates; the book may load its files when it lies inside it. */
  root: string;
  layers: Layers;
  outDir: string;
  onDocument?: DocumentCallback;
  force?: boolean;
  replayMessages?: boolean;
}

export async function buildBook(path: string, options: BookBuild): Promise<BuildResult> {
  const { root, outDir } = options;
  const book = loadBook(path, root);
  // The book's settings sit between the config file and each chapter's front matter.
  const layers: Layers = { config: { ...options.layers.config, ...book.settings }, cli: options.layers.cli };
  const settings = resolveSettings([layers.config, layers.cli], book.display);
  const named = namedSources(book.documents, root);
  if (named.errors.length) return { documents: [], errors: [...named.errors, new GalleyError(book.display, 'not bound: a document of the book is missing')] };
  const base = filesRoot(book, root);
  const template = loadTemplate(settings.template, templatesDir(root));
  const { needsBrowser } = await import('../batch/outputs.ts');
  const browser = needsBrowser(settings.formats, template) ? browserSource(settings) : undefined;
  const cache = new BuildCache({ root: base, outDir, templatesDir: templatesDir(root), settings, browser: browser && browserIdentity(browser), force: options.force });
  const self: Source = { path: book.declaration ?? book.path, display: book.display, kind: 'markdown', slug: book.slug, digest: digest(book, named.sources) };
  const hit = await cache.lookup(self, { messages: options.replayMessages ?? true });
  if (hit) {
    const result: DocumentResult = { source: book.display, slug: book.slug, ...hit, settings, cached: true };
    options.onDocument?.(result, 1, 1, 0);
    return { documents: [result], errors: [] };
  }

  const { textPool } = await import('../batch/text-pool.ts');
  const errors: GalleyError[] = [];
  const documents: DocumentResult[] = [];
  const prepared: PreparedDocument[] = [];
  for (const source of named.sources) {
    const result: DocumentResult = { source: source.display, slug: source.slug, outputs: {}, chapterOf: book.display };
    try {
      const done = await textPool.prepare(source, layers, base, settings.timeout);
      prepared.push(done);
      result.file = done.file;
      result.settings = done.settings;
    } catch (error) {
      result.error = asGalleyError(error, source.display);
    }
    documents.push(result);
  }
  const file = new VFile({ path: book.display });
  // A warning, not a routine note: the order is a guess the author should check.
  if (book.note) file.message(book.note, { ruleId: 'book-chapters', source: 'galley' });
  const result: DocumentResult = { source: book.display, slug: book.slug, outputs: {}, file, settings };
  const failed = documents.some((d) => d.error);
  // Bound before the chapters are reported: binding warns about their links.
  const doc = failed ? undefined : bindBook(bookMeta(book.data, prepared.map((p) => p.rendered)), prepared.map((p) => ({ path: p.source.path, file: p.file, doc: p.rendered })), settings);
  const total = documents.length + 1;
  documents.forEach((d, index) => options.onDocument?.(d, index + 1, total, index));
  if (!doc) {
    result.error = new GalleyError(book.display, 'not bound: a document of the book failed');
  } else {
    await writeBook(doc, { template, settings, base, outDir, book, browser, result, errors });
    if (!result.error) {
      const missing = [...new Set(prepared.flatMap((p) => p.file.data.missing ?? []))].sort();
      await cache.record(self, { outputs: result.outputs, shared: result.shared ?? [], file, template: settings.template, assets: doc.assets, missing, sourceHash: self.digest! }).catch((error: Error) => {
        file.message(`not recorded in the build cache: ${error.message}`, { ruleId: 'build-cache', source: 'galley' });
      });
    }
  }
  documents.push(result);
  options.onDocument?.(result, documents.length, total, documents.length - 1);
  return { documents, errors };
}

interface BookOutputs {
  template: Template;
  settings: Settings;
  base: string;
  outDir: string;
  book: Book;
  browser: BrowserSource | undefined;
  result: DocumentResult;
  errors: GalleyError[];
}

async function writeBook(doc: RenderedDocument, job: BookOutputs): Promise<void> {
  const { template, settings, browser, result, book } = job;
  const { writeOutputs } = await import('../batch/outputs.ts');
  if (!browser && settings.formats.includes('pdf')) job.errors.push(new GalleyError(undefined, INSTALL_HINT, 2));
  const session = browser ? await BrowserSession.launch({ concurrency: settings.concurrency, timeout: settings.timeout, source: browser }) : undefined;
  try {
    const path = (format: string) => join(job.outDir, `${book.slug}.${format}`);
    const written = await writeOutputs({ doc, template, settings, root: job.base, session, file: result.file!, path });
    result.outputs = written.outputs;
    result.shared = written.shared;
    if (written.failure !== undefined) result.error = asGalleyError(written.failure, book.display);
  } finally {
    await session?.close();
  }
}

/**
 * Where the book's files may come from: the project when the book lies inside
 * it (chapters may share the project's images), else the book's own folder,
 * wherever galley was started.
 */
function filesRoot(book: Book, root: string): string {
  const rel = relative(root, book.dir);
  return rel.startsWith('..') || isAbsolute(rel) ? book.dir : root;
}

/** The book's bytes: its declaration (or, for a plain folder, which files it holds) and every chapter. */
function digest(book: Book, sources: Source[]): string {
  const hash = createHash('sha256');
  hash.update(book.declaration ? readFileSync(book.declaration) : `folder ${book.path}`).update('\0');
  for (const source of sources) hash.update(source.path).update('\0').update(readFileSync(source.path)).update('\0');
  return hash.digest('hex');
}
