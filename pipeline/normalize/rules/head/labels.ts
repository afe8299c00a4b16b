/**
 * Labelled fields of an article's head: `关键词：`, `[摘 要]`, `〔关键词〕`, `中圖分类号：`, `DOI:`,
 * `来源：《…》2018年第6期 作者：… 浏览：208次`. Journals print these in every bracket and
 * spacing, in either script (and in a mix of both), several on one line; each label says what
 * its value is, so the line is cut at its labels and each value goes where its label sends it.
 */
import { sliceLine, trimLine, type Line } from '../../lines.ts';

export type FieldKind =
  | 'keywords' | 'keywordsEn' | 'abstract' | 'abstractEn' | 'clc' | 'documentCode' | 'articleNumber' | 'doi'
  | 'received' | 'revised' | 'accepted' | 'funding' | 'biography' | 'publication' | 'author' | 'affiliation'
  | 'date' | 'issue' | 'tags' | 'chrome' | 'title' | 'titleEn' | 'year' | 'volume' | 'credit' | 'citation' | 'translator' | 'link';

/** Labels by kind; a character class stands for the Simplified/Traditional pair of one character. */
const LABELS: Array<[FieldKind, string[]]> = [
  ['titleEn', ['[并並]列篇名', '[并並]列[题題]名', '英文篇名', '英文[题題]名', '外文[题題]名']],
  ['title', ['[题題]名', '篇名', '文章[标標][题題]', '[标標][题題]']],
  ['keywords', ['[关關][键鍵][词詞字]', '主[题題][词詞]']],
  ['abstractEn', ['英文[摘提]要', '外文[摘提]要']],
  // A news page's standfirst (`核心提示：`, `导读：`) says what the article is about, as an abstract does.
  ['abstract', ['[内內]容[摘提]要', '中文[摘提]要', '[摘提]要', '核心提示', '[导導][读讀]']],
  ['clc', ['中[图圖]分[类類][号號]', '分[类類][号號]']],
  ['documentCode', ['文[献獻][标標][识識][码碼]', '文[献獻][标標][志誌][码碼]']],
  // A government notice's number (`文号：江交〔2023〕18号`) names the document as an article number does.
  ['articleNumber', ['文章[编編][号號]', '[发發]文字[号號]', '文[号號]']],
  ['received', ['收稿日期', '收稿[时時][间間]']],
  ['revised', ['修回日期', '修改日期']],
  ['accepted', ['[录錄]用日期', '接受日期']],
  ['funding', ['基金[项項]目', '[资資]助[项項]目']],
  ['biography', ['作者[简簡]介', '通[讯訊]作者']],
  ['affiliation', ['作者[单單]位', '作者[机機][构構]', '工作[单單]位', '[单單]位', '[机機][构構]']],
  // A reprint's source and a feed's account are where the article comes from, as a journal is.
  ['publication', ['文章[转轉][载載]自', '本文[转轉][载載]自', '[转轉][载載]自', '[转轉][载載][于於]', '[转轉][载載][来來]源', '原文[来來]源', '原文出[处處]', '微信公[众眾][号號]', '公[众眾][号號]', '文[献獻][来來]源', '[来來]源期刊', '[来來]源', '出[处處]', '刊名', '期刊名[称稱]', '期刊', '原[载載]', '[选選]自', '[发發]表于', '刊物',
    // A government site's record of a notice: the body that issued it.
    '[发發][布佈]机[构構关關]', '[发發][布佈]機[構构關关]', '[发發]文机[关關]', '[发發]文機[關关]', '[发發]文[单單]位', '[发發][布佈][单單]位']],
  // The article's own address (`网络首发地址：https://…`, `原文链接：…`): its source when it is a URL.
  ['link', ['[网網][络絡]首[发發]地址', '原文[链鏈]接', '原文地址', '本文[链鏈]接', '文章[链鏈]接']],
  ['translator', ['[译譯]者', '翻[译譯]', '[编編][译譯]']],
  // An oral history's narrator is its author; who wrote it down is a credit (`口述：陳阿婆 整理：劉小芳`).
  // A forum thread's first post is its starter's (`楼主：青石巷`).
  ['author', ['作者', '撰文', '撰稿人', '撰稿', '[记記]者', '口述', '[楼樓]主']],
  ['citation', ['本文引用格式', '引用本文', '引用格式', '引文格式']],
  ['date', ['[发發]刊日期', '出刊日期', '出版日期', '出版[时時][间間]', '刊[登出]日期', '上[线線][时時][间間]', '[发發][布佈表][时時][间間]', '[发發][布佈]日期', '[发發][布佈]', '更新[时時][间間]', '更新日期', '生成日期', '成文日期', '[发發]文日期', '印[发發]日期', '[时時][间間]', '日期']],
  ['issue', ['卷期[/／]出版年月', '卷期', '期[号號]', '期次', '年卷期', '刊期']],
  ['year', ['年份', '出版年份', '出版年', '年度']],
  ['volume', ['卷[号號]', '卷次']],
  // Who else made the page: credits, not authors (`撰文：陳大文｜編輯：李小明｜攝影：黃家豪`).
  ['credit', ['[责責]任[编編][辑輯]', '[编編][辑輯]', '[摄攝]影', '[图圖]片', '[图圖]文[编編][辑輯]', '美[编編]', '校[对對]', '[审審][核校稿]', '[责責][编編]', '[监監]制', '[统統][筹籌]', '排版', '[设設][计計]', '出品', '整理', '[采採][访訪]']],
  ['tags', ['[标標][签籤]', '分[类類][标標][签籤]', '文章分[类類]', '所[属屬]分[类類]', '分[类類]', '主[题題]分[类類]', '[公][文][种種][类類]']],
  ['chrome', ['文[档檔]序[号號]', '文[档檔][编編][号號]', '[预預][计計][阅閱][读讀][时時][间間长長]', '[阅閱][读讀][时時][间間长長]', '[阅閱][读讀]需要', '[阅閱][读讀]需', '字[数數]', '[浏瀏][览覽]', '[浏瀏][览覽]量', '[浏瀏][览覽]次[数數]', '[阅閱][读讀]', '[阅閱][读讀]量', '[阅閱][读讀]次[数數]', '[点點][击擊]', '[点點][击擊]量', '[点點][击擊][数數]',
    '[评評][论論]', '人[气氣]', '索引[号號]', '字[号號体體]', '分享', '分享到', '所[属屬][栏欄]目', '[栏欄]目', '原[标標][题題]', '原[题題]',
    // A catalogue record's other fields: its pages, language and degree say nothing a reader's copy needs.
    '[页頁]次', '[页頁][码碼]', '[语語]文', '[内內]容[语語]文', '[学學]位[类類]别', '[学學]位[类類]別', '[导導]师', '[导導]師', '指[导導]教授']],
];

