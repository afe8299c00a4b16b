/**
 * Math: `$…$` and `$$…$$` (remark-math in parse) typeset by KaTeX (rehype-katex)
 * as HTML for screen and print, with MathML beside it for the e-book. Bad TeX
 * is drawn in red where it stands and reported with its place, never dropped.
 * KaTeX's stylesheet and fonts come from its npm package: a page names only
 * the font files of the families its formulas use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** The document has formulas: its pages need KaTeX's stylesheet. */
    math: boolean;
  }
}

/** What rehype-katex typesets: remark-math's code and spans, and `math-display` / `math-inline` elements. */
const FORMULA = ['language-math', 'math-display', 'math-inline'];

function hasFormula(tree: Root): boolean {
  let found = false;
  visit(tree, 'element', (node: Element) => {
    if (classes(node).some((name) => FORMULA.includes(name))) found = true;
    return found ? false : undefined;
  });
  return found;
}

/** rehype-katex with its messages made galley's: the TeX error and where it is. */
export function rehypeMath() {
  return async (tree: Root, file: VFile) => {
    // KaTeX is most of an HTML build's code: loaded only for a document with formulas.
    if (hasFormula(tree)) await typeset(tree, file);
    let math = false;
    visit(tree, 'element', (node: Element) => {
      if (classes(node).includes('katex')) math = true;
    });
    if (math) file.data.math = true;
  };
}

async function typeset(tree: Root, file: VFile): Promise<void> {
  const { default: rehypeKatex } = await import('rehype-katex');
  let strict: string | undefined;
  const before = file.messages.length;
  const katex = rehypeKatex({
    output: 'htmlAndMathml',
    // KaTeX prints strict-mode notes on the console; they are the document's messages.
    strict: (_code: string, message: string) => {
      strict ??= message;
      return 'ignore';
    },
  });
  katex(tree, file);
  const added = file.messages.splice(before);
  for (const note of added) {
    if (note.source !== 'rehype-katex') {
      file.messages.push(note);
      continue;
    }
    const cause = note.cause instanceof Error ? note.cause.message.replace(/^KaTeX parse error: /, '') : note.reason;
    const message = file.message(`bad TeX: ${cause}`, { place: note.place, ruleId: 'math', source: 'galley' });
    message.actual = note.actual;
  }
  if (strict) file.info(`TeX: ${strict}`, { ruleId: 'math', source: 'galley' });
}

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

let fonts: string | undefined;

/** KaTeX's font folder, found on first use: resolving the package at load time cost each thread's start a few ms. */
export function katexFonts(): string {
  return (fonts ??= join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist', 'fonts'));
}

interface KatexSheet {
  /** The @font-face rules, by family. */
  faces: { family: string; css: string; file: string }[];
  /** For each family, the class sets of the selectors that use it. */
  selectors: Map<string, string[][]>;
  rules: string;
}

let sheet: KatexSheet | undefined;

function katexSheet(): KatexSheet {
  if (sheet) return sheet;
  const css = readFileSync(join(dirname(katexFonts()), 'katex.min.css'), 'utf8');
  const faces: KatexSheet['faces'] = [];
  const rules = css.replace(/@font-face\{[^}]*\}/g, (rule) => {
    const family = rule.match(/font-family:"?([\w]+)"?/)![1]!;
    const file = rule.match(/url\(fonts\/([\w-]+\.woff2)\)/)![1]!;
    faces.push({ family, file, css: rule.replace(/src:[^;}]*/, `src:url(${'{{url}}'}) format("woff2")`) });
    return '';
  });
  const selectors = new Map<string, string[][]>();
  for (const [, list, family] of rules.matchAll(/([^{}]+)\{[^}]*font-family:"?(\w+)"?[^}]*\}/g)) {
    for (const selector of list!.split(',')) {
      const names = [...selector.matchAll(/\.([\w-]+)/g)].map((m) => m[1]!).filter((c) => c !== 'katex');
      selectors.set(family!, [...(selectors.get(family!) ?? []), names]);
    }
  }
  sheet = { faces, selectors, rules };
  return sheet;
}

/** The KaTeX font files (woff2) a tree's formulas can use: the main family always, others by their classes. */
export function katexFontFiles(tree: Root): string[] {
  const used = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    for (const name of classes(node)) used.add(name);
  });
  const { faces, selectors } = katexSheet();
  const families = new Set(['KaTeX_Main']);
  for (const [family, lists] of selectors) if (lists.some((names) => names.length > 0 && names.every((n) => used.has(n)))) families.add(family);
  return faces.filter((face) => families.has(face.family)).map((face) => face.file);
}

/** KaTeX's stylesheet with @font-face rules for `files` only, each font's URL made by `urlFor`. */
export function katexCss(files: string[], urlFor: (file: string) => string): string {
  const { faces, rules } = katexSheet();
  const wanted = new Set(files);
  const fonts = faces.filter((face) => wanted.has(face.file)).map((face) => face.css.replace('{{url}}', urlFor(face.file)));
  return [...fonts, rules].join('\n');
}

/** The MathML of each formula, for the e-book: KaTeX's HTML rendering means nothing without its stylesheet. */
export function mathmlOnly(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (!parent || index === undefined || !classes(node).includes('katex')) return;
    const mathml = node.children.find((child): child is Element => child.type === 'element' && classes(child).includes('katex-mathml'));
    const math = mathml?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'math');
    if (!math) return;
    parent.children[index] = math;
    return 'skip';
  });
}
