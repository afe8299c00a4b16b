/**
 * structure: plain text has no markup, but Chinese articles number their sections in a fixed
 * hierarchy (一、 > （一） > 1. / 1、 > （1））, each kind a level below the ones above it that the page uses. Recovering headings from that numbering gives the
 * HTML outline, the EPUB table of contents and PDF bookmarks. Longer works put parts, chapters
 * and sections above them (第一章, 第一節), Taiwanese papers 壹、貳、參、 (see OUTER). Only short
 * lines that read like titles qualify, so a paragraph that happens to start with "1." stays a
 * paragraph.
 */
import type { Heading, Paragraph, RootContent } from 'mdast';
import { originAt, report, type Line, type Reporter } from '../lines.ts';
import { noteReferences, type Note } from './notes.ts';
import { isStandardEntry, referencesHeader } from './references.ts';

export const RULE_ID = 'structure';
export const CITATIONS_RULE_ID = 'citations';

const CN_NUM = '[一二三四五六七八九十百〇零]+';
const ORDINAL = `(?:${CN_NUM}|\\d{1,3})`;
/**
 * Outer kinds, outermost first: parts, chapters, sections (`第一章 緒論`, `第二節`) and the
 * financial numerals Taiwanese papers number their main sections with (`壹、`). A section word
 * that also starts ordinary words (节课, 篇幅, 部分人) needs a separator after it.
 */
const OUTER: RegExp[] = [
  new RegExp(`^第${ORDINAL}(?:篇|部分)(?:[\\s　、：:．.]|$)`, 'u'),
  new RegExp(`^第${ORDINAL}章(?:[\\s　、：:．.]|\\p{Script=Han}|$)`, 'u'),
  new RegExp(`^第${ORDINAL}[節节](?:[\\s　、：:．.]|$)`, 'u'),
  /^[壹貳贰參叁参肆伍陸陆柒捌玖拾佰]+[、．.]\s*\S/u,
];
/** Inner kinds, under the outer ones: 一、 > （一） > 1. / 1、 > （1）. */
const INNER: RegExp[] = [
  new RegExp(`^${CN_NUM}[ 　]?、\\s*\\S`, 'u'),
  new RegExp(`^[（(]${CN_NUM}[）)]\\s*\\S`, 'u'),
  /^\d{1,2}(?:[.．](?!\d)|[ 　]?、)\s*\S/u,
  /^[（(]\d{1,2}[）)]\s*\S/u,
];
export const MAX_HEADING_LENGTH = 40;

/** A space a PDF's layout left between a heading's number and its 、 (`1 、題目`): the heading's text closes it. */
const NUMBER_GAP = new RegExp(`^(\\d{1,2}|${CN_NUM})[ 　]+(?=、)`, 'u');

/** The kind of numbering a title-like line opens with: 0–3 the outer kinds, 4–7 the inner ones. */
export function headingKind(text: string): number | undefined {
  const t = text.trim();
  if (t.length > MAX_HEADING_LENGTH * 2 || [...t].length > MAX_HEADING_LENGTH) return undefined;
  if (/[。！？!?；;]/u.test(t) || /[，,：:、]$/u.test(t) || isStandardEntry(t)) return undefined;
  const outer = OUTER.findIndex((pattern) => pattern.test(t));
  if (outer >= 0) return outer;
  const inner = INNER.findIndex((pattern) => pattern.test(t));
  return inner >= 0 ? OUTER.length + inner : undefined;
}

/** A part, chapter or section heading, or a 壹、 one: the kinds above the ordinary numbering. */
export function isOuterHeading(text: string): boolean {
  const kind = headingKind(text);
  return kind !== undefined && kind < OUTER.length;
}

/**
 * Heading depth for a line, or undefined when it is not a numbered, title-like line. Levels go
 * by kind, outermost first, among the kinds the document uses (`usedKinds`): a page numbered
 * 一、 and 1. only puts 1. at level 3, and one numbered 1. alone at level 2, with no level skipped.
 */
export function headingDepth(text: string, usedKinds: readonly number[] = []): Heading['depth'] | undefined {
  const kind = headingKind(text);
  return kind === undefined ? undefined : depthOf(kind, usedKinds);
}

function depthOf(kind: number, usedKinds: readonly number[]): Heading['depth'] {
  const used = [...new Set([...usedKinds, kind])].sort((a, b) => a - b);
  return Math.min(2 + used.indexOf(kind), 6) as Heading['depth'];
}

const CITATION = /\[\d{1,3}(?:\s*[-–,，]\s*\d{1,3})*\]/u;

