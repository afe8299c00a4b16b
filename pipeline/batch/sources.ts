/** Finding the documents to build and naming their outputs. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { GalleyError } from '../errors.ts';

export type SourceKind = 'markdown' | 'text';

export interface Source {
  /** Absolute path. */
  path: string;
  /** Path as the user sees it: relative to the project root when inside it. */
  display: string;
  kind: SourceKind;
  /** Output file name without extension. */
  slug: string;
}

const KINDS: Record<string, SourceKind> = { '.md': 'markdown', '.markdown': 'markdown', '.txt': 'text' };

export function sourceKind(path: string): SourceKind | undefined {
  return KINDS[extname(path).toLowerCase()];
}

/** Every source under `dir`, in a stable order. */
export function findSources(dir: string, root: string): Source[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new GalleyError(displayPath(dir, root), 'no such folder', 2);
  }
  const paths: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && sourceKind(path)) paths.push(path);
    }
  };
  walk(dir);
  if (paths.length === 0) {
    throw new GalleyError(displayPath(dir, root), 'no sources found (.md, .markdown or .txt files)');
  }
  return toSources(paths, root);
}

/** Sources named on the command line; each must exist and be of a known kind. */
export function namedSources(paths: string[], root: string): { sources: Source[]; errors: GalleyError[] } {
  const errors: GalleyError[] = [];
  const found: string[] = [];
  for (const path of paths) {
    const display = displayPath(path, root);
    if (!existsSync(path)) errors.push(new GalleyError(display, 'no such file'));
    else if (statSync(path).isDirectory()) found.push(...findSources(path, root).map((s) => s.path));
    else if (!sourceKind(path)) errors.push(new GalleyError(display, 'not a source galley reads (use .md, .markdown or .txt)'));
    else found.push(path);
  }
  return { sources: toSources([...new Set(found)], root), errors };
}

function toSources(paths: string[], root: string): Source[] {
  const taken = new Map<string, number>();
  return paths.map((path) => {
    let slug = slugify(basename(path, extname(path)));
    const seen = taken.get(slug) ?? 0;
    taken.set(slug, seen + 1);
    if (seen > 0) slug = `${slug}-${seen + 1}`;
    return { path, display: displayPath(path, root), kind: sourceKind(path)!, slug };
  });
}

/** File names stay readable, Chinese included; only separators and odd characters go. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'document';
}

export function displayPath(path: string, root: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path;
}
