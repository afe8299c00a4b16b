/**
 * galley's parser for scraped plain text: the repair rules run on the lines as
 * read, and what they recover becomes mdast directly (the header as a YAML
 * node and as file.data.matter, the body as headings and paragraphs), with no
 * Markdown printed and parsed back in between.
 */
import type { Root, RootContent } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { frontMatter } from '../normalize/markdown.ts';
import { endLinksAtChineseText } from './link-ends.ts';
import { repairPlainText, type NormalizeOptions } from '../normalize/index.ts';

/**
 * URLs and e-mail addresses in running text become links, as GFM makes them of
 * the same text in Markdown: the tree is the one `galley normalize`'s output parses to.
 */
const autolinkLiterals = gfmAutolinkLiteralFromMarkdown().transforms ?? [];

/** What every link GFM finds in text starts from: a text without one is not searched (each search walks the whole tree). */
const MAY_LINK = /https?:\/\/|www\.|@/i;

export function galleyText(this: Processor, options: NormalizeOptions) {
  this.parser = (_document: string, file: VFile): Root => {
    const { meta, blocks } = repairPlainText(file, options);
    const tree: Root = { type: 'root', children: [{ type: 'yaml', value: frontMatter(meta) }, ...blocks] };
    if (blocks.some(mayLink)) {
      for (const transform of autolinkLiterals) transform(tree);
      endLinksAtChineseText(tree);
    }
    file.data.matter = { ...meta };
    return tree;
  };
}

function mayLink(node: RootContent): boolean {
  if (node.type === 'text') return MAY_LINK.test(node.value);
  return 'children' in node && node.children.some((child) => mayLink(child as RootContent));
}
