/**
 * What a labelled value holds beyond its text, as blogs and catalogue records print it: a pen
 * name (`作者：小巷听雨`), a parallel title (`題名 中文題名=English Title`), names ending in
 * their separator (`黃美玲;陳志明;`), a compact date (`20190600`) and volume:issue with the
 * month (`23:1 2019.06[民108.06]`).
 */
import { sliceLine, trimLine, type Line } from '../../lines.ts';
import { looksGarbled } from './classify.ts';
import { OWN_STAFF } from './journal.ts';
import { readMonth } from './labels.ts';
import { readLatinNames } from './names.ts';

/** Who a labelled byline can name without being anyone: anonymous, the site's editor, an account. */
const NOBODY = /^(?:佚名|匿名|未知|不详|不詳|小[编編]|[编編][辑輯]|[责責]任[编編][辑輯]|管理[员員]|[网網]友|[记記]者)$/u;

/** The same in a site's Latin words: `作者：admin`. */
const NOBODY_LATIN = /^(?:admin(?:istrator)?|editor|guest|user|anonymous|unknown|webmaster|root)$/iu;

/**
 * A pen name under its label (`作者：小蝶惊鸿`): one run of Han characters no byline reads, since
 * it leads with no surname, but the label says it is the author's. Not a staff word, not mojibake.
 * Or a handle or a name in ASCII letters (`作者：bugpool`, `作者: Jinkey`): no misread byte is ASCII.
 */
export function penName(value: Line): Line[] | undefined {
  const text = value.text.trim();
  if (/^[A-Za-z][\x20-\x7e]*$/u.test(text)) {
    const names = (readLatinNames(value) ?? [trimLine(value)]).filter((name) => /^[A-Za-z][A-Za-z0-9_.\- ]{1,30}$/u.test(name.text) && !NOBODY_LATIN.test(name.text));
    return names?.length ? names : undefined;
  }
  if (!/^\p{Script=Han}{2,8}$/u.test(text) || OWN_STAFF.test(text) || NOBODY.test(text) || looksGarbled(text)) return undefined;
  return [trimLine(value)];
}

/** A list of names with its separator after the last one too (`黃美玲;陳志明;`). */
export function withoutTrailingSeparator(value: Line): Line {
  const end = /[\s;；,，、]+$/u.exec(value.text);
  return end ? sliceLine(value, 0, end.index) : value;
}

/** `中文題名=English Title`: a catalogue's title and its parallel title in one value. */
export function splitParallelTitle(value: Line): { title: Line; english?: Line } {
  const match = /^(.*\p{Script=Han}.*?)\s*[=＝]\s*(?=[A-Za-z])/u.exec(value.text);
  if (!match) return { title: value };
  return { title: trimLine(sliceLine(value, 0, match[1]!.length)), english: trimLine(sliceLine(value, match[0].length, value.text.length)) };
}

/** `20190600`: a date printed as eight digits, with 00 for a month or day not given. */
export function readCompactDate(text: string): string | undefined {
  const match = /^\s*(\d{4})(\d{2})(\d{2})\s*$/u.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (month === '00') return year;
  if (Number(month) > 12 || Number(day) > 31) return undefined;
  return day === '00' ? `${year}-${month}` : `${year}-${month}-${day}`;
}

/** An issue's value: `2019年6月` under `卷期/出版年月` is a date; `23:1 2019.06` a volume, an issue and a month. */
export function readIssueValue(text: string): { issue?: string; date?: string } {
  const numbered = readVolumeIssue(text);
  if (numbered) return numbered;
  const month = readMonth(text);
  if (month && month.start === 0 && month.end === text.length) return { date: month.date };
  return { issue: text.replace(/\s+/g, '') };
}

/** `23:1 2019.06[民108.06]`: volume and issue, then the month of the issue. */
function readVolumeIssue(text: string): { issue: string; date?: string } | undefined {
  const match = /^\s*(\d{1,3})\s*[:：]\s*(\d{1,3})(?:\s+(\d{4})[.\-/](\d{1,2}))?/u.exec(text);
  if (!match) return undefined;
  const [, volume, issue, year, month] = match;
  return { issue: `第${volume}卷第${issue}期`, ...(year ? { date: `${year}-${month!.padStart(2, '0')}` } : {}) };
}

/** `作者：木子，作者授权某某转载。`: a reprint's note after the name, not part of it. */
const REPRINT_NOTE = /\s*[,，;；。]\s*(?:[经經]?(?:作者|原作者|本人)?\s*授[权權]|[转轉][载載]|首[发發]|原[创創]|投稿|[独獨]家|[来來]自).*$/u;

/** An author value without a reprint note after the names, and the note. */
export function withoutReprintNote(value: Line): { value: Line; note?: string } {
  const note = REPRINT_NOTE.exec(value.text);
  return note && note.index > 0 ? { value: sliceLine(value, 0, note.index), note: value.text.slice(note.index).replace(/^\s*[,，;；。]\s*/u, '') } : { value };
}

/** `慢思考（ID：manthink）`: a feed account's handle after its name. */
const ACCOUNT_ID = /\s*[(（]\s*(?:ID|id|微信[号號]|微信ID)\s*[:：]?\s*[\w.-]+\s*[)）]\s*$/u;

export function withoutAccountId(value: Line): Line {
  const id = ACCOUNT_ID.exec(value.text);
  return id && id.index > 0 ? sliceLine(value, 0, id.index) : value;
}
