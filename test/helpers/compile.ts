/**
 * vitest global setup: bundles the CLI (npm run compile) before any test runs,
 * so the tests that run bin/galley.js exercise what users run, made from these
 * sources, and the precomputed tables in dist/data/ are current.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [resolve(import.meta.dirname, '../../scripts/compile.js')], { stdio: 'inherit' });
}
