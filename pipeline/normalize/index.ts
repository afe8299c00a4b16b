/**
 * normalize: scraped plain text → clean Markdown with YAML front matter, and the safe subset of
 * the same repairs for Markdown sources. Each rule lives in ./rules and reports every change it
 * makes on the VFile (remark-lint style: ruleId, place in the original source, actual/expected).
 *
 * Severity policy: routine, meaning-preserving fixes (punctuation width, invisible characters,
 * NFC, lifting header lines into front matter, headings from numbering) are `info`; anything that
 * removes text, guesses, or needs a human eye (mojibake, boilerplate, script, keyword splitting,
 * citations without references) is a warning.
 */
import type { Root, RootContent, Text, Yaml } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import YAML from 'yaml';
import type { DocumentMeta, Script } from '../types.ts';
import { detectLang, LANG_SAMPLE } from '../locale/lang.ts';
import { joinedText, Locator, makeLine, type Line, type Reporter, splitLines } from './lines.ts';
import { toMarkdown } from './markdown.ts';
import { removeBoilerplate } from './rules/boilerplate.ts';
import { applyControl } from './rules/control.ts';
import { extractHeader, headerMeta, headerProse } from './rules/metadata.ts';
import { applyMarkup } from './rules/markup.ts';
import { closeLetterSpacing, joinWrappedLines } from './rules/layout.ts';
import { applyMojibake, keepSuspected } from './rules/mojibake.ts';
import { applyNotes, noteDefinitions } from './rules/notes.ts';
import { applyPdfMarks } from './rules/pdf-marks.ts';
import { applyPinyin } from './rules/pinyin.ts';
import { applyPunctuation } from './rules/punctuation.ts';
import { isStandardEntry } from './rules/references.ts';
import { applyScript } from './rules/script.ts';
import { buildBlocks } from './rules/structure.ts';

export { detectLang } from '../locale/lang.ts';

export interface NormalizeOptions {
  script: Script;
  /** Markdown only: change the text (true, the default) or only report what would change. */
  apply?: boolean;
  /** False for a rule the settings turn off (`rules:` in galley.config.yaml); default: every rule on. */
  enabled?: (rule: string) => boolean;
  /** The document's declared language (its front matter's `lang`), for Markdown sources. */
  lang?: string;
}

/** What the plain-text rules make of a source: its header as metadata, its body as mdast blocks. */
export interface RepairedText {
  meta: DocumentMeta;
  blocks: RootContent[];
}

const allOn = () => true;

function sourceText(file: VFile): string {
  const value: unknown = file.value;
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return '';
}

function reporterFor(file: VFile, source: string): Reporter {
  const locator = new Locator(source);
  return { file, locate: (offset) => locator.place(offset) };
}

/** Line-level text repairs that need no document structure, in the order they must run. */
export function repairLine(line: Line, reporter: Reporter | undefined, on: (rule: string) => boolean = allOn): void {
  if (on('mojibake')) applyMojibake(line, reporter); // first: it needs C1 controls and ASCII-flattened marks as found
  if (on('markup')) applyMarkup(line, reporter); // before control, which removes what a reference like &#1; decodes to
  if (on('control')) applyControl(line, reporter);
}

/**
 * Plain text (file.value is a string, already decoded) → Markdown with YAML front matter.
 * Reports every change on `file` with file.message(). Never throws on any string input.
 */
export function normalizePlainText(file: VFile, options: NormalizeOptions): { markdown: string; meta: DocumentMeta } {
  const { meta, blocks } = repairPlainText(file, options);
  return { markdown: toMarkdown(meta, blocks), meta };
}

