/**
 * One document's processor, built once per settings and frozen, the way remark
 * and rehype presets are: a parser (remark for Markdown, galley's text parser
 * for scraped text), galley's plugins, remark-rehype, rehype plugins. Front
 * matter, metadata, contents and assets travel on file.data.
 */
import { resolve } from 'node:path';
import type { Root as HastRoot } from 'hast';
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import type { Settings } from '../config/index.ts';
import { remarkGalley } from '../parse/index.ts';
import { rehypeHighlight } from '../render/highlight.ts';
import { rehypeMath } from '../render/math.ts';
import { rehypeRawWhereNeeded } from '../render/raw.ts';
import { guardResources } from '../render/resources.ts';
import { rehypeSanitizeReported } from '../render/sanitize.ts';
import { checkFragments } from '../render/fragments.ts';
import { tableLayout } from '../render/tables.ts';
import { xmlText } from '../render/xml-text.ts';
import type { SourceKind } from '../types.ts';
import { citations, dropFrontMatter, enrichDocument, figureLabels, missingGlyphs, footnoteLabels, highlighting, repairMarkdown, taskLabels } from './plugins.ts';
import { ruleEnabled, ruleSeverity } from './rules.ts';
import { galleyText } from './text-parser.ts';
import { loadPlugins } from './user-plugins.ts';
import { stageMark } from './stage.ts';

type PropertyDefinition = NonNullable<NonNullable<SanitizeSchema['attributes']>[string]>[number];

/** Untrusted HTML keeps structure and the attributes galley itself sets, nothing that runs. */
const schema = {
  ...defaultSchema,
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'id', 'lang', 'dir'],
    // A link's classes are limited to the footnotes' there; `url` marks one that shows its address (enrich/index.ts).
    a: (defaultSchema.attributes?.a ?? []).map((attribute): PropertyDefinition => (Array.isArray(attribute) && attribute[0] === 'className' ? [...attribute, 'url'] as PropertyDefinition : attribute)),
  },
};


/** The parser for a kind of source, with front matter read onto file.data.matter. */
export function parser(kind: SourceKind, settings: Pick<Settings, 'script' | 'rules'>): Processor<any, any, any, any, any> {
  const enabled = ruleEnabled(settings.rules);
  const base = kind === 'markdown' ? unified().use(remarkGalley, { math: true }) : unified().use(galleyText, { script: settings.script, enabled });
  return base;
}

type AnyProcessor = Processor<any, any, any, any, any>;
const cache = new Map<string, Promise<AnyProcessor>>();

/**
 * Source → hast: parse, repair, enrich, the users' remark plugins, remark-rehype,
 * guard, sanitize, the users' rehype plugins. Frozen, and shared by every
 * document with these settings; a missing plugin fails each document that needs it.
 */
export function documentProcessor(kind: SourceKind, settings: Settings, root: string): Promise<AnyProcessor> {
  const key = JSON.stringify([kind, settings, root]);
  let known = cache.get(key);
  if (!known) {
    known = assemble(kind, settings, root);
    cache.set(key, known);
    known.catch(() => cache.delete(key));
  }
  return known;
}

async function assemble(kind: SourceKind, settings: Settings, root: string): Promise<AnyProcessor> {
  const [remarkPlugins, rehypePlugins] = await Promise.all([loadPlugins(settings.remarkPlugins, root), loadPlugins(settings.rehypePlugins, root)]);
  const processor = parser(kind, settings);
  if (kind === 'markdown') processor.use(stageMark('normalize')).use(repairMarkdown, { script: settings.script, enabled: ruleEnabled(settings.rules), apply: settings.repairs === 'apply' });
  const code = { theme: settings.codeTheme, lineNumbers: settings.lineNumbers };
  processor
    .use(dropFrontMatter)
    .use(stageMark('enrich'))
    .use(enrichDocument)
    .use(citations, { settings, root })
    .use(highlighting, code)
    .use(stageMark('remark plugins'))
    .use(remarkPlugins)
    .use(stageMark('render'))
    .use(remarkRehype, {
      allowDangerousHtml: true,
      clobberPrefix: '',
      // ↩ is missing from the bundled fonts; ↑ is in every one of them.
      footnoteBackContent: '↑',
    })
    .use(footnoteLabels)
    .use(rehypeRawWhereNeeded)
    .use(guardResources, { root, exclude: [resolve(root, settings.out)] });
  if (!settings.trusted) processor.use(rehypeSanitizeReported, schema);
  // After sanitizing: both write the inline styles that sanitizing removes.
  processor.use(rehypeMath).use(rehypeHighlight, code);
  processor.use(tableLayout).use(figureLabels, settings.figures).use(xmlText).use(checkFragments);
  processor.use(taskLabels).use(missingGlyphs).use(stageMark('rehype plugins')).use(rehypePlugins).use(ruleSeverity, settings.rules);
  return processor.freeze();
}

export type { HastRoot };
