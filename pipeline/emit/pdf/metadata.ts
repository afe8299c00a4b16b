/**
 * Chromium writes the clock into a PDF and leaves its metadata empty. This sets
 * Title, Author, Subject, Keywords, language and dates from the document, so
 * two builds of the same document are the same bytes.
 */
import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, ReadingDirection } from 'pdf-lib';
import { publicationLine } from '../../render/blocks.ts';
import type { DocumentMeta } from '../../types.ts';
import { buildDate } from '../dates.ts';
import { digitFont } from './digits.ts';
import { moveDestinationsToNameTree } from './dests.ts';
import { stableStructureIds } from './structure-ids.ts';
import { drawContentsNumbers, type ContentsSlot, type DigitFont } from './toc.ts';
import { relinkHeadings, type PageHeading } from './headings.ts';
import { repairOutlineTitles } from './outline.ts';
import { mark } from '../../trace.ts';

export const PRODUCER = 'galley';

export interface FinishOptions {
  /** Vertical writing: pages are read, and shown side by side, right to left. */
  rightToLeft?: boolean;
  /** The page's headings, to check the bookmarks against and to link to (headings.ts). */
  headings?: PageHeading[];
  /** Contents entries measured before a single print, whose page numbers are drawn in here (toc.ts). */
  contents?: { slots: ContentsSlot[]; font: DigitFont };
}

/** What finishing a printed PDF needs, as data: it can be done on another thread (batch/text-pool.ts). */
export interface FinishJob {
  pdf: Uint8Array;
  meta: DocumentMeta;
  /** What was rendered (the print page's HTML): the file identifier is made from it. */
  fingerprint: string;
  rightToLeft?: boolean;
  headings?: PageHeading[];
  /** Contents entries whose page numbers are drawn in, in galley's digits (digits.ts). */
  slots?: ContentsSlot[];
}

export function finishPrinted(job: FinishJob): Promise<Uint8Array> {
  const { rightToLeft, headings, slots } = job;
  return finishPdf(job.pdf, job.meta, job.fingerprint, { rightToLeft, headings, contents: slots && { slots, font: digitFont } });
}

/** `fingerprint` identifies what was rendered (the print page's HTML); it becomes the file identifier. */
export async function finishPdf(bytes: Uint8Array, meta: DocumentMeta, fingerprint: string, options: FinishOptions = {}): Promise<Uint8Array> {
  // Read and written in one go: pdf-lib otherwise waits for a timer every 100 objects read and 50 written.
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  mark('pdf finish: loaded');
  if (options.headings) relinkHeadings(pdf, options.headings);
  mark('pdf finish: headings linked');
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (options.rightToLeft) pdf.catalog.getOrCreateViewerPreferences().setReadingDirection(ReadingDirection.R2L);
  if (options.contents) await drawContentsNumbers(pdf, options.contents.slots, options.contents.font);
  mark('pdf finish: contents numbers drawn');
  moveDestinationsToNameTree(pdf);
  mark('pdf finish: destinations moved');
  stableStructureIds(pdf);
  mark('pdf finish: structure ids');
  if (options.headings) repairOutlineTitles(pdf, options.headings.map((heading) => heading.text));
  mark('pdf finish: outline titles');
  if (meta.authors.length) pdf.setAuthor(meta.authors.join(', '));
  const subject = publicationLine(meta) || meta.description;
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
  return pdf.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
