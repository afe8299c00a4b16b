/**
 * galley's own stages as unified plugins, each `(tree, file)`: they wrap the
 * stage modules (normalize/, enrich/, render/) and leave what they find on
 * file.data, where the next plugin and the emitters read it.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { dirname, resolve } from 'node:path';
import { documentSettings, type Settings } from '../config/index.ts';
import { bibliographyPath, resolveCitations } from '../enrich/citations.ts';
import { prepareHighlighting, type HighlightOptions } from '../render/highlight.ts';
import type { Script } from '../types.ts';
import { enrich, type TocEntry } from '../enrich/index.ts';
import { labelsFor } from '../locale/labels.ts';
import { normalizeMarkdownTree } from '../normalize/index.ts';
import { fontStack } from '../fonts/catalogue.ts';
import { figures } from '../render/figures.ts';
import { warnMissingGlyphs } from '../render/glyphs.ts';
import { labelTaskItems } from '../render/task-lists.ts';
import type { DocumentMeta } from '../types.ts';

declare module 'vfile' {
  interface DataMap {
    meta: DocumentMeta;
    toc: TocEntry[];
  }
}

export interface RepairOptions {
  script: Script;
  enabled: (rule: string) => boolean;
  /** Change the text, or only report what would change (`repairs: report`). */
  apply: boolean;
}

/** The safe repair rules on a Markdown document's text, in the language its front matter declares. */
export function repairMarkdown(options: RepairOptions) {
  return (tree: Root, file: VFile) => {
    const lang = file.data.matter?.lang;
    normalizeMarkdownTree(tree, file, { ...options, lang: typeof lang === 'string' ? lang : undefined });
  };
}

/** The front matter's node has been read onto file.data.matter; later stages see only the text. */
export function dropFrontMatter() {
  return (tree: Root) => {
    tree.children = tree.children.filter((node) => node.type !== 'yaml');
  };
}

/** Metadata, heading ids, citation marks and the table of contents (enrich/). */
export function enrichDocument() {
  return (tree: Root, file: VFile) => {
    const { meta, toc } = enrich(tree, file.data.matter ?? {}, file);
    file.data.meta = meta;
    file.data.toc = toc;
  };
}

/** [@key] citations against the bibliography the front matter or the config names (enrich/citations.ts). */
export function citations(options: { settings: Settings; root: string }) {
  const { settings, root } = options;
  return async (tree: Root, file: VFile) => {
    const fromDocument = documentSettings(file.data.matter ?? {}).bibliography !== undefined;
    const dir = dirname(resolve(root, file.path));
    await resolveCitations(tree, file, {
      bibliography: bibliographyPath(settings.bibliography, fromDocument, dir, root),
      style: /\.csl$/i.test(settings.csl) ? resolve(fromDocument ? dir : root, settings.csl) : settings.csl,
      lang: file.data.meta?.lang ?? 'und',
    });
  };
}

/** Code blocks' languages loaded before remark-rehype, so highlighting itself is synchronous (render/highlight.ts). */
export function highlighting(options: HighlightOptions) {
  return (tree: Root, file: VFile) => prepareHighlighting(tree, options, file.path);
}

/** The footnotes' heading and back links in the document's language, known only once enrich has run. */
export function footnoteLabels() {
  return (tree: HastRoot, file: VFile) => {
    const labels = labelsFor(file.data.meta?.lang ?? 'und');
    visit(tree, 'element', (section: Element) => {
      if (section.properties.dataFootnotes === undefined) return;
      visit(section, 'element', (node: Element) => {
        if (node.properties.id === 'footnote-label') node.children = [{ type: 'text', value: labels.notes }];
        if (node.properties.dataFootnoteBackref !== undefined) node.properties.ariaLabel = labels.backToContent;
      });
    });
  };
}

/** Figures and their captions (render/figures.ts), labelled in the document's language. */
export function figureLabels(mode: Settings['figures']) {
  return (tree: HastRoot, file: VFile) => figures({ mode, label: labelsFor(file.data.meta?.lang ?? 'und').figure })(tree);
}

/** Characters no bundled font draws, reported (render/glyphs.ts). */
export function missingGlyphs() {
  return (tree: HastRoot, file: VFile) => {
    const meta = file.data.meta!;
    warnMissingGlyphs(tree, file, fontStack(meta.lang), [meta.title, ...meta.authors, meta.publication ?? '']);
  };
}

/** Task-list checkboxes named by their item's text (render/task-lists.ts). */
export function taskLabels() {
  return (tree: HastRoot) => labelTaskItems(tree);
}
