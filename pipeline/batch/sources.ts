/** Finding the documents to build and naming their outputs. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { GalleyError } from '../errors.ts';
import type { SourceKind } from '../types.ts';

export type { SourceKind };

export interface Source {
  /** Absolute path. */
  path: string;
  /** Path as the user sees it: relative to the project root when inside it. */
  display: string;
  kind: SourceKind;
  /** Output file name without extension. */
  slug: string;
  /** A source made of several files (a book): a hash of them all, which the cache uses instead of the file's bytes. */
  digest?: string;
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
  return paths.map((path) => ({ path, display: displayPath(path, root), kind: sourceKind(path)!, slug: slugify(basename(path, extname(path))) }));
}

/**
 * Output names are unique by construction: sources whose names would give the
 * same output (`notes.md` and `notes.txt`, `Notes.md` and `notes.md`) are not
 * built, and one error names them all, before anything is written. Numbering
 * them instead would make a document's output name depend on its neighbours.
 */
export function uniqueOutputNames(sources: Source[]): { sources: Source[]; errors: GalleyError[] } {
  const bySlug = new Map<string, Source[]>();
  for (const source of sources) bySlug.set(source.slug, [...(bySlug.get(source.slug) ?? []), source]);
  const errors: GalleyError[] = [];
  for (const [slug, group] of bySlug) {
    if (group.length < 2) continue;
    const [first, ...others] = group.map((s) => s.display);
    errors.push(new GalleyError(first, `not built: ${others.join(', ')} would write the same outputs (${slug}.*); rename one of them`));
  }
  return { sources: sources.filter((source) => bySlug.get(source.slug)!.length === 1), errors };
}

/** Room for a temp-file suffix and an extension within the usual 255-byte name limit. */
const MAX_SLUG_BYTES = 200;

/** File names stay readable, Chinese included; only separators and odd characters go. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return truncateBytes(slug, MAX_SLUG_BYTES) || 'document';
}

function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char) > max) break;
    out += char;
  }
  return out.replace(/-+$/, '');
}

export function displayPath(path: string, root: string): string {
  const rel = relative(root, path);
  return printable(rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path);
}

/** A name as the terminal may show it: control characters (newlines, escape sequences) written as \n, \u001b, ... */
export function printable(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** Three chapters are already a book to most authors; a chapter list makes any folder one. */
const BOOK_LIKE = 3;
const CHAPTER_LISTS = ['SUMMARY.md', '_sidebar.md', 'sidebar.md'];

/** A folder named on the command line that looks like a book: say that --book binds it. */
export function bookHints(paths: string[], root: string): string[] {
  const hints: string[] = [];
  for (const path of paths) {
    if (!existsSync(path) || !statSync(path).isDirectory()) continue;
    const list = CHAPTER_LISTS.find((name) => existsSync(join(path, name)));
    const markdown = findSources(path, root).filter((source) => source.kind === 'markdown').length;
    if (!list && markdown < BOOK_LIKE) continue;
    const display = displayPath(path, root);
    const why = list ? `has a ${list}` : `holds ${markdown} Markdown files`;
    hints.push(`${display} ${why} and was built as separate documents; to bind it into one book, run: galley build --book ${display}`);
  }
  return hints;
}
