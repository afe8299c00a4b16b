/**
 * A build: every document through the text stages, then its outputs. One
 * browser serves all PDFs; a document that fails is reported and the rest go on.
 */
import { join, resolve } from 'node:path';
import type { VFile } from 'vfile';
import { CONFIG_FILE, loadConfig, resolveSettings, type Settings, type SettingsInput } from '../config/index.ts';
import { browserIdentity, BrowserSession, browserSource, INSTALL_HINT } from '../emit/browser/index.ts';
import { checkSourceDateEpoch } from '../emit/dates.ts';
import { removeStaleTemps } from '../emit/write.ts';
import { asGalleyError, GalleyError } from '../errors.ts';
import { loadTemplate, templatesDir } from '../render/template.ts';
import { pluginFingerprint } from '../process/user-plugins.ts';
import { BuildCache, CACHE_DIR } from './store.ts';
import { periodicCollection } from './memory.ts';
import type { SharedOutputs } from './outputs.ts';
import { selectShard, type Shard } from './shard.ts';
import type { BuildResult, DocumentCallback, DocumentResult } from './results.ts';
import { mark } from '../trace.ts';
import type { ReportOptions } from '../report.ts';
import { bookHints, findSources, namedSources, uniqueOutputNames, type Source } from './sources.ts';
import { bookPool, textPool, type LaterReply, type PreparedText } from './text-pool.ts';

export type { BuildResult, DocumentCallback, DocumentResult } from './results.ts';

