/**
 * One line of a page's head, read for what it is: the reading says its role and carries what
 * was parsed from it (fields, date, names, journal), so the head can be assembled without
 * parsing any line twice.
 */
import { trimLine, sliceLine, type Line } from '../../lines.ts';
import { isCounterRow, isWidgetLine } from '../chrome.ts';
import { isAffiliation, isBody, isChrome, isEnglish, isTitleCandidate, subtitleOf } from './classify.ts';
import { gluedKeywordsLabel, isKeywordList } from './keywords.ts';
import { isMediaName, isPublicationLine, readEnglishJournal, readPublication, readReprintNote, readSourceNote, type PublicationValue } from './journal.ts';
import { readDate, readFieldLine, type DateValue, type Field } from './labels.ts';
import { isDictionaryWord, readByline, readLatinNames, type Byline } from './names.ts';
import { readDottedByline } from './post-byline.ts';
import { posterBefore, readRelativeRow } from './poster.ts';
import { isSelfCitation } from './self-citation.ts';
import { withoutReprintNote } from './values.ts';
import { splitTitleByline } from './title-byline.ts';
import { readBarredByline } from './title-prefix.ts';

export type Role =
  | 'chrome' | 'fields' | 'date' | 'publication' | 'subtitle' | 'affiliation' | 'byline' | 'keyword-list'
  | 'english' | 'body' | 'candidate' | 'value' | 'text';

export interface Reading {
  line: Line;
  /** Index in the page's lines. */
  index: number;
  role: Role;
  fields?: Field[];
  date?: DateValue;
  byline?: Byline;
  publication?: PublicationValue;
  /** On a title's line, the byline after the title. */
  tail?: Line;
}

/** Labels whose value may stand alone on the next line (`摘要：` then the paragraph). */
export const TAKES_NEXT_LINE = new Set(['abstract', 'abstractEn', 'keywords', 'keywordsEn']);

/** A list's bullet a page's layout set before a head line (`• 摘要：…`); `·` is left, as it joins names. */
const BULLET = /^\s*[•▪●◆◦]\s*/u;

