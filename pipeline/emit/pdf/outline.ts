/**
 * Chromium 156 names a bookmark twice ("三、結語三、結語") when break-after:
 * avoid pushed its heading onto the next page: the heading was laid out on both
 * pages and the outline collects the text of both. Knowing the page's headings,
 * this puts the single title back; a title that is a real heading stays as is.
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { collapse } from './headings.ts';

export function repairOutlineTitles(pdf: PDFDocument, headings: string[]): void {
  const known = new Set(headings.map(collapse));
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const visit = (item: PDFDict | undefined) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
      const text = title ? collapse(title.decodeText()) : '';
      const half = text.slice(0, text.length / 2);
      if (text.length % 2 === 0 && half + half === text && known.has(half) && !known.has(text)) {
        node.set(PDFName.of('Title'), PDFHexString.fromText(half));
      }
      visit(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
}
