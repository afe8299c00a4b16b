/**
 * The raw Chromium floor: the print pages galley renders, printed by the
 * smallest puppeteer loop that can print them (fonts ready, page.pdf), with
 * the same pool size. No interception, no post-processing: what Chromium
 * alone costs, for galley's time to be measured against. Two loops:
 *  - `goto`: each document loaded as a page of its own (what the issue names
 *    the floor). Its renderer decodes every font anew for each document, and
 *    the running heads and folios of a Chinese document come out blank (their
 *    font is first asked for by the print itself, too late);
 *  - `reused`: the first document of each page loaded so, the next ones
 *    written over it (page.setContent), as galley shows its documents
 *    (emit/origin.ts): the fonts a page has decoded stay decoded, and the
 *    margin boxes have their font from the second document on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { loadConfig } from '../pipeline/config/index.ts';
import { prepareDocument } from '../pipeline/process/document.ts';
import { findSources } from '../pipeline/batch/sources.ts';
import { printPage } from '../pipeline/render/index.ts';
import { katexFonts } from '../pipeline/render/math.ts';
import { fontPackageDir } from '../pipeline/fonts/catalogue.ts';
import { loadTemplate, templatesDir } from '../pipeline/render/template.ts';
import { treeCpu } from './tree.ts';

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
      katexFont: (file) => pathToFileURL(join(katexFonts(), file)).href,
    });
    const path = join(dir, `${source.slug}.html`);
    writeFileSync(path, html);
    files.push(path);
  }
  return files;
}

export type FloorLoop = 'goto' | 'reused';

export interface FloorRun {
  /** Wall time, browser launch included. */
  ms: number;
  /** CPU time of the browser's processes, sampled (tree.ts). */
  browserCpuMs: number;
  /** CPU time of this process meanwhile (puppeteer's side), the sampling's own left out. */
  cpuMs: number;
}

/** Prints every page with `concurrency` pages at once. */
export async function printFloor(files: string[], outDir: string, concurrency: number, executablePath: string, loop: FloorLoop = 'goto'): Promise<FloorRun> {
  mkdirSync(outDir, { recursive: true });
  const started = performance.now();
  const before = process.cpuUsage();
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none', '--allow-file-access-from-files'],
  });
  const cpu = treeCpu(browser.process()!.pid!, true);
  let sampling = 0;
  const sample = () => {
    const start = performance.now();
    cpu.sample();
    sampling += performance.now() - start;
  };
  const sampler = setInterval(sample, 250);
  try {
    let next = 0;
    const worker = async () => {
      const page = await browser.newPage();
      let shown = false;
      while (next < files.length) {
        const file = files[next++]!;
        if (loop === 'reused' && shown) await page.setContent(await readFile(file, 'utf8'), { waitUntil: 'load', timeout: 0 });
        else await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 0 });
        shown = true;
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout: 0 });
        await writeFile(join(outDir, file.replace(/^.*\//, '').replace(/\.html$/, '.pdf')), pdf);
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
    sample();
  } finally {
    clearInterval(sampler);
    await browser.close();
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(before);
  return { ms, browserCpuMs: cpu.ms(), cpuMs: (used.user + used.system) / 1000 - sampling };
}
