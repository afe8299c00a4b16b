/**
 * Code highlighting with shiki (@shikijs/rehype): each fenced block with a
 * language becomes coloured spans, one block per line (so a long line wraps
 * under itself with a continuation mark, and line numbers can count lines),
 * under a label naming the language. shiki is loaded only for a document that
 * has such a block, and only with the languages and theme it uses; loading is
 * asynchronous, so it happens before the (synchronous) render.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Root as Mdast } from 'mdast';
import type { HighlighterGeneric, ShikiTransformer } from 'shiki';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { GalleyError } from '../errors.ts';

export interface HighlightOptions {
  theme: string;
  lineNumbers: boolean;
}

interface Shiki {
  highlighter: HighlighterGeneric<string, string>;
  /** Every name and alias shiki knows → the language's display name. */
  names: Map<string, string>;
  themes: Set<string>;
  rehypeShiki: typeof import('@shikijs/rehype/core').default;
}

let shiki: Promise<Shiki> | undefined;
/** Set once shiki has loaded: the render that follows is synchronous. */
let loaded: Shiki | undefined;

async function loadShiki(): Promise<Shiki> {
  const [{ createHighlighter, bundledLanguagesInfo, bundledThemesInfo }, { default: rehypeShiki }] = await Promise.all([import('shiki'), import('@shikijs/rehype/core')]);
  const names = new Map<string, string>();
  for (const info of bundledLanguagesInfo) for (const id of [info.id, ...(info.aliases ?? [])]) names.set(id, info.name);
  const highlighter = (await createHighlighter({ themes: [], langs: [] })) as HighlighterGeneric<string, string>;
  return { highlighter, names, themes: new Set(bundledThemesInfo.map((theme) => theme.id)), rehypeShiki };
}

/** The language of a fenced block, as remark-rehype names it (language-NAME). */
const languageOf = (lang: string | null | undefined) => lang?.trim().split(/\s/)[0]?.toLowerCase() || undefined;

/** Loads shiki with the document's languages and the theme; nothing when the document has no code with a language. */
export async function prepareHighlighting(tree: Mdast, options: HighlightOptions, path: string): Promise<void> {
  const langs = new Set<string>();
  visit(tree, 'code', (node) => {
    const lang = languageOf(node.lang);
    if (lang) langs.add(lang);
  });
  if (langs.size === 0) return;
  shiki ??= loadShiki();
  loaded = await shiki;
  const { highlighter, names, themes } = loaded;
  if (!highlighter.getLoadedThemes().includes(options.theme)) {
    if (!themes.has(options.theme)) {
      throw new GalleyError(path, `codeTheme: unknown shiki theme "${options.theme}" (for example github-light, github-dark, min-light, nord)`);
    }
    await highlighter.loadTheme(options.theme as never);
  }
  const missing = [...langs].filter((lang) => names.has(lang) && !highlighter.getLoadedLanguages().includes(lang));
  if (missing.length) await highlighter.loadLanguage(...(missing as never[]));
}

/** The rehype plugin: highlights with the languages loaded beforehand; a language shiki does not know is reported and left plain. */
export function rehypeHighlight(options: HighlightOptions) {
  return (tree: Root, file: VFile) => {
    if (!loaded || !hasCode(tree)) return;
    const { highlighter, names, rehypeShiki } = loaded;
    if (!highlighter.getLoadedThemes().includes(options.theme)) return;
    const reported = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      const lang = codeLanguage(node);
      if (!lang || names.has(lang) || lang === 'text' || reported.has(lang)) return;
      reported.add(lang);
      file.info(`code in "${lang}": a language the highlighter does not know, shown plain`, { place: node.position, ruleId: 'code-language', source: 'galley' });
    });
    // Every language is loaded already, so the plugin runs synchronously.
    // No time limit per line (shiki's default stops a line's colours after 500 ms): on a busy
    // machine that left a block half plain, and the same source must give the same output.
    // The document's own time limit still bounds a grammar that never ends.
    void rehypeShiki(highlighter, { theme: options.theme, tokenizeTimeLimit: 0, transformers: [blockTransformer(names, options)] })(tree, file, () => undefined);
  };
}

function hasCode(tree: Root): boolean {
  let found = false;
  visit(tree, 'element', (node: Element) => {
    if (codeLanguage(node)) found = true;
  });
  return found;
}

/** The language of a `pre > code.language-NAME` block. */
function codeLanguage(node: Element): string | undefined {
  if (node.tagName !== 'pre') return undefined;
  const code = node.children[0];
  if (code?.type !== 'element' || code.tagName !== 'code') return undefined;
  const className = code.properties.className;
  const name = Array.isArray(className) ? className.map(String).find((c) => c.startsWith('language-')) : undefined;
  return name?.slice('language-'.length).toLowerCase();
}

/** One block per line, the theme's background as a variable (the continuation mark's mask), and the language label. */
function blockTransformer(names: Map<string, string>, options: HighlightOptions): ShikiTransformer {
  return {
    name: 'galley:code-block',
    pre(pre) {
      const background = /background-color:\s*([^;]+)/.exec(String(pre.properties.style ?? ''))?.[1];
      if (background) pre.properties.style = `${String(pre.properties.style)};--code-bg:${background}`;
      delete pre.properties.tabindex;
      if (options.lineNumbers) this.addClassToHast(pre, 'line-numbers');
    },
    code(code) {
      // Lines are blocks: the newlines between them would add empty lines.
      code.children = code.children.filter((child) => !(child.type === 'text' && child.value === '\n'));
    },
    root(root) {
      const lang = this.options.lang;
      const label: ElementContent = { type: 'element', tagName: 'span', properties: { className: ['code-language'] }, children: [{ type: 'text', value: names.get(lang) ?? lang }] };
      const pre = root.children[0] as Element;
      pre.properties.dataLanguage = lang;
      root.children = [{ type: 'element', tagName: 'div', properties: { className: ['code-block'] }, children: [label, pre] }];
    },
  };
}
