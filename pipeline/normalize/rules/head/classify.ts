/**
 * What each line at the head of a scraped page is, from its own features: the site's chrome
 * (navigation rows, counters, `APP下载`, `TOP`), a subtitle, an affiliation, the English block,
 * body text, or a line that could be the title. Labelled fields, dates, journals and bylines
 * are read by their own modules; this one judges the rest.
 */
import { countHan } from '../../chars.ts';
import { isWidgetLine } from '../chrome.ts';
import { isFollowCall } from '../follow.ts';
import { looksLikeMojibake } from '../mojibake.ts';
import { headingDepth } from '../structure.ts';
import { INSTITUTION } from './institutions.ts';
import { DOTTED_NAME, surnameLength } from './names.ts';
import { cleanTitle } from './title-marks.ts';

/** Words of a site's navigation and widgets, Simplified and Traditional. */
const NAV_WORDS = new Set([
  '首页', '首頁', '设为首页', '設為首頁', '设为主页', '設為主頁', '加入收藏', '收藏本站', '在线投稿', '在線投稿', '线上投稿', '投稿',
  '数据检索', '數據檢索', '中心智库', '中心智庫', '登录', '登錄', '登入', '注册', '註冊', '网站地图', '網站地圖', '联系我们',
  '聯繫我們', '聯絡我們', '关于我们', '關於我們', 'app下载', 'app下載', '下载app', '下載app', 'app', '返回顶部', '返回頂部',
  'top', '打印', '列印', '关闭', '關閉', '关闭窗口', '關閉窗口', '收藏', '分享', '分享到', '扫一扫', '掃一掃', '微信', '微博',
  '手机版', '手機版', 'english', '繁体', '繁體', '简体', '簡體', '订阅', '訂閱', '搜索', '搜尋', '帮助', '幫助', '期刊导航',
  '期刊導航', '过刊浏览', '過刊瀏覽', '当期目录', '當期目錄', '期刊订阅', '期刊訂閱', '编委会', '編委會', '稿约', '稿約',
  '下载', '下載', '下载全文', '下載全文', 'pdf下载', 'pdf下載', '评论', '評論', '点赞', '點讚', '举报', '舉報', '纠错', '糾錯',
  '字号', '字號', '大', '中', '小', '上一篇', '下一篇', '返回', '更多', '文章', '新闻', '新聞', '专题', '專題', '智库', '智庫',
  '学术', '學術', '期刊', '资讯', '資訊', '动态', '動態', '会员', '會員', '我的', '客户端', '客戶端',
  'home', 'about', 'about us', 'contact', 'contact us', 'news', 'login', 'log in', 'sign in', 'register', 'subscribe',
  'search', 'menu', 'research', 'publications', 'events', 'blog', 'donate', 'archive', 'archives', 'issues', 'current issue',
  'submit', 'submissions', 'authors', 'editorial board', 'help', 'faq',
]);

/** `首页 > 新闻`, `[城南论坛主页]->[大众观点]`: the page's place in the site, from its home page. */
const BREADCRUMB = /^\s*(?:当前位置|當前位置|您的位置|您现在的位置|您現在的位置|位置)?\s*[:：]?\s*[[【]?[^\]】>\s]{0,12}?(?:首页|首頁|主页|主頁|home)\s*[\]】]?\s*(?:-+>|[>»›/＞])/iu;
const COUNTER = /^\s*(?:[【[(（]\s*)?(?:[浏瀏][览覽]|[阅閱][读讀]|[点點][击擊]|[评評][论論]|人[气氣])\s*(?:量|次[数數]|[数數])?\s*[:：]?\s*\d+\s*次?\s*(?:[】\])）])?\s*$/u;

/**
 * A blog's reading figures: `共 6120字，需浏览 12分钟`, `全文约3200字`, `阅读时间约 5 分钟`,
 * `预计阅读时长：8分钟`, `5 min read`.
 */
const MINUTES = String.raw`[\d.]+\s*(?:分[钟鐘]|min(?:ute)?s?)`;
const READ_TIME = String.raw`(?:需要?|[预預][计計]|大?[约約])?\s*(?:[浏瀏][览覽]|[阅閱][读讀])(?:[时時][间間长長])?\s*(?:需要?|大?[约約])?\s*[:：]?\s*${MINUTES}`;
const READING_FIGURES = new RegExp(
  String.raw`^(?:(?:本文|全文)?\s*(?:共|[约約]|共[计計])?\s*[\d,，.]+\s*[千万萬]?\s*字(?:[\s,，;；、|｜·]*${READ_TIME})?|${READ_TIME}|${MINUTES}\s+read)\s*[。.]?$`,
  'iu',
);

