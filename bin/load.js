// Loads galley's CLI: the bundle in dist/ that npm install makes
// (scripts/compile.js), else, with no bundle or with GALLEY_FROM_SOURCES=1, the
// TypeScript sources through tsx. The choice costs one file lookup: the bundle
// is remade by `npm run compile`, and before every test run.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.js', import.meta.url);

/** True when the CLI runs the bundle, not the sources. */
export function runsCompiled() {
  return process.env.GALLEY_FROM_SOURCES !== '1' && existsSync(bundle);
}

/** The CLI module: `main(args)` resolves to the exit code. */
export async function loadCli() {
  if (runsCompiled()) return import(bundle.href);
  const { register } = await import('tsx/esm/api');
  register();
  return import('../pipeline/cli.ts');
}
