/**
 * What a galley page may load from its origin: the document itself, galley's
 * own font files and the document's checked assets. Everything else is refused
 * (browser.ts). Pages are kept between documents: a new document is written
 * over the old one in place, so the fonts a page has loaded stay decoded in its
 * memory cache and are fetched once per page, not once per document.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { oncePerKey } from '../memo.ts';
import { FONT_PACKAGES, fontPackageDir } from '../fonts/catalogue.ts';
import { katexFonts } from '../render/math.ts';
import { ORIGIN, type Resolver } from './browser/index.ts';
import { mediaType } from './media-types.ts';

export const DOCUMENT_URL = `${ORIGIN}/document.html`;

export const fontUrl = (pkg: string, file: string) => `${ORIGIN}/fonts/${pkg}/${file}`;
export const katexFontUrl = (file: string) => `${ORIGIN}/katex/${file}`;
export const assetUrl = (path: string) => `${ORIGIN}/files/${path.split('/').map(encodeURIComponent).join('/')}`;

const readFontFile = oncePerKey((path) => readFile(path).then((data) => new Uint8Array(data)));

/** Font files are read once per process, whatever the number of documents. */
export function fontFile(pkg: string, file: string): Promise<Uint8Array> {
  return readFontFile(join(fontPackageDir(pkg), file));
}

/** Answers the document's own URL with `html`, galley's fonts, and the files in `assets` (paths under `root`). */
export function documentResolver(html: string, root: string, assets: Iterable<string> = []): Resolver {
  const allowed = new Set(assets);
  return async (url) => {
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return undefined;
    }
    if (url.href === DOCUMENT_URL) return { contentType: 'text/html; charset=utf-8', body: html };
    const font = path.match(/^\/fonts\/([\w-]+)\/(files\/[\w.-]+)$/);
    if (font && FONT_PACKAGES.includes(font[1]!)) return { contentType: mediaType(font[2]!), body: await fontFile(font[1]!, font[2]!), immutable: true };
    const katex = path.match(/^\/katex\/(KaTeX_[\w-]+\.woff2)$/)?.[1];
    if (katex) return { contentType: 'font/woff2', body: await readFontFile(join(katexFonts(), katex)), immutable: true };
    const asset = path.match(/^\/files\/(.+)$/)?.[1];
    if (asset && allowed.has(asset)) return { contentType: mediaType(asset), body: await readFile(join(root, asset)) };
    return undefined;
  };
}

/**
 * Shows `html` on `page` and waits for it to load. A page already showing a
 * galley document gets the new one written over it (document.write, through
 * the DevTools protocol: page scripts stay off); a fresh page navigates.
 */
export async function showDocument(page: Page, html: string, timeout: number): Promise<void> {
  if (page.url() === DOCUMENT_URL) await page.setContent(html, { waitUntil: 'load', timeout });
  else await page.goto(DOCUMENT_URL, { waitUntil: 'load', timeout });
}
