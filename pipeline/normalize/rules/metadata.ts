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
import { joinedText, joinLines, originAt, report, sliceLine, trimLine, type Line, type Reporter } from '../lines.ts';
import { Assigner, RULE_ID, type HeaderFields } from './head/assign.ts';
import { readAuthorNote } from './head/author-note.ts';
import { readEndDate } from './head/end-date.ts';
import { readReporterCredit } from './head/reporter-credit.ts';
import { AFFILIATION_NOTE, titleScore } from './head/classify.ts';
import { isInstitutionList } from './head/institutions.ts';
import { siteOfCopy } from './head/title-marks.ts';
import { titlePrefixName } from './head/title-prefix.ts';
import { titleFromCitation } from './head/cited-title.ts';
import { readSourceCredit, readSourceLink, readSourceNote } from './head/journal.ts';
import { removed } from './boilerplate.ts';
import { CHROME_REGION, TRAILER_REASONS } from './chrome.ts';
import { isRecord, readFieldLine } from './head/labels.ts';
import { headingDepth } from './structure.ts';
import { isOuterHeading } from './structure.ts';
import { knownNames, readHeadLine, TAKES_NEXT_LINE, type Reading, type Role } from './head/read.ts';
import { markEllipsisTitle, markLoneNames, markSlogans } from './head/reread.ts';
import { dropRepeatedTitle, dropTitleKeywords, joinIssue, tidyAffiliations } from './head/tidy.ts';

export { segmentKeywords } from './head/keywords.ts';
export { RULE_ID, type HeaderFields };

/** How far down the page the head may reach, in non-blank lines. */
const SCREENFUL = 40;
/** How many of the last lines may hold the note on where the article first appeared. */
const SOURCE_NOTE_REACH = 4;
/** A title found after the first paragraph-like line must be this near the top. */
const LATE_TITLE = 15;
const HEADER_ROLES = new Set<Role>(['fields', 'date', 'publication', 'subtitle', 'affiliation', 'byline', 'keyword-list']);

const ABSTRACTS = new Set(['abstract', 'abstractEn']);
/** How many more lines a broken abstract may run on. */
const ABSTRACT_LINES = 6;

/** A line that stops mid-sentence: the text goes on in the next one. */
function runsOn(text: string): boolean {
  return !/[。！？!?.…」”』）)]\s*$/u.test(text);
}

/** A section label: one to three capitalized words. */
const SECTION = /^\s*[A-Z][\p{L}'’-]*(?:\s+(?:&|and|[A-Z][\p{L}'’-]*)){0,2}\s*$/u;

