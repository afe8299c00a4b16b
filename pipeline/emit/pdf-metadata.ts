/**
 * Chromium writes the clock into a PDF and leaves its metadata empty. This sets
 * Title, Author, Subject, Keywords, language and dates from the document, so
 * two builds of the same document are the same bytes.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, ReadingDirection } from 'pdf-lib';
import type { DocumentMeta } from '../types.ts';
import { buildDate } from './dates.ts';
import { moveDestinationsToNameTree } from './pdf-dests.ts';
import { repairOutlineTitles } from './pdf-outline.ts';

export const PRODUCER = 'galley';

export interface FinishOptions {
  /** Vertical writing: pages are read, and shown side by side, right to left. */
  rightToLeft?: boolean;
  /** The text of the page's headings, to check the bookmarks against. */
  headings?: string[];
}

/** `fingerprint` identifies what was rendered (the print page's HTML); it becomes the file identifier. */
export async function finishPdf(bytes: Uint8Array, meta: DocumentMeta, fingerprint: string, options: FinishOptions = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (options.rightToLeft) pdf.catalog.getOrCreateViewerPreferences().setReadingDirection(ReadingDirection.R2L);
  moveDestinationsToNameTree(pdf);
  if (options.headings) repairOutlineTitles(pdf, options.headings);
  if (meta.authors.length) pdf.setAuthor(meta.authors.join(', '));
  const subject = [meta.publication, meta.issue].filter(Boolean).join(' ') || meta.description;
  if (subject) pdf.setSubject(subject);
  if (meta.keywords.length) pdf.setKeywords(meta.keywords);
  pdf.setCreator('galley');
  pdf.setProducer(PRODUCER);
  pdf.setLanguage(meta.lang);
  const date = buildDate(meta);
  const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
  if (date) {
    pdf.setCreationDate(date);
    pdf.setModificationDate(date);
  } else {
    info.delete(PDFName.of('CreationDate'));
    info.delete(PDFName.of('ModDate'));
  }
  // The file identifier comes from the content, not from the time of rendering.
  const id = createHash('sha256').update(fingerprint).digest('hex').slice(0, 32);
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of(id), PDFHexString.of(id)]) as PDFArray;
  return pdf.save({ useObjectStreams: false });
}
