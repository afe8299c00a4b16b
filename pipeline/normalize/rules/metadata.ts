/**
 * metadata: the head of a scraped page is a region, not its first line. Site chrome, the
 * title, a subtitle, bylines, dates, the journal and issue, labelled fields (keywords,
 * abstract, classification codes, DOI), affiliations and an English block stand there in any
 * order, some of them twice. Each line of the first screenful is read for what it is
 * (head/read.ts), the title is the best-scoring candidate, and everything that is data, not
 * prose, goes to front matter: it feeds the title page, EPUB metadata and PDF info, and must
 * not be typeset again in the body. Every line taken out is reported with its text.
 */
import type { DocumentMeta } from '../../types.ts';
import { originAt, report, trimLine, type Line, type Reporter } from '../lines.ts';
import { removed } from './boilerplate.ts';
import { findMojibake } from './mojibake.ts';
import { cleanTitle, looksGarbled, splitAffiliations, subtitleOf, titleScore } from './head/classify.ts';
import { splitKeywords } from './head/keywords.ts';
import { readDate, readPublication, type Field } from './head/labels.ts';
import { readByline, readLatinNames } from './head/names.ts';
import { knownNames, readHeadLine, TAKES_NEXT_LINE, type Reading, type Role } from './head/read.ts';

export { segmentKeywords } from './head/keywords.ts';
export const RULE_ID = 'metadata';

export interface HeaderFields {
  title?: Line;
  subtitle?: Line;
  authors: Line[];
  affiliations: string[];
  date?: string;
  time?: string;
  publication?: Line;
  issue?: string;
  keywords: Line[];
  abstract?: Line;
  english: { title?: Line; abstract?: Line; keywords: Line[] };
  /** doi, clc, documentCode, articleNumber, received, revised, accepted, funding, biography. */
  codes: Record<string, string>;
}

/** How far down the page the head may reach, in non-blank lines. */
const SCREENFUL = 40;
/** A title found after the first paragraph-like line must be this near the top. */
const LATE_TITLE = 15;
const HEADER_ROLES = new Set<Role>(['fields', 'date', 'publication', 'subtitle', 'affiliation', 'byline', 'keyword-list']);
const CODES = new Set(['doi', 'clc', 'documentCode', 'articleNumber', 'funding', 'biography']);
const DATES = new Set(['received', 'revised', 'accepted']);

function readHead(lines: Line[], chineseDoc: boolean): Reading[] {
  const head: Array<{ line: Line; index: number }> = [];
  for (let i = 0; i < lines.length && head.length < SCREENFUL; i++) if (lines[i]!.text.trim() !== '') head.push({ line: lines[i]!, index: i });
  const known = knownNames(head.map((h) => h.line));
  const readings: Reading[] = [];
  let pending = false;
  for (const { line, index } of head) {
    if (pending) {
      readings.push({ line, index, role: 'value' });
      pending = false;
      continue;
    }
    const reading = readHeadLine(line, index, known, chineseDoc);
    readings.push(reading);
    const last = reading.fields?.at(-1);
    pending = last !== undefined && last.value.text === '' && TAKES_NEXT_LINE.has(last.kind);
  }
  return readings;
}

function pickTitle(readings: Reading[], chineseDoc: boolean): number | undefined {
  const firstBody = readings.findIndex((r) => r.role === 'body');
  let best: { at: number; score: number } | undefined;
  for (let k = 0; k < Math.min(readings.length, LATE_TITLE + 1); k++) {
    if (readings[k]!.role !== 'candidate') continue;
    const next = readings[k + 1]?.role;
    const headerAfter = (next !== undefined && HEADER_ROLES.has(next)) || (next === 'chrome' && HEADER_ROLES.has(readings[k + 2]?.role ?? 'body'));
    if (firstBody >= 0 && k > firstBody && !headerAfter) continue;
    const score = titleScore(readings[k]!.line.text, k, best === undefined, headerAfter, chineseDoc);
    if (!best || score > best.score) best = { at: k, score };
  }
  return best?.at;
}

