/**
 * The package document (content.opf): metadata, manifest and spine, written
 * from the files actually in the book so the manifest can never drift from them.
 */
import { createHash } from 'node:crypto';
import { publicationLine } from '../../render/blocks.ts';
import { escapeHtml as esc } from '../../render/escape.ts';
import type { DocumentMeta } from '../../types.ts';

/** Name-based UUID (version 5 layout) from the book's content: same book, same identifier. */
export function contentIdentifier(parts: string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\u0000');
  const bytes = hash.digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An ISO date-time without fractions, as dcterms:modified requires. */
export function w3cDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  properties?: string;
}

export interface SpineItem {
  idref: string;
  linear?: boolean;
}

export interface Accessibility {
  /** The book has images a reader sees (their alt text stands in for them). */
  images: boolean;
  summary: string;
}

export interface PackageDocument {
  identifier: string;
  meta: DocumentMeta;
  modified: Date;
  manifest: ManifestItem[];
  spine: SpineItem[];
  /** Vertical Chinese reads right to left. */
  rtl: boolean;
  coverId?: string;
  accessibility: Accessibility;
}

export function packageDocument(pkg: PackageDocument): string {
  const { meta } = pkg;
  const lines: string[] = [];
  const add = (line: string) => lines.push(`    ${line}`);
  add(`<dc:identifier id="pub-id">${esc(pkg.identifier)}</dc:identifier>`);
  // The article's own identifier, beside the book's: a DOI names the article, not this file.
  if (meta.doi) add(`<dc:identifier id="doi">urn:doi:${esc(meta.doi)}</dc:identifier>`);
  add(`<dc:title id="pub-title">${esc(meta.title)}</dc:title>`);
  meta.authors.forEach((author, i) => {
    add(`<dc:creator id="creator-${i + 1}">${esc(author)}</dc:creator>`);
    add(`<meta refines="#creator-${i + 1}" property="role" scheme="marc:relators">aut</meta>`);
  });
  add(`<dc:language>${esc(meta.lang)}</dc:language>`);
  if (meta.date) add(`<dc:date>${esc(meta.date)}</dc:date>`);
  for (const keyword of meta.keywords) add(`<dc:subject>${esc(keyword)}</dc:subject>`);
  if (meta.description) add(`<dc:description>${esc(meta.description)}</dc:description>`);
  // The journal an article came from is its source; galley is not its publisher.
  const publication = publicationLine(meta);
  if (publication) add(`<dc:source>${esc(publication)}</dc:source>`);
  if (meta.source) add(`<dc:source>${esc(meta.source)}</dc:source>`);
  if (meta.rights) add(`<dc:rights>${esc(meta.rights)}</dc:rights>`);
  add(`<meta property="dcterms:modified">${w3cDateTime(pkg.modified)}</meta>`);
  for (const line of accessibilityMeta(pkg.accessibility)) add(line);
  if (pkg.coverId) add(`<meta name="cover" content="${esc(pkg.coverId)}"/>`);
  const manifest = pkg.manifest.map((item) => {
    const props = item.properties ? ` properties="${item.properties}"` : '';
    return `    <item id="${esc(item.id)}" href="${esc(item.href)}" media-type="${item.mediaType}"${props}/>`;
  });
  const spine = pkg.spine.map((item) => `    <itemref idref="${esc(item.idref)}"${item.linear === false ? ' linear="no"' : ''}/>`);
  const direction = pkg.rtl ? ' page-progression-direction="rtl"' : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="${esc(meta.lang)}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${lines.join('\n')}
  </metadata>
  <manifest>
${manifest.join('\n')}
  </manifest>
  <spine toc="ncx"${direction}>
${spine.join('\n')}
  </spine>
</package>
`;
}

/** schema.org accessibility metadata (EPUB Accessibility 1.0), from what the book holds. */
function accessibilityMeta(a11y: Accessibility): string[] {
  const meta = (property: string, value: string) => `<meta property="schema:${property}">${esc(value)}</meta>`;
  const lines = [meta('accessMode', 'textual')];
  if (a11y.images) lines.push(meta('accessMode', 'visual'));
  lines.push(meta('accessModeSufficient', 'textual'));
  if (a11y.images) lines.push(meta('accessModeSufficient', 'textual,visual'));
  for (const feature of ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability']) {
    lines.push(meta('accessibilityFeature', feature));
  }
  if (a11y.images) lines.push(meta('accessibilityFeature', 'alternativeText'));
  lines.push(meta('accessibilityHazard', 'none'));
  // The summary is written in English whatever the book's language.
  lines.push(`<meta property="schema:accessibilitySummary" xml:lang="en">${esc(a11y.summary)}</meta>`);
  return lines;
}
