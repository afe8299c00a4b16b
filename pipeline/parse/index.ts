/**
 * parse: text → mdast. Markdown goes through remark (GFM, YAML front matter);
 * plain text is first normalized into Markdown, so both kinds meet here.
 */
import type { Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import YAML from 'yaml';
import { GalleyError } from '../errors.ts';

export interface ParsedDocument {
  tree: Root;
  frontMatter: Record<string, unknown>;
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export function parseMarkdown(file: VFile): ParsedDocument {
  const tree = processor.parse(file) as Root;
  const yamlNode = tree.children.find((node): node is Yaml => node.type === 'yaml');
  const frontMatter = yamlNode ? parseFrontMatter(yamlNode, file) : {};
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  return { tree, frontMatter };
}

/** YAML only, core schema: no custom tags, nothing executable. */
function parseFrontMatter(node: Yaml, file: VFile): Record<string, unknown> {
  let data: unknown;
  try {
    data = YAML.parse(node.value, { schema: 'core', prettyErrors: false, maxAliasCount: 50 });
  } catch (error) {
    const line = (node.position?.start.line ?? 1) + ((error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 0);
    const reason = (error as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new GalleyError(file.path, `front matter line ${line}: ${reason}`);
  }
  if (data == null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new GalleyError(file.path, 'front matter must be a YAML mapping (key: value lines)');
  }
  return data as Record<string, unknown>;
}
