/**
 * Tables galley derives from its dependencies (which Han characters belong to
 * one script in opencc's dictionaries, which font files cover which
 * characters). `npm run compile` writes them to dist/data/ (see indexes.ts), so
 * a run reads a small JSON file instead of loading the dictionaries or parsing
 * font stylesheets; a checkout never compiled builds them in the process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.ts';

export const DATA_DIR = join(PACKAGE_ROOT, 'dist', 'data');

export interface Precomputed<T> {
  /** dist/data/NAME.json */
  name: string;
  /** Builds the table from the dependencies themselves. */
  make(): T;
  /** The table: read from dist/data/ on first use, or made when it is not there. */
  get(): T;
}

export function precomputed<T>(name: string, make: () => T): Precomputed<T> {
  let value: T | undefined;
  return {
    name,
    make,
    get() {
      if (value === undefined) {
        const path = join(DATA_DIR, `${name}.json`);
        value = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : make();
      }
      return value;
    },
  };
}
