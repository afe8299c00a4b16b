/**
 * render: mdast → hast → HTML pages. The body is rendered once; each medium
 * (screen page, print page, e-book chapter) wraps it with its own stylesheet.
 */
import { resolve } from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeRaw from 'rehype-raw';
import { defaultSchema } from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Settings } from '../config/index.ts';
import type { EnrichedDocument, TocEntry } from '../enrich/index.ts';
import type { DocumentMeta } from '../types.ts';
import { titleBlockHtml, tocHtml } from './blocks.ts';
import { escapeHtml } from './escape.ts';
import { fillWithFonts, fontStack, stackVariables } from '../fonts/catalogue.ts';
import { warnMissingGlyphs } from './glyphs.ts';
import { screenHead } from './head.ts';
import { labelsFor } from '../locale/labels.ts';
import { pageRules } from './page-rules.ts';
import { labelTaskItems } from './task-lists.ts';
import { figures } from './figures.ts';
import { tableLayout } from './tables.ts';
import { guardResources } from './resources.ts';
import { rehypeHighlight } from './highlight.ts';
import { katexCss, katexFontFiles, rehypeMath } from './math.ts';
import { rehypeSanitizeReported } from './sanitize.ts';
import { xmlText } from './xml-text.ts';
import { checkFragments } from './fragments.ts';
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
  titleBlock: string;
  tocHtml: string;
  /** A bound book: its documents, one per top-level section of `hast` (book/bind.ts); `id` is its title's. */
  parts?: { id: string; title: string; lang: string }[];
}

/** Untrusted HTML keeps structure and the attributes galley itself sets, nothing that runs. */
const schema = {
  ...defaultSchema,
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'id', 'lang', 'dir'],
  },
};

export function renderDocument(doc: EnrichedDocument, file: VFile, settings: Settings, root: string): RenderedDocument {
  const labels = labelsFor(doc.meta.lang);
  const processor = unified()
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: '',
      footnoteLabel: labels.notes,
      footnoteBackLabel: labels.backToContent,
      // ↩ is missing from the bundled fonts; ↑ is in every one of them.
      footnoteBackContent: '↑',
    })
    .use(rehypeRaw)
    .use(guardResources, { root, exclude: [resolve(root, settings.out)] });
  if (!settings.trusted) processor.use(rehypeSanitizeReported, schema);
  // After sanitizing: both write the inline styles that sanitizing removes.
  processor.use(rehypeMath).use(rehypeHighlight, { theme: settings.codeTheme, lineNumbers: settings.lineNumbers });
  processor.use(tableLayout).use(figures, { mode: settings.figures, label: labels.figure });
  processor.use(xmlText).use(checkFragments);
  const hast = processor.runSync(doc.tree, file) as HastRoot;
  labelTaskItems(hast);
  warnMissingGlyphs(hast, file, fontStack(doc.meta.lang), [doc.meta.title, ...doc.meta.authors, doc.meta.publication ?? '']);
  return {
    meta: doc.meta,
    toc: doc.toc,
    hast,
    assets: file.data.assets ?? [],
    ...(file.data.math ? { math: true } : {}),
    titleBlock: titleBlockHtml(doc.meta),
    tocHtml: tocHtml(doc.toc, doc.meta.lang, settings.toc),
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
  return toHtml(tree);
}

function pageClasses(settings: Settings): string {
  return settings.writingMode === 'vertical' ? 'vertical' : 'horizontal';
}

/** The standalone reading page: everything inline, so the file works on its own. */
export function screenPage(
  doc: RenderedDocument,
  template: Template,
  settings: Settings,
  urls: { asset: (path: string) => string; katexFont: (file: string) => string },
): string {
  const math = doc.math ? katexCss(katexFontFiles(doc.hast), urls.katexFont) : '';
  return fill(template.page, {
    lang: escapeHtml(doc.meta.lang),
    classes: pageClasses(settings),
    title: escapeHtml(doc.meta.title),
    head: screenHead(doc.meta),
    css: [stackVariables(fontStack(doc.meta.lang)), math, template.screenCss].filter(Boolean).join('\n'),
    titleBlock: doc.titleBlock,
    toc: doc.tocHtml,
    body: bodyHtml(doc, urls.asset),
  });
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
    lang: escapeHtml(doc.meta.lang),
    classes: pageClasses(settings),
    title: escapeHtml(doc.meta.title),
    head: '',
    css: [pageRules(doc.meta, settings, stack, doc.parts), math, template.printCss].filter(Boolean).join('\n'),
    titleBlock: doc.titleBlock,
    toc: doc.tocHtml,
    body: bodyHtml(doc, urls.asset, settings.writingMode === 'vertical' ? markVerticalRuns : undefined),
  };
  return fillWithFonts(template.page, values, stack, urls.font);
}
