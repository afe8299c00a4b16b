/**
 * A feed's call to follow it, at the head of a repost or at its end: the account's words, not
 * the article's. `点击上方蓝字关注我们`, `↑ 點擊上方「X」關注`, `长按识别二维码关注`.
 */
const FOLLOW = /^[\s↑▲☝👆]*(?:(?:[点點]击|[点點][击擊]|[长長]按|[扫掃]码|[扫掃]碼|[识識]别|[識识]別)(?![率量数數度]).{0,24}?[关關]注(?![度点點]).{0,8}|.{0,16}[关關]注我[们們](?!的(?!公[众眾][号號]))(?:.{0,4}|[，,!！].{0,12}))$/u;

/**
 * `点击关注公众号，一周多次包邮送书`, `关注、星标公众号，直达精彩内容`, `△点击收听本刊制作的音频`: the
 * call with what the account promises. A click or a press followed by what it does (not `点击率`),
 * or a follow or a star that names the account.
 */
const FEED_PROMPT = /^[\s↑▲△☝👆]*(?:(?:[点點][击擊]|[长長]按)(?![率量数數度])\s*(?:上方|下方|上面|下面|[这這][里裡])?.{0,16}?(?:[关關]注|星[标標]|置[顶頂]|收[听聽]|[阅閱][读讀]原文)|(?:[关關]注|星[标標]|置[顶頂])[、和并並与與\s]*(?:星[标標]|置[顶頂])?[、和并並与與\s]*(?:公[众眾][号號]|本[号號]|我[们們](?!的)|[蓝藍]字))/u;

/** `点击上方蓝字关注我们`: a feed's call to follow it, alone on its line. */
export function isFollowCall(text: string): boolean {
  const t = text.trim();
  if (t.length > 40 || /。./u.test(t)) return false;
  return (FOLLOW.test(t) && !/[。，]/u.test(t)) || FEED_PROMPT.test(t);
}
