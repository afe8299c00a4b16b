/**
 * One build of the previewed document, and what the preview shows of it: the
 * marked copy of its HTML page, its PDF, and the repairs panel. The build is
 * galley's own (the build cache decides what is rebuilt); a failed build
 * yields an error line, and the caller keeps the last good snapshot.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import type { VFile } from 'vfile';
import { build, type BuildResult } from '../batch/index.ts';
import { sourceKind } from '../batch/sources.ts';
import type { SettingsInput } from '../config/index.ts';
import { GalleyError } from '../errors.ts';
import { fontFaceCss, fontStack } from '../fonts/catalogue.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { readSource } from '../read/index.ts';
import { markSpots, pageHtml, readPage, type Page } from './marks.ts';
import { panelTree, type Repair } from './panel.ts';
import { align, mapRange, messageLength, offsetFinder, type Spot } from './spots.ts';

export interface Target {
  root: string;
  /** One source file, or a book file: exactly one of them. */
  file?: string;
  book?: string;
  settings: SettingsInput;
}

export interface Snapshot {
  title: string;
  /** The source (or book) file as the user names it. */
  source: string;
  html: string;
  pdf?: Uint8Array;
  panel: string;
  /** @font-face rules for galley's fonts, served by the preview: the page names them, few machines have them. */
  fonts: string;
  repairs: number;
}

export interface Outcome {
  snapshot?: Snapshot;
  /** The one line that says why the build failed. */
  error?: string;
  /** Absolute paths of the sources the build read: what to watch. */
  sources: string[];
}

const PAGE_CSS = resolve(PACKAGE_ROOT, 'pipeline/preview/client/page.css');

/** Builds the HTML page, and with `print` the PDF too (the e-book is left to `galley build`). */
export async function buildSnapshot(target: Target, print: boolean): Promise<Outcome> {
  let result: BuildResult;
  try {
    const settings: SettingsInput = { ...target.settings, formats: print ? ['html', 'pdf'] : ['html'] };
    result = await build({ root: target.root, files: target.file ? [target.file] : [], book: target.book, settings, replayMessages: true });
  } catch (error) {
    return { error: lineOf(error), sources: [] };
  }
  const sources = result.documents.map((d) => resolve(target.root, d.source));
  // Errors with exit code 2 say only that no browser was found: the page is still shown.
  const failed = result.documents.find((d) => d.error)?.error ?? result.errors.find((e) => e.exitCode === 1);
  if (failed) return { error: failed.line, sources };
  const main = result.documents.at(-1);
  if (!main?.outputs.html) return { error: result.errors[0]?.line ?? 'galley: no HTML page was written', sources };
  const page = readPage(await readFile(main.outputs.html, 'utf8'));
  const files = result.documents.flatMap((d) => (d.file ? [{ file: d.file, path: resolve(target.root, d.source) }] : []));
  const repairs: Repair[] = [];
  const spots = new Map<number, Spot>();
  for (const { file, path } of files) await placeMessages(file, path, page, repairs, spots);
  markSpots(page, spots);
  const panel = panelTree(repairs, files.length);
  const fonts = fontFaceCss(fontStack(page.lang), (pkg, name) => `/fonts/${pkg}/${name}`, `${page.title}${page.text}${repairs.map((r) => `${r.rule}${r.reason}${r.before ?? ''}${r.after ?? ''}`).join('')}`);
  const pdf = main.outputs.pdf ? new Uint8Array(await readFile(main.outputs.pdf)) : undefined;
  return {
    snapshot: {
      title: page.title,
      source: main.source,
      html: pageHtml(page, `${fonts}\n${await readFile(PAGE_CSS, 'utf8')}`),
      pdf,
      panel: toHtml(panel),
      fonts,
      repairs: repairs.length,
    },
    // A missing browser is no failure here: the page is shown, and the PDF pane says why it is empty.
    sources,
  };
}

/** Adds the file's messages to `repairs`, and the spot of each that can be placed in the page to `spots`. */
async function placeMessages(file: VFile, path: string, page: Page, repairs: Repair[], spots: Map<number, Spot>): Promise<void> {
  const positioned = file.messages.some((m) => m.line != null);
  // Only documents have text to align; a book file's messages have no place in the page.
  const source = positioned && sourceKind(path) ? String((await readSource(path)).value) : undefined;
  const alignment = source === undefined ? undefined : align(source, page.text);
  const offset = source === undefined ? undefined : offsetFinder(source);
  for (const message of file.messages) {
    const id = repairs.length;
    let placed = false;
    if (alignment && offset && source !== undefined && message.line != null) {
      const start = offset(message.line, message.column ?? 1);
      const actual = typeof message.actual === 'string' ? message.actual : undefined;
      spots.set(id, mapRange(alignment, start, start + messageLength(source, start, actual)));
      placed = true;
    }
    repairs.push({
      id,
      file: file.path,
      line: message.line ?? undefined,
      column: message.column ?? undefined,
      rule: message.ruleId ?? 'galley',
      severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
      reason: message.reason,
      before: typeof message.actual === 'string' ? message.actual : undefined,
      after: message.expected?.length ? message.expected.join(' | ') : undefined,
      placed,
    });
  }
}

function lineOf(error: unknown): string {
  if (error instanceof GalleyError) return error.line;
  return `galley: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
}