/** True when a line opens a reference list and at least one entry follows. */
export function hasReferenceList(texts: string[]): boolean {
  for (let i = 0; i < texts.length; i++) {
    if (referencesHeader(texts[i]!) === undefined) continue;
    if (texts.slice(i + 1).some((t) => t.trim() !== '')) return true;
  }
  return false;
}

/** `编者按：…`, `【編者按】…`, `编后语：…`: the editor's words about the article, not the author's. */
const EDITOR_NOTE = /^[【[〔]?\s*(?:[编編]者按|[编編]者的[话話]|[编編][后後][语語記记]|[编編]者附[记記])\s*(?:[】\]〕]\s*[:：]?|[:：]|\s)\s*\S/u;
const EDITOR_NOTE_START = new Set(['编', '編', '【', '[', '〔']);

/** `0 引言`: the first section of a journal article numbered the decimal way, from 0. */
const ZERO_SECTION = /^\s*0[ 　]+(?:引\s*言|前\s*言|[绪緒]\s*[论論]|[导導]\s*言|引\s*[论論]|[问問][题題]的提出|概\s*述)\s*$/u;
/** `1 研究设计`, `2.1 样本与数据`: a number, a space, a title (not a count: `10 万元`, `3 个社区`). */
const DECIMAL = /^(\d{1,2})((?:[.．]\d{1,2}){0,2})[ 　]+(?![万萬亿億个個年月日元人岁歲名位家次种種项項条條件米吨噸%％])[\p{Script=Han}A-Za-z“《]/u;

/** The kind of a decimal section number (after the inner kinds, one per level), on a page that has `0 引言`. */
function decimalKind(text: string): number | undefined {
  const t = text.trim();
  if ([...t].length > 30 || /[。！？!?；;，,：:、]/u.test(t)) return undefined;
  const match = DECIMAL.exec(t);
  if (!match || Number(match[1]) > 20) return undefined;
  return OUTER.length + INNER.length + (match[2]!.match(/[.．]/gu)?.length ?? 0);
}

/** Builds headings and paragraphs, one block per non-empty line; an editor's note is a block quotation. */
export function buildBlocks(lines: Line[], reporter: Reporter | undefined, notes: Note[] = []): RootContent[] {
  const blocks: RootContent[] = [];
  // A journal that numbers its sections 0, 1, 1.1 from `0 引言`: those numbers are headings too, on that page only.
  const decimal = lines.some((line) => ZERO_SECTION.test(line.text));
  const kinds = lines.map((line) => headingKind(line.text) ?? (decimal ? decimalKind(line.text) : undefined));
  const used = [...new Set(kinds.filter((kind): kind is number => kind !== undefined))];
  for (const [i, line] of lines.entries()) {
    const found = line.text.trim();
    if (found === '') continue;
    const kind = kinds[i];
    const header = referencesHeader(found);
    if (header !== undefined && lines.slice(i + 1).some((next) => next.text.trim() !== '')) {
      blocks.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: header }] });
      if (reporter) report(reporter, originAt(line, 0), RULE_ID, 'The reference list’s header becomes a level-2 heading', line.text, `## ${header}`, 'info');
      continue;
    }
    const depth = kind === undefined ? undefined : depthOf(kind, used);
    if (depth !== undefined) {
      const text = found.replace(NUMBER_GAP, '$1');
      const heading: Heading = { type: 'heading', depth, children: noteReferences(text, notes) };
      blocks.push(heading);
      if (reporter) report(reporter, originAt(line, 0), RULE_ID, `Numbered line becomes a level-${depth} heading`, line.text, `${'#'.repeat(depth)} ${text}`, 'info');
    } else {
      const paragraph: Paragraph = { type: 'paragraph', children: noteReferences(found, notes) };
      if (!EDITOR_NOTE_START.has(found[0]!) || !EDITOR_NOTE.test(found)) blocks.push(paragraph);
      else {
        blocks.push({ type: 'blockquote', children: [paragraph] });
        if (reporter) report(reporter, originAt(line, 0), RULE_ID, 'The editor’s note is set apart from the article as a quotation block', line.text, `> ${found}`, 'info');
      }
    }
  }
  const texts = lines.map((l) => l.text);
  const cited = lines.find((l) => CITATION.test(l.text));
  if (cited && reporter && !hasReferenceList(texts)) {
    const at = cited.text.search(CITATION);
    report(reporter, originAt(cited, Math.max(0, at)), CITATIONS_RULE_ID, 'The text cites sources ([n]) but has no reference list', undefined, undefined, 'warning');
  }
  return blocks;
}