function readHead(lines: Line[], chineseDoc: boolean): Reading[] {
  const head: Array<{ line: Line; index: number }> = [];
  for (let i = 0; i < lines.length && head.length < SCREENFUL; i++) if (lines[i]!.text.trim() !== '') head.push({ line: lines[i]!, index: i });
  const known = knownNames(head.map((h) => h.line));
  const record = isRecord(head.map((h) => h.line));
  const readings: Reading[] = [];
  let pending = false;
  // An abstract broken over lines runs on until a line ends its sentence (at most a few lines).
  let running = 0;
  let pendingAbstract = false;
  for (const { line, index } of head) {
    if (pending) {
      readings.push({ line, index, role: 'value' });
      running = pendingAbstract && runsOn(line.text) ? ABSTRACT_LINES : 0;
      pending = false;
      continue;
    }
    if (running > 0 && !readFieldLine(line, record) && headingDepth(line.text.trim()) === undefined) {
      readings.push({ line, index, role: 'value' });
      running = runsOn(line.text) ? running - 1 : 0;
      continue;
    }
    running = 0;
    const reading = readHeadLine(line, index, known, chineseDoc, record);
    // `國立成功大學老年學研究所` under the names: an affiliation needs no brackets there.
    const previous = readings.at(-1);
    if (reading.role === 'candidate' && (previous?.byline || previous?.role === 'affiliation') && isInstitutionList(line.text)) reading.role = 'affiliation';
    readings.push(reading);
    const last = reading.fields?.at(-1);
    pending = last !== undefined && last.value.text === '' && (record || TAKES_NEXT_LINE.has(last.kind));
    pendingAbstract = pending && ABSTRACTS.has(last!.kind);
    running = last !== undefined && ABSTRACTS.has(last.kind) && last.value.text !== '' && runsOn(last.value.text) ? ABSTRACT_LINES : 0;
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
  // A page that opens with its chapter's heading (`第一章 出发之前`) and has no other title.
  if (!best && readings[0]?.role === 'body' && isOuterHeading(readings[0].line.text)) return 0;
  return best?.at;
}

/** How much of the page shows which terms recur in it (for glued keywords): its first 200,000 UTF-16 units. */
const EVIDENCE = 200_000;

/**
 * Reads the head of the page and returns what it found and the body lines, in order, without
 * the lines taken out.
 */
export function extractHeader(lines: Line[], reporter: Reporter | undefined, lang = 'und'): { fields: HeaderFields; body: Line[] } {
  const chineseDoc = lang.startsWith('zh');
  const fields: HeaderFields = { authors: [], translators: [], affiliations: [], keywords: [], english: { keywords: [] }, codes: {} };
  const readings = readHead(lines, chineseDoc);
  if (!chineseDoc) markLoneNames(readings);
  else markSlogans(readings);
  markEllipsisTitle(readings);
  // A labelled title (`【题名】…`, `標題：…`) is the title, wherever it stands.
  const labelledTitle = readings.findIndex((r, k) => r.fields?.some((f) => f.kind === 'title' && (f.value.text !== '' || readings[k + 1]?.role === 'value')));
  const titleAt = labelledTitle >= 0 ? labelledTitle : (pickTitle(readings, chineseDoc) ?? (chineseDoc ? titleFromCitation(readings, knownNames(readings.map((r) => r.line))) : undefined));
  if (titleAt === undefined) {
    const first = readings[0];
    if (reporter) reporter.file.message('No title line found at the top of the text', { place: reporter.locate(first ? originAt(first.line, 0) : 0), ruleId: RULE_ID, source: 'galley' });
  }
  const brokenAt = titleAt === undefined ? undefined : brokenTitle(readings, titleAt);
  if (brokenAt !== undefined) {
    // The title's first half on the line above: one title, both lines taken.
    readings[titleAt!] = { ...readings[titleAt!]!, line: joinLines([trimLine(readings[brokenAt]!.line), trimLine(readings[titleAt!]!.line)]) };
    readings[brokenAt] = { ...readings[brokenAt]!, role: 'value' };
  }
  markUnlabelledAbstract(readings, titleAt);
  // The head ends at the body, but a standfirst between the title and its byline (a news page's dek) is not yet the body.
  const standfirst = (k: number) => titleAt !== undefined && k === titleAt + 1 && HEADER_ROLES.has(readings[k + 1]?.role ?? 'body');
  let end = readings.findIndex((r, k) => r.role === 'body' && k > (titleAt ?? -1) && !standfirst(k));
  if (end === -1) end = readings.length;
  // `Travel`, `Arts & Culture` between an English title and its byline: the site's section, not the text.
  if (!chineseDoc && titleAt !== undefined) {
    for (let k = titleAt + 1; k < end; k++) {
      if (readings[k]!.role === 'candidate' && SECTION.test(readings[k]!.line.text) && readings.slice(k + 1, end).some((r) => HEADER_ROLES.has(r.role))) readings[k] = { ...readings[k]!, role: 'chrome' };
    }
  }
  const taken = new Set<number>();
  const bodyText = (except: Line) => joinedText(lines, EVIDENCE, except);
  const put = new Assigner(fields, reporter, chineseDoc, bodyText);
  for (let k = 0; k < end; k++) {
    const reading = readings[k]!;
    if (reading.role === 'value') continue;
    let values = 0;
    while (readings[k + 1 + values]?.role === 'value') values++;
    const following = readings.slice(k + 1, k + 1 + values);
    const next = values ? joinLines(following.map((r) => trimLine(r.line))) : undefined;
    if (put.take(reading, k < (titleAt ?? -1), k === titleAt, next)) {
      taken.add(reading.index);
      for (const r of following) taken.add(r.index);
    }
  }
  if (brokenAt !== undefined) taken.add(readings[brokenAt]!.index);
  // `陈立群丨社区工作者的三项基本功`: the speaker before the title's bar, when the head names no author.
  const speaker = titleAt !== undefined && fields.authors.length === 0 && labelledTitle < 0 ? titlePrefixName(readings[titleAt]!.line) : undefined;
  // `老街改造的几点看法 作者：青石`: the byline after the title on its line.
  const titled = titleAt === undefined ? undefined : readings[titleAt]!;
  if (titled?.tail && titled.byline && fields.authors.length === 0) put.take({ line: titled.tail, index: titled.index, role: 'byline', byline: titled.byline }, false, false, undefined);
  if (titled?.publication && !fields.publication) put.take({ line: titled.line, index: titled.index, role: 'publication', publication: titled.publication }, false, false, undefined);
  if (speaker) put.take({ line: speaker, index: readings[titleAt!]!.index, role: 'byline', byline: { names: [speaker], etAl: false, affiliations: [] } }, false, false, undefined);
  joinIssue(fields);
  tidyAffiliations(fields);
  dropTitleKeywords(fields, reporter);
  // A note at the end saying where the article first appeared names its journal too.
  const filled = lines.map((l, i) => i).filter((i) => lines[i]!.text.trim() !== '' && !taken.has(i));
  for (const i of filled.slice(-SOURCE_NOTE_REACH)) {
    const publication = readSourceNote(lines[i]!);
    if (publication && put.take({ line: lines[i]!, index: i, role: 'publication', publication }, false, false, undefined)) taken.add(i);
    if (AFFILIATION_NOTE.test(lines[i]!.text) && put.take({ line: lines[i]!, index: i, role: 'affiliation' }, false, false, undefined)) taken.add(i);
    const note = taken.has(i) ? undefined : readAuthorNote(lines[i]!);
    if (note && put.take({ line: lines[i]!, index: i, role: 'fields', fields: note }, false, false, undefined)) taken.add(i);
    const link = readSourceLink(lines[i]!.text);
    if (link && put.sourceLink(lines[i]!, link)) taken.add(i);
    const dated = taken.has(i) ? undefined : readEndDate(lines[i]!.text);
    if (dated && put.take({ line: lines[i]!, index: i, role: 'date', date: dated }, false, false, undefined)) taken.add(i);
  }
  // `（来源：城东晚报）` after the article: its paper when the head named none and it closes the page; else a credit to remove.
  const bodyStart = readings[end]?.index ?? lines.length;
  const closing = new Set(filled.slice(-SOURCE_NOTE_REACH));
  for (const i of filled.slice(-CHROME_REGION)) {
    const credit = i > bodyStart && !taken.has(i) ? readSourceCredit(lines[i]!) : undefined;
    if (!credit) continue;
    const { paper, bracketed } = credit;
    if (closing.has(i) && !fields.publication) put.take({ line: lines[i]!, index: i, role: 'publication', publication: { publication: paper } }, false, false, undefined);
    else if (bracketed || fields.publication?.text === paper.text) removed(reporter, lines[i]!, TRAILER_REASONS.credit);
    else continue;
    taken.add(i);
  }
  readCredit(lines, readings[end]?.index, taken, fields, put, reporter);
  if (titleAt !== undefined) fields.site ??= siteOfCopy(readings.slice(0, titleAt).filter((r) => r.role === 'candidate').map((r) => r.line), readings[titleAt]!.line.text);
  // `标题_南方日報網`: the site named after the title is the publication when nothing else in the head was.
  if (fields.site && !fields.publication) put.take({ line: fields.site, index: -1, role: 'publication', publication: { publication: fields.site } }, false, false, undefined);
  if (fields.title) dropRepeatedTitle(lines, bodyStart, taken, fields.title.text, reporter);
  const body = lines.filter((_, i) => !taken.has(i));
  let start = 0;
  while (start < body.length && body[start]!.text.trim() === '') start++;
  return { fields, body: body.slice(start) };
}

/**
 * `（记者 王明 通讯员 李华）五一前夕，…`: the reporters credited at the start of the first paragraph are
 * its authors when the head named none, and the credit leaves the text (a wire's dateline before it,
 * `新华社北京5月6日电`, stays with the text, and so does the credit after it); a credit repeating the
 * head's authors leaves the text too.
 */
function readCredit(lines: Line[], first: number | undefined, taken: Set<number>, fields: HeaderFields, put: Assigner, reporter: Reporter | undefined): void {
  const line = first === undefined || taken.has(first) ? undefined : lines[first];
  const credit = line && readReporterCredit(line);
  if (!line || !credit) return;
  const part = sliceLine(line, credit.start, credit.end);
  const repeated = fields.authors.length > 0 && credit.names.every((n) => fields.authors.some((a) => a.text === n.text));
  if (fields.authors.length === 0) put.take({ line: part, index: first!, role: 'byline', byline: { names: credit.names, etAl: false, affiliations: [] } }, false, false, undefined);
  else if (repeated) removed(reporter, part, 'Remove the reporters’ credit repeated at the start of the text');
  else return;
  if (credit.start === /^\s*/u.exec(line.text)![0].length) lines[first!] = trimLine(sliceLine(line, credit.end, line.text.length));
}

/**
 * A journal's abstract printed without its label: one paragraph after the title's block (byline,
 * affiliation) and right before the keywords line. It is the abstract, not the article's first paragraph.
 */
function markUnlabelledAbstract(readings: Reading[], titleAt: number | undefined): void {
  if (titleAt === undefined) return;
  for (let k = titleAt + 2; k + 1 < readings.length && k < LATE_TITLE; k++) {
    const r = readings[k]!;
    const next = readings[k + 1]!;
    const keywords = next.role === 'keyword-list' || next.fields?.[0]?.kind === 'keywords';
    if (r.role !== 'body' || !keywords || !['byline', 'affiliation'].includes(readings[k - 1]!.role) || headingDepth(r.line.text.trim()) !== undefined) continue;
    readings[k] = { ...r, role: 'fields', fields: [{ kind: 'abstract', label: '', value: trimLine(r.line) }] };
    return;
  }
}

/**
 * A long title the page broke over two lines (`基层治理现代化背景下社区协商` / `民主的实践路径研究`):
 * the line right above the chosen title, a run of Han text with no mark, space or digit that
 * fills most of a line, where a site's name would be short or end like one.
 */
function brokenTitle(readings: Reading[], titleAt: number): number | undefined {
  const above = readings[titleAt - 1];
  const title = readings[titleAt]!;
  if (!above || above.role !== 'candidate' || above.index !== title.index - 1) return undefined;
  const first = above.line.text.trim();
  const second = title.line.text.trim();
  if (!/^\p{Script=Han}{12,40}$/u.test(first) || /[网網报報刊台]$|频道$|頻道$|[专專][栏欄]$/u.test(first)) return undefined;
  return [...first].length + [...second].length <= 60 && !/^[—-]/u.test(second) ? titleAt - 1 : undefined;
}

/** What the head adds to a document's metadata beyond title, authors, date, journal and keywords. */
export function headerMeta(fields: HeaderFields): Partial<DocumentMeta> {
  const meta: Partial<DocumentMeta> = {};
  if (fields.subtitle) meta.subtitle = fields.subtitle.text;
  if (fields.abstract) meta.abstract = fields.abstract.text;
  if (fields.affiliations.length) meta.affiliations = fields.affiliations;
  if (fields.translators.length) meta.translators = fields.translators.map((t) => t.text);
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
