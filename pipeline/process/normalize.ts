/**
 * `galley normalize`: the document processor's parser and repair rules, ending
 * in the Markdown a build is made from (front matter first): remark-stringify's,
 * with the inert paragraphs that are most of a scraped text written as they are.
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { Settings } from '../config/index.ts';
import { markdownOf } from '../normalize/markdown.ts';
import { parser } from './index.ts';
import { ruleSeverity } from './rules.ts';

export function normalizeProcessor(settings: Pick<Settings, 'script' | 'rules'>): Processor<any, any, any, any, any> {
  return parser('text', settings).use(galleyMarkdown).use(ruleSeverity, settings.rules).freeze();
}

function galleyMarkdown(this: Processor) {
  this.compiler = (tree) => markdownOf(tree as Root);
}
