/**
 * The PDF snapshot's text part: what a reader would notice changing, without
 * the bytes that differ on every run. Page count, metadata (pdfinfo), fonts
 * (pdffonts, subset prefixes dropped), the outline (bookmarks) and the text of
 * each page (pdftotext), as pretty JSON so a diff is one changed line.
 */
import { readFile } from 'node:fs/promises';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { GalleyError } from '../errors.ts';
import { poppler } from './poppler.ts';

export interface PdfFacts {
  pages: number;
  metadata: Record<string, string>;
  fonts: string[];
  outline: string[];
  /** The lines of text of each page, blank lines dropped. */
  text: string[][];
}

/** pdfinfo fields that describe the document; file size and the like change with every byte. */
const METADATA = ['Title', 'Subject', 'Keywords', 'Author', 'Creator', 'Producer', 'CreationDate', 'ModDate', 'Tagged', 'Page size', 'PDF version'];

export async function pdfFacts(path: string, display = path): Promise<PdfFacts> {
  const [info, fonts, text, outline] = await Promise.all([
    poppler('pdfinfo', ['-isodates', path], display),
    poppler('pdffonts', [path], display),
    poppler('pdftotext', ['-enc', 'UTF-8', path, '-'], display),
    pdfOutline(path, display),
  ]);
  const fields = parseInfo(info);
  const metadata: Record<string, string> = {};
  for (const key of METADATA) if (fields[key] !== undefined) metadata[key] = fields[key]!;
  // The build time, as the EPUB snapshot masks it: SOURCE_DATE_EPOCH in CI must not make every commit fail.
  for (const key of ['CreationDate', 'ModDate']) if (metadata[key] !== undefined) metadata[key] = '(build time)';
  const pages = text.split('\f').slice(0, Number(fields.Pages ?? 0));
  return {
    pages: Number(fields.Pages ?? pages.length),
    metadata,
    fonts: parseFonts(fonts),
    outline,
    text: pages.map((page) => page.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean)),
  };
}

export function pdfFactsText(facts: PdfFacts): string {
  return `${JSON.stringify(facts, null, 2)}\n`;
}

function parseInfo(out: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) fields[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return fields;
}

/**
 * One entry per distinct font: "Name (type, embedded|not embedded)". The
 * six-letter subset tag (ABCDEF+) is random per run, and Chromium may split one
 * font into several subsets, so names are deduplicated.
 */
export function parseFonts(out: string): string[] {
  const fonts = new Set<string>();
  for (const line of out.split('\n').slice(2)) {
    const tokens = line.trim().split(/\s+/);
    if (tokens.length < 8) continue;
    const name = tokens[0]!.replace(/^[A-Z]{6}\+/, '');
    const [emb] = tokens.slice(-5);
    const type = tokens.slice(1, -6).join(' ');
    fonts.add(`${name} (${type}, ${emb === 'yes' ? 'embedded' : 'not embedded'})`);
  }
  return [...fonts].sort();
}

/** The bookmarks, depth shown by two spaces per level. */
async function pdfOutline(path: string, display: string): Promise<string[]> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(await readFile(path), { updateMetadata: false, ignoreEncryption: true });
  } catch (error) {
    throw new GalleyError(display, `not a readable PDF: ${(error as Error).message.split('\n')[0]}`);
  }
  const entries: string[] = [];
  const seen = new Set<PDFDict>();
  const walk = (first: PDFDict | undefined, depth: number) => {
    for (let item = first; item && !seen.has(item); item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      seen.add(item);
      const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString);
      entries.push(`${'  '.repeat(depth)}${title?.decodeText() ?? '(untitled)'}`);
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  walk(root?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return entries;
}
