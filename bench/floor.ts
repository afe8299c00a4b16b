/**
 * The raw Chromium floor: the print pages galley renders, printed by the
 * smallest puppeteer loop that can print them (goto, fonts ready, page.pdf),
 * with the same pool size. No interception, no post-processing: what Chromium
 * alone costs, for galley's time to be measured against.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { loadConfig } from '../pipeline/config/index.ts';
import { prepareDocument } from '../pipeline/process/document.ts';
import { findSources } from '../pipeline/batch/sources.ts';
import { printPage } from '../pipeline/render/index.ts';
import { KATEX_FONTS } from '../pipeline/render/math.ts';
import { fontPackageDir } from '../pipeline/fonts/catalogue.ts';
import { loadTemplate, templatesDir } from '../pipeline/render/template.ts';

/** Writes each source's print page to `dir`, with fonts and images as file: URLs. Returns the files. */
export async function writePrintPages(root: string, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const layers = { config: loadConfig(root), cli: {} };
  const files: string[] = [];
  for (const source of findSources(join(root, 'source'), root)) {
    const { rendered, settings } = await prepareDocument(source, layers, root);
    const template = loadTemplate(settings.template, templatesDir(root));
    const html = printPage(rendered, template, settings, {
      font: (pkg, file) => pathToFileURL(join(fontPackageDir(pkg), file)).href,
      asset: (path) => pathToFileURL(join(root, path)).href,
      katexFont: (file) => pathToFileURL(join(KATEX_FONTS, file)).href,
    });
    const path = join(dir, `${source.slug}.html`);
    writeFileSync(path, html);
    files.push(path);
  }
  return files;
}

/** Prints every page with `concurrency` pages at once; returns the wall time in ms, browser launch included. */
export async function printFloor(files: string[], outDir: string, concurrency: number, executablePath: string): Promise<number> {
  mkdirSync(outDir, { recursive: true });
  const started = performance.now();
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none', '--allow-file-access-from-files'],
  });
  try {
    let next = 0;
    const worker = async () => {
      const page = await browser.newPage();
      while (next < files.length) {
        const file = files[next++]!;
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 0 });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 0 });
        await writeFile(join(outDir, file.replace(/^.*\//, '').replace(/\.html$/, '.pdf')), pdf);
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  } finally {
    await browser.close();
  }
  return performance.now() - started;
}
