/** The parts of a page galley writes itself: the title block and the table of contents. */
import type { TocEntry } from '../enrich/index.ts';
import type { DocumentMeta } from '../types.ts';
import { escapeHtml } from './escape.ts';
import { labelsFor } from '../locale/labels.ts';

/** The journal and issue a document came from, as one line ("中國軍轉民 2024年3期"); empty without them. */
export const publicationLine = (meta: DocumentMeta): string => [meta.publication, meta.issue].filter(Boolean).join(' ');

/** The resolver address of a DOI: its characters kept, only what a URL cannot hold escaped. */
export const doiUrl = (doi: string): string => `https://doi.org/${encodeURI(doi).replace(/[?#]/g, encodeURIComponent)}`;

export function titleBlockHtml(meta: DocumentMeta): string {
  const labels = labelsFor(meta.lang);
  const lines = [`<h1 class="title">${escapeHtml(meta.title)}</h1>`];
  if (meta.subtitle) lines.push(`<p class="subtitle">${escapeHtml(meta.subtitle)}</p>`);
  if (meta.authors.length) {
    lines.push(`<p class="authors">${meta.authors.map((a) => `<span class="author">${escapeHtml(a)}</span>`).join('')}</p>`);
  }
  if (meta.affiliations?.length) {
    lines.push(`<p class="affiliations">${meta.affiliations.map((a) => `<span class="affiliation">${escapeHtml(a)}</span>`).join('')}</p>`);
  }
  const source = [meta.publication, meta.issue].filter(Boolean).map((s) => escapeHtml(s!));
  if (meta.date) source.push(`<time datetime="${escapeHtml(meta.date)}">${escapeHtml(meta.date)}</time>`);
  if (source.length) lines.push(`<p class="publication">${source.join('<span class="sep"> · </span>')}</p>`);
  if (meta.abstract) lines.push(`<div class="abstract"><p><span class="label">${labels.abstract}</span>${escapeHtml(meta.abstract)}</p></div>`);
  if (meta.keywords.length) {
    const words = meta.keywords.map((k) => `<span class="keyword">${escapeHtml(k)}</span>`).join('');
    lines.push(`<p class="keywords"><span class="label">${labels.keywords}</span>${words}</p>`);
  }
  if (meta.doi) lines.push(`<p class="doi">DOI: <a href="${escapeHtml(doiUrl(meta.doi))}">${escapeHtml(meta.doi)}</a></p>`);
  return `<header class="title-block">\n${lines.join('\n')}\n</header>`;
}

/** Nested list of the headings; empty when the document is too short to need one. */
export function tocHtml(toc: TocEntry[], lang: string, wanted: boolean | 'auto'): string {
  const entries = toc.filter((entry) => entry.depth >= 2);
  if (wanted === false || entries.length === 0 || (wanted === 'auto' && entries.length < 3)) return '';
  const top = Math.min(...entries.map((e) => e.depth));
  let html = '';
  let depth = top - 1;
  for (const entry of entries) {
    // Never open two levels at once: an <ol> may only hold <li>.
    const level = Math.min(Math.max(entry.depth, top), depth + 1);
    if (level > depth) html += '<ol>'.repeat(level - depth);
    else html += '</li>' + '</ol></li>'.repeat(depth - level);
    depth = level;
    html += `<li><a href="#${escapeHtml(entry.id)}">${escapeHtml(entry.text)}</a>`;
  }
  html += '</li>' + '</ol></li>'.repeat(depth - top) + '</ol>';
  const label = labelsFor(lang).contents;
  return `<nav class="toc" aria-labelledby="toc-title">\n<h2 id="toc-title">${label}</h2>\n${html}\n</nav>`;
}
