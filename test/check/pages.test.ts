/**
 * PDF page images: the same document rendered twice compares within
 * tolerance, and a changed margin fails the page comparison with a diff PNG.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../pipeline/index.ts';
import { renderPages } from '../../pipeline/check/pages.ts';
import { comparePages, DEFAULT_LIMITS } from '../../pipeline/check/pixels.ts';
import { fixtureProject } from './helpers.ts';

const FILE = 'source/proof-sheet.md';
let project: string;

const pdfOf = (result: CheckResult) => result.outputs.find((o) => o.format === 'pdf')!;

async function checkPdf(update = false): Promise<CheckResult> {
  return check({ root: project, files: [join(project, FILE)], settings: { formats: ['pdf'] }, ci: false, update });
}

beforeAll(async () => {
  project = fixtureProject();
  const first = await checkPdf();
  expect(pdfOf(first).status, pdfOf(first).message).toBe('written');
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('PDF page images', () => {
  it('compare within tolerance when the same document is rendered again', async () => {
    const snapshotPage = readFileSync(join(project, 'test/__snapshots__/proof-sheet/pdf-page-1.png'));
    const result = await checkPdf();
    expect(pdfOf(result).status, pdfOf(result).message).toBe('passed');
    // And page by page, straight from a fresh render.
    const pages = await renderPages(join(project, 'out/proof-sheet.pdf'));
    expect(pages).toHaveLength(1);
    const comparison = comparePages(snapshotPage, pages[0]!);
    expect(comparison.failed).toBe(false);
    expect(comparison.ratio).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDiffRatio);
  });

  it('fail with a diff PNG when the page margin changes', async () => {
    writeFileSync(join(project, 'galley.config.yaml'), 'margin: 30mm 20mm 24mm\n');
    const result = await checkPdf();
    const pdf = pdfOf(result);
    expect(pdf.status).toBe('failed');
    expect(result.ok).toBe(false);
    expect(pdf.message).toMatch(/page 1 differs in \d+(\.\d)?% of pixels \(limit 0\.5%\), diff: .*proof-sheet-page-1\.png/);
    const diffPath = join(project, 'out/diff/proof-sheet-page-1.png');
    expect(pdf.images).toEqual([diffPath]);
    // snapshot | new render | differences, side by side.
    const diff = PNG.sync.read(readFileSync(diffPath));
    const page = PNG.sync.read(readFileSync(join(project, 'test/__snapshots__/proof-sheet/pdf-page-1.png')));
    expect(diff.width).toBe(page.width * 3 + 16);
    expect(diff.height).toBe(page.height);
  });

  it('pass again, diff image gone, once the snapshot is updated', async () => {
    expect(pdfOf(await checkPdf(true)).status).toBe('updated');
    const result = await checkPdf();
    expect(pdfOf(result).status).toBe('passed');
    expect(existsSync(join(project, 'out/diff/proof-sheet-page-1.png'))).toBe(false);
  });
});
