/**
 * A second look at the head's readings, each line beside its neighbours: a name between an
 * English title and its date, an account's slogan over its call to follow or its byline, a
 * title that ends in an ellipsis over its date.
 */
import { trimLine } from '../../lines.ts';
import { isAudienceSlogan, isFollowCall, isSlogan } from './classify.ts';
import { isPersonName, mayBePersonName } from './people-names.ts';
import type { Reading } from './read.ts';

/** Words that start a title, not a name (`Why Small Libraries`). */
const NOT_NAME = /^(?:A|An|The|Why|How|What|When|Where|Who|Is|Are|Do|Does|In|On|Of|For|And|To|At|After|Before|New|Our|My|Your|This|That|Inside|Behind|Beyond)$/u;

/**
 * `Jane Holloway` alone on its line between an English title and a date: the byline without
 * its `By`, when its words are people's names. Two or three capitalized words that are not a title's opening.
 */
export function markLoneNames(readings: Reading[]): void {
  for (let k = 1; k + 1 < readings.length && k < 8; k++) {
    const r = readings[k]!;
    const next = readings[k + 1]!;
    const dated = next.role === 'date' || next.date !== undefined || next.fields?.some((f) => f.kind === 'date');
    if (r.role !== 'candidate' || !dated || readings[k - 1]!.role !== 'candidate') continue;
    if (readings[k - 1]!.line.text.trim().split(/\s+/u).length < 3) continue;
    const words = r.line.text.trim().split(/\s+/u);
    if (words.length < 2 || words.length > 3 || words.some((w) => !/^[A-Z][a-z'’-]+$|^[A-Z]\.$/u.test(w) || NOT_NAME.test(w))) continue;
    // `Climate Change` stands there too: the site's topic, not a name; `Priya Raman`, whose given name the
    // dictionary lacks, may be either, and stays in the text (it is no title either).
    if (isPersonName(words)) readings[k] = { ...r, role: 'byline', byline: { names: [trimLine(r.line)], etAl: false, affiliations: [] } };
    else readings[k] = { ...r, role: mayBePersonName(words) ? 'text' : 'chrome' };
  }
}

/**
 * `一线产品人都在看的成长笔记！` over `点击上方蓝字关注我们`: the account's slogan, standing above its
 * call to follow where a title would, on a feed page that printed no title. Site chrome.
 */
export function markSlogans(readings: Reading[]): void {
  for (let k = 0; k + 1 < readings.length && k < 8; k++) {
    const r = readings[k]!;
    const next = readings[k + 1]!;
    if (r.role === 'candidate' && next.role === 'chrome' && isFollowCall(next.line.text) && isSlogan(r.line.text)) readings[k] = { ...r, role: 'chrome' };
    // `数十万互联网从业者的共同关注！` over `作者：…`: the account's boast about its readers, over the byline.
    const byline = next.byline !== undefined || next.fields?.some((f) => f.kind === 'author' || f.kind === 'publication');
    if (r.role === 'candidate' && k < 3 && byline && isAudienceSlogan(r.line.text)) readings[k] = { ...r, role: 'chrome' };
  }
}

/** `看完这篇，我只想说，收下我的膝盖。。。`: a title that trails off with an ellipsis rather than a stop. */
const TRAILING = /(?:。{2,}|\.{3,}|…+)$/u;

/**
 * The page's first line read as a sentence only for its ellipsis and its commas: the title, when
 * the site's chrome or the date follows it.
 */
export function markEllipsisTitle(readings: Reading[]): void {
  const [first, next] = readings;
  const text = first?.line.text.trim() ?? '';
  if (first?.role !== 'body' || !next || !TRAILING.test(text) || [...text].length > 40 || /[。！？!?；;]/u.test(text.replace(TRAILING, ''))) return;
  if (next.role === 'chrome' || next.role === 'date' || next.date !== undefined) readings[0] = { ...first, role: 'candidate' };
}
