// How galley's code is bundled by esbuild: for the CLI (compile.js) and for
// what the bench measures as the CLI runs it (bench/normalize.ts).

/** Not bundled: native addons, files read beside their own modules. */
// opencc-js and pinyin-pro are required on use (locale/opencc.ts, normalize/rules/pinyin.ts): their dictionaries are large.
// opencc-js's core (its trie, no dictionary) is bundled: converterFor() builds its tries with it.
export const EXTERNAL = ['sharp', 'lightningcss', 'subset-font', 'fontverter', 'harfbuzzjs', 'wawoff2', 'pinyin-pro'];

export const BUNDLE_OPTIONS = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // A package's ES module build where it has one: esbuild can drop what galley never calls (pdf-lib's forms).
  mainFields: ['module', 'main'],
  external: EXTERNAL,
  // CommonJS packages inside an ES module bundle still call require().
  banner: { js: "import { createRequire as __galleyRequire } from 'node:module'; const require = __galleyRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
};
