/**
 * metadata: a scraped article opens with its title, then date, author, journal and keywords run
 * together on a few lines. They are data, not prose: lifted into front matter they feed the
 * title page, EPUB metadata and PDF info, and they must not be typeset twice in the body.
 */
import { countHan } from '../chars.ts';
import { originAt, report, sliceLine, trimLine, type Line, type Reporter } from '../lines.ts';
import { isRepeatedByline, removed } from './boilerplate.ts';

export const RULE_ID = 'metadata';

export interface HeaderFields {
  title?: Line;
  authors: Line[];
  date?: string;
  time?: string;
  publication?: Line;
  issue?: string;
  keywords: Line[];
}

const DATE_LINE =
  /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}):(\d{2})(?::\d{2})?)?\s*(?:(?:作者|文|by)\s*[:：]?\s*)?(.*?)\s*$/iu;
const ISSUE_LINE =
  /^\s*《?([^《》\d][^《》]{0,39}?)》?\s*((?:\d{4}\s*年\s*)?第?\s*\d{1,3}\s*期|(?:vol\.?\s*\d+\s*[,，]?\s*)?no\.?\s*\d+)\s*$/iu;
const KEYWORDS_LINE = /^\s*(?:關鍵詞|关键词|關鍵字|关键字|key\s*words?|keywords?|標籤|标签|tags?)\s*[:：]\s*(\S.*?)\s*$/iu;
const AUTHOR_LINE = /^\s*(?:作者|(?:author|by)\b)\s*[:：]?\s*(\S.*?)\s*$/iu;
const SEPARATORS = /[;；,，、|/]+/u;

function isTitleLike(text: string): boolean {
  const t = text.trim();
  return t !== '' && [...t].length <= 80 && !/[。.!！?？]$/.test(t) && /[\p{L}\p{N}]/u.test(t);
}

/** Names from the tail of a date line or an author line: short, separated, letters only. */
function splitNames(line: Line, start: number, end: number): Line[] | undefined {
  const text = line.text.slice(start, end);
  if (text.trim() === '' || [...text].length > 40 || /[。.!！?？:：]/.test(text)) return undefined;
  const names: Line[] = [];
  const pattern = /[^\s、，,;；/|]+/gu;
  for (const match of text.matchAll(pattern)) {
    if (!/\p{L}/u.test(match[0])) return undefined;
    names.push(sliceLine(line, start + match.index, start + match.index + match[0].length));
  }
  return names.length > 0 ? names : undefined;
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) count++;
  return count;
}

/**
 * Splits keywords whose separators were lost (`黨務工作基層干部責任感`) using the article itself:
 * real keywords recur in the body, so choose the segmentation whose chunks recur, preferring
 * long chunks (a keyword is a term, not its component words). Returns undefined when some chunk
 * never occurs in the body: then there is no evidence and the string is kept whole.
 */
export function segmentKeywords(run: string, body: string): string[] | undefined {
  const chars = Array.from(run);
  const n = chars.length;
  if (n < 4 || n > 64) return undefined;
  const best: Array<{ score: number; cut: number } | undefined> = new Array(n + 1);
  best[0] = { score: 0, cut: 0 };
  for (let end = 1; end <= n; end++) {
    for (let len = 2; len <= Math.min(8, end); len++) {
      const previous = best[end - len];
      if (!previous) continue;
      const chunk = chars.slice(end - len, end).join('');
      const count = occurrences(body, chunk);
      if (count === 0) continue;
      const score = previous.score + len * len * (1 + Math.log(count));
      if (!best[end] || score > best[end]!.score) best[end] = { score, cut: end - len };
    }
  }
  if (!best[n]) return undefined;
  const parts: string[] = [];
  for (let end = n; end > 0; end = best[end]!.cut) parts.unshift(chars.slice(best[end]!.cut, end).join(''));
  return parts.length > 1 ? parts : undefined;
}

function splitKeywords(line: Line, start: number, body: string, reporter: Reporter | undefined): Line[] {
  const value = trimLine(sliceLine(line, start, line.text.length));
  const text = value.text;
  const pieces = (pattern: RegExp): Line[] => {
    const out: Line[] = [];
    for (const match of text.matchAll(pattern)) out.push(trimLine(sliceLine(value, match.index, match.index + match[0].length)));
    return out.filter((l) => l.text !== '');
  };
  if (SEPARATORS.test(text)) return pieces(/[^;；,，、|/]+/gu);
  if (countHan(text) > 0 && /\s/.test(text)) return pieces(/\S+/gu);
  if (countHan(text) === [...text].length) {
    const parts = segmentKeywords(text, body);
    if (parts) {
      const out: Line[] = [];
      let at = 0;
      for (const part of parts) {
        out.push(sliceLine(value, at, at + part.length));
        at += part.length;
      }
      if (reporter) {
        report(reporter, originAt(value, 0), RULE_ID, 'Split keywords without separators by the terms that recur in the article', text, parts.join('、'), 'warning');
      }
      return out;
    }
    if (reporter && [...text].length > 6) {
      report(reporter, originAt(value, 0), RULE_ID, 'Keywords have no separators and the article gives no evidence where to split them; kept as one keyword', text, undefined, 'warning');
    }
  }
  return [value];
}

