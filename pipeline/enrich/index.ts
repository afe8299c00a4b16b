/**
 * enrich: mdast → mdast + DocumentMeta. Collects what the document says about
 * itself, gives headings stable ids, marks citations and builds the table of contents.
 */
import GithubSlugger from 'github-slugger';
import type { Heading, Link, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { detectLang } from '../locale/lang.ts';
import { cleanXmlChars, Fields } from './fields.ts';
import type { DocumentMeta } from '../types.ts';

export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

export interface EnrichedDocument {
  tree: Root;
  meta: DocumentMeta;
  toc: TocEntry[];
}

export function enrich(tree: Root, data: Record<string, unknown>, file: VFile): EnrichedDocument {
  const fields = new Fields(cleanXmlChars(tree, data, file), file);
  const declared = fields.text('title');
  const heading = takeTitleHeading(tree, declared);
  const title = declared ?? heading ?? file.stem ?? 'Untitled';
  const meta: DocumentMeta = {
    title,
    authors: fields.list('authors', 'author'),
    date: fields.date('date'),
    time: fields.text('time'),
    lang: fields.lang('lang') ?? detectLang(toString(tree)),
    keywords: fields.list('keywords'),
    publication: fields.text('publication'),
    issue: fields.text('issue'),
    source: fields.text('source'),
    // An abstract says what the article is about; the first paragraph only stands in for one.
    description: fields.text('description') ?? shorten(fields.text('abstract')) ?? firstParagraph(tree),
    rights: fields.text('rights'),
  };
  for (const key of HEAD_TEXT) {
    const value = fields.text(key);
    if (value !== undefined) meta[key] = value;
  }
  for (const key of ['affiliations', 'keywordsEn', 'translators'] as const) {
    const value = fields.list(key);
    if (value.length) meta[key] = value;
  }
  const toc = identifyHeadings(tree);
  markCitations(tree);
  markAddresses(tree);
  return { tree, meta, toc };
}

/**
 * The title block shows the title, so a level-1 heading that states it again is
 * taken out: the first one when the front matter has no title, else one that matches it.
 */
function takeTitleHeading(tree: Root, declared: string | undefined): string | undefined {
  const index = tree.children.findIndex(
    (node) => node.type === 'heading' && node.depth === 1 && (declared === undefined || toString(node).trim() === declared),
  );
  if (index === -1) return undefined;
  const [heading] = tree.children.splice(index, 1);
  return toString(heading);
}

function identifyHeadings(tree: Root): TocEntry[] {
  const slugger = new GithubSlugger();
  const toc: TocEntry[] = [];
  visit(tree, 'heading', (node: Heading) => {
    const label = toString(node);
    const id = slugger.slug(label) || slugger.slug('section');
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    if (node.depth <= 3) toc.push({ depth: node.depth, id, text: label });
  });
  return toc;
}

/**
 * `[1]` in running text is a citation mark: superscript, like the journal set it. At the start
 * of a paragraph it is a reference list entry's number (`[1]王名.社会组织…`), set as written.
 */
function markCitations(tree: Root): void {
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || parent.type === 'link' || parent.type === 'linkReference') return;
    const parts = node.value.split(/(\[\d{1,3}(?:[,，–-]\d{1,3})*\])/);
    if (parts.length === 1) return;
    const entryNumber = parent.type === 'paragraph' && index === 0 && parts[0] === '';
    const replacement: RootContent[] = parts
      .filter((part) => part !== '')
      .map((part, n) =>
        /^\[\d/.test(part) && !(entryNumber && n === 0)
          ? ({ type: 'text', value: part, data: { hName: 'sup', hProperties: { className: ['citation'] } } } as Text)
          : ({ type: 'text', value: part } as Text),
      );
    (parent.children as RootContent[]).splice(index, 1, ...replacement);
    return [SKIP, index + replacement.length];
  });
}

/**
 * A link that shows its own address (`https://…`, found bare in the text) is marked `url`: the
 * templates let it break anywhere, so that a justified line before it is not stretched to let it start the next.
 */
function markAddresses(tree: Root): void {
  visit(tree, 'link', (node: Link) => {
    const text = toString(node);
    if (text.length < 16 || !node.url.endsWith(text.replace(/^(?:https?:\/\/)?/, ''))) return;
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, className: ['url'] } };
  });
}

const HEAD_TEXT = ['subtitle', 'abstract', 'titleEn', 'abstractEn', 'doi', 'clc', 'documentCode', 'articleNumber', 'received', 'revised', 'accepted', 'funding', 'biography'] as const;

function firstParagraph(tree: Root): string | undefined {
  const paragraph = tree.children.find((node) => node.type === 'paragraph');
  return paragraph ? shorten(toString(paragraph)) : undefined;
}

function shorten(value: string | undefined): string | undefined {
  const flat = value?.replace(/\s+/g, ' ').trim();
  if (!flat) return undefined;
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}
