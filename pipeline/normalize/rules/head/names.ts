/**
 * Bylines: the people who wrote an article, as scraped pages print them. Names come spaced
 * (`刘文波 奚婷霞 高嘉`), letter-spaced (`吴 乐, 霍 丽`), with affiliation marks (`吴乐1, 霍丽2`),
 * joined by `+`, ending in `等`, or glued to each other with no separator at all. A Chinese
 * name is a surname and one or two characters; the surname list is what lets a glued run be
 * cut, and what tells a byline from a short line of text.
 */
import { traditionalForms } from '../../../locale/script-index.ts';
import { precomputed } from '../../../precomputed.ts';
import { joinLines, sliceLine, trimLine, type Line } from '../../lines.ts';
import { INSTITUTION } from './institutions.ts';

// The common single surnames (well over 90% of the population), Simplified, from general knowledge.
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由傅萧洪赖阎荀邴糜濮郦庾';
const COMPOUND = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '万俟', '闻人', '澹台', '申屠', '太史', '钟离'];

/** The Traditional forms of the surnames (precomputed.ts). */
export const surnameVariants = precomputed('surname-variants', () => traditionalForms([...SINGLE, ...COMPOUND]));

let singles: Set<string> | undefined;
let compounds: Set<string> | undefined;

function tables(): { singles: Set<string>; compounds: Set<string> } {
  if (!singles || !compounds) {
    const variants = surnameVariants.get();
    singles = new Set();
    for (const ch of SINGLE) for (const form of [ch, ...(variants[ch] ?? [])]) if ([...form].length === 1) singles.add(form);
    compounds = new Set();
    for (const c of COMPOUND) for (const form of [c, ...(variants[c] ?? [])]) compounds.add(form);
  }
  return { singles, compounds };
}

/** Length of the surname a name starts with (1 or 2), or 0 when it starts with none. */
export function surnameLength(name: string): number {
  const { singles: s, compounds: c } = tables();
  const chars = [...name];
  if (chars.length >= 3 && c.has(chars.slice(0, 2).join(''))) return 2;
  return s.has(chars[0] ?? '') ? 1 : 0;
}

export function isCompoundSurname(text: string): boolean {
  return tables().compounds.has(text);
}

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;

