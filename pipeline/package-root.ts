/**
 * galley's own folder (package.json, templates/, pipeline/), found by walking
 * up from this module: it runs from the sources or from their compiled copy in
 * dist/, at different depths.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'galley') return dir;
    if (dirname(dir) === dir) throw new Error(`galley's package.json not found above ${start}`);
  }
}

export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
