// Loads galley's CLI: the compiled copy in dist/ while it is newer than every
// source file (npm install makes it: scripts/compile.js), else the TypeScript
// sources through tsx, so an edit to a source takes effect on the next run.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function compiledIsCurrent() {
  const stamp = join(root, 'dist', '.compiled');
  return existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource(join(root, 'pipeline'));
}

/** The CLI module: `main(args)` resolves to the exit code. */
export async function loadCli() {
  if (process.env.GALLEY_FROM_SOURCES !== '1' && compiledIsCurrent()) return import('../dist/pipeline/cli.js');
  const { register } = await import('tsx/esm/api');
  register();
  return import('../pipeline/cli.ts');
}
