/**
 * What a scraped title carries besides the title: the site's suffix (`_風聞`, ` - 某某网`, a forum
 * engine's `标题 - 版块 - 站名 - Powered by Discuz!`), tags (`[日语论文]`, `【2018.06】`, `[原创]`), a
 * footnote mark, a Markdown `#` the scraper kept. The site named by a suffix is the page's
 * publication when nothing else in the head names one.
 */
import { countHan } from '../../chars.ts';
import { sliceLine, type Line } from '../../lines.ts';
import { titlePrefix } from './title-prefix.ts';

export interface CleanTitle {
  title: string;
  /** What was cut, outermost first for suffixes. */
  cut: string[];
  /** The site a suffix names (`南方日報網`, the forum's name before `Powered by`). */
  site?: string;
}

/** `- Powered by Discuz!`, `| Powered by phpwind`: the forum engine's credit closing the title. */
const POWERED = /\s*[-–—|｜_,，]\s*Powered\s+by\s+[\w.!]+(?:\s+[\w.!]+)?\s*$/iu;
/** The separator between a forum title's parts: a spaced dash, or a bare one between Han characters. */
const PART = /\s+[-–—]\s+|(?<=\p{Script=Han})\s*-\s*(?=[\p{Script=Han}A-Za-z])/gu;
/** A suffix that names a site for certain: a paper, an agency, a news site, a forum. */
const SITE_NAME = /^[\p{Script=Han}A-Za-z]{2,16}(?:[报報]|[网網]|[社]|[台臺]|[新][闻聞]|[客][户戶][端]|[杂雜][志誌]|[周週]刊|[论論][坛壇])$/u;

/** Enough of a title is left: four Han characters or Latin words. */
function enough(text: string): boolean {
  return countHan(text) + (text.match(/[A-Za-z]+/g)?.length ?? 0) >= 4;
}

/** `标题 - Rainmeter技术教程 - 雨滴社区 - Powered by Discuz!`: the title, and the board and site it cuts. */
function forumSuffix(title: string): { title: string; cut: string[]; site?: string } | undefined {
  const engine = POWERED.exec(title);
  if (!engine || engine.index === 0) return undefined;
  const rest = title.slice(0, engine.index);
  const cuts = [...rest.matchAll(PART)].map((m) => ({ at: m.index, end: m.index + m[0].length }));
  // The engine names the thread, its board and the site, in that order: at most two parts after the thread.
  const parts = cuts.slice(-2).filter((c) => enough(rest.slice(0, c.at)) && [...rest.slice(c.end)].length <= 40);
  if (parts.length === 0) return { title: rest.trimEnd(), cut: [engine[0].trim()] };
  const first = parts[0]!;
  const pieces = parts.map((c, n) => rest.slice(c.end, parts[n + 1]?.at ?? rest.length).trim());
  return { title: rest.slice(0, first.at).trimEnd(), cut: [engine[0].trim(), ...pieces.reverse()], site: pieces[0] };
}

/**
 * Site suffixes and marks a scraped title carries. Returns the title without them, what was
 * cut, and the site a suffix names.
 */
export function cleanTitle(text: string): CleanTitle {
  let title = text.trim();
  const cut: string[] = [];
  let site: string | undefined;
  // `# 标题`: the page's heading, copied with its Markdown mark.
  const hash = /^#{1,6}[ \t]+(?=\S)/u.exec(title);
  if (hash && enough(title.slice(hash[0].length))) {
    cut.push(hash[0].trim());
    title = title.slice(hash[0].length);
  }
  const forum = forumSuffix(title);
  if (forum) {
    title = forum.title;
    cut.push(...forum.cut);
    site = forum.site;
  }
  for (let changed = true; changed; ) {
    changed = false;
    const patterns = [
      /\s*[*＊∗†]+$|[①-⑳¹²³⁴-⁹]+$/u,
      /\s*[[【(（〔［]\s*[^\]】)）〕］]{0,14}?(?:\d{4}[.\-/年]\d{1,2}|论文|論文|网|網|频道|頻道|专题|專題|原创|原創|转载|轉載|独家|獨家|精品|推荐|推薦|组图|組圖|图|圖|视频|視頻)[^\]】)）〕］]{0,8}\s*[\]】)）〕］]$/u,
      /\s*(?:_|\s[-–—|｜]\s|\s?[|｜]\s?)[^_|｜]{1,12}$/u,
    ];
    for (const pattern of patterns) {
      const match = pattern.exec(title);
      if (!match || match.index === 0 || !enough(title.slice(0, match.index))) continue;
      // `城市更新 | 社区图书室的三个难处`: a short column before a longer title, not a title before its site.
      const kept = [...title.slice(0, match.index)].length;
      if (pattern === patterns[2] && titlePrefix(title) !== undefined && [...match[0]].length > 1.5 * kept) continue;
      const piece = match[0].trim();
      // The outermost suffix names the site when it is a paper's or a site's name (`_南方日報網`, ` | 城东晚报`).
      const name = piece.replace(/^[_\-–—|｜]\s*/u, '');
      if (pattern === patterns[2] && site === undefined && cut.length === (hash ? 1 : 0) && SITE_NAME.test(name)) site = name;
      cut.push(piece);
      title = title.slice(0, match.index).trimEnd();
      changed = true;
    }
  }
  // `【專欄】老街的茶館`, `[原创]…`, `[高级教程]…`: the site's column or board tag before the title.
  const tag = TITLE_TAG.exec(title) ?? BOARD_TAG.exec(title);
  if (tag && enough(title.slice(tag[0].length))) {
    cut.unshift(tag[0].trim());
    title = title.slice(tag[0].length);
  }
  // `深读丨…`, `陈立群丨…`: a column or a speaker before a bar (metadata.ts takes the speaker as the author).
  const prefix = titlePrefix(title);
  if (prefix !== undefined) {
    cut.unshift(title.slice(0, prefix).trim());
    title = title.slice(prefix);
  }
  return site === undefined ? { title, cut } : { title, cut, site };
}

/** `[邻里杂谈] 楼道灯坏了半年之后`: a forum's thread type in square brackets, set apart by a space. */
const BOARD_TAG = /^\[\p{Script=Han}{2,6}\][ \t　]+/u;

const TITLE_TAG = /^[[【〔［]\s*(?:[专專][栏欄]|[独獨]家(?:[专專][访訪])?|原[创創]|[转轉][载載]|推[荐薦]|深度|[观觀]察|[时時][评評]|社[论論]|[评評][论論]|快[讯訊]|[头頭][条條]|精[选選]|[专專][题題]|[访訪][谈談]|特稿|[视視][频頻]|[图圖]文|[组組][图圖]|[热熱][点點]|要[闻聞]|分享|求助|[讨討][论論]|[经經][验驗]|[心][得]|(?:[高初中][级級]|入[门門]|基[础礎]|[进進]阶|[进進]階|新手)?教程|提[问問]|[问問]答|公告|[闲閒]聊|[晒曬][图圖]|[转轉][帖貼])\s*[\]】〕］]\s*/u;

/**
 * The title printed twice in the head, first as the page's title with the site's suffix
 * (`标题 - 版块 - 站名 - Powered by Discuz!`), then as the post's: the site the first copy names.
 */
export function siteOfCopy(above: Line[], titleText: string): Line | undefined {
  const title = cleanTitle(titleText).title;
  for (const line of above) {
    const copy = cleanTitle(line.text);
    const at = copy.site === undefined ? -1 : line.text.lastIndexOf(copy.site);
    if (at >= 0 && copy.title === title) return sliceLine(line, at, at + copy.site!.length);
  }
  return undefined;
}
