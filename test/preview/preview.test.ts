/**
 * `galley preview` as a user meets it: started on a throwaway project, opened
 * in the real Chromium, its source, config and template edited while it runs.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE, ROOT } from '../helpers/build.ts';
import { raw, startPreview, type Preview } from './server.ts';

const TITLE = '新形勢下做好基層黨務工作的幾點思考';
const SOURCE = 'source/jiceng-dangwu-sikao.txt';
const ADDED = '預覽測試在文末加上的這一段話。';
/** A rebuild prints a PDF in Chromium: on a busy machine that can take a while. */
const WAIT = 240_000;

let project: string;
let preview: Preview;
let browser: Browser;
let page: Page;

/** Runs in the preview page: the text of the HTML page pane, read through the frame (same origin). */
const pageText = () => page.evaluate(() => (document.getElementById('page') as HTMLIFrameElement).contentDocument?.body?.innerText ?? '');

async function untilPage(check: string, timeout = WAIT): Promise<void> {
  await page.waitForFunction(check, { timeout, polling: 200 });
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'galley-preview-'));
  mkdirSync(join(project, 'source'));
  cpSync(ARTICLE, join(project, SOURCE));
  cpSync(join(ROOT, 'templates/default'), join(project, 'templates/default'), { recursive: true });
  // A trap for the server: a link out of the out folder.
  mkdirSync(join(project, 'out'));
  symlinkSync('/etc/passwd', join(project, 'out/passwd'));
  preview = await startPreview(project, [SOURCE]);
  browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'], protocolTimeout: 2 * WAIT });
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(preview.url, { waitUntil: 'load' });
  await page.waitForSelector('#repairs a[data-repair]', { timeout: 120_000 });
});

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
});