const ENGLISH: Array<[FieldKind, string]> = [
  ['title', 'title'],
  ['date', '(?:first\\s+)?published(?:\\s+on)?|posted(?:\\s+on)?|(?:last\\s+)?updated(?:\\s+on)?|date'],
  ['keywordsEn', 'key\\s*words|keywords|index\\s+terms'],
  ['abstractEn', 'abstract'],
  ['doi', 'doi'],
  ['author', 'authors?|by'],
  ['clc', 'CLC\\s+number'],
  ['documentCode', 'document\\s+code'],
  ['articleNumber', 'article\\s+ID'],
];

/** A label may be letter-spaced (`摘 要`, `关 键 词`): any spaces between its characters. */
function spaced(label: string): string {
  return (label.match(/\[[^\]]+\]|./gu) ?? []).join('\\s*');
}

const kinds: FieldKind[] = [];
const alternatives: string[] = [];
for (const [kind, labels] of LABELS) {
  for (const label of labels) {
    kinds.push(kind);
    alternatives.push(`(${spaced(label)})`);
  }
}
for (const [kind, label] of ENGLISH) {
  kinds.push(kind);
  alternatives.push(`(${label})`);
}
const ANY = alternatives.join('|');
const OPEN = '[\\[〔【(（［]';
const CLOSE = '[\\]〕】)）］]';
/** `[关键词]` needs no colon; a bare label needs one (else `摘要是…` would be a label). */
const LABEL = new RegExp(`(?:${OPEN}\\s*(?:${ANY})\\s*${CLOSE}\\s*[:：]?|(?:${ANY})\\s*[:：])\\s*`, 'giu');
/** In a catalogue record a label opens its line and a space stands for the colon (`作者 黃美玲;陳志明;`). */
const RECORD_LABEL = new RegExp(`^\\s*(?:${ANY})[ \\t　]+(?=\\S)`, 'iu');
/** A label alone on its line (`摘要`, `Abstract`): its value is the next line. */
const BARE_LABEL = new RegExp(`^\\s*(?:${OPEN}\\s*)?(?:${ANY})(?:\\s*${CLOSE})?\\s*$`, 'iu');
/**
 * News pages and feeds mark credits with a slash or a bar instead of a colon (`文/张建国 图/李红`,
 * `作者 | 王晓东`); only these labels, since `时间/空间` or `摘要|…` may begin a title.
 */