/** What an account says of itself (`一线产品人都在看的成长笔记！`, `每天五分钟，陪你读懂城市`), not what an article is called. */
const SLOGAN = /都在看|每[天日]|陪[你您]|[带帶][你您]|[专專]注|公[众眾][号號]|[订訂][阅閱]|干[货貨]|乾[货貨]|有[温溫]度|有[态態]度|不一[样樣]的|[欢歡]迎|一起[读讀看学學]|[你您]的|[笔筆][记記]$|[笔筆][记記][！!~～]?$/u;

export function isSlogan(text: string): boolean {
  return SLOGAN.test(text.trim());
}

/** `数十万互联网从业者的共同关注！`: what an account says of its readers, set over the byline where a title would stand. */
const AUDIENCE = /^(?:[数數一二三四五六七八九两兩几幾]?[十百千万萬亿億]+|\d+(?:\.\d+)?\s*[万萬亿億]?)\+?\s*.{0,12}?(?:从业者|從業者|[读讀]者|用[户戶]|粉[丝絲]|家[长長]|老[师師]|人)(?:的|都在|共同|一起|正在)?.{0,4}?(?:[关關]注|[订訂][阅閱]|[选選][择擇]|信[赖賴]|在看|在[读讀])[!！~～。.]?$/u;

export { isFollowCall };

export function isAudienceSlogan(text: string): boolean {
  return AUDIENCE.test(text.trim());
}

/** Site chrome: a navigation row, a breadcrumb, a counter, a widget's word, a call to follow. */
export function isChrome(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (BREADCRUMB.test(t) || COUNTER.test(t) || READING_FIGURES.test(t) || isWidgetLine(t) || isFollowCall(t)) return true;
  // `Home | News | About us`: items of several words when the row has separators.
  const items = t.split(/\s*[|｜·•]\s*/u).filter(Boolean);
  if (items.length >= 3 && items.every((item) => item.split(/\s+/u).length <= 3) && items.filter((item) => NAV_WORDS.has(item.toLowerCase())).length * 2 >= items.length) return true;
  // `Home | World | Business | Science`: a row of a site's sections, each a capitalized word or two.
  if (items.length >= 4 && items.every((item) => /^(?:[A-Z][\p{L}&'’-]*)(?:\s+[A-Z&][\p{L}'’-]*)?$/u.test(item))) return true;
  const tokens = t.split(/[\s|｜/·•]+/u).filter(Boolean);
  const nav = tokens.filter((token) => NAV_WORDS.has(token.toLowerCase()));
  if (nav.length === tokens.length) return true;
  // `中心智库 数据检索 在线投稿 设为首页 加入收藏`: a row of short items, most of them the site's
  // (one-character items such as 大 and 小 do not count: a letter-spaced title has them too).
  const words = nav.filter((token) => [...token].length >= 2).length;
  return tokens.length >= 3 && words * 2 >= tokens.length && tokens.every((token) => [...token].length <= 6);
}

const POSTCODE = /(?<!\d)\d{6}(?!\d)/u;

