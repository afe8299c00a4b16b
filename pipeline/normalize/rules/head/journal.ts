/**
 * The journal an article came from and its issue, as journals and databases print them on one
 * line: `《中国行政管理》2018年第6期`, `中國軍轉民 2024年3期`, `《X》2019, 35(4): 12-18`,
 * `《教育研究月刊》第315期,2020年7月`, `《X》2020年7月號`, `《X》,2020年第7期,第12-25頁`.
 * The line is the journal's name, the issue, and at most a date, a month and pages; anything
 * else makes it text.
 */
import { sliceLine, trimLine, type Line } from '../../lines.ts';
import { readDate, type DateValue } from './labels.ts';

const ISSUE = new RegExp(
  [
    '\\d{4}\\s*年\\s*\\d{1,2}\\s*月[號号]',
    '(?:\\d{4}\\s*年\\s*)?第?\\s*\\d{1,3}\\s*期',
    '(?:\\d{4}\\s*年\\s*)?第\\s*\\d{1,3}\\s*卷\\s*第\\s*\\d{1,3}\\s*期',
    '\\d{4}\\s*[,，]\\s*(?:\\d{1,3}\\s*)?[(（]\\s*\\d{1,3}\\s*[)）]',
    '(?:vol\\.?\\s*\\d+\\s*[,，]?\\s*)?no\\.?\\s*\\d+',
  ].map((p) => `(${p})`).join('|'),
  'iu',
);
/** A month without a day (`2020年7月`): when the issue is printed with it, it belongs to the issue. */
const MONTH = /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)/u;
/** Pages: `第12-25頁`, `頁45-60`, `pp. 12-25`, `: 12-18`. */
const PAGES = /(?:第\s*)?\d+\s*[-–—~～]\s*\d+\s*[頁页]|[頁页]\s*\d+\s*[-–—~～]\s*\d+|pp?\.\s*\d+\s*[-–—]\s*\d+|[:：]\s*\d+\s*[-–—~～]\s*\d+\s*[頁页]?/iu;
const QUOTED = /《([^《》]{1,40})》/u;
/** What may stand between the parts: separators and brackets. */
const BETWEEN = /[\s,，、;；.。()（）[\]]/gu;

export interface PublicationValue {
  publication?: Line;
  issue?: string;
  date?: DateValue;
}

/** The line's parts, each as its match (or undefined), in the order they are cut out. */
function parts(text: string) {
  const issue = ISSUE.exec(text);
  let rest = issue ? text.slice(0, issue.index) + ' '.repeat(issue[0].length) + text.slice(issue.index + issue[0].length) : text;
  const date = readDate(rest);
  if (date) rest = rest.slice(0, date.start) + ' '.repeat(date.end - date.start) + rest.slice(date.end);
  const month = date ? null : MONTH.exec(rest);
  if (month) rest = rest.slice(0, month.index) + ' '.repeat(month[0].length) + rest.slice(month.index + month[0].length);
  rest = rest.replace(PAGES, (m) => ' '.repeat(m.length));
  return { issue, date, month, rest };
}

/** A name, not a sentence: short, with letters, without sentence marks. */
function nameLike(text: string): boolean {
  return text !== '' && [...text].length <= 30 && !/[。，,；;：:]/u.test(text) && /[\p{L}]/u.test(text);
}

/**
 * The journal and its issue; a date printed with them comes back too, and a month goes with
 * the issue (`第315期（2020年7月）`), since a date needs its day.
 */
export function readPublication(value: Line): PublicationValue | undefined {
  const text = value.text;
  const { issue, date, month, rest } = parts(text);
  const quoted = QUOTED.exec(text);
  let name: Line | undefined;
  if (quoted) name = trimLine(sliceLine(value, quoted.index + 1, quoted.index + 1 + quoted[1]!.length));
  else {
    const end = issue ? issue.index : text.length;
    const candidate = trimLine(sliceLine(value, 0, end));
    const bare = rest.slice(0, end).replace(BETWEEN, ' ').trim();
    if (nameLike(candidate.text) && bare === candidate.text.trim()) name = candidate;
  }
  if (!name && !issue) return undefined;
  const result: PublicationValue = {};
  if (name) result.publication = name;
  if (issue) {
    result.issue = issue[0].replace(/\s+/g, '');
    if (month && !/年/u.test(result.issue)) result.issue += `（${month[1]}年${Number(month[2])}月）`;
  }
  if (date) result.date = date;
  return result;
}

