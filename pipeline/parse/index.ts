/**
 * parse: text → mdast. Markdown goes through remark (GFM, YAML front matter),
 * behind guards that refuse what would hang the parser or could run code; the
 * front matter is read as plain YAML onto file.data.matter.
 */
import type { Root, Yaml } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { VFile } from 'vfile';
import YAML from 'yaml';
import { refuseOverBudget, unfencedLines } from './budget.ts';
import { GalleyError } from '../errors.ts';

export interface ParsedDocument {
  tree: Root;
  frontMatter: Record<string, unknown>;
}

declare module 'vfile' {
  interface DataMap {
    /** The document's front matter, read as plain YAML (a plain-text source's recovered header). */
    matter: Record<string, unknown>;
  }
}

/**
 * remark-parse with GFM and YAML front matter, behind galley's guards. An
 * author's Markdown may hold $TeX$ (`math`); scraped text never does (its `$` are prices).
 */
export function remarkGalley(this: Processor, options: { math?: boolean } = {}) {
  this.use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
  if (options.math) this.use(remarkMath);
  this.use(guardParser);
}

/** Wraps the parser remark-parse set: refused inputs never reach micromark, and the front matter is read as it is found. */
function guardParser(this: Processor) {
  const parse = this.parser!;
  this.parser = (document, file) => {
    refuseOtherFrontMatter(file);
    refuseDeepNesting(file);
    refuseOverBudget(file);
    let tree: Root;
    try {
      tree = parse(document, file) as Root;
    } catch (error) {
      // Thousands of nested emphasis runs overflow the parser's recursion.
      if (error instanceof RangeError) throw new GalleyError(file.path, 'nested too deeply to parse');
      throw error;
    }
    const node = tree.children.find((child): child is Yaml => child.type === 'yaml');
    file.data.matter = node ? parseFrontMatter(node, file) : {};
    return tree;
  };
}

const processor = unified().use(remarkGalley).freeze();
const withMath = unified().use(remarkGalley, { math: true }).freeze();

export function parseMarkdown(file: VFile, options: { math?: boolean } = {}): ParsedDocument {
  const tree = (options.math ? withMath : processor).parse(file) as Root;
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  return { tree, frontMatter: file.data.matter ?? {} };
}

/** YAML only, core schema: no custom tags, nothing executable. */
function parseFrontMatter(node: Yaml, file: VFile): Record<string, unknown> {
  const doc = YAML.parseDocument(node.value, { schema: 'core', prettyErrors: true });
  // The fence line comes first, so line n of the YAML is line start + n of the file.
  const refuse = (error: YAML.YAMLError, reason: string) => {
    const line = (node.position?.start.line ?? 1) + (error.linePos?.[0]?.line ?? 0);
    throw new GalleyError(file.path, `front matter line ${line}: ${reason}`);
  };
  const error = doc.errors[0];
  if (error) refuse(error, firstLine(error.message));
  const tag = doc.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (tag) refuse(tag, `${firstLine(tag.message).replace(/^Unresolved tag: /, 'custom tag ').replace('tag:yaml.org,2002:', '!!')} is not allowed (front matter is plain YAML)`);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw new GalleyError(file.path, `front matter: ${firstLine((error as Error).message)}`);
  }
  if (data == null) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new GalleyError(file.path, 'front matter must be a YAML mapping (key: value lines)');
  }
  refuseTrust(data as Record<string, unknown>, file);
  return data as Record<string, unknown>;
}

/** Plugins run code and `trusted` lets raw HTML through: only the project's config may ask for them. */
const CONFIG_ONLY = ['remarkPlugins', 'rehypePlugins', 'plugins', 'trusted'];

function refuseTrust(data: Record<string, unknown>, file: VFile): void {
  const block = data.galley && typeof data.galley === 'object' ? (data.galley as Record<string, unknown>) : {};
  const key = CONFIG_ONLY.find((name) => name in data || name in block);
  if (key) throw new GalleyError(file.path, `front matter may not set "${key}": plugins and trust come from galley.config.yaml only`);
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** Front matter in another language (`---js`, `---json`, `;;;`) could be code; it is never read. */
function refuseOtherFrontMatter(file: VFile): void {
  const fence = String(file.value).match(/^\uFEFF?(---[ \t]*[^\s-][^\n]*|;;;)[ \t]*\r?\n/)?.[1];
  if (fence) throw new GalleyError(file.path, `front matter must be YAML between --- lines, not "${fence.trim()}"`);
}

/**
 * micromark's time grows far faster than the input with nested quotes and lists
 * (a few thousand nested lines take minutes), so unreasonable nesting is refused
 * before parsing instead of hanging the build.
 */
const MAX_DEPTH = 32;
const MAX_NESTED_LINES = 10_000;

function refuseDeepNesting(file: VFile): void {
  let total = 0;
  for (const [line, n] of unfencedLines(String(file.value))) {
    // Matching emphasis and bracket runs costs micromark time quadratic in their length.
    const run = line.match(/([*_~[\]])\1{255,}/);
    if (run && !/^\s*([*_-])(\s*\1)*\s*$/.test(line)) {
      throw new GalleyError(file.path, `line ${n + 1}: a run of ${run[0].length} "${run[1]}" characters (the limit is 255)`);
    }
    const depth = containerDepth(line);
    if (depth > MAX_DEPTH) throw new GalleyError(file.path, `line ${n + 1}: quotes or lists nested ${depth} deep (the limit is ${MAX_DEPTH})`);
    total += depth;
  }
  if (total > MAX_NESTED_LINES) {
    throw new GalleyError(file.path, `too much nesting: quotes and lists add up to ${total} nested lines (the limit is ${MAX_NESTED_LINES})`);
  }
}

/** Quote markers, list markers and the indentation before a container: an estimate of its nesting. */
function containerDepth(line: string): number {
  const prefix = line.match(/^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)+/)?.[0];
  if (!prefix) return 0;
  const markers = prefix.match(/>|[-*+]|\d{1,9}[.)]/g)?.length ?? 0;
  const indent = prefix.replace(/\t/g, '    ').match(/^ */)![0].length;
  return markers + Math.floor(indent / 2);
}
