/**
 * A community site's byline row under a post's title, its parts set apart by spaced dots:
 * `陈恒捷 · 2015年03月22日 · 最后由 李明 回复于 2015年04月01日 · 3071 次阅读`,
 * `francis · 2022-04-10 15:06:33 · 热度: 35`. The first part is the poster, the second the
 * post's date; the rest is the thread's state (its last reply, its counters), not the article's.
 */
import { sliceLine, trimLine, type Line } from '../../lines.ts';
import { isCounterRow } from '../chrome.ts';
import { readDate, type DateValue } from './labels.ts';
import { isDictionaryWord, readByline, type Byline } from './names.ts';

/** A spaced dot between the row's parts (a transliterated name's dot, `阿不都·热合曼`, has no spaces). */
const PART = /\s+[·•・]\s+|\s*•\s*/gu;

/** A poster's handle: a Latin user name. */
const HANDLE = /^[A-Za-z][A-Za-z0-9_.-]{1,23}$/u;

/** The thread's state after the date: its last reply or edit, its counters. */
const STATE = [
  /^(?:最后|最後)?(?:由\s*\S{1,20}\s*)?(?:回[复復覆]|[编編][辑輯]|更新)[于於]\s*.{4,30}$/u,
  /^(?:[阅閱][读讀]|[浏瀏][览覽]|[热熱]度|[点點][击擊]|人[气氣]|[评評][论論]|回[复復覆]|[赞讚]|收藏)\s*[:：]?\s*\d+(?:[,.]\d+)*[kKwW万萬]?\s*次?$/u,
  /^\d+(?:[,.]\d+)*[kKwW万萬]?\s*(?:次|个|個|条|條|人)?\s*(?:[阅閱][读讀]|[浏瀏][览覽]|回[复復覆]|[评評][论論]|[赞讚]|收藏|[关關]注)$/u,
];

function isState(part: string): boolean {
  return STATE.some((pattern) => pattern.test(part)) || isCounterRow(part);
}

/** The poster's name: Chinese names a byline reads (not a dictionary word, unless known), or a handle. */
function poster(part: Line, known: string[]): Byline | undefined {
  const text = part.text;
  if (HANDLE.test(text)) return { names: [part], etAl: false, affiliations: [] };
  const byline = readByline(part, 0, text.length, known);
  if (!byline || byline.names.length !== 1) return byline;
  const name = byline.names[0]!.text;
  return known.includes(name) || !isDictionaryWord(name) ? byline : undefined;
}

/** The poster and the date of a dotted byline row, when the line is one. */
export function readDottedByline(line: Line, known: string[]): { date: DateValue; byline?: Byline } | undefined {
  const text = line.text;
  if (!/[·•・]/u.test(text)) return undefined;
  const parts: Line[] = [];
  let at = 0;
  for (const match of text.matchAll(PART)) {
    parts.push(trimLine(sliceLine(line, at, match.index)));
    at = match.index + match[0].length;
  }
  parts.push(trimLine(sliceLine(line, at, text.length)));
  if (parts.length < 2 || parts.length > 6 || parts.some((p) => p.text === '')) return undefined;
  const date = readDate(parts[1]!.text);
  if (!date || date.start !== 0 || parts[1]!.text.slice(date.end).trim() !== '') return undefined;
  if (!parts.slice(2).every((p) => isState(p.text))) return undefined;
  const byline = poster(parts[0]!, known);
  if (!byline) return undefined;
  return { date, byline };
}