export interface BuildOptions {
  /** Project root: galley.config.yaml, source/, templates/. Default: the working folder. */
  root?: string;
  /** Sources to build; default: every source in the sources folder. */
  files?: string[];
  /** Settings from the command line; they override the config file and front matter. */
  settings?: SettingsInput;
  /** Called as each document finishes. */
  onDocument?: DocumentCallback;
  /** Called once the build's browser is up: lets fault tests kill it mid-build. */
  onBrowser?: (session: BrowserSession) => void;
  /** Build every document, even those whose outputs the build cache says are current. */
  force?: boolean;
  /**
   * Give documents that were current the messages of the build that made them
   * (default true). Without, their file carries none and the cache reads less.
   */
  replayMessages?: boolean;
  /**
   * Keep each document's file (its messages) in the result (default true). A
   * caller that takes them in onDocument turns this off, so that memory does
   * not grow with the number of documents.
   */
  keepFiles?: boolean;
  /**
   * Called once, while the build's first document is in its text stages on
   * their thread and this one has nothing else to do: a caller reads or warms
   * there what it needs once that document is done (the CLI, its report).
   */
  whileWaiting?: () => void;
  /**
   * Format each document's messages for a person (humanReport with these options) on its text
   * thread, while this one writes its outputs: DocumentResult.report, unless a message was added
   * after the text stages (then the caller formats `file` itself).
   */
  report?: ReportOptions;
  /** Build only this part of the documents (see shard.ts). */
  shard?: Shard;
  /** A book: a YAML book file, or a folder of chapters (see book/). Bound into one e-book, PDF and page. */
  book?: string;
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  mark('build start');
  const root = resolve(options.root ?? process.cwd());
  checkSourceDateEpoch();
  const layers = { config: loadConfig(root), cli: options.settings ?? {} };
  const base = resolveSettings([layers.config, layers.cli]);
  if (options.book) {
    const { buildBook } = await import('../book/build.ts');
    return buildBook(resolve(options.book), { root, layers, outDir: resolve(root, base.out), onDocument: options.onDocument, force: options.force, replayMessages: options.replayMessages });
  }
  // A template named by the config or the command line must exist before any document is built.
  try {
    loadTemplate(base.template, templatesDir(root));
  } catch (error) {
    if (!(error instanceof GalleyError) || !error.message.startsWith('unknown template')) throw error;
    throw layers.cli.template ? new GalleyError('--template', error.message, 2) : new GalleyError(CONFIG_FILE, error.message);
  }
  const errors: GalleyError[] = [];
  const hints: string[] = [];
  let sources: Source[];
  if (options.files?.length) {
    const named = namedSources(options.files.map((f) => resolve(f)), root);
    sources = named.sources;
    errors.push(...named.errors);
    hints.push(...bookHints(options.files.map((f) => resolve(f)), root));
  } else {
    sources = findSources(resolve(root, base.sources), root);
  }
  // Names are checked before sharding, so a document gets the same output name in every part.
  const unique = uniqueOutputNames(sources);
  errors.push(...unique.errors);
  sources = selectShard(unique.sources, options.shard, (source) => source.display);
  if (sources.length) textPool.warm();
  // Whether the book thread makes the e-books and finishes the PDFs: for a build of e-books, whose
  // making kept this thread busy nearly all of the build. Not for one document (a thread would first
  // have to start and load its modules, on the path to that one output), nor for PDFs alone, whose
  // finishing this thread keeps up with: a thread of its own cost them some 80 MB more at the peak.
  const bookThread = sources.length > 1 && base.formats.includes('epub');
  if (bookThread) bookPool.warm();
  const outDir = resolve(root, base.out);
  for (const dir of [outDir, join(outDir, CACHE_DIR)]) removeStaleTemps(dir);
  // EPUBs use the browser only for a template's own cover.html; without one, galley draws the cover itself.
  const browserFrom = base.formats.includes('pdf') || base.formats.includes('epub') ? browserSource(base) : undefined;
  const plugins = pluginFingerprint(base, root);
  const shared: SharedOutputs = { placedFonts: new Map(), bookThread };
  const cache = new BuildCache({ root, outDir, templatesDir: templatesDir(root), settings: base, browser: browserFrom && browserIdentity(browserFrom), plugins, force: options.force, placed: shared.placedFonts });
  // The browser starts when the first document needs building, so a no-op build never launches one.
  let launching: Promise<BrowserSession | undefined> | undefined;
  const browser = () => {
    if (!launching) {
      if (!browserFrom && base.formats.includes('pdf')) errors.push(new GalleyError(undefined, INSTALL_HINT, 2));
      launching = !browserFrom
        ? Promise.resolve(undefined)
        : BrowserSession.launch({ concurrency: base.concurrency, timeout: base.timeout, source: browserFrom, warm: base.formats.includes('pdf') ? 'print' : undefined }).then(
            (session) => {
              options.onBrowser?.(session);
              return session;
            },
            (error: unknown) => {
              // A browser that cannot be reached is one error for the build, not one per document.
              if (!(error instanceof GalleyError)) throw error;
              errors.push(error);
              return undefined;
            },
          );
    }
    return launching;
  };
  // Documents that may still ask the browser for a page. When none is left, the browser is
  // closed while the last outputs are finished and written (nothing can need it any more).
  let mayUseBrowser = sources.length;
  let closing: Promise<void> | undefined;
  const closeBrowser = () => (closing ??= launching?.then((session) => session?.close(), () => undefined));
  const browserDone = () => {
    if (--mayUseBrowser === 0) void closeBrowser();
  };
  // The first document to start its text stages is the one that waits with nothing else to do.
  let waited = false;
  const idle = (settings: Settings) => {
    if (waited) return undefined;
    waited = true;
    return async (outputs: typeof import('./stages.ts')) => {
      outputs.prepareOutputs(settings);
      options.whileWaiting?.();
      await outputs.warmOutputs(settings, loadTemplate(settings.template, templatesDir(root)), root);
    };
  };
  const one = async (source: Source): Promise<DocumentResult> => {
    const hit = await cache.lookup(source, { messages: options.replayMessages ?? true });
    if (hit) {
      browserDone();
      return { source: source.display, slug: source.slug, ...hit, cached: true };
    }
    // A PDF will be printed: Chromium starts now, while this document goes through the text stages,
    // and so does the loading of the PDF emitter (pdf-lib among it), no longer waited for after them.
    if (base.formats.includes('pdf')) {
      void browser();
      void import('../emit/pdf/index.ts').catch(() => undefined);
    }
    let done = false;
    const release = () => {
      if (!done) browserDone();
      done = true;
    };
    const { result, report } = await buildDocument(source, layers, root, outDir, browser, { timeout: base.timeout, onBrowserDone: release, whileWaiting: () => idle(base), report: options.report }, shared).finally(release);
    if (!result.error && result.file && result.settings) {
      const finished = { outputs: result.outputs, shared: result.shared ?? [], file: result.file, template: result.settings.template, assets: [...(result.file.data.assets ?? []), ...(result.file.data.inputs ?? [])], missing: result.file.data.missing ?? [], sourceHash: String(result.file.data.sourceHash) };
      await cache.record(source, finished).catch((error: Error) => {
        result.file!.message(`not recorded in the build cache: ${error.message}`, { ruleId: 'build-cache', source: 'galley' });
      });
    }
    // The thread's report, when this thread added no message since (the outputs', the cache's).
    const formatted = await report;
    if (formatted && result.file?.messages.length === formatted.messages) result.report = formatted.report;
    return result;
  };
  // A bounded queue rather than every document at once, so memory stays flat however many sources
  // there are: room for a document printing on each page, one being finished and written after each,
  // and one in the text stages on each text thread. With twice the pages alone, the documents being
  // finished took the places of the next ones' text stages, and a page stood idle a third of the time.
  const documents: DocumentResult[] = new Array(sources.length);
  const inFlight = Math.min(sources.length, 2 * base.concurrency + textPool.threads);
  let next = 0;
  let done = 0;
  const collect = periodicCollection();
  const worker = async () => {
    while (next < sources.length) {
      const index = next++;
      documents[index] = await one(sources[index]!);
      options.onDocument?.(documents[index], ++done, sources.length, index);
      if (options.keepFiles === false) delete documents[index].file;
      collect();
    }
  };
  try {
    await Promise.all(Array.from({ length: inFlight }, worker));
    return { documents, errors, ...(hints.length ? { hints } : {}) };
  } finally {
    mark('documents done');
    await closeBrowser();
    mark('browser closed');
  }
}

