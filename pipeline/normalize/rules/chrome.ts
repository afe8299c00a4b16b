/**
 * Site chrome inside the article's text: the widgets a page prints around it (`【字体：大 中 小】
 * 分享到：`, `打印本页 关闭窗口`, `扫一扫在手机打开`) and the trailer after it (`责任编辑：王芳`,
 * `上一篇：… 下一篇：…`, copyright and ICP lines). Real paragraphs must never go, so a line is
 * taken only when it is short, stands near the top or the end of the page, and is nothing but
 * the site's words: what is left after cutting them out has no letter or digit.
 */

import { makeLine } from '../lines.ts';
import { isFollowCall } from './follow.ts';
import { readSourceCredit } from './head/journal.ts';

const line = (text: string) => makeLine(text, 0);

/** How many non-blank lines at each end of the page chrome may stand in. */
export const CHROME_REGION = 20;

/** Words of a widget, Simplified and Traditional; `[大中小]` and share targets only count beside another. */
const WIDGET = new RegExp(
  [
    '字\\s*[体體号號型](?:\\s*[:：]\\s*)?',
    '[大中小](?=[\\s\\]】）)|｜]|$)',
    '默[认認]',
    '[放][大]|[缩縮][小]',
    'A\\s*[+＋\\-－]',
    '分享(?:到|至)?',
    '[打列]印(?:本[页頁文]|此[页頁文]|[文全]文)?',
    '[关關]\\s*[闭閉](?:\\s*(?:窗口|[视視]窗|本[页頁]|此[页頁]))?',
    '[扫掃]一[扫掃](?:[,，]?\\s*(?:在|用)?手[机機](?:上)?(?:打[开開]|[阅閱][读讀]|[浏瀏][览覽]|[观觀]看)?(?:本[页頁]|[当當]前[页頁](?:面)?|本文)?)?',
    '手[机機](?:[扫掃]码|[扫掃]碼|版|[阅閱][读讀]|[观觀]看)',
    '(?:用)?微信[扫掃](?:描|一[扫掃])?(?:二[维維]码|二[維维]碼)?(?:分享)?',
    '(?:加入)?收藏(?:本[页頁文站])?',
    '(?:返回|回到)(?:[顶頂]部|列表|首[页頁]|上[页頁]|搜狐|[网網]易|新浪|[腾騰][讯訊]|[频頻]道|[专專][题題]|[栏欄]目)',
    '(?:[点點][击擊])?(?:展[开開]|[查][看]|[阅閱][读讀])(?:全文|更多)',
    '[点點][击擊]|了解更多',
    // A forum's post tools and the names of its first replies' floors.
    '只看(?:[该該此])?(?:作者|[楼樓]主)|[显顯]示全部[楼樓][层層]|倒序[浏瀏][览覽]|[电電]梯直[达達]|使用道具|回[复覆]|引用|沙[发發]|板凳|地板',
    'TOP',
    '[复複][制製](?:[链鏈]接|[連连][結结]|网址|網址)',
    '[纠糾][错錯]',
    '[点點][赞讚]',
    '[阅閱][读讀]原文|[轻輕][触觸][阅閱][读讀]原文',
    '在看',
    '[写寫]?留言',
    '[赞讚][赏賞]',
    '[预預][览覽][时時][标標][签籤]不可[点點]',
    '(?:[继繼][续續]|向上)滑[动動][看]下一[个個]',
    '[关關]注[该該]?公[众眾][号號]',
    // The skip link a page sets first for screen readers.
    '跳(?:至|到|[转轉]到)(?:主要)?(?:[内內]容|正文|主[内內]容|[导導][航覽])',
    '[评評][论論]',
    '[举舉][报報]',
    '[护護]眼(?:模式)?|[阅閱][读讀]模式|背景色',
    '[语語]音播[报報]|朗[读讀](?:全文|本文)?',
    '微信|微博|新浪微博|[腾騰][讯訊]微博|朋友圈|QQ\\s*空[间間]|QQ|豆瓣|人人[网網]|LINE|Facebook|Twitter|X',
  ].map((p) => `(?:${p})`).join('|'),
  'giu',
);
/** Words that make a line a widget row on their own. */
const STRONG_WIDGET = /跳(?:至|到|[转轉]到)|[点點][赞讚]|[阅閱][读讀]原文|在看|[写寫]留言|[预預][览覽][时時]|滑[动動][看]下一|[关關]注[该該]?公[众眾]|字\s*[体體号號型]|分享|[打列]印|[关關]\s*[闭閉]|[扫掃]一[扫掃]|手[机機][扫掃]|收藏|返回|回到|TOP|[复複][制製]|[纠糾][错錯]|朗[读讀]|[语語]音播|[护護]眼|[阅閱][读讀]模式|(?:展[开開]|[查][看])(?:全文|更多)|[阅閱][读讀]全文|只看|[显顯]示全部|倒序[浏瀏]|[电電]梯直|使用道具|^(?:回[复覆]|沙[发發]|板凳|地板|[举舉][报報])$/iu;

