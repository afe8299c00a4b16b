/**
 * boilerplate: a scraped page brings the site along with the article: stray lines of symbols,
 * "related articles" lists after the end, keyword-stuffed SEO lines, the byline printed twice.
 * None of it is the author's text, so it must not reach the book; every removal is reported
 * with the removed text so nothing disappears silently.
 */
import { scriptEvidence } from '../../locale/lang.ts';
import { originAt, report, sliceLine, type Line, type Reporter } from '../lines.ts';
import { isCaptionLine } from './captions.ts';
import { CHROME_REGION, isLinkLine, isWidgetLine, linkLists, TRAILER_REASONS, trailerKind } from './chrome.ts';
import { FORUM_REASONS, forumRows } from './forum-chrome.ts';

export const RULE_ID = 'boilerplate';

/** A line with no letter and no digit in any script: `?`, `***`, `|`, `>>`. */
export function isJunkLine(text: string): boolean {
  return text.trim() !== '' && !/[\p{L}\p{N}]/u.test(text);
}

const RELATED_HEADER =
  /^\s*(?:猜你喜[歡欢]|相[關关](?:文章|閱讀|阅读|推[薦荐]|新聞|新闻)|推[薦荐](?:閱讀|阅读|文章)|延伸[閱阅][讀读]|熱門文章|热门文章|熱門推薦|热门推荐|更多(?:文章|閱讀|阅读|精彩)|更多\S{1,8}?(?:報導|报导|报道|新聞|新闻|文章)|你可能[還还]喜[歡欢]|往期(?:推[薦荐]|回[顧顾]|精彩|[閱阅][讀读])|精彩回[顧顾]|喜[歡欢]此[內内]容的人[還还]喜[歡欢]|您可能感[興兴]趣(?:的文章)?|上一篇|下一篇|related (?:articles|posts|stories)|read more|you may also like|topics|tags|more on this (?:story|topic)|explore more)\s*(?:[:：｜|>»\s].*)?$/iu;

export function isRelatedHeader(text: string): boolean {
  return RELATED_HEADER.test(text) && codePoints(text.trim(), 61) <= 60;
}

/** The number of code points in `text`, counted up to `limit` at most: no array of characters is made. */
function codePoints(text: string, limit: number): number {
  if (text.length < limit) return [...text].length;
  let count = 0;
  for (let i = 0; i < text.length && count < limit; i++, count++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
  }
  return count;
}

/** Short, title-like: no sentence-final full stop, not paragraph length. */
function titleLike(text: string): boolean {
  const t = text.trim();
  return codePoints(t, 61) <= 60 && !/[。.]$/.test(t);
}

/**
 * Index of the line that opens a trailing related-articles block, if the text ends with one:
 * a known header followed (to the end) by short title-like lines.
 */
export function findRelatedBlock(texts: string[]): number | undefined {
  for (let h = Math.max(0, texts.length - 40); h < texts.length; h++) {
    if (!isRelatedHeader(texts[h]!)) continue;
    // The trailer's own lines (a copyright line under the list) go with it, for their own reason.
    const rest = texts.slice(h + 1).filter((t) => t.trim() !== '' && trailerKind(t) === undefined);
    const titles = rest.filter(titleLike).length;
    if (rest.length === 0 || titles * 10 >= rest.length * 8) return h;
  }
  return undefined;
}

const SENTENCE_PUNCT = /[。，、；：？！,.;:?!]/u;
// Vocabulary of adult/gambling link farms, Simplified and Traditional. One signal among several:
// a news line may use one of these words; a spam line stacks them.
const SPAM_WORDS = [
  '免费', '免費', '国产', '國產', '高清', '无码', '無碼', '精品', '观看', '觀看', '在线', '在線', '成人', '日韩', '日韓',
  '欧美', '歐美', '亚洲', '亞洲', '伦理', '倫理', '午夜', '激情', '福利', '一区', '一區', '二区', '二區', '久久', '综合',
  '綜合', '彩票', '博彩', '娱乐城', '娛樂城', '棋牌', '代孕', '发票', '發票', '香蕉', 'porn', 'xxx', 'casino', 'av',
];

/** The Latin spam words as whole-word patterns (`av` must not match `average`). */
const SPAM_LATIN = SPAM_WORDS.map((w) => (/^[a-z]+$/.test(w) ? new RegExp(`(?:^|[^a-z])${w}(?:[^a-z]|$)`) : undefined));

/** Any of the words, in any case: most lines have none, and one expression looks for all of them at once. */
const SPAM_ANY = new RegExp(SPAM_WORDS.join('|'), 'i');

function spamWords(text: string): string[] {
  const lower = text.toLowerCase();
  return SPAM_WORDS.filter((w, i) => SPAM_LATIN[i]?.test(lower) ?? text.includes(w));
}

export const SPAM_THRESHOLD = 6;

export interface SpamVerdict {
  score: number;
  signals: string[];
}