export function readHeadLine(found: Line, index: number, known: string[], chineseDoc: boolean, record = false): Reading {
  const bullet = BULLET.exec(found.text);
  const line = bullet ? trimLine(sliceLine(found, bullet[0].length, found.text.length)) : found;
  const reading = (role: Role, extra: Partial<Reading> = {}): Reading => ({ line, index, role, ...extra });
  const text = line.text.trim();
  const labelled = readFieldLine(line, record);
  // `记者：今年的重点是什么？`: an interview's question, the article's own text, not a byline.
  // `作者：壹叔，作者授权早读课转载。` is a byline with its reprint note, not speech.
  if (labelled && labelled.prefix.text === '' && labelled.fields.length === 1 && SPEAKERS.has(labelled.fields[0]!.kind) && isSpeech(withoutReprintNote(labelled.fields[0]!.value).value.text)) return reading('body');
  if (labelled) {
    const prefix = labelled.prefix;
    if (prefix.text === '') return reading('fields', { fields: labelled.fields });
    const date = readDate(prefix.text);
    if (date && date.start === 0) {
      const tail = trimLine(sliceLine(prefix, date.end, prefix.text.length));
      // `2022年04月07日 14:30 | 來源：…`: a separator between the date and the label is nothing.
      const bare = tail.text === '' || /^[|｜丨/·\s]+$/u.test(tail.text);
      const byline = bare ? undefined : readByline(tail, 0, tail.text.length, known);
      if (bare || byline) return reading('fields', { fields: labelled.fields, date, ...(byline ? { byline } : {}) });
    }
    // `Holly 发表于 2016/3/29 11:52:00 | 分类标签：…`: the poster and the date before the label.
    const posted = date && /^[\s|｜丨/·]*$/u.test(prefix.text.slice(date.end)) ? posterBefore(sliceLine(prefix, 0, date.start), known) : undefined;
    if (posted) return reading('fields', { fields: labelled.fields, date: date!, byline: posted });
    const byline = readByline(prefix, 0, prefix.text.length, known);
    if (byline) return reading('fields', { fields: labelled.fields, byline });
    if (isPublicationLine(prefix.text)) return reading('fields', { fields: labelled.fields, publication: readPublication(prefix)! });
    // `未命名 11-02 阅读：342 评论：0`: a post's counters after a placeholder name and a date without its year.
    if (labelled.fields.every((f) => f.kind === 'chrome') && [...prefix.text].length <= 16 && !/[。！？，,；;]/u.test(prefix.text)) return reading('chrome');
  }
  if (FUNDED.test(text)) return reading('fields', { fields: [{ kind: 'funding', label: '', value: trimLine(line) }] });
  // The article's own reference, unlabelled, is read as the labelled one is (`引用本文：…`).
  if (chineseDoc && isSelfCitation(line)) return reading('fields', { fields: [{ kind: 'citation', label: '', value: trimLine(line) }] });
  const by = ENGLISH_BY.exec(line.text);
  // `By Sarah Lee, Transport Correspondent`: the role after the name is not a second author.
  const role = by ? ROLE_TAIL.exec(line.text) : null;
  const latin = by ? readLatinNames(trimLine(sliceLine(line, by[0].length, role && role.index > by[0].length ? role.index : line.text.length))) : undefined;
  if (latin && latin.every((name) => PERSON.test(name.text))) return reading('byline', { byline: { names: latin, etAl: false, affiliations: [] } });
  if (!chineseDoc && !by) {
    const english = readEnglishHeadLine(line);
    if (english) return reading(english.role, english);
  }
  const feed = readFeedByline(line, known);
  if (feed) return reading('date', feed);
  const dotted = readDottedByline(line, known);
  if (dotted) return reading('date', dotted);
  if (isChrome(text)) return reading('chrome');
  const relative = readRelativeRow(line, known);
  if (relative) return relative === 'chrome' ? reading('chrome') : reading('byline', relative);
  const date = readDate(text);
  // `《教育研究月刊》2020年7月15日 第315期`: the journal's name before its date.
  if (date && /《[^《》]+》/u.test(text.slice(0, date.start)) && isPublicationLine(text)) return reading('publication', { publication: readPublication(trimLine(line))! });
  if (date && (datePrefix(text.slice(0, date.start)) || posterBefore(sliceLine(line, 0, line.text.indexOf(text) + date.start), known))) {
    const at = line.text.indexOf(text);
    // `（城南论坛2009年6月2日）`: the site and its date in brackets.
    const closing = /^\s*[(（]/u.test(text) ? /[)）]\s*$/u.exec(line.text) : null;
    const tail = trimLine(sliceLine(line, at + date.end, closing ? closing.index : line.text.length));
    // `記者 王大明 2023年5月12日`: the names before the date are the byline, not a word to drop.
    const before = trimLine(sliceLine(line, at + (closing ? /^\s*[(（]/u.exec(text)![0].length : 0), at + date.start));
    // `Holly 发表于 2016/3/29`: the word for posting vouches for the name before it.
    const posted = before.text === '' ? undefined : posterBefore(before, known);
    const named = posted ?? (before.text === '' ? undefined : readByline(before, 0, before.text.length, known));
    if (named && tail.text === '' && (posted || unlabelledNames(named, before.text, known))) return reading('date', { date, byline: named });
    // `南港新聞網 2019年05月12日 15:52`: the site that published it, before its date.
    const site = isMediaName(before.text) ? { publication: { publication: before } } : {};
    if (tail.text === '') return reading('date', { date, ...site });
    const clock = WEEKDAY_AND_TIME.exec(tail.text);
    if (clock) return reading('date', { date: withClock(date, clock), ...site });
    const english = ENGLISH_CLOCK.exec(tail.text);
    if (english) return reading('date', { date: withEnglishClock(date, english), ...site });
    // `… 2024-02-18 09:30 12`: a bare count after the time is the page's reading count.
    // A forum's `发表于 2022-7-14 09:26 | 只看该作者 | 倒序浏览`: the widgets after the date say nothing.
    if (isCounterRow(tail.text) || isWidgetLine(tail.text) || (date.time && /^\d{1,7}$/u.test(tail.text))) return reading('date', { date, ...site });
    const byline = readByline(tail, 0, tail.text.length, known);
    if (byline) return reading('date', { date, byline, ...site });
    if (isPublicationLine(tail.text)) return reading('date', { date, publication: readPublication(tail)! });
    // `2009-04-21 11:38   南方日报`: the paper's name after its date.
    if (isMediaName(tail.text)) return reading('date', { date, publication: { publication: tail } });
  }
  if (isPublicationLine(text)) {
    const publication = readPublication(trimLine(line));
    if (publication) return reading('publication', { publication });
  }
  // `（本文原载《…学报》2021年第3期）` at the top, or the site's longer reprint notice: the journal, not an affiliation.
  const note = readSourceNote(line);
  if (note) return reading('publication', { publication: note });
  const reprint = readReprintNote(line);
  if (reprint) return reading('fields', { publication: reprint.publication, fields: [{ kind: 'chrome', label: '', value: reprint.rest }] });
  // `周明远 | 南江师范大学教育学院`: the author and the institution behind a bar.
  const barred = readBarredByline(line, known);
  if (barred) return reading('byline', { byline: barred });
  if (subtitleOf(text) !== undefined) return reading('subtitle');
  if (isAffiliation(text)) return reading('affiliation');
  const byline = readByline(line, 0, line.text.length, known);
  if (byline && unlabelledNames(byline, text, known)) return reading('byline', { byline });
  const glued = gluedKeywordsLabel(line.text);
  if (glued !== undefined) return reading('fields', { fields: [{ kind: 'keywords', label: line.text.slice(0, glued).trim(), value: trimLine(sliceLine(line, glued, line.text.length)) }] });
  if (isKeywordList(text)) return reading('keyword-list');
  // `[Variables]`: a section name of a config file quoted in a post, not the English title.
  if (chineseDoc && isEnglish(text) && !/^\[[^\]]*\]$/u.test(text)) return reading('english');
  if (isBody(text)) return reading('body');
  if (!isTitleCandidate(text)) return reading('body');
  // `老街改造的几点看法 作者：青石`: a title with its byline after it on the line.
  const split = splitTitleByline(line, known);
  return split && isTitleCandidate(split.title.text) ? reading('candidate', { line: split.title, byline: split.byline, tail: split.tail }) : reading('candidate');
}