/** What a widget row leaves once its words are cut: brackets, separators, colons, spaces. */
const WIDGET_RESIDUE = /^[\s【】[\]〔〕()（）｜|/·•:：,，、\-—_>»“”"]*$/u;

/** `收录于合集 #城市观察 12个`: the collections a feed files the post under. */
const COLLECTION = /^收[录錄][于於](?:合集|[话話][题題])\s*(?:#\S+\s*)+(?:\d+\s*[个個篇]\s*)?$/u;

/** The same widgets on English pages, each a whole line. */
const ENGLISH_WIDGET = /^(?:share(?:\s+this(?:\s+(?:article|story|page|post))?)?(?:\s+on\s+\w+)?|print(?:\s+this\s+(?:page|article))?|e-?mail(?:\s+this\s+(?:page|article))?|subscribe(?:\s+to\s+(?:our|the)(?:\s+[\w-]+){0,3}\s+newsletters?)?|sign\s+up\s+(?:for|to)\s+(?:our|the)(?:\s+[\w-]+){0,3}\s+newsletters?|back\s+to\s+top|read\s+more|related\s+(?:articles|posts|stories|topics|content|coverage|links)|more\s+on\s+this\s+story|most\s+(?:read|popular|viewed)|advertisement|follow\s+us(?:\s+on\s+\w+)?|leave\s+a\s+(?:comment|reply)|(?:no|\d+)?\s*comments?(?:\s*\(\d+\))?|skip\s+to\s+(?:main\s+)?(?:content|navigation)|jump\s+to\s+(?:main\s+)?(?:content|navigation)|toggle\s+navigation|open\s+menu|close\s+menu|like\s+this|like\s+loading|loading|twitter|facebook|linkedin|reddit|whatsapp|pinterest|tumblr|telegram|pocket)[\s.:!…]*$/iu;

/** `评论 (12)`, `· 阅读 1.2k`, `点赞 36 · 收藏 8`: the page's counters, each a widget's word and its count. */
const COUNTER_WORD = '[热熱]度|人[气氣]|[评評][论論]|留言|[点點]?[赞讚](?:同)?|[点點][击擊]|[转轉][发發]|收藏|[阅閱][读讀]|[浏瀏][览覽]|被[浏瀏][览覽]|[关關]注者|在看|分享|喜[欢歡]';
const COUNT = '\\d+(?:[,.]\\d+)*[kKwW万萬]?\\+?';
/** A widget's word and its count (`评论 (12)`, `关注者 1,024`), or its count and word (`25 条评论`, `326 人赞同了该回答`). */
const COUNTER = `(?:[总總]?(?:${COUNTER_WORD})(?:人次|次[数數]|量|[数數])?\\s*[(（:：]?\\s*${COUNT}\\s*[次条條人]?\\s*[)）]?|${COUNT}\\s*[次条條人个個]?\\s*(?:${COUNTER_WORD})(?:了[该該这這]?(?:回答|文章|篇文章|内容|內容))?)`;
const COUNTERS = new RegExp(`^[·|｜/]?\\s*(?:${COUNTER}\\s*[·|｜/]?\\s*)+$`, 'u');

/** A row of counters and nothing else (also what follows a post's date on its line). */
export const isCounterRow = (text: string): boolean => COUNTERS.test(text);

/** `【字体：大 中 小】 分享到：`, `打印本页 关闭窗口`, `扫一扫在手机打开`: a row of the page's widgets. */
export function isWidgetLine(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.length > 50) return false;
  if (ENGLISH_WIDGET.test(t)) return true;
  if (isCounterRow(t) || COLLECTION.test(t)) return true;
  let words = 0;
  let strong = false;
  const residue = t.replace(WIDGET, (word) => {
    words++;
    if (STRONG_WIDGET.test(word)) strong = true;
    return ' ';
  });
  return WIDGET_RESIDUE.test(residue) && (strong || words >= 3);
}

/** Credit labels that close a news page: `责任编辑：王芳`, `审核：李明`, `（编辑：张三）`. */
const CREDIT_LABEL =
  '[责責]任[编編][辑輯]|[责責][编編]|[值][班][编編][辑輯]|[网網][络絡][编編][辑輯]|[网網][编編]|[美][编編]|[编編][辑輯]|[审審][核校]|[校][对對]|[终終][审審]|[初][审審]|[二三][审審]|[编編][审審]|[主][编編]|[统統][筹籌]|[监監][制製]|[出][品]|[采採][写寫]|[撰][稿]|[摄攝]影|[图圖]片|[实實]習生|[实實]习生';
const CREDIT_FIELD = `(?:${CREDIT_LABEL})\\s*[:：|｜丨]\\s*[^\\s:：。；;，,]{0,16}(?:\\s+[^\\s:：。；;，,]{1,8}){0,2}`;
/** One or more credit fields and nothing else, bracketed or not; a source only in brackets (`（来源：新华社）`). */
const CREDITS = new RegExp(
  `^[（(【\\[]?\\s*${CREDIT_FIELD}(?:\\s*[,，;；/|｜]?\\s*${CREDIT_FIELD})*\\s*[)）】\\]]?$|^[（(【\\[]\\s*[来來]源\\s*[:：][^（(【\\[)）】\\]《]{1,30}[)）】\\]]$`,
  'u',
);
/** `Reporting by Priya Natarajan; Editing by Tom Baker`: a wire story's credits. */
const CREDIT_NAMES = "[A-Z][\\p{L}'’.-]+(?:\\s+[A-Z][\\p{L}'’.-]+){0,3}";
const ENGLISH_CREDITS = new RegExp(
  `^(?:(?:[Aa]dditional\\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Rr]esearch|[Gg]raphics|[Pp]hotos?)(?:\\s+and\\s+(?:writing|editing|reporting))?\\s+by\\s+${CREDIT_NAMES}(?:\\s*(?:,|and)\\s*${CREDIT_NAMES})*(?:\\s+in\\s+${CREDIT_NAMES})?\\s*(?:;\\s*|\\.?$))+$`,
  'u',
);

/** `上一篇：…`, `下一篇：没有了`, either or both on a line. */
const PREV_NEXT = /^(?:[上下]一[篇条條則则頁页]\s*[:：>》]\s*.{0,40}?\s*){1,2}$/u;
/** Headers of the site's own link lists, alone on their line. */
const LINK_HEADER = /^[【[〔]?\s*(?:相[关關](?:文章|[阅閱][读讀]|推[荐薦]|[链鏈]接|[新][闻聞]|[报報][道导導]|[专專][题題])|推[荐薦](?:[阅閱][读讀]|文章)|延伸[阅閱][读讀]|[热熱]门?[门門]?(?:文章|推[荐薦]|[阅閱][读讀]|排行)|[热熱]点[新][闻聞]|精彩推[荐薦]|往期(?:推[荐薦]|回[顾顧]|精彩|[阅閱][读讀])|精彩回[顾顧]|喜[欢歡]此[内內]容的人[还還]喜[欢歡]|[猜][你][喜][欢歡]|更多(?:文章|[阅閱][读讀]|精彩|[新][闻聞])|更多\S{1,8}?(?:[报報][导導道]|[新][闻聞]|文章))\s*[】\]〕]?\s*[:：]?$/u;
/** Copyright, licence and site-owner lines. */
const RIGHTS = /版[权權]所有|Copyright|©|\(c\)\s*\d{4}|All\s+rights\s+reserved|ICP\s*[备備证證]|公[网網]安[备備]|[违違]法和不良信息|[举舉][报報][电電][话話]|未[经經](?:本[站网網]|本[报報]|作者)?(?:书面|書面)?(?:许可|許可|授[权權]|同意)|[转轉][载載](?:[请請]|[须須]|必[须須])注明|[主][办辦][单單]位|[技][术術]支持|[技][術][支][援]/giu;

/** The site's notices: a disclaimer (`本文来源于网络，如有侵权请联系删除`) or a call to follow it. */
const NOTICE = /(?:来源于|來源於|来自|來自|转载自|轉載自)(?:网络|網絡|网路|網路|互联网|互聯網).{0,30}(?:侵[权權]|[删刪]除|版[权權])|如有侵[权權]|侵[权權][请請]?[联聯][系繫]|[版][权權][归歸](?:原)?作者所有|免[责責][声聲]明|^[Oo]ur\s+[Ss]tandards\s*:|^(?:更多|精彩|欢迎|歡迎).{0,12}[关關]注.{0,16}(?:公[众眾][号號]|微信|我[们們]|[账賬][号號])|^[长長]按.{0,12}(?:[关關]注|二[维維]|识别|識別)|^(?:[声聲]明\s*[:：]\s*)?(?:本文|[该該]文|文章|以上)(?:[仅僅只]?代表作者(?:本人|[个個]人)?(?:的)?(?:[观觀][点點]|[立][场場]|看法)|(?:[观觀][点點]|[内內]容)[仅僅只]?代表作者)|不代表本(?:[站网網刊报報台]|平台).{0,4}(?:[立][场場]|[观觀][点點])|^本文[为為系係是]?(?:作者)?原[创創](?:文章)?[，,。]|^(?:如果)?(?:你|您)?(?:[喜][欢歡]|[觉覺]得)(?:本文|本篇|[这這]篇|[这這]些?文章).{0,14}(?:[点點][赞讚]|[转轉][发發]|分享|收藏|在看|[关關]注)/u;

/** `标签：议事会 社区治理`: the site's tags for the page, after the article. */
const TAGS = /^[【[]?\s*(?:[标標][签籤]|tags?|tagged(?:\s+with)?|filed\s+under|posted\s+in|categor(?:y|ies))\s*[】\]]?\s*[:：]/iu;

/** `本帖最后由 青石巷 于 2022-7-14 10:02 编辑`: the forum's note of a post's last edit. */
const EDIT_NOTE = /^本[帖贴][最]?后由\s*\S{1,20}\s*[于於]\s*[\d\-/.: ]{8,20}\s*[编編][辑輯]$/u;

/** `（完）`, `-END-`, `— 全文完 —`: the mark a page sets after the article. */
const END_MARK = /^[\s（(【\[—\-－–~～*]*(?:完|全文完|全文[结結]束|[结結]束|end|the\s+end)[\s）)】\]—\-－–~～*]*$/iu;

/** `相关阅读：老城区更新试点扩大`, `Related: How drought reshaped farming`: one of the site's links, on a line of its own. */
const LINK_LINE = /^(?:[【[]?\s*(?:相[关關](?:[阅閱][读讀]|文章|[新][闻聞]|[报報][道导導])|延伸[阅閱][读讀]|推[荐薦][阅閱][读讀])\s*[】\]]?\s*[:：]|(?:related|read\s+more|also\s+read|read\s+also|more\s+on\s+this)\s*:)\s*\S/iu;

/** A line that is one of the site's links: its label, a title, no sentence. */
export function isLinkLine(text: string): boolean {
  const t = text.trim();
  return t.length <= 100 && LINK_LINE.test(t) && !/[。！]|\.$/u.test(t);
}

/** An entry of a link list: a title, short, with no sentence in it. */
function isListEntry(text: string): boolean {
  const t = text.trim();
  return t !== '' && [...t].length <= 50 && !/[。！；;]|[，,：:.!]$/u.test(t);
}

/** English headers of a list of the site's links. */
const ENGLISH_LINK_HEADER = /^(?:related\s+(?:articles|posts|stories|topics|content|coverage|links)|more\s+on\s+this\s+(?:story|topic)|most\s+(?:read|popular|viewed)|read\s+more|you\s+may\s+also\s+like)\s*:?$/iu;

/**
 * The lines of the site's link lists anywhere in the page: a list header (`相关阅读：`,
 * `Related stories`) and the titles under it, up to the first line that is not a title.
 * A header with no title under it is left to the trailer rules.
 */
export function linkLists(texts: string[]): Map<number, 'header' | 'entry'> {
  const found = new Map<number, 'header' | 'entry'>();
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!.trim();
    if (!(t.length <= 20 && LINK_HEADER.test(t)) && !ENGLISH_LINK_HEADER.test(t)) continue;
    const entries: number[] = [];
    for (let j = i + 1; j < texts.length && entries.length < 10; j++) {
      if (texts[j]!.trim() === '') continue;
      if (!isListEntry(texts[j]!)) break;
      entries.push(j);
    }
    if (entries.length === 0) continue;
    found.set(i, 'header');
    for (const k of entries) found.set(k, 'entry');
    i = entries.at(-1)!;
  }
  return found;
}

