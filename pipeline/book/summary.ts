/**
 * A chapter list in Markdown (mdBook's and GitBook's SUMMARY.md, docsify's
 * sidebar): its links in reading order, nested entries where they stand, and
 * the title its first level-1 heading gives. Draft entries (`[Draft]()`) and
 * links to anything but Markdown are not chapters.
 */
import type { Heading, Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { sourceKind } from '../batch/sources.ts';

export interface Summary {
  title?: string;
  /** Relative paths, decoded, without fragment or query. */
  links: string[];
}

const parser = unified().use(remarkParse);

export function summaryEntries(markdown: string): Summary {
  const tree = parser.parse(markdown) as Root;
  const heading = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const links: string[] = [];
  visit(tree, 'link', (node: Link) => {
    const path = localPath(node.url);
    if (path && sourceKind(path) === 'markdown') links.push(path);
  });
  return { title: heading ? toString(heading).trim() || undefined : undefined, links };
}

/** A relative link's path part, or undefined for an absolute URL, a bare fragment or an empty link. */
export function localPath(url: string): string | undefined {
  if (url === '' || url.startsWith('#') || url.startsWith('//') || url.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  const path = url.split(/[?#]/)[0]!;
  try {
    return decodeURIComponent(path) || undefined;
  } catch {
    return undefined;
  }
}
