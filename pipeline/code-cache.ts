/**
 * Runs a CommonJS bundle with V8's code cache: the bytecode of its functions,
 * kept from a sample run at compile time (scripts/compile.js), so that a cold
 * thread neither parses nor compiles them again. Node 20 keeps no such cache
 * for ES modules, which is why the text thread's code is bundled as CommonJS.
 *
 * V8 refuses a cache made by another Node or with other flags, but it checks
 * the source only by its length: a cache made for another bundle of the same
 * length would run that bundle's code. So the bundle's first line names it
 * (`// code-cache <id>`, a hash of the rest), the cache starts with that id,
 * and a cache for another id is not used. Without a usable cache the bundle
 * is compiled from its source, as it would be without one.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** `import()` for the bundle, which cannot call it itself (see scripts/compile.js). */
export type Importer = (specifier: string) => Promise<unknown>;

export type CacheUse = 'accepted' | 'rejected' | 'stale' | 'none';

export interface CachedRun {
  script: Script;
  /** The bundle's id, from its first line. */
  id: string | undefined;
  /** What became of the cache: V8 used it, V8 refused it, it was made for another bundle, or there was none. */
  cache: CacheUse;
  /** The bundle's module.exports. */
  exports: unknown;
}

const ID_LINE = /^\/\/ code-cache ([0-9a-f]+)\n/;

function readCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Runs `bundle` as a CommonJS module of this thread, with the cache at `cachePath` if it was made for it and V8 accepts it. */
export function runCached(bundle: string, cachePath: string, importer: Importer): CachedRun {
  const code = readFileSync(bundle, 'utf8');
  const id = ID_LINE.exec(code)?.[1];
  const stored = readCache(cachePath);
  const ours = stored !== undefined && id !== undefined && stored.subarray(0, id.length).toString('latin1') === id;
  // Node's own CommonJS wrapper, plus the importer; on the bundle's first line, so that its line numbers stay.
  const source = `(function (exports, require, module, __filename, __dirname, __galleyImport) {${code}\n})`;
  const script = new Script(source, { filename: bundle, cachedData: ours ? stored.subarray(id.length) : undefined });
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle), importer);
  const cache: CacheUse = stored === undefined ? 'none' : !ours ? 'stale' : script.cachedDataRejected ? 'rejected' : 'accepted';
  return { script, id, cache, exports: module.exports };
}

/** Writes the cache of every function the bundle has compiled so far (run it on samples first), marked with its id. */
export function writeCache(run: CachedRun, cachePath: string): void {
  if (run.id === undefined) throw new Error('the bundle has no code-cache id');
  const temp = `${cachePath}.${process.pid}.tmp`;
  writeFileSync(temp, Buffer.concat([Buffer.from(run.id, 'latin1'), run.script.createCachedData()]));
  renameSync(temp, cachePath);
}
