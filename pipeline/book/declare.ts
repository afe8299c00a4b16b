/**
 * What a book is: a YAML book file naming its documents, or a folder. A folder
 * lists its chapters in SUMMARY.md (mdBook, GitBook) or sidebar.md /
 * _sidebar.md (docsify); without either, its sources are the chapters in name
 * order. Paths in a declaration are relative to the file that holds them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import YAML from 'yaml';
import * as z from 'zod';
import { checkSettings, dropUndefined, type SettingsInput } from '../config/index.ts';
import { GalleyError } from '../errors.ts';
import { displayPath, findSources, slugify } from '../batch/sources.ts';
import { summaryEntries } from './summary.ts';

const text = z.string().trim().min(1);
const list = z.union([text.transform((s) => [s]), z.array(text)]);

export const bookSchema = z
  .object({
    title: text,
    authors: list.optional(),
    author: list.optional(),
    /** BCP 47; default: the first document's language. */
    language: text.optional(),
    date: z.union([z.date().transform((d) => d.toISOString().slice(0, 10)), text.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY-MM-DD, YYYY-MM or YYYY')]).optional(),
    keywords: list.optional(),
    publication: text.optional(),
    description: text.optional(),
    rights: text.optional(),
    /** Page layout for the whole book; the command line still wins. */
    recto: z.boolean().optional(),
    figures: z.enum(['plain', 'captions', 'numbered']).optional(),
    toc: z.union([z.boolean(), z.literal('auto')]).optional(),
    /** The documents, in reading order; paths relative to the book file. */
    documents: z.array(text).min(1, 'must name at least one document'),
  })
  .strict();

export type BookData = Omit<z.output<typeof bookSchema>, 'documents' | 'recto' | 'figures' | 'toc'>;

/** SUMMARY.md first: a folder that has both is an mdBook or GitBook. */
const LISTS = ['SUMMARY.md', '_sidebar.md', 'sidebar.md'];
/** Headings that name the list rather than the book. */
const LIST_HEADINGS = /^(summary|table of contents|contents|目录|目錄|sidebar)$/i;

export interface Book {
  /** The book file, or the folder. */
  path: string;
  /** The book's folder: the files its chapters may load lie under it. */
  dir: string;
  display: string;
  /** Output file name: the book file's or the folder's name. */
  slug: string;
  data: BookData;
  /** The book's own settings layer (recto, figures, toc). */
  settings: SettingsInput;
  /** Absolute paths of the documents, in reading order. */
  documents: string[];
  /** The file that lists the documents (YAML, SUMMARY.md), if any: its bytes are part of the book. */
  declaration?: string;
  /** How the chapters were found, said once in the book's messages when it is not obvious. */
  note?: string;
}

export function loadBook(path: string, root: string): Book {
  const display = displayPath(path, root);
  if (!existsSync(path)) throw new GalleyError(display, 'no such book file or folder', 2);
  if (statSync(path).isDirectory()) return folderBook(path, display, root);
  return yamlBook(path, display);
}

function yamlBook(path: string, display: string): Book {
  // Plain YAML, as front matter: a custom tag or any other warning is an error, never printed by the YAML library.
  const doc = YAML.parseDocument(readFileSync(path, 'utf8'), { schema: 'core', logLevel: 'silent' });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new GalleyError(display, `not valid YAML: ${problem.message.split('\n')[0]!.replace(/^Unresolved tag: /, 'custom tag ')}`);
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new GalleyError(display, `not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = bookSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new GalleyError(display, `${issue.path.join('.') || 'book'}: ${issue.message}`);
  }
  const { documents, recto, figures, toc, ...data } = parsed.data;
  const settings = checkSettings(dropUndefined({ recto, figures, toc }), display);
  return {
    path,
    dir: dirname(path),
    display,
    slug: slugify(basename(path, extname(path))),
    data,
    settings,
    documents: documents.map((doc) => resolve(dirname(path), doc)),
    declaration: path,
  };
}

function folderBook(dir: string, display: string, root: string): Book {
  const slug = slugify(basename(dir));
  const list = LISTS.map((name) => join(dir, name)).find((file) => existsSync(file));
  if (!list) {
    const documents = findSources(dir, root).map((source) => source.path);
    return {
      path: dir,
      dir,
      display,
      slug,
      data: { title: basename(dir) },
      settings: {},
      documents,
      note: `no SUMMARY.md or sidebar.md: the chapters are the folder's ${documents.length} sources in name order`,
    };
  }
  const listDisplay = displayPath(list, root);
  const { title, links } = summaryEntries(readFileSync(list, 'utf8'));
  const documents: string[] = [];
  for (const href of links) {
    const target = resolve(dirname(list), href);
    if (!documents.includes(target)) documents.push(target);
  }
  if (documents.length === 0) throw new GalleyError(listDisplay, 'lists no chapters (links to .md files)');
  const heading = title && !LIST_HEADINGS.test(title) ? title : undefined;
  return { path: dir, dir, display, slug, data: { title: heading ?? tomlTitle(dir) ?? basename(dir) }, settings: {}, documents, declaration: list };
}

/** mdBook keeps the title in book.toml; one line of it is all galley reads. */
function tomlTitle(dir: string): string | undefined {
  const toml = join(dir, 'book.toml');
  if (!existsSync(toml)) return undefined;
  const match = readFileSync(toml, 'utf8').match(/^\s*title\s*=\s*"((?:[^"\\]|\\.)*)"/m);
  return match?.[1]?.replace(/\\(.)/g, '$1').trim() || undefined;
}
