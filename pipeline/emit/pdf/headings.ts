/**
 * Links to headings, without Chromium's named destinations. Chromium spends
 * time on every destination for every page it prints (measured: 10,000
 * contents entries took 30–60 s more to print than as many links to a web
 * address), but the outline it writes already says where each heading is. So
 * before the print, every in-document link to a heading is pointed at a web
 * address of its own (HEADING_LINK), which Chromium prints as a plain URI
 * link; after it, the outline gives each heading its destination, and each
 * such link gets back the named destination Chromium would have written. What
 * follows (contents numbers, the name tree) sees the PDF it always saw.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import type { Page } from 'puppeteer-core';
import { ORIGIN } from '../browser/index.ts';

/** Never fetched: the page is printed, not followed. */
const HEADING_LINK = `${ORIGIN}/heading`;

export interface PageHeading {
  /** The destination name Chromium gives it: the id as a URL fragment (percent-encoded); empty without an id. */
  name: string;
  /** Its text, as the outline titles it. */
  text: string;
}

/**
 * Reads the page's headings, in order, and points each in-document link to
 * one of them at HEADING_LINK (through the DevTools protocol: page scripts stay off).
 */
export async function unlinkHeadings(page: Page): Promise<PageHeading[]> {
  // No named function inside: run from the sources, tsx would wrap it in a __name() call the page does not have.
  return page.evaluate((prefix) => {
    const headings = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'));
    const targets = new Set(headings.filter((h) => h.id && document.getElementById(h.id) === h));
    for (const link of document.querySelectorAll('a[href^="#"]')) {
      let id: string;
      try {
        id = decodeURIComponent(link.getAttribute('href')!.slice(1));
      } catch {
        continue;
      }
      const target = document.getElementById(id);
      if (target && targets.has(target)) link.setAttribute('href', `${prefix}${new URL(`#${id}`, document.baseURI).hash}`);
    }
    return headings.map((h) => ({ name: h.id ? new URL(`#${h.id}`, document.baseURI).hash.slice(1) : '', text: h.textContent ?? '' }));
  }, HEADING_LINK);
}

/** The text of a heading or bookmark title, as compared. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** How far past the last heading matched a bookmark looks for its heading. */
const LOOKAHEAD = 64;

/**
 * Gives each heading of `headings` its outline item's destination (under
 * /Dests, unless Chromium made one), and each HEADING_LINK link that
 * destination by name. Bookmarks and headings are matched in order by their
 * text (Chromium may title a bookmark twice over, see outline.ts), so a
 * heading left out of the outline (one not shown) is skipped, not shifted onto
 * the next. Returns how many links got their destination back.
 */
export function relinkHeadings(pdf: PDFDocument, headings: PageHeading[]): number {
  const found = new Map<string, PDFArray>();
  let next = 0;
  for (const item of outlineItems(pdf)) {
    const title = collapse(item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '');
    const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
    for (let i = next; i < Math.min(headings.length, next + LOOKAHEAD); i++) {
      const text = collapse(headings[i]!.text);
      if (title !== text && title !== text + text) continue;
      if (dest && headings[i]!.name) found.set(headings[i]!.name, dest);
      next = i + 1;
      break;
    }
  }
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict) ?? pdf.context.obj({});
  for (const [name, dest] of found) {
    const key = PDFName.of(name);
    // Where Chromium itself made one (a link it was left to print), it stays.
    if (!dests.has(key)) dests.set(key, pdf.context.obj([dest.get(0), PDFName.of('XYZ'), PDFNumber.of(0), dest.get(3) ?? PDFNumber.of(0), PDFNumber.of(0)]));
  }
  if (dests.keys().length) pdf.catalog.set(PDFName.of('Dests'), dests);
  let relinked = 0;
  for (const page of pdf.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict)) continue;
      const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
      if (!uri?.startsWith(`${HEADING_LINK}#`)) continue;
      const name = uri.slice(HEADING_LINK.length + 1);
      annot.delete(PDFName.of('A'));
      // A heading the outline does not have: the link is left without a target rather than sent to the web.
      if (!dests.has(PDFName.of(name))) continue;
      annot.set(PDFName.of('Dest'), PDFName.of(name));
      relinked++;
    }
  }
  return relinked;
}

/** The outline's items, in reading order (depth first). */
function* outlineItems(pdf: PDFDocument): Generator<PDFDict> {
  const stack: (PDFDict | undefined)[] = [pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict)];
  while (stack.length) {
    const item = stack.pop();
    if (!item) continue;
    yield item;
    stack.push(item.lookupMaybe(PDFName.of('Next'), PDFDict), item.lookupMaybe(PDFName.of('First'), PDFDict));
  }
}