/**
 * Reads the header (title and the metadata lines after it) from the top of the text and returns
 * what it found and the remaining body lines. A line that matches no header pattern ends the header.
 */
export function extractHeader(lines: Line[], reporter: Reporter | undefined): { fields: HeaderFields; body: Line[] } {
  const fields: HeaderFields = { authors: [], keywords: [] };
  let i = 0;
  while (i < lines.length && lines[i]!.text.trim() === '') i++;
  const first = lines[i];
  const isHeaderLine = (t: string) => DATE_LINE.test(t) || KEYWORDS_LINE.test(t);
  if (!first || !isTitleLike(first.text) || isHeaderLine(first.text)) {
    if (reporter) reporter.file.message('No title line found at the top of the text', { place: reporter.locate(first ? originAt(first, 0) : 0), ruleId: RULE_ID, source: 'galley' });
    return { fields, body: lines };
  }
  fields.title = trimLine(first);
  const info = (line: Line, reason: string, expected: string) => {
    if (reporter) report(reporter, originAt(line, 0), RULE_ID, reason, line.text, expected, 'info');
  };
  info(first, 'Move title to front matter', fields.title.text);
  const restText = lines.slice(i + 1).map((l) => l.text).join('\n');
  let j = i + 1;
  let seen = 0;
  for (; j < lines.length && seen < 8; j++) {
    const line = lines[j]!;
    const text = line.text;
    if (text.trim() === '') continue;
    seen++;
    let match: RegExpExecArray | null;
    if ((match = DATE_LINE.exec(text))) {
      const [, y, mo, d, hh, mm, rest] = match;
      const month = Number(mo);
      const day = Number(d);
      const timeOk = hh === undefined || (Number(hh) < 24 && Number(mm) < 60);
      const names = rest ? splitNames(line, text.lastIndexOf(rest), text.lastIndexOf(rest) + rest.length) : [];
      if (month >= 1 && month <= 12 && day >= 1 && day <= 31 && timeOk && names !== undefined && !fields.date) {
        fields.date = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
        if (hh !== undefined) fields.time = `${hh.padStart(2, '0')}:${mm}`;
        if (names.length > 0 && fields.authors.length === 0) fields.authors = names;
        const parts = [`date ${fields.date}`, fields.time ? `time ${fields.time}` : '', names.length ? `authors ${names.map((n) => n.text).join('、')}` : ''];
        info(line, `Move ${parts.filter(Boolean).join(', ')} to front matter`, parts.filter(Boolean).join('; '));
        continue;
      }
    }
    if ((match = KEYWORDS_LINE.exec(text)) && fields.keywords.length === 0) {
      const start = text.indexOf(match[1]!, text.search(/[:：]/u));
      fields.keywords = splitKeywords(line, start, restText.replace(text, ''), reporter);
      info(line, 'Move keywords to front matter', fields.keywords.map((k) => k.text).join('、'));
      continue;
    }
    if ((match = ISSUE_LINE.exec(text)) && !fields.issue) {
      const publication = match[1]!.trim();
      const pubStart = text.indexOf(publication);
      fields.publication = sliceLine(line, pubStart, pubStart + publication.length);
      fields.issue = match[2]!.replace(/\s+/g, '');
      info(line, 'Move publication and issue to front matter', `${publication}; ${fields.issue}`);
      continue;
    }
    if ((match = AUTHOR_LINE.exec(text)) && fields.authors.length === 0) {
      const start = text.lastIndexOf(match[1]!);
      const names = splitNames(line, start, start + match[1]!.length);
      if (names) {
        fields.authors = names;
        info(line, 'Move authors to front matter', names.map((n) => n.text).join('、'));
        continue;
      }
    }
    if (isRepeatedByline(text, fields.authors.map((a) => a.text))) {
      if (reporter) removed(reporter, line, 'Remove byline repeated after the header');
      continue;
    }
    break;
  }
  // Stop at the first body line; blank lines before it belong to neither.
  let k = j;
  while (k > i + 1 && lines[k - 1]!.text.trim() === '') k--;
  return { fields, body: lines.slice(k) };
}