export type TrailerKind = 'credit' | 'prev-next' | 'link-header' | 'rights' | 'notice' | 'end-mark' | 'tags';

/** Which kind of page trailer a line is, if it is one. */
export function trailerKind(text: string): TrailerKind | undefined {
  const t = text.trim();
  if (t === '' || t.length > 150) return undefined;
  // `（来源：城东晚报）` names the paper: the head reader takes it (rules/metadata.ts), as a credit or the publication.
  if (t.length <= 60 && CREDITS.test(t) && !readSourceCredit(line(t))) return 'credit';
  if (t.length <= 60 && t.includes('】') && creditsAndWidgets(t)) return 'credit';
  if (t.length <= 150 && ENGLISH_CREDITS.test(t)) return 'credit';
  if (t.length <= 90 && PREV_NEXT.test(t)) return 'prev-next';
  if (t.length <= 20 && LINK_HEADER.test(t)) return 'link-header';
  if (t.length <= 16 && END_MARK.test(t)) return 'end-mark';
  if (t.length <= 60 && EDIT_NOTE.test(t)) return 'notice';
  if (t.length <= 80 && TAGS.test(t) && !/[。！？]/u.test(t)) return 'tags';
  if ((t.length <= 80 && NOTICE.test(t) && (t.match(/[。！？]/gu)?.length ?? 0) <= 2) || isFollowCall(t)) return 'notice';
  // A sentence of the article may mention copyright: a rights line opens with its mark or has
  // no full stop, and a long one has no prose marks at all.
  const rights = [...t.matchAll(RIGHTS)];
  const sentence = /[。！？]/u.test(t);
  // `版权所有的问题，我们已经谈妥。` is a sentence: one ending like one needs two marks (`版权所有，未经许可不得转载。`).
  if (rights.length >= (sentence ? 2 : 1) && (rights[0]!.index <= 2 || !sentence) && (t.length <= 60 || !/[，。！？；]/u.test(t))) return 'rights';
  return undefined;
}

/** `【纠错】 【责任编辑：邓明】`: bracketed widgets and credits on one line, each nothing else. */
function creditsAndWidgets(t: string): boolean {
  const pieces = t.split(/(?<=】)\s*(?=【)/u);
  let credit = false;
  for (const piece of pieces) {
    if (CREDITS.test(piece)) credit = true;
    else if (!isWidgetLine(piece)) return false;
  }
  return credit && pieces.length > 1;
}

export const TRAILER_REASONS: Record<TrailerKind, string> = {
  credit: 'Remove editor credit from the end of the page',
  'prev-next': 'Remove previous/next article links',
  'link-header': 'Remove header of the site’s link list',
  rights: 'Remove copyright or site registration line',
  notice: 'Remove the site’s notice (a disclaimer or a call to follow it)',
  'end-mark': 'Remove the end-of-article mark',
  tags: 'Remove the site’s tags for the page',
};
