// `npm run compile` (run by npm install, and before the tests): galley's CLI
// bundled by esbuild into dist/, so a run loads a few files instead of
// resolving hundreds of modules. Every dynamic import() stays a chunk of its
// own, loaded only when a document needs it (PDF, EPUB, script conversion...).
// Packages with native code or WebAssembly read from their own folder stay
// outside the bundle, loaded from node_modules on use. puppeteer is bundled: from
// node_modules its import resolved some 240 files while Chromium was starting.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BUNDLE_OPTIONS } from './bundle-options.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('galley: esbuild is not installed; the CLI will run its sources through tsx');
  process.exit(0);
}
rmSync(dist, { recursive: true, force: true });
const common = { ...BUNDLE_OPTIONS, absWorkingDir: root };
const tables = `${dist}/.indexes.js`;
try {
  // The text stages' thread: text-worker.ts as one CommonJS script, which V8 can cache compiled
  // (pipeline/code-cache.ts; Node 20 caches no ES module). The packages it imports on demand become
  // entries of the ES module build below (dist/lazy/), imported for it by its entry, text-worker-entry.ts.
  const lazy = new Set();
  const [script] = (
    await esbuild.build({
      ...common,
      format: 'cjs',
      entryPoints: ['pipeline/batch/text-worker.ts'],
      outfile: `${dist}/text-worker.cjs`,
      write: false,
      // Strict, as the ES modules it is made of are (the directive must come first).
      banner: { js: "'use strict';\nconst __galleyUrl = require('node:url').pathToFileURL(__filename).href;" },
      define: { GALLEY_BUNDLE: 'true', 'import.meta.url': '__galleyUrl' },
      plugins: [lazyImports(lazy)],
    })
  ).outputFiles;
  // Its first line names it, and the cache made for it (code-cache.ts: V8 checks only a source's length).
  mkdirSync(dist, { recursive: true });
  writeFileSync(script.path, `// code-cache ${createHash('sha256').update(script.contents).digest('hex').slice(0, 32)}\n${script.text}`);
  // The CLI: what --version needs in cli.js, each dynamic import() a chunk of its own; the text
  // stages' thread (batch/text-pool.ts) starts text-worker.js, which runs text-worker.cjs.
  // GALLEY_BUNDLE: the build cache takes galley's fingerprint from dist/data/, computed below from these sources.
  // The book thread (batch/text-pool.ts, bookPool), which makes e-books and finishes PDFs: an ES module sharing the CLI's chunks.
  const entryPoints = { cli: 'pipeline/cli.ts', 'text-worker': 'pipeline/batch/text-worker-entry.ts', 'book-worker': 'pipeline/batch/book-worker.ts' };
  for (const specifier of lazy) entryPoints[`lazy/${lazyName(specifier)}`] = specifier;
  await esbuild.build({ ...common, entryPoints, outdir: dist, splitting: true, chunkNames: 'chunks/[name]-[hash]', define: { GALLEY_BUNDLE: 'true' } });
  // The program that writes the precomputed tables: a build of its own, so it shares no chunk with the CLI.
  await esbuild.build({ ...common, entryPoints: ['pipeline/indexes.ts'], outfile: tables });
  // Stops Node's search for each chunk's package scope at dist/ (it is an ES module, as the package is).
  writeFileSync(`${dist}/package.json`, '{ "type": "module" }\n');
} catch {
  rmSync(dist, { recursive: true, force: true });
  console.warn('galley: compiling failed; the CLI will run its sources through tsx');
  process.exit(0);
}
// The tables a run reads instead of loading opencc's dictionaries or parsing font stylesheets.
const { writeIndexes } = await import(tables);
await writeIndexes();
rmSync(tables);
await writeCodeCache();

/** A package's module in dist/lazy/ (without .js): its name with each `/` as `+`. */
function lazyName(specifier) {
  return specifier.replace(/\//g, '+');
}

/**
 * esbuild plugin: in galley's own modules, `import()` of a package or of a computed URL becomes
 * `__galleyImport()`, which the entry passes to the script: V8 lets a script run by node:vm call
 * import() only behind an experimental flag. A package is named by its module in dist/lazy/,
 * added to `lazy`. Relative imports stay, and esbuild bundles them into the script.
 */
function lazyImports(lazy) {
  // Not `typeof import('…')`, a type.
  const call = /(?<![\w$.]|typeof\s)import\((?!\s*['"]\.)/g;
  return {
    name: 'lazy-imports',
    setup(build) {
      build.onLoad({ filter: /[\\/]pipeline[\\/].*\.ts$/ }, ({ path }) => {
        const text = readFileSync(path, 'utf8');
        const contents = text.replace(call, () => '__galleyImport(');
        // Each package named in those calls: its module in dist/lazy/.
        const named = contents.replace(/__galleyImport\((\s*)(['"])([^'"]+)\2/g, (_, space, quote, specifier) => {
          lazy.add(specifier);
          return `__galleyImport(${space}${quote}./lazy/${lazyName(specifier)}.js${quote}`;
        });
        return { contents: named, loader: 'ts' };
      });
    },
  };
}

/**
 * Runs the text thread on galley's own sample documents (their reports too, as a build formats
 * them there), then has it write the code cache of
 * every function they compiled (dist/text-worker.cache). Without one, the thread compiles its code.
 */
async function writeCodeCache() {
  const samples = join(root, 'source');
  const sources = existsSync(samples) ? readdirSync(samples).filter((name) => ['.md', '.txt'].includes(extname(name))).sort() : [];
  const worker = new Worker(`${dist}/text-worker.js`, { workerData: { stage: new SharedArrayBuffer(4), writeCodeCache: true } });
  let next = 0;
  const done = new Promise((resolve, reject) => {
    worker.on('error', reject);
    worker.on('exit', resolve);
  });
  worker.on('message', (reply) => {
    // A document's report, sent after its reply: the next document went out with that.
    if (reply !== 'ready' && 'report' in reply) return;
    if (reply !== 'ready' && reply.error) console.warn(`galley: code cache: ${reply.error.file}: ${reply.error.message}`);
    const name = sources[next++];
    if (name === undefined) return worker.postMessage('close');
    const kind = extname(name) === '.md' ? 'markdown' : 'text';
    worker.postMessage({ id: next, kind: 'text', source: { path: join(samples, name), display: `source/${name}`, kind }, layers: { config: {}, cli: { formats: ['html'] } }, root, report: {} });
  });
  try {
    await done;
  } catch (error) {
    rmSync(`${dist}/text-worker.cache`, { force: true });
    console.warn(`galley: no code cache for the text thread (${error.message}); it will compile its code`);
  }
}
