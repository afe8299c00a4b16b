/**
 * The incremental build cache: a document whose inputs have not changed since
 * its outputs were written is not built again.
 *
 * Each built document leaves an entry in OUT/.galley-cache/, two JSON files per
 * source (written atomically as the document finishes, so an interrupted build
 * keeps what it finished). An entry holds:
 *  - key: a hash of the source bytes the build read, and of everything every
 *    document shares (fingerprint.ts);
 *  - deps: hashes of the files this document read besides its source (its
 *    template's folder, its images), and the files it referred to that did
 *    not exist (null): creating one rebuilds the document;
 *  - outputs: each output's hash, size and mtime;
 *  - messages, in a file of their own (replay.ts), replayed on a cache hit.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { VFile } from 'vfile';
import type { Settings } from '../config/index.ts';
import { writeAtomic } from '../emit/write.ts';
import type { Format } from '../types.ts';
import { ENTRY_VERSION, listFiles, sha256, sharedKey } from './fingerprint.ts';
import { replay, saveMessage, type SavedMessage } from './replay.ts';
import type { Source } from './sources.ts';

export const CACHE_DIR = '.galley-cache';

interface OutputRecord {
  /** Relative to the output folder. */
  path: string;
  hash: string;
  size: number;
  mtimeMs: number;
}

interface Entry {
  version: number;
  source: string;
  slug: string;
  key: string;
  template: string;
  /** Project-relative path → content hash, or null for a file that did not exist. */
  deps: Record<string, string | null>;
  outputs: Partial<Record<Format, OutputRecord>>;
  /** Files the outputs name that other documents share (the HTML page's fonts): each must still be there. */
  shared?: OutputRecord[];
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
  /** Absolute paths of the files the outputs name that other documents share. */
  shared: string[];
  file: VFile;
  template: string;
  /** Project-relative paths of the files it loaded (images). */
  assets: string[];
  /** Project-relative paths of the files it referred to that did not exist. */
  missing: string[];
  /** The hash of the source bytes the build read. */
  sourceHash: string;
}

export interface CacheOptions {
  root: string;
  outDir: string;
  templatesDir: string;
  /** The build's settings before front matter: config file and command line. */
  settings: Settings;
  /** The browser's executable, when PDFs are built. */
  browser?: string;
  /** The users' plugins with their versions. */
  plugins?: string;
  /** Rebuild everything; entries are still written for the next build. */
  force?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Files the build put in place with the hash of their bytes (the HTML pages' fonts): not read back to be recorded. */
  placed?: ReadonlyMap<string, Promise<string>>;
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
      if (((await this.hashOnce(resolve(this.options.root, path))) ?? null) !== hash) return undefined;
    }
    const outputs: Partial<Record<Format, string>> = {};
    for (const format of this.options.settings.formats) {
      const record = entry.outputs[format];
      if (!record || !(await current(join(this.options.outDir, record.path), record))) return undefined;
      outputs[format] = join(this.options.outDir, record.path);
    }
    for (const record of entry.shared ?? []) if (!(await current(join(this.options.outDir, record.path), record))) return undefined;
    if (!messages) return { outputs, file: new VFile({ path: entry.path }) };
    const saved = JSON.parse(await readFile(this.messagesPath(source), 'utf8')) as SavedMessage[];
    return { outputs, file: replay(entry.path, saved) };
  }

  /** Records a document that built every requested output; others are left to build again. */
  async record(source: Source, finished: Finished): Promise<void> {
    if (this.options.settings.formats.some((format) => !finished.outputs[format])) return;
    const deps: Entry['deps'] = {};
    const templateDir = join(this.options.templatesDir, finished.template);
    // Read at once, recorded in this order.
    const paths = [...listFiles(templateDir), ...finished.assets.map((a) => resolve(this.options.root, a))];
    const missing = finished.missing.map((path) => this.hashOnce(resolve(this.options.root, path)));
    for (const [i, hash] of (await Promise.all(paths.map((path) => this.hashOnce(path)))).entries()) if (hash) deps[this.relative(paths[i]!)] = hash;
    // A file created since it was looked for would change the document.
    for (const [i, path] of finished.missing.entries()) deps[path] = (await missing[i]) ?? null;
    const outputs: Partial<Record<Format, OutputRecord>> = {};
    for (const [format, path] of Object.entries(finished.outputs) as [Format, string][]) outputs[format] = await this.outputRecord(path, sha256(await readFile(path)));
    // Shared files are hashed once per build, however many documents name them.
    const shared = await Promise.all(finished.shared.map(async (path) => this.outputRecord(path, await this.hashOnce(path))));
    const entry: Entry = {
      version: ENTRY_VERSION,
      source: source.display,
      slug: source.slug,
      key: this.keyOf(source, finished.sourceHash),
      template: finished.template,
      deps,
      outputs,
      ...(shared.length ? { shared } : {}),
      path: finished.file.path,
    };
    // Messages first: an entry is never found without them.
    await writeAtomic(this.messagesPath(source), JSON.stringify(finished.file.messages.map(saveMessage)));
    await writeAtomic(this.entryPath(source), JSON.stringify(entry));
  }

  private async outputRecord(path: string, hash: string | undefined): Promise<OutputRecord> {
    const info = await stat(path);
    if (hash === undefined) throw new Error(`${path} is gone`);
    return { path: relative(this.options.outDir, path).split(sep).join('/'), hash, size: info.size, mtimeMs: info.mtimeMs };
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
    return this.keyOf(source, source.digest ?? sha256(await readFile(source.path)));
  }

  /** The key of a source whose bytes hash to `sourceHash`: a build records the hash of the bytes it read, not of what is there once it is done. */
  private keyOf(source: Source, sourceHash: string): string {
    return createHash('sha256').update(this.shared).update(source.display).update('\0').update(sourceHash).digest('hex');
  }

  /** Hashes a file once per build, however many documents depend on it; undefined if it is gone. */
  private hashOnce(path: string): Promise<string | undefined> {
    let hash = this.hashes.get(path);
    if (!hash) {
      const placed = this.options.placed?.get(path);
      hash = placed ? placed.catch(() => undefined) : readFile(path).then(sha256, () => undefined);
      this.hashes.set(path, hash);
    }
    return hash;
  }

  private relative(path: string): string {
    const rel = relative(this.options.root, path);
    return isAbsolute(rel) ? path : rel.split(sep).join('/');
  }
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