const SLASH_LABELS: Array<[FieldKind, string]> = [
  ['author', '文\\s*[/／∕]\\s*[图圖]|撰文|文字|作者|文'],
  ['credit', '[图圖]片?|[摄攝]影|[编編][辑輯]|[责責][编編]|[责責]任[编編][辑輯]|[审審][核校]'],
  ['publication', '[来來]源'],
];
const SLASH_LABEL = new RegExp(`(?:${SLASH_LABELS.map(([, l]) => `(${l})`).join('|')})\\s*[/／∕|｜丨]\\s*(?=\\S)`, 'gu');
/** DOI is often printed without a colon: `DOI 10.1234/…`. */
const BARE_DOI = /\bdoi\s*(?=10\.\d{4,})/iy;

export interface Field {
  kind: FieldKind;
  /** The label as printed. */
  label: string;
  value: Line;
}

export interface FieldLine {
  /** Text before the first label (a date, a byline), trimmed; empty when the line opens with a label. */
  prefix: Line;
  fields: Field[];
}

/** A label counts at the start of the line or after a space or a closing mark, never inside a word. */
function labelMayStart(before: string): boolean {
  // `文档序号:32700526发布日期:2022-12-27`, `中图分类号:S511.06文献标志码:A文章编号:…`: fields glued together, each value a number or a code.
  return before.trim() === '' || /[\s】〕\]）)。；;|｜丨]$/u.test(before) || /[:：]\s*(?:[A-Z]{0,2}[\d\-/.: ]*\d|[A-Z])$/u.test(before);
}

function kindOf(match: RegExpExecArray): FieldKind {
  // ANY stands twice in LABEL (bracketed, then bare): group g names label (g - 1) mod count.
  for (let g = 1; g < match.length; g++) if (match[g] !== undefined) return kinds[(g - 1) % kinds.length]!;
  return 'chrome';
}

/**
 * Cuts a line at its labels. A label counts at the start of the line or after a space or a
 * closing mark, never inside a word. Returns undefined when the line has no label.
 */
