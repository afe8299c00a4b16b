/** One document through the text stages: read → normalize → parse → enrich → render. */
import { dirname, resolve } from 'node:path';
import { VFile } from 'vfile';
import { documentSettings, resolveSettings, type Settings, type SettingsInput } from '../config/index.ts';
import { enrich } from '../enrich/index.ts';
import { bibliographyPath, resolveCitations } from '../enrich/citations.ts';
import { normalizeMarkdownTree, normalizePlainText } from '../normalize/index.ts';
import { parseMarkdown, type ParsedDocument } from '../parse/index.ts';
import { readSource } from '../read/index.ts';
import { renderDocument, type RenderedDocument } from '../render/index.ts';
import { prepareHighlighting } from '../render/highlight.ts';
import type { Source } from './sources.ts';

export interface PreparedDocument {
  source: Source;
  /** Carries every message about the document. */
  file: VFile;
  settings: Settings;
  rendered: RenderedDocument;
}

export interface Layers {
  config: SettingsInput;
  cli: SettingsInput;
}

export async function prepareDocument(source: Source, layers: Layers, root: string): Promise<PreparedDocument> {
  const file = await readSource(source.path, source.display);
  const base = resolveSettings([layers.config, layers.cli]);
  const parsed = parseSource(file, source, base);
  const settings = resolveSettings([layers.config, documentSettings(parsed.frontMatter), layers.cli], source.display);
  if (source.kind === 'markdown') normalizeMarkdownTree(parsed.tree, file, { script: settings.script, apply: settings.repairs === 'apply' });
  const enriched = enrich(parsed.tree, parsed.frontMatter, file);
  const fromDocument = documentSettings(parsed.frontMatter).bibliography !== undefined;
  await resolveCitations(enriched.tree, file, {
    bibliography: bibliographyPath(settings.bibliography, fromDocument, dirname(source.path), root),
    style: /\.csl$/i.test(settings.csl) ? resolve(fromDocument ? dirname(source.path) : root, settings.csl) : settings.csl,
    lang: enriched.meta.lang,
  });
  await prepareHighlighting(parsed.tree, { theme: settings.codeTheme, lineNumbers: settings.lineNumbers }, source.display);
  const rendered = renderDocument(enriched, file, settings, root);
  return { source, file, settings, rendered };
}

/** Plain text becomes Markdown first, so both kinds share every later stage. */
function parseSource(file: VFile, source: Source, settings: Settings): ParsedDocument {
  if (source.kind === 'markdown') return parseMarkdown(file, { math: true });
  const { markdown } = normalizePlainText(file, { script: settings.script });
  return parseMarkdown(new VFile({ path: file.path, value: markdown }));
}