/** The emitters' module, loaded by the first document that is not current. */
let stages: Promise<typeof import('./stages.ts')> | undefined;

async function buildDocument(
  source: Source,
  layers: { config: SettingsInput; cli: SettingsInput },
  root: string,
  outDir: string,
  browser: () => Promise<BrowserSession | undefined>,
  { timeout, onBrowserDone, whileWaiting, report }: { timeout: number; onBrowserDone: () => void; whileWaiting?: () => ((outputs: typeof import('./stages.ts')) => Promise<void>) | undefined; report?: ReportOptions },
  shared: SharedOutputs,
): Promise<{ result: DocumentResult; report?: Promise<LaterReply | undefined> }> {
  const result: DocumentResult = { source: source.display, slug: source.slug, outputs: {} };
  let prepared: PreparedText;
  try {
    mark('text stages start');
    // The emitters load once the thread has the document, while it runs the text stages: loading
    // them before would hold up its start, as the thread's 'ready' waits for this thread to be free.
    const loadStages = () => {
      if (!stages) (stages = import('./stages.ts')).catch(() => undefined);
      // Once the emitters are loaded: the thread has nearly always more to do by then. Taken by the
      // first document posted to a thread, which need not be the first to get here (others may be queued ahead of it).
      const wait = whileWaiting?.();
      if (wait) stages.then(wait).catch(() => undefined);
    };
    // On a thread that can be stopped: the document gets `timeout` seconds there.
    prepared = await textPool.prepare(source, layers, root, timeout, loadStages, report);
    mark('text stages done');
  } catch (error) {
    result.error = asGalleyError(error, source.display);
    return { result };
  }
  const { needsBrowser, writeOutputs } = await stages!;
  const { file, settings, rendered } = prepared;
  result.file = file;
  result.settings = settings;
  try {
    // Only a document's own front matter can name a template not checked above: blame the document.
    const template = (() => {
      try {
        return loadTemplate(settings.template, templatesDir(root));
      } catch (error) {
        throw new GalleyError(source.display, (error as Error).message);
      }
    })();
    const session = needsBrowser(settings.formats, template) ? await browser() : undefined;
    const written = await writeOutputs({ doc: rendered, template, settings, root, session, file, path: (format) => join(outDir, `${source.slug}.${format}`), onBrowserDone, ...shared });
    result.outputs = written.outputs;
    result.shared = written.shared;
    if (written.failure !== undefined) result.error = asGalleyError(written.failure, source.display);
  } catch (error) {
    result.error = asGalleyError(error, source.display);
  }
  return { result, report: prepared.report };
}
