/**
 * render: a processed document's hast → pages. The body is processed once; each medium
 * (screen page, print page, e-book chapter) wraps it with its own stylesheet.
 */
import type { Element, Root as HastRoot } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Settings } from '../config/index.ts';
import type { TocEntry } from '../enrich/index.ts';
import type { DocumentMeta } from '../types.ts';
import { titleBlock } from './blocks.ts';
import { contentsNav } from './contents.ts';
import { fillWithFonts, fontStack, stackVariables } from '../fonts/catalogue.ts';
import { screenHead } from './head.ts';
import { pageRules } from './page-rules.ts';
import { katexCss, katexFontFiles } from './math.ts';
import { escapeSlot, stringifyHtml } from './serialize.ts';
import { fill, type Template } from './template.ts';
import { markVerticalRuns } from './vertical.ts';

export interface RenderedDocument {
  meta: DocumentMeta;
  toc: TocEntry[];
  hast: HastRoot;
  /** Project-relative paths of the images the body uses. */
  assets: string[];
  /** The body has formulas (KaTeX): its pages carry KaTeX's stylesheet and fonts. */
  math?: boolean;
  /** The title block (hast), above the text in every medium. */
  titleBlock: Element;
  /** The page's table of contents (hast); absent when the document needs none. */
  contents?: Element;
  /** A bound book: its documents, one per top-level section of `hast` (book/bind.ts); `id` is its title's. */
  parts?: { id: string; title: string; lang: string }[];
}

/** A processed document (its hast, and what the plugins left on file.data) ready for the emitters. */
export function renderedDocument(hast: HastRoot, file: VFile, settings: Settings): RenderedDocument {
  const meta = file.data.meta!;
  const toc = file.data.toc ?? [];
  return {
    meta,
    toc,
    hast,
    assets: file.data.assets ?? [],
    ...(file.data.math ? { math: true } : {}),
    titleBlock: titleBlock(meta),
    ...optional('contents', contentsNav(toc, meta.lang, settings.toc)),
  };
}

/** The body as HTML, with each local image's path mapped to where this medium finds it. */
export function bodyHtml(doc: RenderedDocument, assetUrl: (path: string) => string, transform?: (tree: HastRoot) => void): string {
  const tree = structuredClone(doc.hast);
  transform?.(tree);
  const assets = new Set(doc.assets);
  visit(tree, 'element', (node: Element) => {
    const src = node.properties.src;
    if (typeof src === 'string' && assets.has(src)) node.properties.src = assetUrl(src);
  });
  return stringifyHtml(tree);
}

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** The shell's slots every medium fills the same way. */
function slots(doc: RenderedDocument, settings: Settings) {
  return {
    lang: escapeSlot(doc.meta.lang),
    classes: pageClasses(settings),
    title: escapeSlot(doc.meta.title),
    titleBlock: stringifyHtml([doc.titleBlock]),
    toc: doc.contents ? stringifyHtml([doc.contents]) : '',
  };
}

function pageClasses(settings: Settings): string {
  return settings.writingMode === 'vertical' ? 'vertical' : 'horizontal';
}

/**
 * The standalone reading page: images and formula fonts inline. With `font`,
 * it names the font files its characters need at the URLs it makes (copies
 * beside the page); without, it only names galley's families.
 */
export function screenPage(
  doc: RenderedDocument,
  template: Template,
  settings: Settings,
  urls: { asset: (path: string) => string; katexFont: (file: string) => string; font?: (pkg: string, file: string) => string },
): string {
  const stack = fontStack(doc.meta.lang);
  const math = doc.math ? katexCss(katexFontFiles(doc.hast), urls.katexFont) : '';
  const values = {
    ...slots(doc, settings),
    head: screenHead(doc.meta),
    css: [urls.font ? '' : stackVariables(stack), math, template.screenCss].filter(Boolean).join('\n'),
    body: bodyHtml(doc, urls.asset),
  };
  return urls.font ? fillWithFonts(template.page, values, stack, urls.font, 'swap') : fill(template.page, values);
}

/** The page Chromium prints: fonts from galley's own files, @page from the settings. */
export function printPage(
  doc: RenderedDocument,
  template: Template,
  settings: Settings,
  urls: { font: (pkg: string, file: string) => string; asset: (path: string) => string; katexFont: (file: string) => string },
): string {
  const stack = fontStack(doc.meta.lang);
  const math = doc.math ? katexCss(katexFontFiles(doc.hast), urls.katexFont) : '';
  const values = {
    ...slots(doc, settings),
    head: '',
    css: [pageRules(doc.meta, settings, stack, doc.parts), math, template.printCss].filter(Boolean).join('\n'),
    body: bodyHtml(doc, urls.asset, settings.writingMode === 'vertical' ? markVerticalRuns : undefined),
  };
  return fillWithFonts(template.page, values, stack, urls.font);
}
