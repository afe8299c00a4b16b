/**
 * `galley normalize`: the document processor's parser and repair rules, ending
 * in remark-stringify instead of rehype, so it prints exactly the tree a build
 * is made from (front matter first).
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Processor } from 'unified';
import type { Settings } from '../config/index.ts';
import { inertText, unescapeCitations } from '../normalize/markdown.ts';
import { parser } from './index.ts';
import { ruleSeverity } from './rules.ts';

export function normalizeProcessor(settings: Pick<Settings, 'script' | 'rules'>): Processor<any, any, any, any, any> {
  return parser('text', settings).use(remarkStringify, { handlers: { text: inertText } }).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(readableCitations).use(ruleSeverity, settings.rules).freeze();
}

/** `[1]` printed as written: no link can form from it in galley's output (see normalize/markdown.ts). */
function readableCitations(this: Processor) {
  const compile = this.compiler!;
  this.compiler = (tree, file) => unescapeCitations(String(compile(tree, file)));
}
