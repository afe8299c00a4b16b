/**
 * The reading pages are valid HTML (W3C Nu validator) and accessible (axe-core
 * in Chromium), in light and in dark mode.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../pipeline/emit/browser/index.ts';
import { ARTICLE, buildInto, GUIDE, ROOT } from '../helpers/build.ts';

const require = createRequire(import.meta.url);
const VNU = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = ['jiceng-dangwu-sikao.html', 'galley-proofs.html'];

let out: string;
let browser: Browser;

beforeAll(async () => {
  ({ out } = await buildInto([ARTICLE, GUIDE], { formats: ['html'] }));
  browser = await puppeteer.launch({ executablePath: findBrowser()!, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
});

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
}

describe('HTML pages', () => {
  it('pass the W3C Nu validator with no errors', () => {
    // vnu writes its JSON report on stderr and exits non-zero when it finds errors.
    const run = spawnSync('java', ['-jar', VNU, '--format', 'json', ...PAGES.map((p) => join(out, p))], { encoding: 'utf8' });
    const { messages } = JSON.parse(run.stderr) as { messages: VnuMessage[] };
    const errors = messages.filter((m) => m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal');
    expect(errors.map((m) => `${m.url.split('/').pop()}:${m.lastLine} ${m.message}`)).toEqual([]);
  });

  for (const name of PAGES) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${name} has no axe-core violations (${scheme})`, async () => {
        const page = await browser.newPage();
        try {
          // The page itself runs no script; axe needs it here, in the test only.
          await page.setJavaScriptEnabled(true);
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
          // Opened from the out folder, as a reader opens it: with the font files beside it.
          await page.goto(pathToFileURL(join(out, name)).href, { waitUntil: 'load' });
          await page.addScriptTag({ content: AXE });
          const violations = await page.evaluate(async () => {
            const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
            return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
          });
          expect(violations).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }

  it('carry the metadata readers and indexers look for', () => {
    const html = readFileSync(join(out, 'jiceng-dangwu-sikao.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-Hant"/);
    expect(html).toContain('<title>新形勢下做好基層黨務工作的幾點思考</title>');
    for (const name of ['description', 'citation_title', 'citation_author', 'citation_publication_date', 'citation_journal_title', 'citation_issue']) {
      expect(html, name).toMatch(new RegExp(`<meta name="${name}" content="[^"]+">`));
    }
    expect(html).toContain('<meta property="og:title" content="新形勢下做好基層黨務工作的幾點思考">');
    const jsonLd = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!);
    expect(jsonLd).toMatchObject({ '@type': 'ScholarlyArticle', headline: '新形勢下做好基層黨務工作的幾點思考', inLanguage: 'zh-Hant', author: [{ name: '劉勝' }] });
  });
});