/** The plain-text rules on a source, as metadata and mdast blocks (galley's text parser builds on this). */
export function repairPlainText(file: VFile, options: NormalizeOptions): RepairedText {
  const source = sourceText(file);
  const on = options?.enabled ?? allOn;
  const reporter = reporterFor(file, source);
  const script: Script = options?.script ?? 'keep';
  // Messages point into the source; a JavaScript stack captured for each of
  // thousands of them would only cost time.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    let lines = splitLines(source);
    for (const line of lines) repairLine(line, reporter, on);
    if (on('punctuation')) applyPdfMarks(lines, reporter); // before the rules that read marks: spam scores, the head, widening
    if (on('pinyin')) applyPinyin(lines, reporter); // before punctuation, which would widen the annotations' parentheses
    const lang = detectLang(joinedText(lines, LANG_SAMPLE));
    if (on('boilerplate')) lines = removeBoilerplate(lines, lang, reporter);
    const header = extractHeader(lines, reporter, lang);
    const fields = header.fields;
    const unwrapped = on('layout') ? closeLetterSpacing(joinWrappedLines(header.body, reporter), reporter) : header.body;
    const { body, notes } = applyNotes(unwrapped, reporter); // before structure, which would make `1.` notes headings
    const textLines = [...headerProse(fields), ...body, ...notes.map((note) => note.line)];
    // A reference in GB/T 7714's form is set with Western marks by that standard (references.ts).
    if (on('punctuation')) for (const line of textLines) if (!isStandardEntry(line.text)) applyPunctuation(line, reporter);
    if (on('script')) applyScript([...textLines, ...fields.authors, ...(fields.publication ? [fields.publication] : []), ...fields.keywords], lang, script, reporter);
    const blocks = [...buildBlocks(body, reporter, notes), ...noteDefinitions(notes)];
    const meta: DocumentMeta = {
      title: fields.title?.text ?? '',
      authors: fields.authors.map((a) => a.text),
      lang,
      keywords: fields.keywords.map((k) => k.text),
    };
    Object.assign(meta, headerMeta(fields));
    if (fields.date) meta.date = fields.date;
    if (fields.time) meta.time = fields.time;
    if (fields.publication) meta.publication = fields.publication.text;
    if (fields.issue) meta.issue = fields.issue;
    return { meta, blocks };
  } catch (error) {
    // A bug in one rule must not lose the document: fall back to the text as plain paragraphs.
    file.message(`normalize failed (${(error as Error)?.message ?? String(error)}); text kept unrepaired`, {
      ruleId: 'internal-error',
      source: 'galley',
    });
    const meta: DocumentMeta = { title: '', authors: [], lang: 'und', keywords: [] };
    const blocks: RootContent[] = source
      .split(/\r\n|\r|\n/)
      .filter((t) => t.trim() !== '')
      .map((t) => ({ type: 'paragraph', children: [{ type: 'text', value: t.trim().replace(/[\uD800-\uDFFF]/g, '\uFFFD') }] }));
    return { meta, blocks };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function declaredLang(tree: Root): string | undefined {
  const yaml = tree.children.find((n): n is Yaml => n.type === 'yaml');
  if (!yaml) return undefined;
  try {
    const data: unknown = YAML.parse(yaml.value, { schema: 'core' });
    const lang = (data as { lang?: unknown } | null)?.lang;
    return typeof lang === 'string' ? lang : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Safe rules only, for Markdown sources: punctuation width in text nodes (never inside code,
 * inlineCode, link urls, html), NFC, zero-width/control chars, script report/convert.
 * An author's Markdown is published as written unless `apply` is set (repairs: apply): the
 * repairs are then only reported. With it, mutates tree; reports on file either way. Places inside a text node are exact unless the source used
 * escapes or character references before the change in that node (then they are approximate).
 */
export function normalizeMarkdownTree(tree: Root, file: VFile, options: NormalizeOptions): void {
  const source = sourceText(file);
  const reporter = reporterFor(file, source);
  const script: Script = options?.script ?? 'keep';
  const texts: string[] = [];
  visit(tree, 'text', (node) => {
    texts.push(node.value);
  });
  const declared = options?.lang ?? declaredLang(tree);
  const lang = declared === 'zh-Hant' || declared === 'zh-Hans' ? declared : detectLang(texts.join('\n'));
  const apply = options?.apply ?? true;
  const on = options?.enabled ?? allOn;
  const before = file.messages.length;
  const nodes: Text[] = [];
  const lines: Line[] = [];
  visit(tree, 'text', (node) => {
    const line = makeLine(node.value, node.position?.start.offset ?? 0);
    if (on('control')) applyControl(line, reporter);
    keepSuspected(line); // as in plain text: punctuation and script never rewrite suspected mojibake
    if (on('punctuation')) applyPunctuation(line, reporter);
    nodes.push(node);
    // Converting the script is asked for by name (script: hant), not a repair: unapplied repairs or not, it happens.
    lines.push(apply ? line : makeLine(node.value, line.origin[0] ?? 0));
  });
  // All text nodes at once: one converter for the document's stray characters, not one for each node.
  if (on('script')) applyScript(lines, lang, script, reporter);
  if (apply || on('script')) nodes.forEach((node, n) => (node.value = lines[n]!.text));
  const reported = file.messages.length - before;
  if (!apply && reported > 0) {
    file.info(`${reported} repair${reported === 1 ? '' : 's'} reported and not applied: the Markdown is published as written (set repairs: apply to apply them)`, {
      ruleId: 'repairs',
      source: 'galley',
    });
  }
}
