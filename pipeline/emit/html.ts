/**
 * The standalone HTML page: images and formula fonts inlined as data URIs.
 * Its text fonts are galley's own woff2 slices, copied beside it into
 * `fonts/` (one folder shared by every page in the out folder) and named by
 * relative URLs with their unicode-range: the precomputed coverage index says
 * which slices the page's characters need, so no font is parsed. With
 * selfContained: true the page carries its text font inline instead, cut down
 * to the characters it uses (the e-book's subsets), and is a file on its own.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Settings } from '../config/index.ts';
import { FONT_WEIGHTS, fontFaces, fontPackageDir, fontStack, pageCharacters } from '../fonts/catalogue.ts';
import { screenPage, type RenderedDocument } from '../render/index.ts';
import { katexFonts } from '../render/math.ts';
import type { Template } from '../render/template.ts';
import { mediaType } from './media-types.ts';
import { writeAtomicSync } from './write.ts';

/** The folder, beside the pages, that holds the font files they name. */
export const FONTS_DIR = 'fonts';

const dataUri = (path: string) => `data:${mediaType(path)};base64,${readFileSync(path).toString('base64')}`;

export interface HtmlPage {
  page: string;
  /** Paths of the font files the page names, in their packages: to be copied into FONTS_DIR beside it. */
  fonts: string[];
}

export async function renderHtml(doc: RenderedDocument, template: Template, settings: Settings, root: string): Promise<HtmlPage> {
  const fonts = new Set<string>();
  const urls = {
    asset: (path: string) => dataUri(join(root, path)),
    katexFont: (file: string) => dataUri(join(katexFonts(), file)),
  };
  if (settings.selfContained) return { page: await withTextFont(screenPage(doc, template, settings, urls), doc.meta.lang), fonts: [] };
  const font = (pkg: string, file: string) => {
    fonts.add(join(fontPackageDir(pkg), file));
    return `${FONTS_DIR}/${basename(file)}`;
  };
  const page = screenPage(doc, template, settings, { ...urls, font });
  return { page, fonts: [...fonts].sort() };
}

/**
 * Reads the font coverage tables a linked page's rules are written from (every
 * stack's: the page's language is known only after its text stages), so that a
 * build can read them while its first document is still in those stages.
 */
export function readFontTables(): void {
  for (const [pkg, weight] of FONT_WEIGHTS) fontFaces(pkg, weight);
}

/**
 * Files a build has put in place, by target path, each with the hash of its
 * bytes (the build cache records it instead of reading the file back): each is
 * compared or written once per build, not once per page naming it (a CJK page
 * names 40 to 90 of them). One per build, never per process: a later build
 * must look again at what is on disk.
 */
export type PlacedFonts = Map<string, Promise<string>>;

/**
 * Puts each font file into `dir` unless the same bytes are there already
 * (pages share the folder: a rebuild rewrites nothing). Returns the copies' paths.
 * With `placed`, a file this build has already put in place is not looked at again.
 */
export async function placeFonts(fonts: string[], dir: string, placed: PlacedFonts = new Map()): Promise<string[]> {
  if (fonts.length) await mkdir(dir, { recursive: true });
  return Promise.all(
    fonts.map(async (source) => {
      const target = join(dir, basename(source));
      let done = placed.get(target);
      if (!done) {
        done = new Promise<string>((resolve) => resolve(placeFont(source, target)));
        placed.set(target, done);
        // A file that failed is tried again by the next page that names the file.
        done.catch(() => placed.delete(target));
      }
      await done;
      return target;
    }),
  );
}

/**
 * `source`'s bytes at `target`, written only when the file there differs (sizes
 * first, so that a missing or other file is not read); the hash of those bytes.
 * Synchronous: some 90 small files are placed in a fraction of the time their
 * round trips through the thread pool took, with the page waiting for them.
 */
function placeFont(source: string, target: string): string {
  const bytes = readFileSync(source);
  const there = statSync(target, { throwIfNoEntry: false });
  if (there?.size !== bytes.length || !readFileSync(target).equals(bytes)) writeAtomicSync(target, bytes);
  return createHash('sha256').update(bytes).digest('hex');
}

/** The page with @font-face rules for the subsets of its characters, each family put last in the stacks before the generic one. */
async function withTextFont(page: string, lang: string): Promise<string> {
  const { subsetCjkFont } = await import('./epub/fonts.ts');
  const subset = await subsetCjkFont(pageCharacters(page), lang);
  if (subset.fonts.length === 0) return page;
  const faces = subset.fonts.map(
    (font, i) => `@font-face{font-family:"${subset.families[i]}";src:url(data:font/ttf;base64,${Buffer.from(font.data).toString('base64')}) format("truetype");}`,
  );
  const stack = fontStack(lang);
  const list = (names: string[], generic: string) => [...names, ...subset.families].map((n) => `"${n}"`).concat(generic).join(',');
  const variables = `:root{--font-serif:${list(stack.serif, 'serif')};--font-sans:${list(stack.sans, 'sans-serif')};--font-mono:${list(stack.mono, 'monospace')};}`;
  return page.replace('</head>', `<style>\n${faces.join('\n')}\n${variables}\n</style>\n</head>`);
}
