/**
 * What the HTML page tells browsers, link previews and scholarly indexers:
 * description, OpenGraph, Highwire citation_* tags and JSON-LD.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { DocumentMeta } from '../types.ts';
import { stringifyHtml } from './serialize.ts';

export function screenHead(meta: DocumentMeta): string {
  const tags: [string, string, string][] = [];
  const add = (attr: 'name' | 'property', key: string, value: string | undefined) => {
    if (value) tags.push([attr, key, value]);
  };
  add('name', 'description', meta.description);
  add('name', 'keywords', meta.keywords.join(', ') || undefined);
  for (const author of meta.authors) add('name', 'author', author);
  add('property', 'og:type', 'article');
  add('property', 'og:title', meta.title);
  add('property', 'og:description', meta.description);
  add('property', 'og:locale', meta.lang.replace('-', '_'));
  add('property', 'article:published_time', meta.date);
  add('name', 'citation_title', meta.title);
  for (const author of meta.authors) add('name', 'citation_author', author);
  add('name', 'citation_publication_date', meta.date?.replace(/-/g, '/'));
  add('name', 'citation_journal_title', meta.publication);
  add('name', 'citation_issue', meta.issue);
  add('name', 'citation_language', meta.lang);
  add('name', 'citation_doi', meta.doi);
  for (const keyword of meta.keywords) add('name', 'citation_keywords', keyword);
  const elements: Element[] = tags.map(([attr, key, value]) => h('meta', { [attr]: key, content: value }));
  elements.push(h('script', { type: 'application/ld+json' }, jsonLd(meta)));
  return stringifyHtml(elements.flatMap((element, i) => (i ? [{ type: 'text', value: '\n' }, element] : [element])));
}

function jsonLd(meta: DocumentMeta): string {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': meta.publication ? 'ScholarlyArticle' : 'Article',
    headline: meta.title,
    inLanguage: meta.lang,
  };
  if (meta.authors.length) data.author = meta.authors.map((name) => ({ '@type': 'Person', name }));
  if (meta.date) data.datePublished = meta.date;
  if (meta.keywords.length) data.keywords = meta.keywords.join(', ');
  if (meta.description) data.description = meta.description;
  if (meta.publication) {
    data.isPartOf = { '@type': 'PublicationIssue', issueNumber: meta.issue, isPartOf: { '@type': 'Periodical', name: meta.publication } };
  }
  // `<` escaped so the JSON can never close the script element.
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
