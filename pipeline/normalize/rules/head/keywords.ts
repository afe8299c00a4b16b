/**
 * Keywords as journals print them: separated by `;；,，、` or spaces, or with the separators
 * lost (`黨務工作基層干部責任感`), and on some sites with the site's own tags (`论文`, `范文`)
 * standing among them. Glued keywords are cut where the article's own words say: a real
 * keyword recurs in the body.
 */
import { countHan } from '../../chars.ts';
import { originAt, report, sliceLine, trimLine, type Line, type Reporter } from '../../lines.ts';

export const RULE_ID = 'metadata';

/** Tags a paper-mill or article site files every page under; never the author's keywords. */
const SITE_TAGS = new Set([
  '论文', '論文', '毕业论文', '畢業論文', '论文范文', '論文範文', '范文', '範文', '免费论文', '免費論文', '论文网', '論文網',
  '学术论文', '學術論文', '职称论文', '職稱論文', '论文发表', '論文發表', '论文下载', '論文下載', '期刊论文', '期刊論文',
  '原创', '原創', '精选', '精選', '推荐', '推薦', '热门', '熱門', '首页', '首頁', '资料', '資料', '参考', '參考',
]);

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) count++;
  return count;
}

/**
 * Splits keywords whose separators were lost using the article itself: real keywords recur in
 * the body, so choose the segmentation whose chunks recur, preferring long chunks (a keyword is
 * a term, not its component words). Returns undefined when some chunk never occurs in the
 * body: then there is no evidence and the string is kept whole.
 */
export function segmentKeywords(run: string, body: string): string[] | undefined {
  const chars = Array.from(run);
  const n = chars.length;
  if (n < 4 || n > 64) return undefined;
  const best: Array<{ score: number; cut: number } | undefined> = new Array(n + 1);
  best[0] = { score: 0, cut: 0 };
  for (let end = 1; end <= n; end++) {
    for (let len = 2; len <= Math.min(8, end); len++) {
      const previous = best[end - len];
      if (!previous) continue;
      const chunk = chars.slice(end - len, end).join('');
      const count = occurrences(body, chunk);
      if (count === 0) continue;
      const score = previous.score + len * len * (1 + Math.log(count));
      if (!best[end] || score > best[end]!.score) best[end] = { score, cut: end - len };
    }
  }
  if (!best[n]) return undefined;
  const parts: string[] = [];
  for (let end = n; end > 0; end = best[end]!.cut) parts.unshift(chars.slice(best[end]!.cut, end).join(''));
  return parts.length > 1 ? parts : undefined;
}

const SEPARATED = /[;；,，、|/]/u;

/** `党组织;城市治理;公共空间`: three or more short terms between separators, nothing else. */
export function isKeywordList(text: string): boolean {
  const t = text.trim();
  if (!/[;；]/u.test(t) && !/、/u.test(t)) return false;
  const parts = t.split(/[;；、]/u).map((p) => p.trim());
  // `一种文档管理方法、系统、装置和存储介质`: a title's series is joined by words that terms lack.
  if (!/[;；]/u.test(t) && parts.some((p) => PHRASE.test(p))) return false;
  return parts.length >= 3 && parts.every((p) => p !== '' && [...p].length <= 12 && !/[。，,：:！？!?]/u.test(p) && countHan(p) >= 2);
}

/** What joins a phrase, not a term: a conjunction, a possessive, an article. */
const PHRASE = /[和与與及或的]|一[种種个個]/u;

/** `关键词社区协商;制度化;基层治理`: the label with its colon lost; returns the label's length. */
const GLUED_LABEL = /^\s*(?:[关關]\s*[键鍵]\s*[词詞字]|Key\s*words)(?=[^\s:：\]】〕)）])/iu;

export function gluedKeywordsLabel(text: string): number | undefined {
  const label = GLUED_LABEL.exec(text);
  if (!label) return undefined;
  const parts = text.slice(label[0].length).trim().split(/[;；、]/u).map((p) => p.trim());
  return parts.length >= 2 && parts.every((p) => p !== '' && [...p].length <= 16 && !/[。：:！？!?]/u.test(p)) ? label[0].length : undefined;
}

/** Splits a keywords value into terms, dropping the site's tags; each term keeps its source place. */
/**
 * `城市绿道；满意度；urban greenway；satisfaction`: a Chinese page that prints the English keywords
 * after the Chinese ones in the same line. Two or more Latin terms at the end are those; a Latin
 * term among the Chinese ones (`大数据；AI；治理`) is one of them.
 */
export function englishTail(terms: Line[], chineseDoc: boolean): { terms: Line[]; english: Line[] } {
  let cut = terms.length;
  while (cut > 0 && /^[\p{Script=Latin}\d\s\-'’.,&()/]+$/u.test(terms[cut - 1]!.text)) cut--;
  if (!chineseDoc || cut === 0 || terms.length - cut < 2) return { terms, english: [] };
  return { terms: terms.slice(0, cut), english: terms.slice(cut) };
}

export function splitKeywords(value: Line, body: string, reporter: Reporter | undefined): Line[] {
  const text = value.text;
  const pieces = (pattern: RegExp): Line[] => {
    const out: Line[] = [];
    for (const match of text.matchAll(pattern)) out.push(trimLine(sliceLine(value, match.index, match.index + match[0].length)));
    return out.filter((l) => l.text !== '');
  };
  let terms: Line[];
  if (SEPARATED.test(text)) terms = pieces(/[^;；,，、|/]+/gu);
  else if (countHan(text) > 0 && /\s/.test(text)) terms = pieces(/\S+/gu);
  else terms = [glued(value, body, reporter)].flat();
  return terms.filter((term) => {
    if (!SITE_TAGS.has(term.text)) return true;
    if (reporter) report(reporter, originAt(term, 0), RULE_ID, `Drop the site's tag “${term.text}” from the keywords`, term.text, '', 'warning');
    return false;
  });
}

function glued(value: Line, body: string, reporter: Reporter | undefined): Line[] {
  const text = value.text;
  if (text === '' || countHan(text) !== [...text].length) return text === '' ? [] : [value];
  const parts = segmentKeywords(text, body);
  if (parts) {
    const out: Line[] = [];
    let at = 0;
    for (const part of parts) {
      out.push(sliceLine(value, at, at + part.length));
      at += part.length;
    }
    if (reporter) report(reporter, originAt(value, 0), RULE_ID, 'Split keywords without separators by the terms that recur in the article', text, parts.join('、'), 'warning');
    return out;
  }
  if (reporter && [...text].length > 6) {
    report(reporter, originAt(value, 0), RULE_ID, 'Keywords have no separators and the article gives no evidence where to split them; kept as one keyword', text, undefined, 'warning');
  }
  return [value];
}
