/**
 * Page numbers for the printed table of contents. Chromium has no
 * target-counter(), so the page is printed once, the page of each heading is
 * read back from the PDF, the numbers are put into the contents and the page is
 * printed again. The print stylesheet reserves a fixed slot for each number, so
 * filling it in moves nothing and the numbers stay true.
 *
 * Where a heading landed: Chromium writes a named destination for every element
 * an in-document link points to, and every contents entry is such a link.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import type { Page } from 'puppeteer-core';

/** Heading id → 1-based page number, from the named destinations of a Chromium PDF. */
export async function destinationPages(bytes: Uint8Array): Promise<Map<string, number>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageNumbers = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const found = new Map<string, number>();
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return found;
  for (const [name, value] of dests.entries()) {
    const dest = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    const target = dest instanceof PDFArray ? dest.get(0) : undefined;
    const number = target instanceof PDFRef ? pageNumbers.get(target.toString()) : undefined;
    // Chromium names a destination by the percent-encoded id.
    if (number !== undefined) found.set(decodeId(name.decodeText()), number);
  }
  return found;
}

function decodeId(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * Writes each entry's page number into its data-page attribute, which the print
 * stylesheet shows. This runs through the DevTools protocol, not as page script,
 * so it works with JavaScript disabled in the page. Returns how many were set.
 */
export async function numberContents(page: Page, pages: Map<string, number>): Promise<number> {
  return page.$$eval(
    '.toc a[href^="#"]',
    (links, entries) => {
      const byId = new Map(entries);
      let set = 0;
      for (const link of links) {
        const id = decodeURIComponent(link.getAttribute('href')!.slice(1));
        const number = byId.get(id);
        if (number === undefined) continue;
        link.setAttribute('data-page', String(number));
        set++;
      }
      return set;
    },
    [...pages],
  );
}
