/**
 * The print PDF: the print page rendered by Chromium, then given the metadata
 * and fixed dates that Chromium cannot set (pdf-lib).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../config/index.ts';
import { printPage, type RenderedDocument } from '../render/index.ts';
import { FONT_PACKAGES, fontPackageDir, fontStack } from '../render/fonts.ts';
import type { Template } from '../render/template.ts';
import { ORIGIN, type BrowserSession, type Resolver } from './browser.ts';
import { mediaType } from './media-types.ts';
import { finishPdf } from './pdf-metadata.ts';
import { destinationPages, measureContents, numberContents, type ContentsSlot, type DigitFont } from './pdf-toc.ts';

const fontFiles = new Map<string, Promise<Uint8Array>>();

/** Font files are read once per process, whatever the number of documents. */
function fontFile(pkg: string, file: string): Promise<Uint8Array> {
  const key = `${pkg}/${file}`;
  let data = fontFiles.get(key);
  if (!data) {
    data = readFile(join(fontPackageDir(pkg), file));
    fontFiles.set(key, data);
  }
  return data;
}

export const fontUrl = (pkg: string, file: string) => `${ORIGIN}/fonts/${pkg}/${file}`;
export const assetUrl = (path: string) => `${ORIGIN}/files/${path.split('/').map(encodeURIComponent).join('/')}`;

export interface PdfJob {
  doc: RenderedDocument;
  template: Template;
  settings: Settings;
  root: string;
  /** Called with each URL the page asked for and did not get. */
  onBlocked: (url: string) => void;
}

export async function renderPdf(session: BrowserSession, job: PdfJob): Promise<Uint8Array> {
  const html = printPage(job.doc, job.template, job.settings, { font: fontUrl, asset: assetUrl });
  const assets = new Set(job.doc.assets);
  const resolve: Resolver = async (url) => {
    const path = decodeURIComponent(url.pathname);
    if (path === '/document.html') return { contentType: 'text/html; charset=utf-8', body: html };
    const font = path.match(/^\/fonts\/([\w-]+)\/(files\/[\w.-]+)$/);
    if (font && FONT_PACKAGES.includes(font[1]!)) return { contentType: mediaType(font[2]!), body: await fontFile(font[1]!, font[2]!), immutable: true };
    const asset = path.match(/^\/files\/(.+)$/)?.[1];
    if (asset && assets.has(asset)) return { contentType: mediaType(asset), body: await readFile(join(job.root, asset)) };
    return undefined;
  };
  const timeout = job.settings.timeout * 1000;
  const print = { preferCSSPageSize: true, printBackground: true, timeout };
  const vertical = job.settings.writingMode === 'vertical';
  const { pdf, headings, slots } = await session.withPage(resolve, job.onBlocked, async (page) => {
    await page.goto(`${ORIGIN}/document.html`, { waitUntil: 'load', timeout });
    // The margin boxes (running title, folio) are not in the document, so their
    // font is only asked for during the first print, too late for it: loaded
    // fonts block, and that print would leave them blank. Load it first.
    const family = [...fontStack(job.doc.meta.lang).sans.map((name) => JSON.stringify(name)), 'sans-serif'].join(', ');
    await page.evaluate(async (font, text) => void (await document.fonts.load(font, text)), `16px ${family}`, `${job.doc.meta.title}0123456789`);
    let slots: ContentsSlot[] | undefined;
    if (job.doc.tocHtml && vertical) {
      // Vertical writing: a draft print, only to learn where the headings fall
      // (no outline or structure tree, the cheaper of the two).
      const draft = await page.pdf(print);
      await numberContents(page, await destinationPages(draft));
    } else if (job.doc.tocHtml) {
      // One print: the numbers are drawn into their empty slots afterwards (pdf-toc.ts).
      slots = await measureContents(page);
    }
    // Read through the DevTools protocol, which works with page JavaScript off.
    const headings = await page.$$eval('h1, h2, h3, h4, h5, h6', (nodes) => nodes.map((node) => node.textContent ?? ''));
    return { pdf: await page.pdf({ ...print, outline: true, tagged: true }), headings, slots };
  });
  return finishPdf(pdf, job.doc.meta, html, { rightToLeft: vertical, headings, contents: slots && { slots, font: digitFont } });
}

/** The Latin subset of a family galley ships (it holds the digits), for the contents' page numbers. */
const digitFont: DigitFont = async (family, weight) => {
  const pkg = family.toLowerCase().replace(/\s+/g, '-');
  if (!FONT_PACKAGES.includes(pkg)) return undefined;
  try {
    return await fontFile(pkg, `files/${pkg}-latin-${weight}-normal.woff`);
  } catch {
    return undefined;
  }
};
