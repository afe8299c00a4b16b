/** Reads PDFs the way a reader's viewer does: text per page through pdf.js. */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfPages(path: string): Promise<string[]> {
  const data = new Uint8Array(readFileSync(path));
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.destroy();
  return pages;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** `pdffonts` (poppler-utils), parsed. */
export function pdfFonts(path: string): PdfFont[] {
  const out = execFileSync('pdffonts', [path], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const name = line.slice(0, 37).trim();
      const type = line.slice(37, 55).trim();
      const flags = line.slice(55).trim().split(/\s+/);
      return { name, type, embedded: flags[1] === 'yes' };
    });
}

/** `pdfinfo`, as a key → value map. */
export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((line) => {
    const at = line.indexOf(':');
    return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
  }));
}

export interface PdfLink {
  page: number;
  /** An external link's address. */
  url?: string;
  /** The 1-based page an internal link lands on; null when its destination names nothing in the file. */
  target?: number | null;
}

export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
}

export interface PdfLayout {
  /** Per page: its width in points and its text pieces with their positions. */
  pages: { width: number; height: number; items: PdfTextItem[] }[];
  links: PdfLink[];
  /** Named destination → 1-based page. */
  destination: (name: string) => Promise<number | null>;
  close: () => Promise<void>;
}

/** Text with positions, link annotations resolved to pages, and named destinations, through pdf.js. */
export async function pdfLayout(path: string): Promise<PdfLayout> {
  const data = new Uint8Array(readFileSync(path));
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pageOf = async (dest: unknown): Promise<number | null> => {
    const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || !explicit[0]) return null;
    return (await pdf.getPageIndex(explicit[0] as Parameters<typeof pdf.getPageIndex>[0])) + 1;
  };
  const pages: PdfLayout['pages'] = [];
  const links: PdfLink[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) => ('str' in item && item.str.trim() ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }] : []));
    pages.push({ width, height, items });
    for (const annotation of (await page.getAnnotations()) as { subtype: string; url?: string; dest?: unknown }[]) {
      if (annotation.subtype !== 'Link') continue;
      links.push(annotation.url ? { page: n, url: annotation.url } : { page: n, target: await pageOf(annotation.dest) });
    }
  }
    // galley names destinations by their percent-encoded id (emit/pdf/dests.ts).
  return { pages, links, destination: (name) => pageOf(encodeURIComponent(name)), close: () => pdf.destroy() };
}

/** `pdfimages -list`: one row per image drawn, with the page it is drawn on and its pixel size. */
export function pdfImages(path: string): { page: number; width: number; height: number }[] {
  const out = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[2] === 'image')
    .map((cols) => ({ page: Number(cols[0]), width: Number(cols[3]), height: Number(cols[4]) }));
}