/** A Chinese personal name: 2–4 Han characters opening with a known surname. */
export function isChineseName(name: string): boolean {
  if (!HAN_NAME.test(name)) return false;
  const surname = surnameLength(name);
  return surname > 0 && [...name].length - surname <= 2 && [...name].length - surname >= 1;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * 文章, 方法 and 周期 open with surnames too. ICU's word dictionary reads them as words running
 * past the surname, where it cuts most names after it (刘|胜, 孙|海燕); it also knows a few
 * famous names as words (张伟), so this only weighs a name that stands alone on its line.
 */
export function isDictionaryWord(name: string): boolean {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const first = segmenter.segment(name)[Symbol.iterator]().next().value?.segment ?? '';
  return [...first].length > surnameLength(name);
}

/**
 * Cuts a run of names written with no separator (`刘文波奚婷霞高嘉`). Names another line of the
 * page prints separately are the best evidence; otherwise every cut into surname-led names of
 * two or three characters is found, and the run is only cut when exactly one exists.
 */
export function splitGluedNames(run: string, known: string[]): string[] | undefined {
  const chars = [...run];
  if (chars.length < 4 || !/^\p{Script=Han}+$/u.test(run)) return undefined;
  const byKnown = cutBy(run, known.filter((k) => k.length >= 2));
  if (byKnown) return byKnown;
  const found: string[][] = [];
  const walk = (at: number, acc: string[]) => {
    if (found.length > 1) return;
    if (at === chars.length) {
      found.push([...acc]);
      return;
    }
    for (let len = 2; len <= 4 && at + len <= chars.length; len++) {
      const name = chars.slice(at, at + len).join('');
      if (isChineseName(name) && (len < 4 || surnameLength(name) === 2)) walk(at + len, [...acc, name]);
    }
  };
  walk(0, []);
  return found.length === 1 && found[0]!.length > 1 ? found[0] : undefined;
}

function cutBy(run: string, known: string[]): string[] | undefined {
  if (known.length < 2) return undefined;
  const out: string[] = [];
  let rest = run;
  while (rest !== '') {
    const next = known.find((k) => rest.startsWith(k));
    if (!next) return undefined;
    out.push(next);
    rest = rest.slice(next.length);
  }
  return out.length > 1 ? out : undefined;
}

export interface Byline {
  names: Line[];
  /** `等` closed the list: more authors than the page names. */
  etAl: boolean;
  /** `张海涛（中国人民大学公共管理学院）`: institutions printed in brackets after the names. */
  affiliations: string[];
}

/** Academic ranks and forms of address printed after a name (`黃志偉 教授`), not part of it. */
const RANK = /(?:講座教授|讲座教授|助理教授|副教授|教授|副研究[員员]|助理研究[員员]|研究[員员]|博士[後后]|博士生|博士|碩士生|硕士生|碩士|硕士|研究生|講師|讲师|院士|老[師师]|先生|女士)$/u;
const BRACKETED = /[(（]([^()（）]{2,40})[)）]/gu;
/** `[美]`, `（英）`, `〔日〕`: the author's country, printed before a translated name. */
const COUNTRY = /[\[［〔【(（]\s*\p{Script=Han}{1,2}\s*[\]］〕】)）]\s*/gu;
/** `阿不都·热合曼`, `约翰·福斯特`: a name transliterated into Han, its parts joined by a middle dot. */
export const DOTTED_NAME = /^\p{Script=Han}{1,8}(?:[·•・‧.．]\p{Script=Han}{1,8}){1,3}$/u;

// `■ 本报记者 王丽娟`: a bullet may stand before the role too; the outlet may name its own (`每經記者`, `《等深線》記者`).
const ROLE_BEFORE = /^\s*(?:[■□●○◆◇▲△★☆▶►◎•]\s*)?(?:(?:《[^》]{1,12}》|(?![^\s]*?[是的我你他她们們])[\p{Script=Han}A-Za-z]{1,6}?)(?:特[约約])?(?:[记記]者|[评評][论論][员員]|通[讯訊][员員])\s+|(?:文\s*[/|]\s*[图圖]|[图圖]\s*[/|]\s*文|文|[图圖]|撰文|本[报報刊]?[记記]者|[记記]者|通[讯訊]员|通[訊讯]員|特[约約][记記]者)\s*[/|:：]\s*|(?:本[报報刊]?[记記]者|[记記]者|通[讯訊]员|通[訊讯]員)(?:\s+|(?=\p{Script=Han}{2,4}\s*[/／])))|^\s*[■□●○◆◇▲△★☆▶►◎•]\s*/u;
// `記者陳柏宇／台南報導`: the dateline after the name is the reporter's place, not a name; `每經編輯 張海妮`
// after the reporter is the editor's credit, not a second author.
const ROLE_AFTER = /\s+(?:\S{0,6}?(?:[编編][辑輯]|[责責][编編]|[实實][习習]生)\s*[:：/／]?\s*\p{Script=Han}{2,4}(?:\s+\p{Script=Han}{2,6}?[报報][导導道])?|\p{Script=Han}{2,6}?[报報][导導道]|摄影报道|攝影報道|[报報]道|[摄攝]|撰文?|整理|[编編][译譯]|[译譯]|供稿|文\s*[/|]\s*[图圖]|文)\s*$|\s*[/／]\s*\p{Script=Han}{1,6}?(?:[报報][导導道]|[电電]|[讯訊])\s*$/u;
const MARKS = /[\d¹²³⁴-⁹⁰*＊†‡#①-⑩]+$/u;
/** `吴 珩3 综述, 赵旭东4 审校`: what each of a review's names did, after the name. */
const PIECE_ROLE = /^(?:[综綜]述|[审審]校|主[审審]|指[导導])$/u;

/**
 * Reads a byline: a short run of names and nothing else. Returns undefined when any piece is
 * not a name, so a short line of prose is never taken for authors.
 */
export function readByline(line: Line, from = 0, to = line.text.length, known: string[] = []): Byline | undefined {
  // `文/张三`, `记者 李四`, `张小北 摄影报道`: the role is not part of the name.
  const role = ROLE_BEFORE.exec(line.text.slice(from, to))?.[0].length ?? 0;
  const start = from + role;
  const end = to - (ROLE_AFTER.exec(line.text.slice(start, to))?.[0].length ?? 0);
  const affiliations: string[] = [];
  // The country before a name is no part of it; it is cut out like the institutions.
  const countries = [...line.text.slice(start, end).matchAll(COUNTRY)];
  if (countries.length) {
    const kept: Line[] = [];
    let at = start;
    for (const match of countries) {
      kept.push(sliceLine(line, at, start + match.index));
      at = start + match.index + match[0].length;
    }
    kept.push(sliceLine(line, at, end));
    return readByline(joinLines(kept), 0, undefined, known);
  }
  // Institutions in brackets are cut out, each piece keeping its source offsets.
  if (/[(（]/u.test(line.text.slice(start, end))) {
    const kept: Line[] = [];
    let at = start;
    for (const match of line.text.slice(start, end).matchAll(BRACKETED)) {
      if (!INSTITUTION.test(match[1]!)) return undefined;
      affiliations.push(match[1]!.trim());
      kept.push(sliceLine(line, at, start + match.index));
      at = start + match.index + match[0].length;
    }
    kept.push(sliceLine(line, at, end));
    if (affiliations.length === 0 || /[(（)）]/u.test(kept.map((k) => k.text).join(''))) return undefined;
    const byline = readByline(joinLines(kept), 0, undefined, known);
    return byline ? { ...byline, affiliations: [...new Set([...affiliations, ...byline.affiliations])] } : undefined;
  }
  const text = line.text.slice(start, end);
  if (text.trim() === '' || [...text].length > 60 || /[。！？!?：:《》“”()（）]/u.test(text)) return undefined;
  if (/[,，、;；+＋/|]\s*$/u.test(text)) return undefined;
  const pieces: Line[] = [];
  // `陳壽根1顧國慶2`: an affiliation's number between two names separates them.
  for (const group of text.matchAll(/(?:[^,，、;；+＋/|\d]|\d+(?!\d*\p{Script=Han}))+/gu)) {
    if (/^\s*[\d*＊]+\s*$/u.test(group[0])) continue; // the second mark of `吴乐1,2`
    const tokens = [...group[0].matchAll(/\S+/gu)]
      .map((m) => sliceLine(line, start + group.index + m.index, start + group.index + m.index + m[0].length))
      .filter((token, i) => i === 0 || ((!RANK.test(token.text) || RANK.exec(token.text)!.index > 0) && !PIECE_ROLE.test(token.text)));
    pieces.push(...joinLetterSpaced(tokens));
  }
  let etAl = false;
  const names: Line[] = [];
  for (let p = 0; p < pieces.length; p++) {
    let piece = pieces[p]!;
    const last = p === pieces.length - 1;
    if (last && piece.text === '等' && names.length > 0) {
      etAl = true;
      continue;
    }
    if (last && /^\p{Script=Han}{2,}等$/u.test(piece.text) && !isChineseName(piece.text)) {
      etAl = true;
      piece = sliceLine(piece, 0, piece.text.length - 1);
    }
    const mark = MARKS.exec(piece.text);
    if (mark && mark.index > 0) piece = sliceLine(piece, 0, mark.index);
    const rank = RANK.exec(piece.text);
    if (rank && rank.index >= 2 && isChineseName(piece.text.slice(0, rank.index))) piece = sliceLine(piece, 0, rank.index);
    if (isChineseName(piece.text) || DOTTED_NAME.test(piece.text)) {
      names.push(piece);
      continue;
    }
    const glued = splitGluedNames(piece.text, known);
    if (!glued) return undefined;
    let at = 0;
    for (const name of glued) {
      names.push(sliceLine(piece, at, at + name.length));
      at += name.length;
    }
  }
  return names.length > 0 ? { names, etAl, affiliations } : undefined;
}

/**
 * Letter-spaced names (`吴 乐`, `童 辉 于君博`): runs of single characters are one name when
 * there are two or three of them, pairs when there are four or more.
 */
function joinLetterSpaced(tokens: Line[]): Line[] {
  const out: Line[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (run.length > 0 && run.length <= 3) out.push(joinLines(run));
    else for (let i = 0; i < run.length; i += 2) out.push(joinLines(run.slice(i, i + 2)));
    run = [];
  };
  for (const token of tokens) {
    // `梅 广2`: the affiliation's mark after the last character does not make it a word.
    const single = [...token.text.replace(MARKS, '')].length === 1 && /\p{Script=Han}/u.test(token.text);
    // `歐陽 修`: a compound surname spaced from the given name opens a run of its own.
    if (single || (run.length === 0 && isCompoundSurname(token.text))) run.push(token);
    else {
      flush();
      out.push(token);
    }
  }
  flush();
  return out;
}

/** `Ada Lovelace, Charles Babbage and Mary Somerville`: Latin-script names, whole. */
export function readLatinNames(value: Line): Line[] | undefined {
  const text = value.text;
  if (!/^[\p{Script=Latin}\s.,;&'’-]+$/u.test(text) || [...text].length > 120) return undefined;
  const names: Line[] = [];
  for (const match of text.matchAll(/[^,;&]+/gu)) {
    for (const part of match[0].split(/\s+and\s+/u)) {
      const at = match.index + match[0].indexOf(part);
      const name = trimLine(sliceLine(value, at, at + part.length));
      if (name.text !== '') names.push(name);
    }
  }
  return names.length > 0 && names.every((n) => n.text.split(/\s+/).length <= 4) ? names : undefined;
}
