/**
 * The incremental build cache: a document whose inputs have not changed since
 * its outputs were written is not built again.
 *
 * Each built document leaves an entry in OUT/.galley-cache/, two JSON files per
 * source (written atomically as the document finishes, so an interrupted build
 * keeps what it finished). An entry holds:
 *  - key: a hash of the source bytes and of everything every document shares —
 *    galley's own code and version, the installed dependency versions, the
 *    settings that shape outputs, the browser binary, SOURCE_DATE_EPOCH;
 *  - deps: hashes of the files this document read besides its source (its
 *    template's folder, its images), so changing one template rebuilds only the
 *    documents that use it;
 *  - outputs: each output's hash, size and mtime;
 *  - messages, in a file of their own: the document's vfile messages, replayed
 *    on a cache hit so that a no-op build reports exactly what the full build
 *    reported. They are most of an entry's bytes, and read only when asked for.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { VFile } from 'vfile';
import type { Settings } from '../config/index.ts';
import { writeAtomic } from '../emit/write.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { Format } from '../types.ts';
import type { Source } from './sources.ts';

type VFileMessage = VFile['messages'][number];

const ENTRY_VERSION = 2;
export const CACHE_DIR = '.galley-cache';

/** Settings that change where or how fast a build runs, not what it writes. */
const NEUTRAL_SETTINGS = new Set(['out', 'sources', 'snapshots', 'concurrency', 'timeout']);

interface OutputRecord {
  /** Relative to the output folder. */
  path: string;
  hash: string;
  size: number;
  mtimeMs: number;
}

interface SavedMessage {
  reason: string;
  place?: VFileMessage['place'];
  ruleId?: string;
  source?: string;
  fatal?: boolean | null;
  actual?: string;
  expected?: string[];
  note?: string;
  url?: string;
}

interface Entry {
  version: number;
  source: string;
  slug: string;
  key: string;
  template: string;
  deps: Record<string, string>;
  outputs: Partial<Record<Format, OutputRecord>>;
  /** The VFile's path, which reports print. */
  path: string;
}

export interface CacheHit {
  outputs: Partial<Record<Format, string>>;
  /** The document's file, with its messages when they were asked for. */
  file: VFile;
}

/** What a finished document tells the cache. */
export interface Finished {
  outputs: Partial<Record<Format, string>>;
  file: VFile;
  template: string;
  /** Project-relative paths of the files it loaded (images). */
  assets: string[];
}

export interface CacheOptions {
  root: string;
  outDir: string;
  templatesDir: string;
  /** The build's settings before front matter: config file and command line. */
  settings: Settings;
  /** The browser's executable, when PDFs are built. */
  browser?: string;
  /** Rebuild everything; entries are still written for the next build. */
  force?: boolean;
  env?: NodeJS.ProcessEnv;
}

export class BuildCache {
  private readonly dir: string;
  private readonly shared: string;
  private readonly hashes = new Map<string, Promise<string | undefined>>();

  constructor(private readonly options: CacheOptions) {
    this.dir = join(options.outDir, CACHE_DIR);
    this.shared = sharedKey(options);
  }

  /** True when no document has been recorded yet: every document will be built. */
  get empty(): boolean {
    return this.options.force === true || !existsSync(this.dir) || readdirSync(this.dir).length === 0;
  }

  /** The outputs (and with `messages`, the replayed messages) of a document whose outputs are current, else undefined. */
  async lookup(source: Source, options: { messages: boolean } = { messages: true }): Promise<CacheHit | undefined> {
    if (this.options.force) return undefined;
    // Anything unreadable is a miss: the build then reports it properly.
    return this.check(source, options.messages).catch(() => undefined);
  }

  private async check(source: Source, messages: boolean): Promise<CacheHit | undefined> {
    const entry = await this.readEntry(source);
    if (!entry || entry.version !== ENTRY_VERSION || entry.slug !== source.slug) return undefined;
    if (entry.key !== (await this.key(source))) return undefined;
    for (const [path, hash] of Object.entries(entry.deps)) {
      if ((await this.hashOnce(resolve(this.options.root, path))) !== hash) return undefined;
    }
    const outputs: Partial<Record<Format, string>> = {};
    for (const format of this.options.settings.formats) {
      const record = entry.outputs[format];
      if (!record || !(await current(join(this.options.outDir, record.path), record))) return undefined;
      outputs[format] = join(this.options.outDir, record.path);
    }
    if (!messages) return { outputs, file: new VFile({ path: entry.path }) };
    const saved = JSON.parse(await readFile(this.messagesPath(source), 'utf8')) as SavedMessage[];
    return { outputs, file: replay(entry.path, saved) };
  }

