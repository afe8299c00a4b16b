/**
 * A build: every document through the text stages, then its outputs. One
 * browser serves all PDFs; a document that fails is reported and the rest go on.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import { loadConfig, resolveSettings, type SettingsInput } from '../config/index.ts';
import { BrowserSession, findBrowser, INSTALL_HINT } from '../emit/browser.ts';
import { renderEpub } from '../emit/epub.ts';
import { renderHtml } from '../emit/html.ts';
import { renderPdf } from '../emit/pdf.ts';
import { writeAtomic } from '../emit/write.ts';
import { asGalleyError, GalleyError } from '../errors.ts';
import { loadTemplate } from '../render/template.ts';
import type { Format } from '../types.ts';
import { prepareDocument, type PreparedDocument } from './document.ts';
import { findSources, namedSources, type Source } from './sources.ts';

export interface BuildOptions {
  /** Project root: galley.config.yaml, source/, templates/. Default: the working folder. */
  root?: string;
  /** Sources to build; default: every source in the sources folder. */
  files?: string[];
  /** Settings from the command line; they override the config file and front matter. */
  settings?: SettingsInput;
  /** Called as each document finishes. */
  onDocument?: (result: DocumentResult, done: number, total: number) => void;
}

export interface DocumentResult {
  source: string;
  slug: string;
  /** Output paths by format, for the outputs written. */
  outputs: Partial<Record<Format, string>>;
  file?: VFile;
  error?: GalleyError;
}

export interface BuildResult {
  documents: DocumentResult[];
  /** Errors not tied to one document's content: missing files, no browser. */
  errors: GalleyError[];
}

/** Galley's own folder, for the bundled templates. */
const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function templatesDir(root: string): string {
  const local = join(root, 'templates');
  return existsSync(local) ? local : join(PACKAGE_ROOT, 'templates');
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const root = resolve(options.root ?? process.cwd());
  const layers = { config: loadConfig(root), cli: options.settings ?? {} };
  const base = resolveSettings([layers.config, layers.cli]);
  const errors: GalleyError[] = [];
  let sources: Source[];
  if (options.files?.length) {
    const named = namedSources(options.files.map((f) => resolve(f)), root);
    sources = named.sources;
    errors.push(...named.errors);
  } else {
    sources = findSources(resolve(root, base.sources), root);
  }
  const outDir = resolve(root, base.out);
  let session: BrowserSession | undefined;
  if (base.formats.includes('pdf') && sources.length) {
    if (findBrowser()) session = await BrowserSession.launch({ concurrency: base.concurrency });
    else errors.push(new GalleyError(undefined, INSTALL_HINT, 2));
  }
  let done = 0;
  try {
    const documents = await Promise.all(
      sources.map(async (source) => {
        const result = await buildDocument(source, layers, root, outDir, session);
        options.onDocument?.(result, ++done, sources.length);
        return result;
      }),
    );
    return { documents, errors };
  } finally {
    await session?.close();
  }
}

async function buildDocument(
  source: Source,
  layers: { config: SettingsInput; cli: SettingsInput },
  root: string,
  outDir: string,
  session: BrowserSession | undefined,
): Promise<DocumentResult> {
  const result: DocumentResult = { source: source.display, slug: source.slug, outputs: {} };
  let prepared: PreparedDocument;
  try {
    prepared = await prepareDocument(source, layers, root);
  } catch (error) {
    result.error = asGalleyError(error, source.display);
    return result;
  }
  const { file, settings, rendered } = prepared;
  result.file = file;
  try {
    const template = loadTemplate(settings.template, templatesDir(root));
    const path = (format: Format) => join(outDir, `${source.slug}.${format}`);
    const jobs: Promise<void>[] = [];
    if (settings.formats.includes('html')) {
      jobs.push(writeAtomic(path('html'), renderHtml(rendered, template, settings, root)).then(() => void (result.outputs.html = path('html'))));
    }
    if (settings.formats.includes('epub')) {
      jobs.push(renderEpub({ doc: rendered, template, root }).then((data) => writeAtomic(path('epub'), data)).then(() => void (result.outputs.epub = path('epub'))));
    }
    if (settings.formats.includes('pdf') && session) {
      const onBlocked = (url: string) => {
        file.message(`blocked request for ${url}`, { ruleId: 'blocked-request', source: 'galley' }).actual = url;
      };
      jobs.push(
        renderPdf(session, { doc: rendered, template, settings, root, onBlocked })
          .then((data) => writeAtomic(path('pdf'), data))
          .then(() => void (result.outputs.pdf = path('pdf'))),
      );
    }
    const outcomes = await Promise.allSettled(jobs);
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) result.error = asGalleyError(failed.reason, source.display);
  } catch (error) {
    result.error = asGalleyError(error, source.display);
  }
  return result;
}