/**
 * What may stand before a date on its line: a few characters (a label, a name), the site's name
 * (`中国青年报客户端`), or up to three of the site's section words (`社区动态 城市生活 2024-02-18`).
 */
function datePrefix(before: string): boolean {
  return /^\D{0,8}$/u.test(before) || WEEKDAY.test(before) || isMediaName(before.replace(/^\s*[(（]/u, '').trim()) || /^(?:[^\s\d]{1,6}\s+){1,3}$/u.test(before);
}

/** `Wednesday, October 25, 2017`: an English weekday before the date. */
const WEEKDAY = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*$/iu;

/** `2023年5月12日 星期五 下午3:15`: the weekday, and a time of day with its half. */
const WEEKDAY_AND_TIME = /^[（(]?(?:星期|[週周]|[禮礼]拜)[一二三四五六日天][)）]?(?:\s*(上午|中午|下午|晚上|早上|凌晨)?\s*(\d{1,2})\s*[:：]\s*(\d{2}))?$|^(上午|中午|下午|晚上|早上|凌晨)\s*(\d{1,2})\s*[:：]\s*(\d{2})$/u;

function withClock(date: DateValue, clock: RegExpExecArray): DateValue {
  const half = clock[1] ?? clock[4];
  const hour = clock[2] ?? clock[5];
  if (hour === undefined || date.time) return date;
  // 下午3:15 is 15:15; 下午12:30 and 中午12:30 stay.
  const h = Number(hour) + (/下午|晚上/u.test(half ?? '') && Number(hour) < 12 ? 12 : 0);
  return h < 24 ? { ...date, time: `${String(h).padStart(2, '0')}:${clock[3] ?? clock[6]}` } : date;
}

/** `June 14, 2024 7:42 AM GMT+8 Updated 2 hours ago`: an English page's time of day, its zone, and when the page was updated. */
const ENGLISH_CLOCK = /^,?\s*(?:(?:at\s+)?(\d{1,2}):(\d{2})\s*([ap])?\.?m?\.?\s*(?:(?:GMT|UTC)\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5})?)?\s*(?:[|·•,]\s*)?(?:(?:last\s+)?updated\b.{0,40})?$/iu;

function withEnglishClock(date: DateValue, clock: RegExpExecArray): DateValue {
  if (clock[1] === undefined || date.time) return date;
  const half = clock[3]?.toLowerCase();
  const hour = (Number(clock[1]) % (half ? 12 : 24)) + (half === 'p' ? 12 : 0);
  return hour < 24 ? { ...date, time: `${String(hour).padStart(2, '0')}:${clock[2]}` } : date;
}

/** Labels that in an interview name who speaks: their value is then speech, not a name. */
const SPEAKERS = new Set(['author', 'credit', 'translator']);

/** A sentence, not names: names carry no question mark, exclamation or full stop. */
function isSpeech(value: string): boolean {
  return /[。？！?!…]/u.test(value);
}

/** `Published March 3, 2023 | Updated March 4, 2023`: the first date is the article's. */
const DATELINE = /^\s*(?:first\s+)?(?:published|posted|updated|last\s+updated)(?:\s+on)?\s*[:：]?\s+/iu;

/** An English page's journal line, dateline, or names without a `By` (two or more, each a full name). */
function readEnglishHeadLine(line: Line): (Partial<Reading> & { role: Role }) | undefined {
  const trimmed = trimLine(line);
  const publication = readEnglishJournal(trimmed);
  if (publication) return { role: 'publication', publication };
  const date = DATELINE.test(line.text) ? readDate(line.text) : undefined;
  // `Posted on March 3, 2024 by Clara Mendez`: a blog's dateline with its author after the date.
  const by = date ? /^\s*by\s+/iu.exec(line.text.slice(date.end)) : null;
  const author = by ? readLatinNames(trimLine(sliceLine(line, date!.end + by[0].length, line.text.length))) : undefined;
  if (date && author?.length && author.every((name) => PERSON.test(name.text))) return { role: 'date', date, byline: { names: author, etAl: false, affiliations: [] } };
  if (date) return { role: 'date', date };
  const names = readLatinNames(trimmed);
  if (names && names.length >= 2 && names.every((name) => PERSON.test(name.text) && /\s/u.test(name.text))) return { role: 'byline', byline: { names, etAl: false, affiliations: [] } };
  return undefined;
}

