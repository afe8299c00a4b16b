/**
 * A template is a folder templates/NAME/ with page.html (the shell) and one
 * stylesheet per medium, and optionally its own EPUB cover, cover.html. Users
 * add one by copying templates/default.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GalleyError } from '../errors.ts';
import { PACKAGE_ROOT } from '../package-root.ts';

export interface Template {
  name: string;
  dir: string;
  page: string;
  screenCss: string;
  printCss: string;
  epubCss: string;
  /** The template's own cover.html, shot by the browser; without one galley draws the cover. */
  cover?: string;
}

const FILES = ['page.html', 'screen.css', 'print.css', 'epub.css'] as const;
/** Read once per process, and again when a file of it changes (galley preview runs for hours). */
const cache = new Map<string, { stamp: string; template: Template }>();

/** Size and time of each file: enough to tell an edited template from the one read. */
function stampOf(dir: string): string {
  return [...FILES, 'cover.html'].map((file) => {
    const info = statSync(join(dir, file), { throwIfNoEntry: false });
    return info ? `${info.size}:${info.mtimeMs}` : '-';
  }).join(' ');
}

export function loadTemplate(name: string, templatesDir: string): Template {
  const dir = join(templatesDir, name);
  const stamp = stampOf(dir);
  const cached = cache.get(dir);
  if (cached?.stamp === stamp) return cached.template;
  if (!existsSync(dir)) {
    const known = existsSync(templatesDir) ? readdirSync(templatesDir).join(', ') : 'none';
    throw new GalleyError(`templates/${name}`, `unknown template "${name}" (available: ${known})`);
  }
  const read = (file: (typeof FILES)[number]) => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new GalleyError(`templates/${name}/${file}`, 'missing from the template');
    return readFileSync(path, 'utf8');
  };
  const template = {
    name,
    dir,
    page: read('page.html'),
    screenCss: read('screen.css'),
    printCss: read('print.css'),
    epubCss: read('epub.css'),
    ...(existsSync(join(dir, 'cover.html')) ? { cover: readFileSync(join(dir, 'cover.html'), 'utf8') } : {}),
  };
  cache.set(dir, { stamp, template });
  return template;
}

/** Fills {{name}} slots; values are inserted as given, so callers escape them. */
export function fill(shell: string, values: Record<string, string>): string {
  return shell.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');
}

/** The project's own templates/ folder, else galley's. */
export function templatesDir(root: string): string {
  const local = join(root, 'templates');
  return existsSync(local) ? local : join(PACKAGE_ROOT, 'templates');
}
