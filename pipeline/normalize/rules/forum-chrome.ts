/**
 * A forum thread's page (Discuz and its kin) prints its own chrome around the post: the login bar
 * (`找回密码`, `点击注册`, `QQ登录`), the thread's counters (`查看: 1234|回复: 56`), the poster's
 * card (`签到天数: 265 天`, `[LV.8]以坛为家I`, `主题` over `3`, `新手上路`) and the prompts to join
 * (`马上注册，结交更多好友…`, `您需要 登录 才可以下载或查看，没有账号？注册`). Each is a whole line in
 * a form of its own, so a sentence that merely uses one of the words stays.
 */
import { isWidgetLine } from './chrome.ts';

/** The login bar's and the thread tools' words, each alone on its line. */
const BAR_WORDS = new Set([
  '找回密码', '找回密碼', '点击注册', '點擊註冊', '会员注册', '會員註冊', '立即注册', '立即註冊', '注册', '註冊', '登录', '登錄',
  'QQ登录', 'QQ登錄', '微信登录', '微信登錄', '快速登录', '快速登錄', '只需一步，快速开始', '只需一步,快速开始', '只需一步，快速開始',
  '扫一扫，访问微社区', '扫一扫,访问微社区', '掃一掃，訪問微社區', '显示全部楼层', '顯示全部樓層', '只看该作者', '只看該作者',
  '返回列表', '发表回复', '發表回復', '快速回复', '快速回復', '高级模式', '高級模式', '本版积分规则', '本版積分規則', '发新帖', '發新帖',
  '回复举报', '回復舉報', '收藏帖子', '分享帖子', '加评论', '加評論', '[加评论]', '[加評論]', '打印版', '推荐此文给朋友', '[推荐此文给朋友]',
]);

/** What a poster's card counts, each word alone on a line, its figure on the next. */
const CARD_WORDS = new Set(['主题', '主題', '帖子', '回帖', '积分', '積分', '精华', '精華', '威望', '金钱', '金錢', '贡献', '貢獻', '好友', '听众', '聽眾', '收听', '收聽', '在线时间', '在線時間', '阅读权限', '閱讀權限']);

/** A forum's ranks, shown under the poster's name. */
const RANKS = /^(?:新手上路|注册会员|註冊會員|中级会员|中級會員|高级会员|高級會員|金牌会员|金牌會員|论坛元老|論壇元老|版主|超级版主|超級版主|管理员|管理員|禁止发言|禁止發言|实习版主|實習版主|游客|遊客)$/u;

const FORUM_ROWS = new RegExp(
  [
    // `查看: 131279|回复: 38253`, `阅读：88 回复：2`
    String.raw`(?:查看|[阅閱][读讀]|[浏瀏][览覽])\s*[:：]\s*\d+\s*[|｜丨/]?\s*回[复復覆]\s*[:：]\s*\d+`,
    // `签到天数: 265 天`, `[LV.8]以坛为家I`, `Rank: 2`
    String.raw`[签簽]到天[数數]\s*[:：]\s*\d+\s*天`,
    String.raw`\[\s*LV\.?\s*\d{1,2}\s*\]\s*\S{0,10}`,
    String.raw`Rank\s*[:：]\s*\d{1,2}`,
    // `马上注册，结交更多好友，享用更多功能，让你轻松玩转社区。`
    String.raw`(?:[马馬]上|立即)[注註]册[，,].{0,30}?(?:[结結]交|好友|玩[转轉]|更多功能).{0,30}`,
    // `您需要 登录 才可以下载或查看，没有账号？点击注册`
    String.raw`[您你]需要\s*登[录錄]\s*(?:后|後)?\s*才可以.{0,20}?(?:[没沒]有(?:[账帳][号號]|帳戶|账户)|[注註]册).{0,12}`,
    // `您需要登录后才可以回帖 登录 | 立即注册`
    String.raw`[您你]需要登[录錄](?:后|後)才可以回帖.{0,16}`,
  ].map((p) => `(?:${p})`).join('|'),
  'u',
);
const FORUM_ROW = new RegExp(`^(?:${FORUM_ROWS.source})[。.！!]?$`, 'u');

/** `申明：本文件仅用于站内交流，严禁转载！`: the board's note forbidding reprints, short and on its own line. */
const NO_REPRINT = /^(?:[申声聲]明|注意|提示|本[帖贴貼文站]|[版][权權]).{0,36}(?:[严嚴]禁|禁止|[谢謝][绝絕]|[请請]勿)(?:任何)?(?:形式的)?[转轉][载載](?:[，,].{0,16})?[!！。.]?$/u;