export function readFieldLine(line: Line, record = false): FieldLine | undefined {
  const text = line.text;
  const found: Array<{ kind: FieldKind; at: number; end: number }> = [];
  const opening = record ? RECORD_LABEL.exec(text) : null;
  if (opening) found.push({ kind: kindOf(opening), at: text.length - text.trimStart().length, end: opening[0].length });
  LABEL.lastIndex = 0;
  for (let match = LABEL.exec(text); match; match = LABEL.exec(text)) {
    if (!labelMayStart(text.slice(0, match.index)) || (opening && match.index < opening[0].length)) continue;
    found.push({ kind: kindOf(match), at: match.index, end: match.index + match[0].length });
  }
  SLASH_LABEL.lastIndex = 0;
  for (let match = SLASH_LABEL.exec(text); match; match = SLASH_LABEL.exec(text)) {
    const at = match.index;
    if (found.some((f) => at < f.end && f.at < at + match![0].length) || !labelMayStart(text.slice(0, at))) continue;
    const group = match.findIndex((g, i) => i > 0 && g !== undefined);
    found.push({ kind: SLASH_LABELS[group - 1]![0], at, end: at + match[0].length });
  }
  const lead = text.length - text.trimStart().length;
  BARE_DOI.lastIndex = lead;
  const doi = BARE_DOI.exec(text);
  if (doi && !found.some((f) => f.at === lead)) found.unshift({ kind: 'doi', at: lead, end: lead + doi[0].length });
  if (found.length === 0) {
    const bare = BARE_LABEL.exec(text);
    const kind = bare ? kindOf(bare) : undefined;
    // Only labels whose value is text of its own; a bare `作者` or `日期` says nothing, except in a record, where every label stands alone.
    if (!bare || kind === undefined || (!record && kind !== 'abstract' && kind !== 'abstractEn' && kind !== 'keywords' && kind !== 'keywordsEn')) return undefined;
    return { prefix: sliceLine(line, 0, 0), fields: [{ kind, label: text.trim(), value: sliceLine(line, text.length, text.length) }] };
  }
  found.sort((a, b) => a.at - b.at);
  const fields: Field[] = found.map((f, i) => ({
    kind: f.kind,
    label: text.slice(f.at, f.end).trim(),
    value: trimLine(stripEmptyBrackets(sliceLine(line, f.end, found[i + 1]?.at ?? text.length))),
  }));
  // `【分享】我家阳台种番茄的经验`: a widget's word in brackets before words is the site's tag on a title, not a counter's label.
  const only = fields.length === 1 ? fields[0]! : undefined;
  if (only?.kind === 'chrome' && found[0]!.at === lead && /^[\[〔【(（［]/u.test(only.label) && only.value.text !== '' && !/\d/u.test(only.value.text)) return undefined;
  return { prefix: trimLine(sliceLine(line, 0, found[0]!.at)), fields };
}

/**
 * Whether a page's head is a catalogue record (a library's or a database's detail page): three
 * or more of its lines are a label with a space for its colon, or a label alone on its line.
 */
export function isRecord(lines: Line[]): boolean {
  let labels = 0;
  for (const line of lines) {
    LABEL.lastIndex = 0;
    if ((RECORD_LABEL.test(line.text) && !LABEL.test(line.text)) || BARE_LABEL.test(line.text)) labels++;
  }
  return labels >= 3;
}

/** `【 】` and `[]` left where a site's widget stood, and the bar before the next field (`陳大文｜`). */
function stripEmptyBrackets(value: Line): Line {
  const empty = /\s*(?:[\[〔【(（［]\s*[\]〕】)）］]|[|｜丨/／])\s*$/u.exec(value.text);
  return empty ? sliceLine(value, 0, empty.index) : value;
}

const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*\d{2})?)?/u;

export interface DateValue {
  date: string;
  time?: string;
  /** Index just past the date (and time) in the text. */
  end: number;
  start: number;
}

/** Taiwan dates count years from 1912, the first of the Republic: `民國108年6月12日` is 2019-06-12. */
const ROC = /(?:中[華华])?民[國国]\s*(\d{1,3})\s*年/u;
const ROC_DATE = new RegExp(`${ROC.source}\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日`, 'u');
const MONTH_ONLY = /(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月|[-/.](\d{1,2}))(?![\d\s]*[日号號\-/.\d])/u;

/** `民國108年` as the Gregorian year, `2019`. */
export function readRocYear(text: string): string | undefined {
  const match = ROC.exec(text);
  return match ? String(1911 + Number(match[1])) : undefined;
}

