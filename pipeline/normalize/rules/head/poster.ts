/**
 * A post's poster and when it was posted, as blogs and forums print them: `Holly 发表于 2016/3/29
 * 11:52:00`, or a row that dates the post only relative to when the page was scraped
 * (`发表于 1年以前 | 总阅读数：1377 次`, `sality52 8年前`). A relative time gives no date, so such a
 * row is chrome; a user name before the time is the poster.
 */
import { sliceLine, trimLine, type Line } from '../../lines.ts';
import { isCounterRow, isWidgetLine } from '../chrome.ts';
import { readByline, type Byline } from './names.ts';

const POSTED = String.raw`(?:[发發]表|[发發]布|[发發]帖|更新|[编編][辑輯])[于於]?`;
const RELATIVE = new RegExp(String.raw`(?:${POSTED}\s*)?(?:\d+\s*(?:秒|分[钟鐘]|小[时時]|天|[周週]|星期|[个個]?月|年)(?:以前|之前|前)|[刚剛]{2}|昨天|前天)(?:\s*\d{1,2}:\d{2})?`, 'u');
const POSTED_END = new RegExp(String.raw`\s*${POSTED}\s*[:：]?\s*$`, 'u');
/** A poster's handle: a Latin user name. */
const HANDLE = /^[A-Za-z][A-Za-z0-9_.-]{1,23}$/u;

/** The name before the time: a handle, or names a byline reads whole. */
function poster(before: Line, known: string[]): Byline | undefined {
  const name = before.text.replace(/[\s|｜·•]+$/u, '');
  if (name === '') return undefined;
  const named = trimLine(sliceLine(before, 0, name.length));
  if (HANDLE.test(named.text)) return { names: [named], etAl: false, affiliations: [] };
  const byline = readByline(named, 0, named.text.length, known);
  return byline && byline.names.map((n) => n.text).join('') === named.text.replace(/\s+/gu, '') ? byline : undefined;
}

/** `Holly 发表于 `: the poster before the word for posting, when that is all that stands before a date. */
export function posterBefore(before: Line, known: string[]): Byline | undefined {
  const posted = POSTED_END.exec(before.text);
  return posted ? poster(sliceLine(before, 0, posted.index), known) : undefined;
}

/** The row's poster, if it names one, or `chrome` for a row with the time alone; undefined for any other line. */
export function readRelativeRow(line: Line, known: string[]): { byline: Byline } | 'chrome' | undefined {
  const match = RELATIVE.exec(line.text);
  if (!match) return undefined;
  const after = line.text.slice(match.index + match[0].length).replace(/^[\s|｜·•/]+/u, '');
  if (after !== '' && !isCounterRow(after) && !isWidgetLine(after)) return undefined;
  const before = trimLine(sliceLine(line, 0, match.index));
  if (before.text === '') return 'chrome';
  const byline = poster(before, known);
  return byline ? { byline } : undefined;
}
