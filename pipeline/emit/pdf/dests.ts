/**
 * Chromium names each link destination after the percent-encoded element id
 * and stores it as a PDF name. A Chinese heading id is then longer than the
 * 127 bytes a name may have (PDF 1.7, Annex C), and readers such as poppler
 * complain on every open. Strings have no such limit: this moves the
 * destinations into the /Names tree, keyed by the same text, and points the
 * links at the strings, so file.pdf#id keeps working.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';

export function moveDestinationsToNameTree(pdf: PDFDocument): void {
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return;
  const keys = new Map<string, PDFHexString>();
  const entries = dests.entries().map(([name, dest]) => {
    // Percent-encoded already; anything else outside printable ASCII is encoded the same way.
    const key = name.decodeText().replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
    keys.set(name.asString(), byteString(key));
    return [key, dest] as const;
  });
  // A name tree's keys are sorted by their bytes; they are ASCII here.
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const names = PDFArray.withContext(pdf.context);
  for (const [key, dest] of entries) {
    names.push(byteString(key));
    names.push(dest);
  }
  const tree = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict) ?? pdf.context.obj({});
  tree.set(PDFName.of('Dests'), pdf.context.obj({ Names: names }));
  pdf.catalog.set(PDFName.of('Names'), tree);
  pdf.catalog.delete(PDFName.of('Dests'));
  for (const page of pdf.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookup(i, PDFDict);
      const dest = annot.get(PDFName.of('Dest'));
      const key = dest instanceof PDFName ? keys.get(dest.asString()) : undefined;
      if (key) annot.set(PDFName.of('Dest'), key);
    }
  }
}

/** An ASCII byte string, written in hex so no character needs escaping. */
function byteString(ascii: string): PDFHexString {
  return PDFHexString.of(Buffer.from(ascii, 'latin1').toString('hex'));
}