/**
 * How much a line looks like SEO spam. Each signal alone is common in real text; spam lines
 * (keyword strings glued with dashes, numbers stuck to words, doubled characters, the other
 * script, the vocabulary of link farms) collect several. A score of 6 or more is spam.
 */
export function spamScore(text: string, docLang: string): SpamVerdict {
  const t = text.trim();
  const verdict: SpamVerdict = { score: 0, signals: [] };
  if (codePoints(t, 12) < 12) return verdict;
  const words = SPAM_ANY.test(t) ? spamWords(t) : [];
  const vocabulary = Math.min(3, words.length);
  // Each costlier signal is looked for only while the line can still reach the threshold; a
  // line that cannot gets a score below it, which is all a caller reads from it.
  let open = 2 + 2 + 1 + 2 + 2; // punctuation, dashes, numbers, doubled, script still to look at
  open -= 2;
  if (!SENTENCE_PUNCT.test(t)) add(verdict, 2, 'no sentence punctuation');
  if (hopeless(verdict, vocabulary, open)) return withVocabulary(verdict, vocabulary);
  open -= 2;
  // A dash between digits is a date's or a number's (2023-05-12, 400-800-1234), not glue.
  const glued = (t.match(/[^\s\-_|][-_|]+(?=[^\s\-_|])/gu)?.length ?? 0) - (t.match(/\d[-_|]+(?=\d)/gu)?.length ?? 0);
  if (glued >= 2) add(verdict, 2, `${glued} keywords glued with dashes`);
  else if (glued === 1) add(verdict, 1, 'keywords glued with a dash');
  if (hopeless(verdict, vocabulary, open)) return withVocabulary(verdict, vocabulary);
  open -= 1;
  const digitsOnWords = t.match(/\d\p{Script=Han}|\p{Script=Han}\d/gu)?.length ?? 0;
  if (digitsOnWords >= 2) add(verdict, 1, 'numbers stuck to words');
  if (hopeless(verdict, vocabulary, open)) return withVocabulary(verdict, vocabulary);
  open -= 2;
  const doubled = t.match(/(\p{Script=Han})\1/gu)?.length ?? 0;
  if (doubled >= 2) add(verdict, 2, 'doubled characters');
  if (hopeless(verdict, vocabulary, open)) return withVocabulary(verdict, vocabulary);
  if (docLang === 'zh-Hant' || docLang === 'zh-Hans') {
    const { simplified, traditional } = scriptEvidence(t);
    const other = docLang === 'zh-Hant' ? simplified : traditional;
    const own = docLang === 'zh-Hant' ? traditional : simplified;
    if (other >= 2 && other > own * 2) add(verdict, 2, 'written in the other script');
  }
  if (words.length > 0) add(verdict, vocabulary, `spam vocabulary (${words.slice(0, 4).join(', ')})`);
  return verdict;
}

function add(verdict: SpamVerdict, points: number, signal: string): void {
  verdict.score += points;
  verdict.signals.push(signal);
}

/** Whether the line cannot reach the threshold with the signals still to look at: its score is then final. */
function hopeless(verdict: SpamVerdict, vocabulary: number, open: number): boolean {
  return verdict.score + vocabulary + open < SPAM_THRESHOLD;
}

function withVocabulary(verdict: SpamVerdict, vocabulary: number): SpamVerdict {
  verdict.score += vocabulary;
  return verdict;
}

export function isSpamLine(text: string, docLang: string): boolean {
  return spamScore(text, docLang).score >= SPAM_THRESHOLD;
}

export function removed(reporter: Reporter | undefined, line: Line, reason: string): void {
  if (reporter) report(reporter, originAt(line, 0), RULE_ID, reason, line.text, '', 'warning');
}

/** Drops junk lines, spam lines and a trailing related-articles block. Returns the kept lines. */
export function removeBoilerplate(lines: Line[], docLang: string, reporter: Reporter | undefined): Line[] {
  const kept: Line[] = [];
  for (const line of lines) {
    if (isJunkLine(line.text)) {
      removed(reporter, line, 'Remove line without letters or digits');
      continue;
    }
    if (isCaptionLine(line.text)) {
      removed(reporter, line, 'Remove the picture’s credit or caption (the picture is not in the text)');
      continue;
    }
    const verdict = spamScore(line.text, docLang);
    if (verdict.score >= SPAM_THRESHOLD) {
      removed(reporter, line, `Remove SEO spam line (${verdict.signals.join('; ')})`);
      continue;
    }
    kept.push(line);
  }
  dropNewsLead(kept, reporter);
  const block = findRelatedBlock(kept.map((l) => l.text));
  if (block === undefined) return removeSiteChrome(kept, reporter);
  const header = kept[block]!;
  for (const line of kept.slice(block)) {
    if (line.text.trim() === '') continue;
    const kind = line === header ? undefined : trailerKind(line.text);
    const reason = line === header ? `Remove related-articles block header “${header.text.trim()}”` : kind ? TRAILER_REASONS[kind] : 'Remove related-articles block entry';
    removed(reporter, line, reason);
  }
  return removeSiteChrome(kept.slice(0, block), reporter);
}

