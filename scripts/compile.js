// `npm run compile` (run by npm install, and before the tests): galley's CLI
// bundled by esbuild into dist/, so a run loads a few files instead of
// resolving hundreds of modules. Every dynamic import() stays a chunk of its
// own, loaded only when a document needs it (PDF, EPUB, script conversion...).
// Packages with native code or WebAssembly read from their own folder stay
// outside the bundle, loaded from node_modules on use. puppeteer is bundled: from
// node_modules its import resolved some 240 files while Chromium was starting.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
  // The CLI: what --version needs in cli.js, each dynamic import() a chunk of its own; the text
  // stages' thread (batch/text-pool.ts) starts text-worker.js, which shares the chunks.
  // GALLEY_BUNDLE: the build cache takes galley's fingerprint from dist/data/, computed below from these sources.
  await esbuild.build({ ...common, entryPoints: { cli: 'pipeline/cli.ts', 'text-worker': 'pipeline/batch/text-worker.ts' }, outdir: dist, splitting: true, chunkNames: 'chunks/[name]-[hash]', define: { GALLEY_BUNDLE: 'true' } });
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