  /** Records a document that built every requested output; others are left to build again. */
  async record(source: Source, finished: Finished): Promise<void> {
    if (this.options.settings.formats.some((format) => !finished.outputs[format])) return;
    const deps: Record<string, string> = {};
    const templateDir = join(this.options.templatesDir, finished.template);
    for (const path of [...listFiles(templateDir), ...finished.assets.map((a) => resolve(this.options.root, a))]) {
      const hash = await this.hashOnce(path);
      if (hash) deps[this.relative(path)] = hash;
    }
    const outputs: Partial<Record<Format, OutputRecord>> = {};
    for (const [format, path] of Object.entries(finished.outputs) as [Format, string][]) {
      const [data, info] = await Promise.all([readFile(path), stat(path)]);
      outputs[format] = { path: relative(this.options.outDir, path).split(sep).join('/'), hash: sha256(data), size: info.size, mtimeMs: info.mtimeMs };
    }
    const entry: Entry = {
      version: ENTRY_VERSION,
      source: source.display,
      slug: source.slug,
      key: await this.key(source),
      template: finished.template,
      deps,
      outputs,
      path: finished.file.path,
    };
    // Messages first: an entry is never found without them.
    await writeAtomic(this.messagesPath(source), JSON.stringify(finished.file.messages.map(saveMessage)));
    await writeAtomic(this.entryPath(source), JSON.stringify(entry));
  }

  private entryPath(source: Source): string {
    return join(this.dir, `${sha256(source.display).slice(0, 24)}.json`);
  }

  private messagesPath(source: Source): string {
    return join(this.dir, `${sha256(source.display).slice(0, 24)}.messages.json`);
  }

  private async readEntry(source: Source): Promise<Entry | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.entryPath(source), 'utf8')) as Entry;
      return entry.source === source.display ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  private async key(source: Source): Promise<string> {
    const bytes = await readFile(source.path);
    return createHash('sha256').update(this.shared).update(source.display).update('\0').update(bytes).digest('hex');
  }

  /** Hashes a file once per build, however many documents depend on it; undefined if it is gone. */
  private hashOnce(path: string): Promise<string | undefined> {
    let hash = this.hashes.get(path);
    if (!hash) {
      hash = readFile(path).then(sha256, () => undefined);
      this.hashes.set(path, hash);
    }
    return hash;
  }

  private relative(path: string): string {
    const rel = relative(this.options.root, path);
    return isAbsolute(rel) ? path : rel.split(sep).join('/');
  }
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** An output is current when it is the file recorded: same size and mtime, or failing that, same bytes. */
async function current(path: string, record: OutputRecord): Promise<boolean> {
  try {
    const info = await stat(path);
    if (info.size !== record.size) return false;
    if (info.mtimeMs === record.mtimeMs) return true;
    return sha256(await readFile(path)) === record.hash;
  } catch {
    return false;
  }
}

/** Everything all documents of a build share, as one hash. */
function sharedKey(options: CacheOptions): string {
  const settings = Object.fromEntries(
    Object.entries(options.settings)
      .filter(([name]) => !NEUTRAL_SETTINGS.has(name))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const parts = {
    entry: ENTRY_VERSION,
    galley: galleyFingerprint(),
    settings,
    browser: options.browser ? browserFingerprint(options.browser) : null,
    sourceDateEpoch: (options.env ?? process.env).SOURCE_DATE_EPOCH ?? null,
  };
  return sha256(JSON.stringify(parts));
}

let fingerprint: string | undefined;

/**
 * galley's version, its code (so a development checkout invalidates on edit),
 * the lock file and the installed versions of its direct dependencies (fonts,
 * renderers: they all shape the outputs).
 */
function galleyFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };
  hash.update(`galley ${manifest.version}\n`);
  for (const path of listFiles(join(PACKAGE_ROOT, 'pipeline'))) hash.update(`${relative(PACKAGE_ROOT, path)}\0`).update(readFileSync(path));
  const lock = join(PACKAGE_ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) hash.update(`${name}@${installedVersion(name)}\n`);
  fingerprint = hash.digest('hex');
  return fingerprint;
}

function installedVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** A browser upgrade changes the executable; its size and mtime say so without launching it. */
function browserFingerprint(path: string): string {
  try {
    const real = realpathSync(path);
    const info = statSync(real);
    return `${real}:${info.size}:${info.mtimeMs}`;
  } catch {
    return path;
  }
}

/** Every file under `dir`, sorted, skipping dot-files; empty if `dir` does not exist. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function saveMessage(message: VFileMessage): SavedMessage {
  const saved: SavedMessage = { reason: message.reason };
  if (message.place) saved.place = message.place;
  if (message.ruleId) saved.ruleId = message.ruleId;
  if (message.source) saved.source = message.source;
  if (message.fatal !== undefined) saved.fatal = message.fatal;
  if (message.actual !== undefined) saved.actual = message.actual;
  if (message.expected !== undefined) saved.expected = message.expected;
  if (message.note !== undefined) saved.note = message.note;
  if (message.url !== undefined) saved.url = message.url;
  return saved;
}

/** A VFile carrying the saved messages, as the build that wrote them left them. */
function replay(path: string, messages: SavedMessage[]): VFile {
  const file = new VFile({ path });
  // A message is an Error: capturing a stack nobody reads was most of a no-op build's time.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const saved of messages) replayMessage(file, saved);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return file;
}

function replayMessage(file: VFile, saved: SavedMessage): void {
  const message = file.message(saved.reason, { place: saved.place, ruleId: saved.ruleId, source: saved.source });
  message.fatal = saved.fatal;
  if (saved.actual !== undefined) message.actual = saved.actual;
  if (saved.expected !== undefined) message.expected = saved.expected;
  if (saved.note !== undefined) message.note = saved.note;
  if (saved.url !== undefined) message.url = saved.url;
}