/** Characters a forum row can open with: one look before any expression runs. */
const OPENERS = /^[\s查阅閱浏瀏签簽\[LR马馬立您你申声聲注提本版]/u;

/** Tools an old news page sets in brackets: `[加评论] 页面有问题?请点击打印版 [推荐此文给朋友]`. */
const TOOLS = new Set([
  '加评论', '加評論', '发表评论', '發表評論', '查看评论', '查看評論', '推荐此文给朋友', '推薦此文給朋友', '推荐给朋友', '推薦給朋友', '告诉好友', '告訴好友',
  '发送给好友', '發送給好友', '打印本页', '打印本文', '列印本頁', '打印', '列印', '关闭窗口', '關閉窗口', '关闭', '關閉', '收藏此文', '收藏本文', '我要纠错',
  '我要糾錯', '纠错', '糾錯', '进入论坛', '進入論壇', '返回顶部', '返回頂部', '字号', '字號', '大', '中', '小',
]);
const BRACKETED = /[[【]\s*([^\]】]{1,12}?)\s*[\]】]/gu;
/** The help text between the tools: `页面有问题?请点击打印版`. */
const TOOL_HELP = /^.{0,8}(?:[请請][点點][击擊]|[点點]此).{0,8}$|^.{0,8}(?:打印版|列印版)$/u;

/** A row of bracketed tools, with at most a short help text between them. */
export function isToolRow(text: string): boolean {
  const t = text.trim();
  if (t.length > 60 || !/^[[【]/u.test(t)) return false;
  let tools = 0;
  const rest = t.replace(BRACKETED, (_, word: string) => {
    if (TOOLS.has(word)) tools++;
    else tools = -99;
    return '\n';
  });
  return tools > 0 && rest.split('\n').every((piece) => piece.trim() === '' || TOOL_HELP.test(piece.trim()));
}

export type ForumRow = 'bar' | 'card' | 'figure' | 'close' | 'tools';

/**
 * Which forum rows the lines are, for the given indexes (the page's first and last lines):
 * a lone figure counts when a card's word stands right above or below it, and a lone `x`
 * (the close button of a prompt) when the line above was a prompt.
 */
export function forumRows(texts: string[], indexes: number[]): Map<number, ForumRow> {
  const found = new Map<number, ForumRow>();
  const card = (i: number | undefined) => i !== undefined && CARD_WORDS.has(texts[i]!.trim());
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k]!;
    const t = texts[i]!.trim();
    // The widget rows (`只看该作者`, `【打印本页】【关闭窗口】`) are the widget rule's, with its reason.
    if (t === '' || isWidgetLine(t)) continue;
    if (BAR_WORDS.has(t)) found.set(i, 'bar');
    else if (CARD_WORDS.has(t) && (/^\d{1,9}$/u.test(texts[indexes[k + 1] ?? -1]?.trim() ?? '') || /^\d{1,9}$/u.test(texts[indexes[k - 1] ?? -1]?.trim() ?? ''))) found.set(i, 'card');
    else if (RANKS.test(t)) found.set(i, 'card');
    else if (/^\d{1,9}$/u.test(t) && (card(indexes[k - 1]) || card(indexes[k + 1]))) found.set(i, 'figure');
    else if (/^[xX×]$/u.test(t) && found.get(indexes[k - 1] ?? -1) === 'bar') found.set(i, 'close');
    else if (t.length <= 60 && OPENERS.test(t) && (FORUM_ROW.test(t) || NO_REPRINT.test(t))) found.set(i, 'bar');
    else if (isToolRow(t)) found.set(i, 'tools');
  }
  // A rank line names the poster only beside the rest of the card.
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k]!;
    if (!RANKS.test(texts[i]!.trim())) continue;
    if (![k - 2, k - 1, k + 1, k + 2].some((j) => j >= 0 && j < indexes.length && found.has(indexes[j]!) && !RANKS.test(texts[indexes[j]!]!.trim()))) found.delete(i);
  }
  return found;
}

/** A whole line that is one of a forum page's own rows (its login bar, counters, prompts), alone. */
export function isForumRow(text: string): boolean {
  const t = text.trim();
  return BAR_WORDS.has(t) || (t.length <= 60 && OPENERS.test(t) && (FORUM_ROW.test(t) || NO_REPRINT.test(t)));
}

export const FORUM_REASONS: Record<ForumRow, string> = {
  bar: 'Remove the forum’s own row (login, register, counters, prompts)',
  card: 'Remove the poster’s card (counts, rank)',
  figure: 'Remove the poster’s card (counts, rank)',
  close: 'Remove the prompt’s close button',
  tools: 'Remove the page’s row of bracketed tools (comment, print, recommend)',
};