/** A line that is only a journal and its issue (`中國軍轉民 2024年3期`, `2018年第6期`). */
export function isPublicationLine(text: string): boolean {
  const t = text.trim();
  const { issue, rest } = parts(t);
  if (!issue) return false;
  const left = rest.replace(QUOTED, (m) => ' '.repeat(m.length)).replace(BETWEEN, ' ');
  // The journal's name comes first: words after the issue make it a sentence (`第3期工程完工`).
  if (left.slice(issue.index).trim() !== '') return false;
  const name = left.trim();
  return name === '' || (nameLike(name) && !/\s/u.test(name));
}

/** `…[J]. 政治学研究, 2021, 35(2): 45-56.`: a reference to the article itself (GB/T 7714). */
const CITATION = /\[J\]\s*[.．]\s*([^,，.．\[\]]{2,30}?)\s*[,，]\s*(\d{4})\s*(?:[,，]\s*(\d{1,3})\s*)?[(（]\s*(\d{1,3})\s*[)）]/u;

/** The journal and issue of an `引用本文：` line. */
export function readCitation(value: Line): PublicationValue | undefined {
  const match = CITATION.exec(value.text);
  if (!match) return undefined;
  const at = match.index + match[0].indexOf(match[1]!, 3);
  const [, , year, volume, number] = match;
  return {
    publication: trimLine(sliceLine(value, at, at + match[1]!.length)),
    issue: `${year}年${volume ? `第${Number(volume)}卷` : ''}第${Number(number)}期`,
  };
}

/** `（本文原载《中国行政管理》2021年第5期，有删节）`: where the article first appeared, said at its end. */
const SOURCE_NOTE = /^\s*[（(【\[]?\s*(?:本文)?(?:原[载載][于於]?|原刊[于於]?|刊[载載][于於]|原文(?:刊[载載]|[发發]表)[于於]|[选選]自|[转轉][载載]自|摘自|[来來]源)\s*[:：]?\s*(《[^《》]{1,40}》[^（()）【】\[\]]{0,24}?)\s*(?:[,，;；]\s*(?:有[删刪][节節]|略有[删刪][节節]|[编編]者有[删刪][节節]|[标標][题題]有改[动動]|[题題]目有改[动動]))?\s*[）)】\]]?\s*[。.]?\s*$/u;

/** The journal and issue of a source note, or undefined when the line is not one. */
export function readSourceNote(line: Line): PublicationValue | undefined {
  const match = SOURCE_NOTE.exec(line.text);
  if (!match) return undefined;
  const at = match.index + match[0].indexOf(match[1]!);
  return readPublication(trimLine(sliceLine(line, at, at + match[1]!.length)));
}

/**
 * `（来源：城东晚报）`, `來源：南方民生報` closing a news page: the paper it came from, named alone
 * (no spaces, no sentence marks; a media name: the site itself, `来源：本站`, or `来源：问卷调查` is no paper). Brackets, if any, on both sides.
 */
const SOURCE_CREDIT = /^\s*([（(【\[])?\s*(?:本文|文章|稿件|新[闻聞])?[来來]源\s*[:：]\s*([^\s（()）【】\[\]《》:：。！？!?，,；;、]{2,24}?)\s*([)）】\]])?\s*$/u;

/** How the name of a paper, agency, site or account ends (`城东晚报`, `新华社`, `人民网`, `澎湃新闻`, `…客户端`); `问卷调查` is no paper. */
const MEDIA = /(?:[报報]|[社]|[网網]|[国國][际際]|[传傳]媒|[论論][坛壇]|[刊]|[台臺]|[频頻]道|[客][户戶][端]|[新][闻聞]|[杂雜][志誌]|[观觀]察|[在][线線]|[号號]|[时時][评評]|[周週]末|[资資][讯訊]|[视視][点點]|TV)$/u;

/** A paper's, agency's or site's name alone (`南港新聞網`, `中国青年报客户端`): no space, no digit, no mark. */
export function isMediaName(text: string): boolean {
  return /^[\p{Script=Han}A-Za-z]{2,16}$/u.test(text) && MEDIA.test(text) && !OWN_STAFF.test(text);
}

