/**
 * The package document (content.opf): metadata, manifest and spine, written
 * from the files actually in the book so the manifest can never drift from them.
 */
import { createHash } from 'node:crypto';
import { publicationLine } from '../../render/blocks.ts';
import { stringifyXml } from '../../render/serialize.ts';
import type { DocumentMeta } from '../../types.ts';
import type { Element as XastElement } from 'xast';
import { x } from 'xastscript';

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
  const metadata: XastElement[] = [
    x('dc:identifier', { id: 'pub-id' }, pkg.identifier),
    // The article's own identifier, beside the book's: a DOI names the article, not this file.
    ...(meta.doi ? [x('dc:identifier', { id: 'doi' }, `urn:doi:${meta.doi}`)] : []),
    x('dc:title', { id: 'pub-title' }, meta.title),
    // A second title in its own language: reading systems show the first as the book's title.
    ...(meta.titleEn ? [x('dc:title', { id: 'title-en', 'xml:lang': 'en' }, meta.titleEn)] : []),
    ...meta.authors.flatMap((author, i) => [
      x('dc:creator', { id: `creator-${i + 1}` }, author),
      x('meta', { refines: `#creator-${i + 1}`, property: 'role', scheme: 'marc:relators' }, 'aut'),
    ]),
    ...(meta.translators ?? []).flatMap((name, i) => [
      x('dc:contributor', { id: `translator-${i + 1}` }, name),
      x('meta', { refines: `#translator-${i + 1}`, property: 'role', scheme: 'marc:relators' }, 'trl'),
    ]),
    x('dc:language', meta.lang),
  ];
  const add = (name: string, value: string | undefined) => value && metadata.push(x(name, value));
  add('dc:date', meta.date);
  for (const keyword of meta.keywords) add('dc:subject', keyword);
  add('dc:description', meta.description);
  // The journal an article came from is its source; galley is not its publisher.
  add('dc:source', publicationLine(meta));
  add('dc:source', meta.source);
  add('dc:rights', meta.rights);
  metadata.push(x('meta', { property: 'dcterms:modified' }, w3cDateTime(pkg.modified)), ...accessibilityMeta(pkg.accessibility));
  if (pkg.coverId) metadata.push(x('meta', { name: 'cover', content: pkg.coverId }));
  const manifest = pkg.manifest.map((item) => x('item', { id: item.id, href: item.href, 'media-type': item.mediaType, properties: item.properties }));
  const spine = pkg.spine.map((item) => x('itemref', { idref: item.idref, linear: item.linear === false ? 'no' : undefined }));
  const root = x('package', { xmlns: 'http://www.idpf.org/2007/opf', version: '3.0', 'unique-identifier': 'pub-id', 'xml:lang': meta.lang }, [
    x('metadata', { 'xmlns:dc': 'http://purl.org/dc/elements/1.1/' }, metadata),
    x('manifest', manifest),
    x('spine', { toc: 'ncx', 'page-progression-direction': pkg.rtl ? 'rtl' : undefined }, spine),
  ]);
  return stringifyXml([root]);
}

/** schema.org accessibility metadata (EPUB Accessibility 1.0), from what the book holds. */
function accessibilityMeta(a11y: Accessibility): XastElement[] {
  const meta = (property: string, value: string) => x('meta', { property: `schema:${property}` }, value);
  const elements = [meta('accessMode', 'textual')];
  if (a11y.images) elements.push(meta('accessMode', 'visual'));
  elements.push(meta('accessModeSufficient', 'textual'));
  if (a11y.images) elements.push(meta('accessModeSufficient', 'textual,visual'));
  for (const feature of ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability']) {
    elements.push(meta('accessibilityFeature', feature));
  }
  if (a11y.images) elements.push(meta('accessibilityFeature', 'alternativeText'));
  elements.push(meta('accessibilityHazard', 'none'));
  // The summary is written in English whatever the book's language.
  elements.push(x('meta', { property: 'schema:accessibilitySummary', 'xml:lang': 'en' }, a11y.summary));
  return elements;
}
