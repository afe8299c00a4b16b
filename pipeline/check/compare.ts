/**
 * One output against its snapshot: decide passed / failed / written / updated,
 * write what --update or a first run asks for, and describe any difference.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../batch/sources.ts';
import { pdfFactsText, type PdfFacts } from './pdf.ts';
import { comparePages, type PixelLimits } from './pixels.ts';
import { pageName, type SnapshotFolder } from './store.ts';
import { unifiedDiff } from './text-diff.ts';
import type { CheckStatus } from './types.ts';

export interface CompareContext {
  folder: SnapshotFolder;
  slug: string;
  /** Where page diff images go: <out>/diff. */
  diffDir: string;
  update: boolean;
  ci: boolean;
  limits: PixelLimits;
}

export interface Verdict {
  status: CheckStatus;
  message?: string;
  diff?: string;
  images: string[];
}

const show = (path: string) => displayPath(path, process.cwd());

function missing(ctx: CompareContext, name: string): Verdict {
  return {
    status: 'failed',
    message: `no snapshot ${show(ctx.folder.path(name))}; snapshots are not written in CI: run "galley check --update" locally and commit it`,
    images: [],
  };
}

/** HTML and EPUB: one text snapshot each. */
export function compareText(ctx: CompareContext, name: string, actual: string): Verdict {
  const expected = ctx.folder.readText(name);
  if (expected === undefined) {
    if (ctx.ci && !ctx.update) return missing(ctx, name);
    ctx.folder.write(name, actual);
    return { status: 'written', message: `snapshot written: ${show(ctx.folder.path(name))}`, images: [] };
  }
  if (expected === actual) return { status: 'passed', images: [] };
  if (ctx.update) {
    ctx.folder.write(name, actual);
    return { status: 'updated', message: `snapshot updated: ${show(ctx.folder.path(name))}`, images: [] };
  }
  const diff = unifiedDiff(show(ctx.folder.path(name)), expected, actual);
  return { status: 'failed', message: `differs from ${show(ctx.folder.path(name))} (${changeCount(diff)})`, diff, images: [] };
}

/** PDF: the facts (text per page, outline, fonts, metadata) as text, and one image per page. */
export function comparePdf(ctx: CompareContext, facts: PdfFacts, pages: Buffer[]): Verdict {
  clearDiffImages(ctx);
  const actual = pdfFactsText(facts);
  const expected = ctx.folder.readText('pdf.snap');
  if (expected === undefined || ctx.update) {
    if (expected === undefined && ctx.ci && !ctx.update) return missing(ctx, 'pdf.snap');
    const changed = expected !== actual || pages.some((png, i) => !ctx.folder.read(pageName(i + 1))?.equals(png));
    const stale = ctx.folder.read(pageName(pages.length + 1)) !== undefined;
    if (expected !== undefined && !changed && !stale) return { status: 'passed', images: [] };
    ctx.folder.write('pdf.snap', actual);
    pages.forEach((png, i) => ctx.folder.write(pageName(i + 1), png));
    ctx.folder.removePagesAfter(pages.length);
    const what = `${show(ctx.folder.path('pdf.snap'))} and ${pages.length} page image${pages.length === 1 ? '' : 's'}`;
    return expected === undefined
      ? { status: 'written', message: `snapshot written: ${what}`, images: [] }
      : { status: 'updated', message: `snapshot updated: ${what}`, images: [] };
  }

  const problems: string[] = [];
  let diff: string | undefined;
  if (expected !== actual) {
    diff = unifiedDiff(show(ctx.folder.path('pdf.snap')), expected, actual);
    problems.push(describeFacts(expected, facts));
  }
  const images: string[] = [];
  for (const [i, png] of pages.entries()) {
    const n = i + 1;
    const snapshot = ctx.folder.read(pageName(n));
    // A page the snapshot does not have is already reported as a page-count change.
    if (!snapshot) continue;
    const result = comparePages(snapshot, png, ctx.limits);
    if (!result.failed) continue;
    if (!result.diff) {
      problems.push(`page ${n}: ${result.reason}`);
      continue;
    }
    const path = join(ctx.diffDir, `${ctx.slug}-page-${n}.png`);
    mkdirSync(ctx.diffDir, { recursive: true });
    writeFileSync(path, result.diff);
    images.push(path);
    const why = result.reason ?? `differs in ${percent(result.ratio)} of pixels (limit ${percent(ctx.limits.maxDiffRatio)})`;
    problems.push(`page ${n} ${why}, diff: ${show(path)}`);
  }
  if (!problems.length) return { status: 'passed', images: [] };
  return { status: 'failed', message: problems.join('; '), images, ...(diff ? { diff } : {}) };
}

/** Names what changed between two fact sets, in the order a reader would care. */
function describeFacts(expectedText: string, actual: PdfFacts): string {
  let expected: PdfFacts;
  try {
    expected = JSON.parse(expectedText) as PdfFacts;
  } catch {
    return 'pdf.snap is not valid JSON';
  }
  const parts: string[] = [];
  if (expected.pages !== actual.pages) parts.push(`${actual.pages} pages, snapshot has ${expected.pages}`);
  const textPages = [...Array(Math.max(expected.text?.length ?? 0, actual.text.length)).keys()]
    .filter((i) => JSON.stringify(expected.text?.[i]) !== JSON.stringify(actual.text[i]))
    .map((i) => i + 1);
  if (textPages.length) parts.push(`text differs on page${textPages.length > 1 ? 's' : ''} ${textPages.join(', ')}`);
  if (JSON.stringify(expected.outline) !== JSON.stringify(actual.outline)) parts.push('outline differs');
  if (JSON.stringify(expected.fonts) !== JSON.stringify(actual.fonts)) parts.push('fonts differ');
  const keys = new Set([...Object.keys(expected.metadata ?? {}), ...Object.keys(actual.metadata)]);
  const changed = [...keys].filter((k) => expected.metadata?.[k] !== actual.metadata[k]);
  if (changed.length) parts.push(`metadata differs (${changed.join(', ')})`);
  return parts.join('; ') || 'pdf.snap differs';
}

function clearDiffImages(ctx: CompareContext): void {
  if (!existsSync(ctx.diffDir)) return;
  const own = new RegExp(`^${ctx.slug.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-page-\\d+\\.png$`, 'u');
  for (const name of readdirSync(ctx.diffDir)) if (own.test(name)) rmSync(join(ctx.diffDir, name));
}

function changeCount(diff: string): string {
  const lines = diff.split('\n');
  const added = lines.filter((l) => l.startsWith('+') && !l.startsWith('+++')).length;
  const removed = lines.filter((l) => l.startsWith('-') && !l.startsWith('---')).length;
  return `${removed} line${removed === 1 ? '' : 's'} removed, ${added} added`;
}

export function percent(ratio: number): string {
  const value = ratio * 100;
  return `${value < 10 ? value.toFixed(1) : value.toFixed(0)}%`;
}
