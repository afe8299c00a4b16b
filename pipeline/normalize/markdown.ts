/**
 * Building the Markdown output through mdast and remark-stringify rather than by string
 * concatenation: scraped text contains `*`, `#`, `<`, `1.` and `[` that would otherwise turn into
 * markup. remark-stringify escapes them; the result parses back to the same paragraphs.
 */
import type { Root, RootContent, Text } from 'mdast';
import { defaultHandlers, type Handle } from 'mdast-util-to-markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import YAML from 'yaml';
import type { DocumentMeta } from '../types.ts';

/** Text with no ASCII punctuation, control or edge whitespace cannot form markup: nothing to escape. */
const INERT = /^(?![\s\u00a0])[^\x00-\x1f!-/:-@[-`{-\x7f]*(?<![\s\u00a0])$/;

/**
 * remark-stringify checks every character of every text node against its unsafe patterns, which
 * is most of normalize's time on a long Chinese text; most of that text is inert and goes as is.
 */
export const inertText: Handle = (node: Text, parent, state, info) => (INERT.test(node.value) ? node.value : defaultHandlers.text(node, parent, state, info));

const stringifier = unified().use(remarkStringify, { handlers: { text: inertText } }).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** What a journal's head says beyond the basics, in the order it prints them. */
const HEAD_KEYS = ['abstract', 'titleEn', 'abstractEn', 'keywordsEn', 'doi', 'clc', 'documentCode', 'articleNumber', 'received', 'revised', 'accepted', 'funding', 'biography'] as const;

/** Front matter in a fixed key order; every string quoted so YAML 1.1 readers see no dates or sexagesimals. */
export function frontMatter(meta: DocumentMeta): string {
  const ordered: Record<string, unknown> = { title: meta.title };
  if (meta.subtitle !== undefined) ordered.subtitle = meta.subtitle;
  ordered.authors = meta.authors;
  if (meta.translators?.length) ordered.translators = meta.translators;
  if (meta.affiliations?.length) ordered.affiliations = meta.affiliations;
  for (const key of ['date', 'time', 'publication', 'issue', 'source'] as const) if (meta[key] !== undefined) ordered[key] = meta[key];
  ordered.keywords = meta.keywords;
  ordered.lang = meta.lang;
  for (const key of HEAD_KEYS) if (meta[key] !== undefined) ordered[key] = meta[key];
  return YAML.stringify(ordered, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 }).trimEnd();
}

/**
 * Citation marks `[1]` need no escape where no link reference can form (nothing follows that
 * could make a link, no definitions exist in our output); unescaping keeps the Markdown readable.
 */
export function unescapeCitations(markdown: string): string {
  return markdown.replace(/\\\[(\d{1,3}(?:[-–,，]\d{1,3})*)\](?![([:])/gu, '[$1]');
}

/** A citation mark as unescapeCitations leaves it: written as it is, it is inert too. */
const CITATION = /\[\d{1,3}(?:[-–,，]\d{1,3})*\](?![([:])/gu;

function isInert(text: string): boolean {
  return INERT.test(text) || (text.includes('[') && INERT.test(text.replace(CITATION, '0')));
}

/** Blocks as remark-stringify writes them. */
export function stringifyBlocks(blocks: RootContent[]): string {
  return stringifier.stringify({ type: 'root', children: blocks } satisfies Root);
}

/** A paragraph or heading of one inert text: its Markdown is that text (a heading's after its marks). */
function inertBlock(node: RootContent): string | undefined {
  if ((node.type !== 'paragraph' && node.type !== 'heading') || node.children.length !== 1) return undefined;
  const child = node.children[0]!;
  if (child.type !== 'text' || !isInert(child.value)) return undefined;
  return node.type === 'heading' ? `${'#'.repeat(node.depth)} ${child.value}` : child.value;
}

/** Written between runs of blocks stringified together, to cut the result where they meet again. */
const BETWEEN_RUNS = '<!--galley: between runs-->';

/** Runs of blocks, each as remark-stringify writes it: all in one call, whose set-up costs more than a short run. */
function stringifyRuns(runs: RootContent[][]): string[] {
  const children = runs.flatMap((run, k): RootContent[] => (k === 0 ? run : [{ type: 'html', value: BETWEEN_RUNS }, ...run]));
  const pieces = stringifyBlocks(children).replace(/\n$/, '').split(`\n\n${BETWEEN_RUNS}\n\n`);
  // A code block quoting the marker cuts in the wrong place: then each run on its own.
  return pieces.length === runs.length ? pieces : runs.map((run) => stringifyBlocks(run).replace(/\n$/, ''));
}

/**
 * Blocks are separated by a blank line. Inert ones are written as they are, and only the runs
 * of other blocks go through remark-stringify: a long scraped text is mostly inert paragraphs,
 * each of which would otherwise pay for the whole of remark-stringify's machinery.
 */
export function toMarkdown(meta: DocumentMeta, blocks: RootContent[]): string {
  return markdownOf({ type: 'root', children: [{ type: 'yaml', value: frontMatter(meta) }, ...blocks] });
}

/** A tree's Markdown, as remark-stringify (GFM, YAML front matter) writes it, inert blocks as they are. */
export function markdownOf(tree: Root): string {
  const parts: Array<string | number> = [];
  const runs: RootContent[][] = [];
  for (const block of tree.children) {
    const inert = inertBlock(block);
    if (inert !== undefined) parts.push(inert);
    else if (typeof parts.at(-1) === 'number') runs.at(-1)!.push(block);
    else {
      parts.push(runs.length);
      runs.push([block]);
    }
  }
  const written = runs.length > 0 ? stringifyRuns(runs) : [];
  return unescapeCitations(`${parts.map((part) => (typeof part === 'number' ? written[part]! : part)).join('\n\n')}\n`);
}
