/**
 * structure: plain text has no markup, but Chinese articles number their sections in a fixed
 * hierarchy (一、 > （一） > 1. / 1、 > （1）). Recovering headings from that numbering gives the
 * HTML outline, the EPUB table of contents and PDF bookmarks. Only short lines that read like
 * titles qualify, so a paragraph that happens to start with "1." stays a paragraph.
 */
import type { Heading, Paragraph, RootContent } from 'mdast';
import { originAt, report, type Line, type Reporter } from '../lines.ts';
import { noteReferences, type Note } from './notes.ts';

export const RULE_ID = 'structure';
export const CITATIONS_RULE_ID = 'citations';

const CN_NUM = '[一二三四五六七八九十百〇零]+';
const LEVELS: Array<[RegExp, Heading['depth']]> = [
  [new RegExp(`^${CN_NUM}、\\s*\\S`, 'u'), 2],
  [new RegExp(`^[（(]${CN_NUM}[）)]\\s*\\S`, 'u'), 3],
  [/^\d{1,2}(?:[.．](?!\d)|、)\s*\S/u, 4],
  [/^[（(]\d{1,2}[）)]\s*\S/u, 5],
];
export const MAX_HEADING_LENGTH = 40;

/** Heading depth for a line, or undefined when it is not a numbered, title-like line. */
export function headingDepth(text: string): Heading['depth'] | undefined {
  const t = text.trim();
  if ([...t].length > MAX_HEADING_LENGTH) return undefined;
  if (/[。！？!?；;]/u.test(t) || /[，,：:、]$/u.test(t)) return undefined;
  for (const [pattern, depth] of LEVELS) if (pattern.test(t)) return depth;
  return undefined;
}

const CITATION = /\[\d{1,3}(?:\s*[-–,，]\s*\d{1,3})*\]/u;
const REFERENCES_HEADER = /^\s*(?:參考文獻|参考文献|參考資料|参考资料|引用文獻|引用文献|注釋|注释|references|bibliography|works cited)\s*[:：]?\s*$/iu;

/** True when a line opens a reference list and at least one entry follows. */
export function hasReferenceList(texts: string[]): boolean {
  for (let i = 0; i < texts.length; i++) {
    if (!REFERENCES_HEADER.test(texts[i]!)) continue;
    if (texts.slice(i + 1).some((t) => t.trim() !== '')) return true;
  }
  return false;
}

/** Builds headings and paragraphs, one block per non-empty line. */
export function buildBlocks(lines: Line[], reporter: Reporter | undefined, notes: Note[] = []): RootContent[] {
  const blocks: RootContent[] = [];
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') continue;
    const depth = headingDepth(text);
    if (depth !== undefined) {
      const heading: Heading = { type: 'heading', depth, children: noteReferences(text, notes) };
      blocks.push(heading);
      if (reporter) report(reporter, originAt(line, 0), RULE_ID, `Numbered line becomes a level-${depth} heading`, line.text, `${'#'.repeat(depth)} ${text}`, 'info');
    } else {
      const paragraph: Paragraph = { type: 'paragraph', children: noteReferences(text, notes) };
      blocks.push(paragraph);
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
