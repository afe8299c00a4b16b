// `npm run compile` (run by npm install): galley's sources compiled to dist/, so
// the CLI starts without compiling TypeScript on every run. bin/galley.js uses
// the copy only while it is newer than every source; a failed compile leaves
// the CLI running its sources, as it would without a copy.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
rmSync(dist, { recursive: true, force: true });
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.warn('galley: TypeScript is not installed; the CLI will run its sources through tsx');
  process.exit(0);
}
const result = spawnSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
if (result.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  console.warn('galley: compiling failed; the CLI will run its sources through tsx');
  process.exit(0);
}
// Written last: its time says when the copy was complete.
writeFileSync(`${dist}/.compiled`, '');
