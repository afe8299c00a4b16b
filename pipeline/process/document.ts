/** One document through its processor: read, parse, settings from its front matter, then every plugin. */
import type { Root as HastRoot } from 'hast';
import type { VFile } from 'vfile';
import { documentSettings, resolveSettings, type Settings, type SettingsInput } from '../config/index.ts';
import { readSource } from '../read/index.ts';
import { renderedDocument, type RenderedDocument } from '../render/index.ts';
import type { SourceKind } from '../types.ts';
import { documentProcessor, parser } from './index.ts';
import { enterStage } from './stage.ts';

/** The one source a processor reads (the batch's Source is one). */
export interface DocumentSource {
  path: string;
  /** The path as messages name it. */
  display: string;
  kind: SourceKind;
}

export interface PreparedDocument {
  source: DocumentSource;
  /** Carries every message about the document. */
  file: VFile;
  settings: Settings;
  rendered: RenderedDocument;
}

export interface Layers {
  config: SettingsInput;
  cli: SettingsInput;
}

export async function prepareDocument(source: DocumentSource, layers: Layers, root: string): Promise<PreparedDocument> {
  enterStage('read');
  const file = await readSource(source.path, source.display);
  const base = resolveSettings([layers.config, layers.cli]);
  // The front matter, read as the source is parsed, may choose the script and the look: the rest runs with those settings.
  // Scraped text is repaired as it is parsed.
  enterStage(source.kind === 'markdown' ? 'parse' : 'normalize');
  const tree = parser(source.kind, base).parse(file);
  const settings = resolveSettings([layers.config, documentSettings(file.data.matter ?? {}), layers.cli], source.display);
  const processor = await documentProcessor(source.kind, settings, root);
  const hast = (await processor.run(tree, file)) as HastRoot;
  enterStage('render');
  return { source, file, settings, rendered: renderedDocument(hast, file, settings) };
}