/** `（上海大学马克思主义学院 上海 200444）`, `1. 复旦大学 国际关系学院，上海 200433；2. …`. */
export function isAffiliation(text: string): boolean {
  const t = text.trim();
  // A headline's bar or quotes (`周报丨某某公司…“警戒线”`) are no institution's.
  if ([...t].length > 160 || /[。！？丨｜“”「」『』]/u.test(t)) return false;
  const inner = t.replace(/^[(（]\s*/u, '').replace(/\s*[)）]$/u, '');
  // `（…学院 上海 200444）` in brackets on both sides; `陳壽根 顧國慶(…)` is names before them.
  const wrapped = /^[(（]/u.test(t) && /[)）]$/u.test(t);
  const open = t.search(/[(（]/u);
  if (open > 0 && !INSTITUTION.test(t.slice(0, open))) return false;
  if (!INSTITUTION.test(inner.replace(/[,，；;\s]+\S{0,6}\s*\d{6}.*$/u, '')) && !INSTITUTION.test(inner)) return false;
  // `1复旦大学`: a number glued to the name is one digit (`21世纪…` is a name of its own).
  const numbered = /^(?:\d{1,2}\s*[.．、]|\d(?!\d)|[①-⑩])\s*\p{Script=Han}/u.test(inner);
  return wrapped || numbered || POSTCODE.test(inner);
}

const AFFILIATION_LABEL = /^(?:作者[单單]位|工作[单單]位|作者[机機][构構])\s*[:：]\s*/u;
/** `（作者单位：南江市委党校）`: the note at the end of an article naming where its author works. */
export const AFFILIATION_NOTE = /^\s*[（(]\s*(?:作者[单單]位|工作[单單]位|作者[机機][构構])\s*[:：][^（()）:：。！？]{2,80}[)）]\s*$/u;

/** The affiliations on such a line, one per institution, without numbers, brackets or postcodes kept apart. */
export function splitAffiliations(text: string): string[] {
  const inner = text.trim().replace(/^[(（]\s*/u, '').replace(/\s*[)）]$/u, '').replace(AFFILIATION_LABEL, '');
  return inner
    // `(…醫院 北京 100730) (…圖書館 北京 100039)`: one bracket per author's institution.
    .split(/[;；]|\s*[)）]\s*[(（]\s*|\s+(?=\d{1,2}\s*[.．、]\s*\p{Script=Han})/u)
    .map((part) => part.replace(/^\s*(?:\d{1,2}\s*[.．、]?|[①-⑩])\s*/u, '').trim())
    // `学院,重庆 400716`: the page's ASCII comma after Han text is the full-width one in Chinese.
    .map((part) => (part.includes(',') ? part.replace(/(\p{Script=Han})\s*,\s*(?=[\p{Script=Han}\d])/gu, '$1，') : part))
    .filter((part) => part !== '');
}

/** `——一个基层组织功能视角分析`: a subtitle set under the title. */
export function subtitleOf(text: string): string | undefined {
  const match = /^\s*(?:——|—|--|──|－－|~|～)\s*(\S.{0,60}?)\s*$/u.exec(text);
  return match && !/[。！？]$/u.test(match[1]!) ? match[1] : undefined;
}

/** A line of the English block that Chinese journals print after the Chinese head. */
export function isEnglish(text: string): boolean {
  const t = text.trim();
  if (countHan(t) > 0) return false;
  const letters = t.match(/[A-Za-z]/g)?.length ?? 0;
  return letters >= 4 && letters * 10 >= [...t].length * 6;
}

/** Prose: a paragraph, or a line ending like a sentence. Headings count as body. */
export function isBody(text: string): boolean {
  const t = text.trim();
  // `Q：…` / `答：…`: an interview's turn, however short, is its text.
  if (headingDepth(t) !== undefined || /^(?:[QA]|[问問答])\s*[:：]/u.test(t)) return true;
  const length = [...t].length;
  // English titles run longer than Chinese ones; a sentence ends with its stop.
  if (countHan(t) === 0 && /[A-Za-z]/.test(t)) return length > 150 || (/[.!?]["”’)]?$/u.test(t) && t.split(/\s+/u).length >= 8);
  return length > 60 || (length > 15 && /[。！!；;…」”』]$/u.test(t) && /[，,。]/u.test(t));
}

/** Could this line be a title at all: short, not a sentence, with letters. */
export function isTitleCandidate(text: string): boolean {
  const t = text.trim();
  const length = [...t].length;
  return length >= 2 && length <= 80 && /[\p{L}]/u.test(t) && !/[。；;]$/u.test(t) && !isBody(t);
}

/**
 * How much a candidate reads like the title: Chinese titles are 6–40 characters and have no
 * commas; the title is the first candidate and is followed by its header (`headerAfter`).
 */
export function titleScore(text: string, position: number, first: boolean, headerAfter: boolean, chineseDoc: boolean): number {
  const t = cleanTitle(text).title;
  const han = countHan(t);
  let score = 10 - position;
  if (first) score += 3;
  if (headerAfter) score += 6;
  if (chineseDoc && han === 0) score -= 8;
  if (han >= 6 && han <= 40) score += 4;
  else if (han > 0 && han < 4) score -= 2;
  // `Travel`, `Food & Drink`: an English section's label set between the title and the byline.
  if (!chineseDoc && han === 0 && (!/\s/u.test(t.trim()) || /^[A-Z][a-z]+\s+(?:&|and)\s+[A-Z][a-z]+$/u.test(t.trim()))) score -= 6;
  if (/[，,]/u.test(t)) score -= 2;
  if (/[：:，,、]$/u.test(t)) score -= 6;
  if (/[?？!！]$/u.test(t)) score -= 1;
  if (looksGarbled(t)) score -= 8;
  return score;
}

/**
 * A value that looks like mojibake (`Íõ³ç`, a lost-byte `?` inside Han text, or a run the
 * mojibake model suspects): never put in front matter as it is.
 */
export function looksGarbled(text: string): boolean {
  // A transliterated name (`阿不都·热合曼`) is made of characters chosen for their sound, joined by a dot.
  if (DOTTED_NAME.test(text)) return false;
  if (/[\u0080-\u00ff\ufffd]|[\u3040-\u30ff\uac00-\ud7af]|\p{Script=Han}\?(?!\s*$)|\?\p{Script=Han}/u.test(text)) return true;
  // Names are made of rare characters: on two to four Han characters alone the model has too
  // little text to judge (it suspects 曹俊杰), and a surname-led name is evidence of its own.
  if (/^\p{Script=Han}{2,4}$/u.test(text) && surnameLength(text) > 0) return false;
  return looksLikeMojibake(text);
}