/**
 * Reads the head of the page and returns what it found and the body lines, in order, without
 * the lines taken out.
 */
export function extractHeader(lines: Line[], reporter: Reporter | undefined, lang = 'und'): { fields: HeaderFields; body: Line[] } {
  const chineseDoc = lang.startsWith('zh');
  const fields: HeaderFields = { authors: [], affiliations: [], keywords: [], english: { keywords: [] }, codes: {} };
  const readings = readHead(lines, chineseDoc);
  const titleAt = pickTitle(readings, chineseDoc);
  if (titleAt === undefined) {
    const first = readings[0];
    if (reporter) reporter.file.message('No title line found at the top of the text', { place: reporter.locate(first ? originAt(first.line, 0) : 0), ruleId: RULE_ID, source: 'galley' });
  }
  let end = readings.findIndex((r, k) => r.role === 'body' && k > (titleAt ?? -1));
  if (end === -1) end = readings.length;
  const taken = new Set<number>();
  const bodyText = (except: Line) => lines.filter((l) => l !== except).map((l) => l.text).join('\n');
  const put = new Assigner(fields, reporter, chineseDoc, bodyText);
  for (let k = 0; k < end; k++) {
    const reading = readings[k]!;
    if (reading.role === 'value') continue;
    const next = readings[k + 1]?.role === 'value' ? readings[k + 1]!.line : undefined;
    if (put.take(reading, k < (titleAt ?? -1), k === titleAt, next)) {
      taken.add(reading.index);
      if (next) taken.add(readings[k + 1]!.index);
    }
  }
  const body = lines.filter((_, i) => !taken.has(i));
  let start = 0;
  while (start < body.length && body[start]!.text.trim() === '') start++;
  return { fields, body: body.slice(start) };
}

/** Puts what each head line says into the fields, reporting each line it takes. */
class Assigner {
  constructor(
    private readonly fields: HeaderFields,
    private readonly reporter: Reporter | undefined,
    private readonly chineseDoc: boolean,
    private readonly bodyText: (except: Line) => string,
  ) {}

  private info(line: Line, what: string[]): void {
    if (this.reporter) report(this.reporter, originAt(line, 0), RULE_ID, `Move ${what.join(', ')} to front matter`, line.text, what.join('; '), 'info');
  }

  private drop(line: Line, reason: string): void {
    removed(this.reporter, line, reason);
  }

  /** Returns whether the line leaves the body. */
  take(reading: Reading, beforeTitle: boolean, isTitle: boolean, next: Line | undefined): boolean {
    const { line } = reading;
    const f = this.fields;
    switch (reading.role) {
      case 'chrome':
        this.drop(line, 'Remove site chrome from the head of the page');
        return true;
      case 'candidate':
      case 'body':
      case 'english':
        if (isTitle) return this.title(line);
        if (reading.role === 'english' && !beforeTitle) return this.english(line);
        if (beforeTitle) {
          this.drop(line, 'Remove line standing before the title');
          return true;
        }
        if (f.title && cleanTitle(line.text).title === f.title.text) {
          this.drop(line, 'Remove title printed again');
          return true;
        }
        return false;
      case 'subtitle': {
        const text = subtitleOf(line.text)!;
        if (f.subtitle || !f.title) return false;
        const at = line.text.indexOf(text);
        f.subtitle = { text, origin: line.origin.slice(at, at + text.length + 1) };
        this.info(line, [`subtitle ${text}`]);
        return true;
      }
      case 'affiliation':
        return this.affiliations(line, splitAffiliations(line.text));
      case 'keyword-list':
        if (f.keywords.length > 0) return false;
        f.keywords = splitKeywords(trimLine(line), this.bodyText(line), this.reporter);
        this.info(line, [`keywords ${f.keywords.map((k) => k.text).join('、')}`]);
        return true;
      default:
        return this.data(reading, next);
    }
  }

