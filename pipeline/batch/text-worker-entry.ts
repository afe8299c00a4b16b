/**
 * The text thread's entry in the bundle (dist/text-worker.js): text-worker.ts
 * bundled as one CommonJS script (dist/text-worker.cjs), run with the code
 * cache made at compile time (dist/text-worker.cache, see code-cache.ts). The
 * packages it imports on demand (shiki, KaTeX, citation-js) and users' plugins
 * stay ES modules, imported from here: bundled in dist/lazy/ as the CLI's chunks are.
 */
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { runCached, writeCache } from '../code-cache.ts';
import { mark } from '../trace.ts';

const bundle = fileURLToPath(new URL('text-worker.cjs', import.meta.url));
const cachePath = fileURLToPath(new URL('text-worker.cache', import.meta.url));
// A package is named by its module in dist/lazy/ (./lazy/…), a user's plugin by its file URL.
const importer = (specifier: string) => import(new URL(specifier, import.meta.url).href);
const run = runCached(bundle, cachePath, importer);
mark(`text thread: code cache ${run.cache}`);

// At compile time: once the sample documents are done, the cache of what they compiled is written.
if ((workerData as { writeCodeCache?: boolean }).writeCodeCache) {
  parentPort!.on('message', (message) => {
    if (message === 'close') writeCache(run, cachePath);
  });
}