/** `（本报讯）`, `【本報訊】`, `本网讯：`: a news page's lead mark, which says no more than that the page is its own. */
const NEWS_LEAD = /^\s*(?:[（(【\[〔]\s*本\s*(?:[报報]|[网網]|[台]|[刊])\s*[讯訊]\s*[)）】\]〕]|本(?:[报報]|[网網])[讯訊](?=[\s:：　（(]))\s*[:：]?\s*/u;

/** Cuts the lead mark from the page's first paragraph when it opens with one (in place). */
function dropNewsLead(lines: Line[], reporter: Reporter | undefined): void {
  const end = Math.min(lines.length, CHROME_REGION * 2);
  for (let i = 0; i < end; i++) {
    const line = lines[i]!;
    const lead = line.text.includes('本') ? NEWS_LEAD.exec(line.text) : null;
    // Only the article's first paragraph opens with it; a later one quotes it.
    if (!lead) {
      if (isProse(line.text)) return;
      continue;
    }
    if (reporter) report(reporter, originAt(line, 0), RULE_ID, `Remove the news page’s lead mark ${lead[0].trim()}`, lead[0].trim(), '', 'warning');
    lines[i] = sliceLine(line, lead[0].length, line.text.length);
    return;
  }
}

/**
 * Widget rows near either end of the page and the trailer at its end (editor credits,
 * previous/next links, the link list's header, copyright and ICP lines), each reported.
 */
export function removeSiteChrome(lines: Line[], reporter: Reporter | undefined): Line[] {
  const filled = lines.reduce((n, line) => n + (line.text.trim() === '' ? 0 : 1), 0);
  const texts = lines.map((line) => line.text);
  const lists = linkLists(texts);
  const forum = forumRows(texts, regionIndexes(texts));
  let rank = -1;
  let firstProse = -1;
  return lines.filter((line, i) => {
    if (line.text.trim() === '') return true;
    rank++;
    const listed = lists.get(i);
    if (listed || isLinkLine(line.text)) {
      removed(reporter, line, listed === 'header' ? TRAILER_REASONS['link-header'] : listed ? 'Remove an entry of the site’s link list' : 'Remove the site’s link to another page');
      if (firstProse === -1 && isProse(line.text)) firstProse = rank;
      return false;
    }
    const row = forum.get(i);
    if (row) {
      removed(reporter, line, FORUM_REASONS[row]);
      return false;
    }
    // On a short page the head is not the trailer: the trailer follows the first paragraph.
    if (firstProse === -1 && isProse(line.text)) firstProse = rank;
    const tail = rank >= filled - CHROME_REGION && firstProse !== -1 && rank > firstProse;
    if ((rank < CHROME_REGION || tail) && isWidgetLine(line.text)) {
      removed(reporter, line, 'Remove the site’s widget row (font size, share, print, close)');
      return false;
    }
    const kind = tail ? trailerKind(line.text) : undefined;
    if (kind === undefined) return true;
    removed(reporter, line, TRAILER_REASONS[kind]);
    return false;
  });
}

/** The indexes of the first and the last CHROME_REGION non-blank lines, in order. */
function regionIndexes(texts: string[]): number[] {
  const head: number[] = [];
  for (let i = 0; i < texts.length && head.length < CHROME_REGION; i++) if (texts[i]!.trim() !== '') head.push(i);
  const tail: number[] = [];
  for (let i = texts.length - 1; i > (head.at(-1) ?? -1) && tail.length < CHROME_REGION; i--) if (texts[i]!.trim() !== '') tail.push(i);
  return [...head, ...tail.reverse()];
}

/**
 * A paragraph of the article: a sentence of some length. A forum post's are short; a shorter
 * one counts when it has no colon, which a labelled line of the head has (`文章转载自：…。`).
 */
function isProse(text: string): boolean {
  const length = [...text.trim()].length;
  return /[。！？.!?]/u.test(text) && (length > 30 || (length > 20 && !/[:：]/u.test(text)));
}

/** The byline printed again after the header: a short line naming exactly the known authors. */
export function isRepeatedByline(text: string, authors: string[]): boolean {
  if (authors.length === 0) return false;
  const t = text.trim().replace(/^(?:作者|文|撰文|記者|记者|by)\s*[:：|/]?\s*/iu, '');
  if (t === '' || [...t].length > 40) return false;
  const names = t.split(/[\s、，,;；/|]+/u).filter(Boolean);
  return names.length > 0 && names.every((n) => authors.includes(n));
}

export function removeBylines(lines: Line[], authors: string[], reporter: Reporter | undefined): Line[] {
  return lines.filter((line) => {
    if (!isRepeatedByline(line.text, authors)) return true;
    removed(reporter, line, 'Remove byline repeated after the header');
    return false;
  });
}
