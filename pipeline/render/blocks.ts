/** The title block galley writes above every document, as hast. */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { DocumentMeta } from '../types.ts';
import { labelsFor } from '../locale/labels.ts';

/** The journal and issue a document came from, as one line ("中國軍轉民 2024年3期"); empty without them. */
export const publicationLine = (meta: DocumentMeta): string => [meta.publication, meta.issue].filter(Boolean).join(' ');

/** The resolver address of a DOI: its characters kept, only what a URL cannot hold escaped. */
export const doiUrl = (doi: string): string => `https://doi.org/${encodeURI(doi).replace(/[?#]/g, encodeURIComponent)}`;

export function titleBlock(meta: DocumentMeta): Element {
  const labels = labelsFor(meta.lang);
  const lines: Element[] = [h('h1.title', meta.title)];
  if (meta.subtitle) lines.push(h('p.subtitle', meta.subtitle));
  // The English title journals print under the Chinese one, marked as English for fonts and hyphenation.
  if (meta.titleEn) lines.push(h('p.title-en', { lang: 'en' }, meta.titleEn));
  if (meta.authors.length) lines.push(h('p.authors', meta.authors.map((author) => h('span.author', author))));
  if (meta.translators?.length) lines.push(h('p.translators', [labels.translatedBy, ...meta.translators.map((name) => h('span.translator', name))]));
  if (meta.affiliations?.length) lines.push(h('p.affiliations', meta.affiliations.map((affiliation) => h('span.affiliation', affiliation))));
  const source: ElementContent[] = [meta.publication, meta.issue].filter((s): s is string => Boolean(s)).map((s) => ({ type: 'text', value: s }));
  // A year or a month the issue already prints (`2021年第4期`) is not shown twice.
  const printed = meta.date !== undefined && meta.date.length < 10 && meta.issue?.includes(`${meta.date.slice(0, 4)}年`);
  if (meta.date && !printed) source.push(h('time', { dateTime: meta.date }, meta.date));
  if (source.length) lines.push(h('p.publication', source.flatMap((part, i) => (i ? [h('span.sep', ' · '), part] : [part]))));
  if (meta.abstract) lines.push(h('div.abstract', [h('p', [h('span.label', labels.abstract), meta.abstract])]));
  if (meta.keywords.length) {
    lines.push(h('p.keywords', [h('span.label', labels.keywords), ...meta.keywords.map((keyword) => h('span.keyword', keyword))]));
  }
  if (meta.doi) lines.push(h('p.doi', ['DOI: ', h('a', { href: doiUrl(meta.doi) }, meta.doi)]));
  return h('header.title-block', ['\n', ...lines.flatMap((line) => [line, '\n'])]);
}