/** `By Maria Gonzalez and David Chen`: capitalized names, so `By the river` stays text. */
const ENGLISH_BY = /^\s*(?:(?:written|posted)\s+)?by\s+/iu;
const ROLE_TAIL = /(?:,\s*|\s+[|｜-]\s+)(?:(?:[A-Z][\p{L}'’-]*|and|of|for|the|on|&)\s+){0,4}(?:Correspondent|Reporter|Editor|Writer|Columnist|Contributor|Producer|Analyst|Critic|Photographer|Chief|Staff|Desk|Bureau|News|Times|Post|Press|Media|Online|Herald|Journal|Agency|Reuters|AFP|AP|Bloomberg|Xinhua)s?(?:\s+(?:in|at|for)(?:\s+[A-Z][\p{L}'’-]*){1,3})?\s*$|\s+in\s+(?:[A-Z][\p{L}'’-]*\s*){1,3}$/u;
const PERSON = /^(?:(?:[A-Z][\p{L}'’.-]*|van|von|de|der|da|del|di|du|la|le|al|bin|ibn)\s*)+$/u;

/** `本文系国家社会科学基金项目“…”（19BZZ045）的阶段性成果。`: the funding note, unlabelled. */
const FUNDED = /^(?:本文|本研究|本[项項]研究)[系为為是]?.{2,120}?(?:基金|[项項]目|[课課][题題]|[计計][划劃]).{0,80}?(?:成果|[资資]助|支持)[。.]?$/u;

const FEED_BYLINE = /^\s*原[创創]\s+/u;
const FEED_PLACE = /\s*[发發]表於?于?\s*\S{1,8}\s*$/u;

/**
 * A feed article's byline (`原创 王晓东 城乡治理观察 2023-05-18 08:30 发表于北京`): the author
 * when there is one, then the account that published it, then the time and the place posted.
 */
function readFeedByline(line: Line, known: string[]): Partial<Reading> | undefined {
  const open = FEED_BYLINE.exec(line.text);
  if (!open) return undefined;
  const place = FEED_PLACE.exec(line.text);
  const body = trimLine(sliceLine(line, open[0].length, place ? place.index : line.text.length));
  const date = readDate(body.text);
  const head = trimLine(sliceLine(body, 0, date ? date.start : body.text.length));
  if (date && body.text.slice(date.end).trim() !== '') return undefined;
  const tokens = [...head.text.matchAll(/\S+/gu)];
  if (tokens.length === 0 || tokens.length > 4) return undefined;
  const last = tokens.at(-1)!;
  const account = sliceLine(head, last.index, last.index + last[0].length);
  const byline = tokens.length > 1 ? readByline(head, 0, last.index, known) : undefined;
  if (tokens.length > 1 && !byline) return undefined;
  return { ...(date ? { date } : {}), ...(byline ? { byline } : {}), publication: { publication: account } };
}

/**
 * Names with no label to vouch for them: a lone name, or names with no separator between them
 * (`黄山游记` is not 黄山 and 游记), must not be words the dictionary knows (`時間`, `原创`).
 */
function unlabelledNames(byline: Byline, text: string, known: string[]): boolean {
  const alone = byline.names.length === 1 || !SEPARATED.test(text.trim());
  return !(alone && byline.names.some((n) => !known.includes(n.text) && isDictionaryWord(n.text)));
}

/** Names printed on their own in the head, the evidence for cutting a glued run of names. */
const SEPARATED = /[\s,，、;；+＋/|]|(?<=\p{Script=Han})\d{1,2}(?=\p{Script=Han})/u;

export function knownNames(lines: Line[]): string[] {
  const names: string[] = [];
  for (const line of lines) {
    // Only names printed apart count as evidence; a glued run is what needs the evidence.
    const byline = SEPARATED.test(line.text.trim()) ? readByline(line) : undefined;
    if (byline && byline.names.length > 1) names.push(...byline.names.map((n) => n.text));
    const labelled = readFieldLine(line);
    for (const field of labelled?.fields ?? []) {
      if (field.kind !== 'author') continue;
      const named = readByline(field.value);
      if (named && named.names.length > 1) names.push(...named.names.map((n) => n.text));
    }
  }
  return [...new Set(names)];
}