/** A month without its day (`2020年3月`, `民國108年6月`, `2020-03`), as `YYYY-MM`. */
export function readMonth(text: string): DateValue | undefined {
  const roc = new RegExp(`${ROC.source}\\s*(\\d{1,2})\\s*月`, 'u').exec(text);
  const match = roc ? null : MONTH_ONLY.exec(text);
  const found = roc ?? match;
  if (!found) return undefined;
  const year = roc ? String(1911 + Number(roc[1])) : match![1]!;
  const month = Number(roc ? roc[2] : (match![2] ?? match![3]));
  if (month < 1 || month > 12) return undefined;
  return { date: `${year}-${String(month).padStart(2, '0')}`, start: found.index, end: found.index + found[0].length };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** `14 March 2021`, `March 14, 2021`, `Mar. 14 2021`. */
const ENGLISH_DATE = new RegExp(`\\b(?:(\\d{1,2})\\s+${MONTH_NAME},?\\s+(\\d{4})|${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4}))\\b`, 'iu');

function readEnglishDate(text: string): DateValue | undefined {
  const m = ENGLISH_DATE.exec(text);
  if (!m) return undefined;
  const [day, name, year] = m[1] ? [m[1], m[2]!, m[3]!] : [m[5]!, m[4]!, m[6]!];
  const month = MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  if (Number(day) < 1 || Number(day) > 31) return undefined;
  return { date: `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`, start: m.index, end: m.index + m[0].length };
}

const HAN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** `二〇一九年十月十二日`: a year digit by digit, month and day in tens. */
const HAN_DATE = /([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/u;

function hanNumber(text: string): number {
  const ten = text.indexOf('十');
  if (ten === -1) return text.length === 1 ? HAN_DIGITS[text]! : NaN;
  const tens = ten === 0 ? 1 : HAN_DIGITS[text[0]!]!;
  const ones = ten === text.length - 1 ? 0 : HAN_DIGITS[text[ten + 1]!]!;
  return tens * 10 + ones;
}

function readHanDate(text: string): DateValue | undefined {
  const m = HAN_DATE.exec(text);
  if (!m) return undefined;
  const year = [...m[1]!].map((ch) => HAN_DIGITS[ch]).join('');
  const month = hanNumber(m[2]!);
  const day = hanNumber(m[3]!);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  return { date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, start: m.index, end: m.index + m[0].length };
}

/** Full-width digits and separators (`２０２１年３月５日`) read as ASCII, one for one, so indices hold. */
function halfWidth(text: string): string {
  return /[\uff0d-\uff1a]/u.test(text) ? text.replace(/[\uff0d-\uff1a]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)) : text;
}

/** The first valid date (and time) in a text. */
export function readDate(found: string): DateValue | undefined {
  const text = halfWidth(found);
  if (/年/u.test(text) && !/\d{4}|民[國国]/u.test(text)) return readHanDate(text);
  if (!/\d{4}|民[國国]/u.test(text)) return undefined;
  if (/[A-Za-z]{3}/u.test(text)) {
    const english = readEnglishDate(text);
    if (english && !DATE.test(text.slice(0, english.start))) return english;
  }
  const roc = ROC_DATE.exec(text);
  const match = roc ? null : DATE.exec(text);
  if (roc) {
    const month = Number(roc[2]);
    const day = Number(roc[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    return { date: `${1911 + Number(roc[1])}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, start: roc.index, end: roc.index + roc[0].length };
  }
  if (!match) return undefined;
  const [, y, mo, d, hh, mm] = match;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const value: DateValue = { date: `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`, start: match.index, end: match.index + match[0].length };
  if (hh !== undefined && Number(hh) < 24 && Number(mm) < 60) value.time = `${hh.padStart(2, '0')}:${mm}`;
  else if (hh !== undefined) value.end = match.index + match[0].indexOf(hh);
  return value;
}
