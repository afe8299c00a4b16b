/**
 * The browser's pages: a template's own covers are shot on a page of their own, the only one
 * ever brought to the front (print pages that had been in front were composited
 * for every document), and a page is replaced after PAGE_LIFETIME documents, so
 * the browser's memory does not grow with the length of a build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../pipeline/config/index.ts';
import { BrowserSession, PAGE_LIFETIME } from '../../pipeline/emit/browser/index.ts';
import { shootCover } from '../../pipeline/emit/epub/cover/shot.ts';
import { documentResolver, showDocument } from '../../pipeline/emit/origin.ts';
import { ROOT } from '../helpers/build.ts';

const meta = (title: string) => ({ title, authors: ['王小明'], lang: 'zh-Hant', keywords: [] });
const PNG = [0x89, 0x50, 0x4e, 0x47];

describe('pages', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await BrowserSession.launch({ concurrency: 2 });
  });
  afterAll(() => session.close());

  it('keep one for covers, never lent out for printing', async () => {
    const pages: Page[] = [];
    session.onPage = (page) => pages.push(page);
    const shell = readFileSync(join(ROOT, 'test/fixtures/cover-template/cover.html'), 'utf8');
    const settings = resolveSettings([{}]);
    const shots = [];
    for (const title of ['第一卷', '第二卷']) shots.push(await shootCover(session, shell, meta(title), settings, () => undefined));
    await session.withPage(documentResolver('<p>print</p>', ''), () => undefined, async () => undefined);
    for (const shot of shots) expect([...shot.subarray(0, 4)]).toEqual(PNG);
    expect(pages).toHaveLength(3);
    expect(pages[1]).toBe(pages[0]);
    expect(pages[2]).not.toBe(pages[0]);
    expect(pages[0]!.viewport()).toMatchObject({ width: 1200, height: 1800 });
  });

  it('are replaced after PAGE_LIFETIME documents', async () => {
    const pages: Page[] = [];
    session.onPage = (page) => pages.push(page);
    const html = '<p>a document</p>';
    for (let i = 0; i <= PAGE_LIFETIME; i++) {
      await session.withPage(documentResolver(html, ''), () => undefined, (page) => showDocument(page, html, 10_000));
    }
    // Another test's print page may have come first; from the first page seen, PAGE_LIFETIME documents each.
    const first = pages[0]!;
    const run = pages.findIndex((page) => page !== first);
    expect(run).toBeGreaterThan(0);
    expect(run).toBeLessThanOrEqual(PAGE_LIFETIME);
    expect(first.isClosed()).toBe(true);
    expect(pages.slice(run).every((page) => page === pages[run])).toBe(true);
  });
});
