/**
 * Assembling the head: what each line of it says goes into the fields, first value wins for
 * single fields, names and affiliations are gathered, and every line taken out is reported.
 */
import { joinLines, originAt, originSlice, report, sliceLine, trimLine, type Line, type Reporter } from '../../lines.ts';
import { removed } from '../boilerplate.ts';
import { findMojibake } from '../mojibake.ts';
import { looksGarbled, splitAffiliations, subtitleOf } from './classify.ts';
import { cleanTitle } from './title-marks.ts';
import { englishTail, splitKeywords } from './keywords.ts';
import { OWN_STAFF, readCitation, readPublication, type PublicationValue } from './journal.ts';
import { readDate, readMonth, readRocYear, type Field } from './labels.ts';
import { readByline, readLatinNames } from './names.ts';
import { TAKES_NEXT_LINE, type Reading } from './read.ts';
import type { HeaderFields } from './fields.ts';
import { penName, readCompactDate, readIssueValue, splitParallelTitle, withoutAccountId, withoutReprintNote, withoutTrailingSeparator } from './values.ts';

export { RULE_ID } from './keywords.ts';
export type { HeaderFields } from './fields.ts';
import { RULE_ID } from './keywords.ts';

const CODES = new Set(['doi', 'clc', 'documentCode', 'articleNumber', 'funding', 'biography']);
const DATES = new Set(['received', 'revised', 'accepted']);
/** Puts what each head line says into the fields, reporting each line it takes. */
export class Assigner {
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
        f.subtitle = { text, origin: originSlice(line.origin, at, at + text.length + 1) };
        this.info(line, [`subtitle ${text}`]);
        return true;
      }
      case 'affiliation':
        return this.affiliations(line, splitAffiliations(line.text));
      case 'text':
        return false;
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
    this.setTitle(line);
    this.info(line, ['title']);
    return true;
  }

  private setTitle(line: Line): void {
    const { title, cut, site } = cleanTitle(line.text);
    const at = line.text.indexOf(title);
    this.fields.title = { text: title, origin: originSlice(line.origin, at, at + title.length + 1) };
    if (site !== undefined && line.text.lastIndexOf(site) > at) this.fields.site = sliceLine(line, line.text.lastIndexOf(site), line.text.lastIndexOf(site) + site.length);
    if (looksGarbled(title) && this.reporter) report(this.reporter, originAt(line, 0), RULE_ID, 'The title looks like mojibake; check it', title, undefined, 'warning');
    if (cut.length && this.reporter) report(this.reporter, originAt(line, 0), RULE_ID, `Remove from the title what the site added: ${cut.join(' ')}`, line.text.trim(), title, 'warning');
  }

  /** The page's own address, the source the article was taken from. */
  sourceLink(line: Line, url: string): boolean {
    this.fields.codes.source ??= url;
    this.info(line, [`source ${url}`]);
    return true;
  }

  private english(line: Line): boolean {
    const e = this.fields.english;
    // An English byline (`Posted by …`, `By …`) is no title.
    if (!e.title && !e.abstract && !/\d{6}|\(|（/.test(line.text) && !/^\s*(?:(?:posted|written)\s+)?by\s|^\s*authors?\b/iu.test(line.text)) {
      e.title = trimLine(line);
      this.info(line, ['English title']);
    } else this.drop(line, 'Remove English byline or affiliation (the Chinese ones are in front matter)');
    return true;
  }

  private affiliations(line: Line, list: string[]): boolean {
    const what: string[] = [];
    this.addAffiliations(list, what);
    this.info(line, what);
    return true;
  }

  private addAffiliations(list: string[], what: string[]): void {
    if (list.length === 0) return;
    for (const a of list) if (!this.fields.affiliations.includes(a)) this.fields.affiliations.push(a);
    what.push(`affiliations ${list.join('；')}`);
  }

  /** Dates, bylines, journals and labelled fields. */
  private data(reading: Reading, next: Line | undefined): boolean {
    const f = this.fields;
    const what: string[] = [];
    const dropped: string[] = [];
    this.setDate(reading.date, what);
    if (reading.publication) this.publication(reading.publication, what);
    let repeated = false;
    if (reading.byline) {
      const added = this.authors(reading.byline.names);
      if (added.length) what.push(`authors ${added.join('、')}`);
      else repeated = reading.role === 'byline';
      this.addAffiliations(reading.byline.affiliations, what);
    }
    const last = reading.fields?.at(-1);
    for (const field of reading.fields ?? []) {
      // The line after a bare label is its value (any label's, in a catalogue record); the lines after a broken abstract go on with it.
      const value = !next || field !== last ? field.value : field.value.text === '' ? trimLine(next) : TAKES_NEXT_LINE.has(field.kind) ? joinLines([field.value, next]) : field.value;
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

  /** The first date read is the article's; later ones are the same date printed again, or another's. */
  private setDate(date: { date: string; time?: string } | undefined, what: string[]): void {
    const f = this.fields;
    if (!date || f.date) return;
    f.date = date.date;
    if (date.time) f.time = date.time;
    what.push(`date ${f.date}${f.time ? ` ${f.time}` : ''}`);
  }

  private publication(value: PublicationValue, what: string[]): void {
    const f = this.fields;
    this.setDate(value.date, what);
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
      const { terms, english: translated } = englishTail(splitKeywords(value, this.bodyText(line), this.reporter), this.chineseDoc);
      f.keywords = terms;
      if (translated.length && f.english.keywords.length === 0) f.english.keywords = translated;
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
    } else if (kind === 'publication' || kind === 'link') {
      const url = /^(?:https?:\/\/|www\.)\S+$/iu.exec(text)?.[0];
      if (kind === 'link' && !url) dropped.push(`${field.label}${text}`);
      else if (OWN_STAFF.test(text)) dropped.push(`${field.label}${text} (the site itself, not a journal)`);
      else if (url) {
        // `来源：https://…`: where the article was taken from is an address, not a journal.
        f.codes.source ??= url;
        what.push(`source ${url}`);
      } else this.publication(readPublication(withoutAccountId(value)) ?? {}, what);
    } else if (kind === 'author') {
      const { value, note } = withoutReprintNote(field.value);
      if (note) dropped.push(`reprint note “${note}”`);
      const text = value.text;
      // `作者：陳美玲 2022-08-15`: a date may follow the names.
      const date = readDate(text);
      const byline = readByline(withoutTrailingSeparator(date ? trimLine(sliceLine(value, 0, date.start)) : value));
      const names = byline?.names ?? (this.chineseDoc ? this.redecoded(value) ?? penName(value) : readLatinNames(value)) ?? [];
      this.addAffiliations(byline?.affiliations ?? [], what);
      if (names.length) this.setDate(date, what);
      const added = this.authors(names);
      if (added.length) what.push(`authors ${added.join('、')}`);
      else if (names.length === 0 && text !== '') dropped.push(`unreadable author “${text}”`);
    } else if (kind === 'affiliation') {
      this.addAffiliations(splitAffiliations(text), what);
    } else if (kind === 'titleEn' && text !== '') {
      if (!f.english.title) f.english.title = value;
      what.push('English title');
    } else if (kind === 'title' && text !== '') {
      if (f.title) dropped.push(`${field.label}${text} (the title is already read)`);
      else {
        const { title, english } = splitParallelTitle(value);
        this.setTitle(title);
        what.push('title');
        if (english && !f.english.title) f.english.title = english;
      }
    } else if (kind === 'date') {
      // `出版日期：2020年3月`: a labelled month is the date, as precise as it was printed.
      const compact = readCompactDate(text);
      const date: { date: string; time?: string } | undefined = compact ? { date: compact } : (readDate(text) ?? readMonth(text));
      this.setDate(date, what);
    } else if ((kind === 'year' || kind === 'volume') && text !== '') {
      const number = /\d+/u.exec(readRocYear(text) ?? text)?.[0];
      if (number && !f[kind]) f[kind] = number;
      what.push(`${kind} ${text}`);
    } else if (kind === 'citation') {
      // The article's own reference: its journal and issue are data, the line is not body.
      const cited = readCitation(value);
      if (cited) this.publication(cited, what);
      else dropped.push(`${field.label}${text}`);
    } else if (kind === 'translator' && text !== '') {
      const names = readByline(value)?.names ?? readLatinNames(value) ?? [];
      for (const name of names) if (!f.translators.some((t) => t.text === name.text)) f.translators.push(name);
      if (names.length) what.push(`translators ${names.map((n) => n.text).join('、')}`);
      else dropped.push(`unreadable translator “${text}”`);
    } else if (kind === 'credit') {
      dropped.push(`credit ${field.label}${text}`);
    } else if (kind === 'issue' && text !== '') {
      const { issue, date } = readIssueValue(text);
      if (issue && !f.issue) f.issue = issue;
      if (date) f.date ??= date;
      what.push(issue ? `issue ${issue}` : `date ${date}`);
    } else if (DATES.has(kind) && text !== '') {
      f.codes[kind] ??= readDate(text)?.date ?? text;
      what.push(`${kind} ${f.codes[kind]}`);
    } else if (CODES.has(kind) && text !== '') {
      f.codes[kind] ??= kind === 'doi' ? text.replace(/^https?:\/\/(?:dx\.)?doi\.org\//iu, '').replace(/[。.，,;；]$/u, '') : text;
      what.push(`${kind} ${f.codes[kind]}`);
    } else if (kind === 'chrome' || kind === 'tags') dropped.push(`${field.label}${text}`);
  }
}

