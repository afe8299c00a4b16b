/**
 * Trusted mode is trusted with scripts and styles, not with the network (issue
 * 17): the HTML and EPUB galley writes carry none of what the build refused.
 * The written page is opened in a real Chromium with its network open, as a
 * reader would open it; not one request may reach the server.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import puppeteer from 'puppeteer-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../pipeline/emit/browser/index.ts';
import { galley, makeProject } from './project.ts';

let server: Server;
let hits: string[] = [];
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end('');
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

function hostile(): string {
  const svg = encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image href="${base}/svg-doc.png" width="9" height="9"/></svg>`);
  return `# Written outputs

<style>
@import "${base}/import.css";
@import url(${base}/import-url.css);
.a { background: image-set("${base}/set.png" 1x, url(${base}/set2.png) 2x); }
.b { background: -webkit-image-set("${base}/webkit-set.png" 1x); }
.c { --later: url(${base}/custom-property.png); background: var(--later); }
.d { background: u\\72l(${base}/escaped.png); }
@font-face { font-family: remote; src: url(${base}/font.woff2); }
.e { font-family: remote; }
</style>

<p class="a b c d e" style="border-image: url('${base}/inline-style.png') 30">Styled text.</p>

<img alt="srcset" src="pic.png" srcset="data:image/png;base64,iVBORw0KGgo= 1x, ${base}/srcset.png 2x">

<link rel="preload" as="image" imagesrcset="${base}/imagesrcset.png 1x">

<iframe src="data:image/svg+xml,${svg}"></iframe>

<object data="data:image/svg+xml,${svg}"></object>

<embed src="data:text/html,%3Cimg%20src%3D%22${encodeURIComponent(base)}%2Fembed.png%22%3E">

<video src="pic.png" poster="${base}/poster.png"></video>

<audio src="${base}/audio.mp3"></audio>

<svg><image href="${base}/inline-svg.png" width="9" height="9"/></svg>

<script>document.body.dataset.ran = 'yes';</script>
`;
}

describe('what trusted mode writes', () => {
  let dir: string;
  let run: ReturnType<typeof galley>;

  beforeAll(async () => {
    const pic = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#0a0' } }).png().toBuffer();
    dir = makeProject({ 'source/doc.md': hostile(), 'source/pic.png': pic }, 'formats: [html, epub]\ntrusted: true\n');
    run = galley(dir, ['build']);
  });

  it('builds, reporting each refused resource', () => {
    expect(run.code).toBe(0);
    const reported = run.stderr.split('\n').filter((line) => line.includes('blocked-resource'));
    expect(reported.length).toBeGreaterThanOrEqual(15);
    expect(run.stderr).toMatch(/blocked <video> src="pic\.png"/);
  });

  it('writes an HTML page that, opened with its network open and scripts on, requests nothing', async () => {
    const browser = await puppeteer.launch({ executablePath: findBrowser(), args: ['--no-sandbox'], headless: true });
    try {
      const page = await browser.newPage();
      hits = [];
      await page.goto(pathToFileURL(join(dir, 'out/doc.html')).href, { waitUntil: 'networkidle0' });
      // Scripts are trusted: they ran, and the page still made no request.
      expect(await page.evaluate(() => document.body.dataset.ran)).toBe('yes');
    } finally {
      await browser.close();
    }
    expect(hits).toEqual([]);
    expect(readFileSync(join(dir, 'out/doc.html'), 'utf8')).not.toContain('127.0.0.1');
  });

  it('writes an EPUB with no address and no file path in it', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'out/doc.epub')));
    for (const entry of Object.values(zip.files)) {
      if (entry.dir || !/\.(x?html|css|opf|ncx)$/.test(entry.name)) continue;
      const text = await entry.async('string');
      expect(text, entry.name).not.toContain('127.0.0.1');
      expect(text, entry.name).not.toContain('file://');
    }
  });
});