  private title(line: Line): boolean {
    const { title, cut } = cleanTitle(line.text);
    const at = line.text.indexOf(title);
    this.fields.title = { text: title, origin: line.origin.slice(at, at + title.length + 1) };
    if (looksGarbled(title) && this.reporter) report(this.reporter, originAt(line, 0), RULE_ID, 'The title looks like mojibake; check it', title, undefined, 'warning');
    if (cut.length && this.reporter) report(this.reporter, originAt(line, 0), RULE_ID, `Remove from the title what the site added: ${cut.join(' ')}`, line.text.trim(), title, 'warning');
    this.info(line, ['title']);
    return true;
  }

  private english(line: Line): boolean {
    const e = this.fields.english;
    if (!e.title && !e.abstract && !/\d{6}|\(|（/.test(line.text)) {
      e.title = trimLine(line);
      this.info(line, ['English title']);
    } else this.drop(line, 'Remove English byline or affiliation (the Chinese ones are in front matter)');
    return true;
  }

  private affiliations(line: Line, list: string[]): boolean {
    for (const a of list) if (!this.fields.affiliations.includes(a)) this.fields.affiliations.push(a);
    this.info(line, [`affiliations ${list.join('；')}`]);
    return true;
  }

  /** Dates, bylines, journals and labelled fields. */
  private data(reading: Reading, next: Line | undefined): boolean {
    const f = this.fields;
    const what: string[] = [];
    const dropped: string[] = [];
    if (reading.date && !f.date) {
      f.date = reading.date.date;
      if (reading.date.time) f.time = reading.date.time;
      what.push(`date ${f.date}${f.time ? ` ${f.time}` : ''}`);
    }
    if (reading.publication) this.publication(reading.publication, what);
    let repeated = false;
    if (reading.byline) {
      const added = this.authors(reading.byline.names);
      if (added.length) what.push(`authors ${added.join('、')}`);
      else repeated = reading.role === 'byline';
    }
    for (const field of reading.fields ?? []) {
      const value = field.value.text === '' && next && TAKES_NEXT_LINE.has(field.kind) ? trimLine(next) : field.value;
      this.field({ ...field, value }, reading.line, what, dropped);
    }
    if (repeated && what.length === 0) {
      this.drop(reading.line, 'Remove byline repeated after the header');
      return true;
    }
    if (dropped.length) this.drop(reading.line, `Remove ${dropped.join(', ')} from the head of the page${what.length ? ` (moved ${what.join(', ')} to front matter)` : ''}`);
    else this.info(reading.line, what.length ? what : ['repeated header line']);
    return true;
  }

  private publication(value: { publication?: Line; issue?: string }, what: string[]): void {
    const f = this.fields;
    if (value.publication && !f.publication && !looksGarbled(value.publication.text)) {
      f.publication = value.publication;
      what.push(`publication ${value.publication.text}`);
    }
    if (value.issue && !f.issue) {
      f.issue = value.issue;
      what.push(`issue ${value.issue}`);
    }
  }

  /**
   * A byline the mojibake model only suspects (`Íõ³ç`) is re-decoded when exactly one reading
   * is a list of Chinese names: a name field is evidence the model alone does not have.
   */
  private redecoded(value: Line): Line[] | undefined {
    if (!looksGarbled(value.text)) return undefined;
    const finding = findMojibake(value.text).find((m) => m.start === 0 && m.end === value.text.length);
    const readings = (finding?.candidates ?? []).map((c) => ({ c, names: readByline({ text: c, origin: new Array<number>(c.length + 1).fill(originAt(value, 0)) })?.names }));
    const good = readings.filter((r) => r.names);
    if (good.length !== 1) return undefined;
    if (this.reporter) report(this.reporter, originAt(value, 0), RULE_ID, 'Byline re-decoded: its only reading as Chinese names', value.text, good[0]!.c, 'warning');
    return good[0]!.names;
  }

  /** Adds names not yet known; returns the ones added. Garbled names are never used. */
  private authors(names: Line[]): string[] {
    const added: string[] = [];
    for (const name of names) {
      if (looksGarbled(name.text)) {
        if (this.reporter) report(this.reporter, originAt(name, 0), RULE_ID, 'Author name looks like mojibake; not used', name.text, undefined, 'warning');
        continue;
      }
      if (this.fields.authors.some((a) => a.text === name.text)) continue;
      this.fields.authors.push(name);
      added.push(name.text);
    }
    return added;
  }

  private field(field: Field, line: Line, what: string[], dropped: string[]): void {
    const f = this.fields;
    const { kind, value } = field;
    const text = value.text;
    const english = !this.chineseDoc && (kind === 'keywordsEn' || kind === 'abstractEn');
    const base = english ? kind.slice(0, -2) : kind;
    if (base === 'keywords' && f.keywords.length === 0) {
      f.keywords = splitKeywords(value, this.bodyText(line), this.reporter);
      what.push(`keywords ${f.keywords.map((k) => k.text).join('、')}`);
    } else if (base === 'keywordsEn' && f.english.keywords.length === 0) {
      f.english.keywords = splitKeywords(value, '', this.reporter);
      what.push('English keywords');
    } else if (base === 'abstract' && !f.abstract && text !== '') {
      f.abstract = value;
      what.push('abstract');
    } else if (base === 'abstractEn' && !f.english.abstract && text !== '') {
      f.english.abstract = value;
      what.push('English abstract');
    } else if (kind === 'publication') this.publication(readPublication(value) ?? {}, what);
    else if (kind === 'author') {
      const names = readByline(value)?.names ?? (this.chineseDoc ? this.redecoded(value) : readLatinNames(value)) ?? [];
      const added = this.authors(names);
      if (added.length) what.push(`authors ${added.join('、')}`);
      else if (names.length === 0 && text !== '') dropped.push(`unreadable author “${text}”`);
    } else if (kind === 'affiliation') {
      const list = splitAffiliations(text);
      for (const a of list) if (!f.affiliations.includes(a)) f.affiliations.push(a);
      what.push(`affiliations ${list.join('；')}`);
    } else if (kind === 'date') {
      const date = readDate(text);
      if (date && !f.date) {
        f.date = date.date;
        if (date.time) f.time = date.time;
        what.push(`date ${f.date}`);
      }
    } else if (kind === 'issue' && text !== '') {
      if (!f.issue) f.issue = text.replace(/\s+/g, '');
      what.push(`issue ${text}`);
    } else if (DATES.has(kind) && text !== '') {
      f.codes[kind] ??= readDate(text)?.date ?? text;
      what.push(`${kind} ${f.codes[kind]}`);
    } else if (CODES.has(kind) && text !== '') {
      f.codes[kind] ??= kind === 'doi' ? text.replace(/^https?:\/\/(?:dx\.)?doi\.org\//iu, '').replace(/[。.，,;；]$/u, '') : text;
      what.push(`${kind} ${f.codes[kind]}`);
    } else if (kind === 'chrome' || kind === 'tags') dropped.push(`${field.label}${text}`);
  }
}

/** What the head adds to a document's metadata beyond title, authors, date, journal and keywords. */
export function headerMeta(fields: HeaderFields): Partial<DocumentMeta> {
  const meta: Partial<DocumentMeta> = {};
  if (fields.subtitle) meta.subtitle = fields.subtitle.text;
  if (fields.abstract) meta.abstract = fields.abstract.text;
  if (fields.affiliations.length) meta.affiliations = fields.affiliations;
  const { title, abstract, keywords } = fields.english;
  if (title) meta.titleEn = title.text;
  if (abstract) meta.abstractEn = abstract.text;
  if (keywords.length) meta.keywordsEn = keywords.map((k) => k.text);
  for (const [key, value] of Object.entries(fields.codes)) (meta as Record<string, unknown>)[key] = value;
  return meta;
}

/** Lines of running text in the head: they get the punctuation repairs the body gets. */
export function headerProse(fields: HeaderFields): Line[] {
  return [fields.title, fields.subtitle, fields.abstract].filter((l): l is Line => l !== undefined);
}