/** The paper named by a source credit, and whether the credit was bracketed; undefined when the line is not one. */
export function readSourceCredit(line: Line): { paper: Line; bracketed: boolean } | undefined {
  const match = line.text.includes('源') ? SOURCE_CREDIT.exec(line.text) : null;
  if (!match || (match[1] === undefined) !== (match[3] === undefined) || OWN_STAFF.test(match[2]!) || !MEDIA.test(match[2]!)) return undefined;
  const at = match[0].lastIndexOf(match[2]!, match[0].length - (match[3]?.length ?? 0));
  return { paper: sliceLine(line, at, at + match[2]!.length), bracketed: match[1] !== undefined };
}

/** The site itself, a wire or a compiler standing where a journal or an author would. */
export const OWN_STAFF = /^(?:本[报報刊站网網台](?:[记記]者|[讯訊]|[编編][辑輯]部|[综綜]合)?|原[创創]|[网網][络絡]|互[联聯][网網]|[综綜]合|[整][理]|[网網]友投稿)$/u;

/**
 * `本文原载《…学报》2021年第3期，原标题为《…》，转自“…”，感谢授权。`: the site's notice on a reprint,
 * naming the journal first; what follows (the original title, the site it came through, thanks) is the site's.
 */
const REPRINT_NOTE = /^\s*(?:本文|此文)?(?:原[载載][于於]?|原刊[于於]?|刊[载載][于於]|[选選]自|[转轉][载載]自)\s*(《[^《》]{1,40}》[^，,。；;（()）]{0,24}?)\s*[，,；;]\s*(?=[^\n]{0,160}(?:原[标標][题題]|[转轉]自|[转轉][载載]|感[谢謝]|授[权權]|[仅僅]代表))([^\n]{4,200})$/u;

/** The journal of a reprint notice and the notice's rest, or undefined when the line is not one. */
export function readReprintNote(line: Line): { publication: PublicationValue; rest: Line } | undefined {
  const match = line.text.includes('》') ? REPRINT_NOTE.exec(line.text) : null;
  const at = match ? line.text.indexOf(match[1]!) : -1;
  const publication = match ? readPublication(trimLine(sliceLine(line, at, at + match[1]!.length))) : undefined;
  if (!match || !publication) return undefined;
  const from = line.text.length - match[2]!.length;
  return { publication, rest: trimLine(sliceLine(line, from, line.text.length)) };
}

/** `本文链接：http://…`, `原文網址：…`: the page's own address, printed at its end. */
const SOURCE_LINK = /^\s*(?:本文|原文)?(?:[链鏈]接|地址|[网網]址|出[处處])\s*[:：]\s*(https?:\/\/\S+?)[。.]?\s*$/iu;

export function readSourceLink(text: string): string | undefined {
  return SOURCE_LINK.exec(text)?.[1];
}

const TITLE_WORD = String.raw`(?:[A-Z][\p{L}'’&.-]*|of|and|the|for|in|on|&)`;
/** `Journal of Urban Studies, Vol. 12, No. 3 (2021), pp. 45-67`, `Urban Studies 58(4), 2021: 12-30`. */
const ENGLISH_JOURNAL = new RegExp(
  String.raw`^(${TITLE_WORD}(?:\s+${TITLE_WORD})*?)[,.]?\s+(?:Vol(?:ume)?\.?\s*(\d+)\s*[,.]?\s*(?:No|Issue|Iss)\.?\s*(\d+)|(\d+)\s*\(\s*(\d+)\s*\))\s*[,.]?\s*(?:\(\s*((?:19|20)\d{2})\s*\)|((?:19|20)\d{2}))?\s*[,.:]?\s*(?:(?:pp?\.\s*)?\d+\s*[-–—]\s*\d+)?\s*\.?$`,
  'u',
);

/** An English journal line: the journal, its volume and number as the issue, and the year. */
export function readEnglishJournal(value: Line): PublicationValue | undefined {
  const m = ENGLISH_JOURNAL.exec(value.text);
  if (!m || !/[A-Z]/u.test(m[1]!) || m[1]!.split(/\s+/u).length < 2) return undefined;
  const [volume, number] = m[2] ? [m[2], m[3]!] : [m[4]!, m[5]!];
  const year = m[6] ?? m[7];
  const at = year === undefined ? -1 : value.text.lastIndexOf(year);
  return {
    publication: trimLine(sliceLine(value, 0, m[1]!.length)),
    issue: `Vol. ${volume}, No. ${number}`,
    ...(year ? { date: { date: year, start: at, end: at + 4 } } : {}),
  };
}
