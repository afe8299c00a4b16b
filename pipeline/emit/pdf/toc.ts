/**
 * Page numbers for the printed table of contents. Chromium has no
 * target-counter(), so the page of each heading is read back from the PDF.
 *
 * Horizontal writing takes one print: the contents are printed with their
 * number slots empty (the print stylesheet reserves a fixed slot, so the
 * numbers never move anything), and the numbers are then drawn into the PDF,
 * right-aligned in the slot at the baseline of the entry, in the slot's own
 * font, size and colour. Each entry is a link, so its box is the /Rect of its
 * link annotation; where the baseline and the slot sit inside that box is
 * measured on the page before the print.
 *
 * Vertical writing still prints twice: the numbers are written into the
 * entries' data-page attributes, which the stylesheet shows, and the page is
 * printed again.
 *
 * Where a heading landed: Chromium writes a named destination for every element
 * an in-document link points to, and every contents entry is such a link.
 */
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFName, PDFOperator, PDFOperatorNames, PDFRef, PDFString, PDFHexString, degrees, drawText, rgb } from 'pdf-lib';
import type { Page } from 'puppeteer-core';
import { embedDigits, type Digits, type EmbeddedDigits } from './digit-face.ts';
import { relinkHeadings, type PageHeading } from './headings.ts';

/** Heading id → 1-based page number, from the outline and named destinations of a Chromium PDF of a page with these headings. */
export async function destinationPages(bytes: Uint8Array, headings: PageHeading[]): Promise<Map<string, number>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  relinkHeadings(pdf, headings);
  return destinationPagesOf(pdf);
}

function destinationPagesOf(pdf: PDFDocument): Map<string, number> {
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
  // One evaluate, not $$eval: that makes a handle, with its own round trips, per link.
  return page.evaluate(
    (entries) => {
      const links = document.querySelectorAll('.toc a[href*="#"]');
      const byId = new Map(entries);
      let set = 0;
      for (const link of links) {
        // "#id", or a link to a heading as headings.ts leaves it for the print.
        const href = link.getAttribute('href')!;
        const id = decodeURIComponent(href.slice(href.indexOf('#') + 1));
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

/** One contents entry as laid out on the page, in CSS px. */
export interface ContentsSlot {
  /** The heading id the entry links to. */
  id: string;
  /** From the top of the box down to the baseline of the entry's first line. */
  baseline: number;
  /** The number slot's font: first family of the stack, weight, size. */
  family: string;
  weight: number;
  size: number;
  /** sRGB, 0–255. */
  color: [number, number, number];
}

/**
 * Measures each contents entry before the print: where its first baseline
 * sits in its box, and the font the number slot (a::after) inherits. A
 * zero-size flex item aligned to the baseline, like the leader dots, marks the
 * baseline and is taken out again. Every probe goes in before any box is read,
 * so the page is laid out once, not once per entry (10,000 entries took minutes).
 * Runs through the DevTools protocol.
 */
export async function measureContents(page: Page): Promise<ContentsSlot[]> {
  return page.evaluate(() => {
    const links = Array.from(document.querySelectorAll('.toc a[href*="#"]'));
    const probes = links.map((link) => {
      const probe = link.ownerDocument.createElement('span');
      probe.style.cssText = 'display:block;flex:none;order:0;align-self:baseline;inline-size:0;block-size:0;margin:0;padding:0;border:0';
      link.prepend(probe);
      return probe;
    });
    const slots = links.map((link, i) => {
      const baseline = probes[i]!.getBoundingClientRect().top - link.getBoundingClientRect().top;
      const style = getComputedStyle(link, '::after');
      const family = style.fontFamily.split(',')[0]!.trim().replace(/^["']|["']$/g, '');
      const color = (style.color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number) as [number, number, number];
      const href = link.getAttribute('href')!;
      return {
        id: decodeURIComponent(href.slice(href.indexOf('#') + 1)),
        baseline,
        family,
        weight: Number(style.fontWeight) >= 600 ? 700 : 400,
        size: parseFloat(style.fontSize),
        color,
      };
    });
    for (const probe of probes) probe.remove();
    return slots;
  });
}

/** A family's font for the digits, or undefined when galley has none. */
export type DigitFont = (family: string, weight: number) => Promise<Digits | undefined>;

/** CSS px to PDF points: Chromium prints 96 px to the inch. */
const PT = 0.75;

/**
 * Draws each entry's page number into its slot in a PDF printed from a page
 * measured by measureContents(). Call before the destinations are renamed
 * (dests.ts). Returns how many numbers were drawn.
 */
export async function drawContentsNumbers(pdf: PDFDocument, slots: ContentsSlot[], digitFont: DigitFont): Promise<number> {
  const pages = destinationPagesOf(pdf);
  const waiting = new Map<string, ContentsSlot[]>();
  for (const slot of slots) waiting.set(slot.id, [...(waiting.get(slot.id) ?? []), slot]);
  const fonts = new Map<string, Promise<(EmbeddedDigits & { key: PDFName }) | undefined>>();
  const fontFor = (slot: ContentsSlot, page: ReturnType<PDFDocument['getPage']>) => {
    const key = `${slot.family}/${slot.weight}`;
    let font = fonts.get(key);
    if (!font) {
      font = digitFont(slot.family, slot.weight).then((digits) => {
        if (!digits) return undefined;
        const embedded = embedDigits(pdf, digits);
        return { ...embedded, key: PDFName.of(`GalleyDigits${fonts.size}`) };
      });
      fonts.set(key, font);
    }
    return font.then((embedded) => {
      if (embedded) page.node.setFontDictionary(embedded.key, embedded.ref);
      return embedded;
    });
  };
  let drawn = 0;
  for (const page of pdf.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const id = linkTarget(annot);
      const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asRectangle();
      const number = id === undefined ? undefined : pages.get(id);
      if (id === undefined || !rect || number === undefined) continue;
      // The contents come before any other link to the same heading.
      const slot = waiting.get(id)?.shift();
      if (!slot) continue;
      const font = await fontFor(slot, page);
      if (!font) continue;
      const text = String(number);
      const size = slot.size * PT;
      const [r, g, b] = slot.color;
      // An artifact: the entry's structure element is the link; the number is its decoration.
      page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContent, [PDFName.of('Artifact')]));
      page.pushOperators(
        ...drawText(font.encode(text), {
          x: rect.x + rect.width - font.width(text, size),
          y: rect.y + rect.height - slot.baseline * PT,
          size,
          font: font.key,
          color: rgb(r / 255, g / 255, b / 255),
          rotate: degrees(0),
          xSkew: degrees(0),
          ySkew: degrees(0),
        }),
      );
      page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
      drawn++;
    }
  }
  return drawn;
}

/** The heading id a link annotation points to, by /Dest name or a GoTo action. */
function linkTarget(annot: PDFDict): string | undefined {
  let dest = annot.get(PDFName.of('Dest'));
  if (!dest) {
    const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
    if (action?.get(PDFName.of('S')) === PDFName.of('GoTo')) dest = action.get(PDFName.of('D'));
  }
  if (dest instanceof PDFName) return decodeId(dest.decodeText());
  if (dest instanceof PDFString || dest instanceof PDFHexString) return decodeId(dest.decodeText());
  return undefined;
}