describe('galley preview', { timeout: 2 * WAIT }, () => {
  it('listens on the loopback address and opens nothing by itself', () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('shows the title, the HTML page, the print PDF and every message grouped by rule', async () => {
    expect(await page.$eval('#title', (e) => e.textContent)).toBe(TITLE);
    await untilPage(`document.getElementById('page').contentDocument?.querySelector('h1')?.textContent === ${JSON.stringify(TITLE)}`);
    // The page is shown as soon as it is built; the PDF follows once printed.
    await untilPage(`document.getElementById('status').textContent === 'up to date'`);
    const pdf = await raw({ host: '127.0.0.1', port: preview.port, path: '/print.pdf', headers: { host: `127.0.0.1:${preview.port}` } });
    expect(pdf.body.startsWith('%PDF-')).toBe(true);
    expect(await page.$eval('#pdf', (e) => (e as HTMLIFrameElement).hidden)).toBe(false);
    const rules = await page.$$eval('#repairs details[data-rule]', (list) => list.map((d) => d.getAttribute('data-rule')));
    expect(rules).toEqual(expect.arrayContaining(['mojibake', 'punctuation', 'script', 'boilerplate', 'metadata', 'structure']));
    const items = await page.$$eval('#repairs li.repair', (list) => list.length);
    expect(await page.$eval('#repairs h2', (e) => e.textContent)).toMatch(new RegExp(`^${items} messages`));
    // The published page keeps its bytes: only the preview's copy is marked.
    expect(readFileSync(join(project, 'out/jiceng-dangwu-sikao.html'), 'utf8')).not.toContain('galley-spot');
  });

  it('highlights the spot in the page of a repair clicked in the panel, with the text after the repair', async () => {
    const activeText = () => page.evaluate(() => {
      const doc = (document.getElementById('page') as HTMLIFrameElement).contentDocument!;
      return [...doc.querySelectorAll('.galley-active')].map((m) => m.textContent).join('');
    });
    const click = async (selector: string) => {
      await page.click(selector);
      return activeText();
    };
    expect(await click('details[data-rule="mojibake"] a[data-repair]')).toBe('。基層黨');
    const repairs = await page.$$eval('details[data-rule="punctuation"] a[data-repair], details[data-rule="script"] a[data-repair]', (links) =>
      links.map((a) => ({ id: a.getAttribute('data-repair')!, before: a.querySelector('del')?.textContent, after: a.querySelector('ins')?.textContent })),
    );
    expect(repairs.length).toBeGreaterThan(20);
    // Every tenth one: punctuation made full-width shows its new mark; script reports (kept) show the character as it stands.
    for (const repair of repairs.filter((_, i) => i % 10 === 0)) {
      const shown = await click(`#repairs a[data-repair="${repair.id}"]`);
      expect([repair.after, repair.before]).toContain(shown);
    }
    const last = repairs.at(-1)!;
    await click(`#repairs a[data-repair="${last.id}"]`);
    // Scrolled into view, and the panel marks the one picked.
    const visible = await page.evaluate(() => {
      const frame = document.getElementById('page') as HTMLIFrameElement;
      const box = frame.contentDocument!.querySelector('.galley-active')!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= frame.clientHeight;
    });
    expect(visible).toBe(true);
    expect(await page.$eval('#repairs li.selected', (e) => e.getAttribute('data-repair'))).toBe(last.id);
  });

  it('rebuilds a saved source and shows the new text without the test reloading anything', async () => {
    await page.evaluate(() => ((window as unknown as { stays: boolean }).stays = true));
    writeFileSync(join(project, SOURCE), `${readFileSync(ARTICLE, 'utf8').replace('猜你喜歡', `${ADDED}\n猜你喜歡`)}`);
    await untilPage(`document.getElementById('page').contentDocument?.body?.innerText.includes(${JSON.stringify(ADDED)})`);
    expect(await page.evaluate(() => (window as unknown as { stays?: boolean }).stays)).toBe(true);
    expect(await page.$eval('#error', (e) => (e as HTMLElement).hidden)).toBe(true);
  });

  it('rebuilds when the config changes', async () => {
    await untilPage(`Boolean(document.getElementById('page').contentDocument?.querySelector('nav.toc'))`);
    writeFileSync(join(project, 'galley.config.yaml'), 'toc: false\n');
    await untilPage(`document.getElementById('page').contentDocument?.readyState === 'complete' && !document.getElementById('page').contentDocument.querySelector('nav.toc') && document.getElementById('page').contentDocument.body.innerText.includes(${JSON.stringify(ADDED)})`);
  });

  it('rebuilds when a template file changes', async () => {
    const css = join(project, 'templates/default/screen.css');
    writeFileSync(css, `${readFileSync(css, 'utf8')}\n.content { outline: 3px solid rgb(1, 2, 3); }\n`);
    await untilPage(`(() => { const d = document.getElementById('page').contentDocument; const c = d && d.querySelector('.content'); return Boolean(c) && getComputedStyle(c).outlineColor === 'rgb(1, 2, 3)'; })()`);
  });

  it('shows a build error in the page and keeps the last good output', async () => {
    writeFileSync(join(project, 'galley.config.yaml'), 'toc: [false\n');
    await page.waitForFunction(() => !(document.getElementById('error') as HTMLElement).hidden, { timeout: WAIT });
    expect(await page.$eval('#error', (e) => e.textContent)).toMatch(/^galley: galley\.config\.yaml: .*not valid YAML/);
    expect(await pageText()).toContain(ADDED);
    expect(await page.$eval('#title', (e) => e.textContent)).toBe(TITLE);
    expect((await raw({ host: '127.0.0.1', port: preview.port, path: '/print.pdf', headers: { host: `127.0.0.1:${preview.port}` } })).body.startsWith('%PDF-')).toBe(true);
    writeFileSync(join(project, 'galley.config.yaml'), 'toc: true\n');
    await page.waitForFunction(() => (document.getElementById('error') as HTMLElement).hidden, { timeout: WAIT });
    await untilPage(`Boolean(document.getElementById('page').contentDocument?.querySelector('nav.toc'))`);
  });
});

describe('what the preview server refuses', () => {
  const ask = (path: string, extra: { method?: string; host?: string } = {}) =>
    raw({ host: '127.0.0.1', port: preview.port, path, method: extra.method, headers: { host: extra.host ?? `127.0.0.1:${preview.port}` } });
  const secrets = [/root:.*:0:0:/, /"name":\s*"galley"/, /"dependencies"/];

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2e%2e/',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/assets/..%2f..%2fpackage.json',
    '/page.html/../../package.json',
    '/etc/passwd',
    '//etc/passwd',
    `/${join(ROOT, 'package.json')}`,
    'http://127.0.0.1/etc/passwd',
    '/passwd',
    '/out/passwd',
    '/fonts/noto-sans/files/..%2f..%2fpackage.json',
    '/fonts/..%2f..%2fpackage.json',
    '/fonts/noto-sans-..%2f..%2fpackage.woff2',
    '/fonts/noto-sans-nothing.woff2',
    '/assets/..\\..\\package.json',
  ])('%s: 403 or 404, and nothing of the file', async (path) => {
    const answer = await ask(path);
    expect([403, 404]).toContain(answer.status);
    for (const secret of secrets) expect(answer.body).not.toMatch(secret);
  });

  it('answers the font files the published page names beside it (fonts/NAME)', async () => {
    const names = [...(await ask('/page.html')).body.matchAll(/url\(fonts\/([\w.-]+\.woff2)\)/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(10);
    for (const name of names.slice(0, 3)) {
      const answer = await ask(`/fonts/${name}`);
      expect(answer.status, name).toBe(200);
      expect(answer.body.startsWith('wOF2'), name).toBe(true);
    }
  });

  it('answers only its own host names (no DNS rebinding)', async () => {
    expect((await ask('/', { host: 'evil.example' })).status).toBe(403);
    expect((await ask('/page.html', { host: `attacker.test:${preview.port}` })).status).toBe(403);
    expect((await ask('/', { host: `localhost:${preview.port}` })).status).toBe(200);
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('refuses %s', async (method) => {
    const answer = await ask('/page.html', { method });
    expect(answer.status).toBe(405);
    expect(answer.body).not.toContain('<html');
  });

  it('is unreachable on every address but loopback', async () => {
    const others = Object.values(networkInterfaces()).flat().filter((a) => a && !a.internal && !a.address.startsWith('fe80'));
    for (const address of [...others.map((a) => a!.address), '::1']) {
      await expect(raw({ host: address, port: preview.port, path: '/' }), address).rejects.toThrow(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH|EHOSTUNREACH/);
    }
  });
});
