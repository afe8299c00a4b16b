/**
 * A compact character-frequency model for judging which of several readings of some bytes is
 * Chinese. Mojibake repair has to choose between the text as found and re-decoded candidates;
 * real text is made of common characters, mojibake of rare ones, kana and symbols.
 *
 * Origin of the table: the ~1,000 most frequent Han characters of modern written Chinese, in
 * approximate rank order, written out by hand from general knowledge of the published frequency
 * lists (such as Jun Da's modern Chinese character frequency list). Only coarse rank matters
 * (the score is logarithmic), so small ordering errors are harmless. The list is Simplified; the
 * Traditional forms are derived from it with opencc-js (cn→tw and cn→hk, character by
 * character; precomputed, see precomputed.ts) and share the rank of their Simplified form.
 */
import { traditionalForms } from '../locale/script-index.ts';
import { precomputed } from '../precomputed.ts';

const RANKED = [
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵抢赞享尸烧聚纷暂旦障莱秦',
  '您们啦吧呢嗯哦哇咱俩谁某每各该此彼诸凡皆均都总共仅只才刚已曾将要会能可应须得肯敢愿让叫使令被把对向往朝从自由于为给替跟同和与及并而且或但却虽然因所以如果假若即便尽管无论不管只要只有除非既然于是因此从而以致以便以免况且何况甚至乃至至于关于对于按照根据通过经过随着沿着除了',
  '领导干部群众社会经济发展建设改革开放政治思想教育文化科学技术管理服务工作组织制度责任意识能力水平质量效率环境安全问题措施方式方法机制体系内容目标任务作用意义地位基础核心原则主义特色时代背景形势新旧加强提高促进推动实施实现完善健全深化创新积极认真充分有效重要主要必要需要面临存在具有包括进行开展落实坚持贯彻',
  '监督纪律廉政腐败反对干群党员支部委员书记中央地方基层单位部门政府机关企业公司学校医院家庭个人人民国家民族历史传统现代未来过去现在今天明天昨天年月日时分秒周期次数量价格成本利益收入支出财政金融市场产品生产消费投资贸易交通通信网络信息数据系统平台软件硬件设备',
];

/** RANKED[2] and RANKED[3] are common two-character words written one after another. */
const WORD_CHUNKS = [2, 3];
/** Bonus for two characters that make a common word: a reading that forms words is language. */
const WORD_BONUS = 3;

/** The common words, in the order they are listed. */
function listedWords(): string[] {
  return WORD_CHUNKS.flatMap((index) => {
    const chars = Array.from(RANKED[index]!);
    return Array.from({ length: Math.floor(chars.length / 2) }, (_, i) => chars[2 * i]! + chars[2 * i + 1]!);
  });
}

/** The Traditional forms of the ranked characters and of the common words. */
export const rankedVariants = precomputed('han-variants', () => traditionalForms([...new Set(RANKED.join(''))]));
export const wordVariants = precomputed('word-variants', () => traditionalForms(listedWords()));

let table: Map<string, number> | undefined;
let words: Set<string> | undefined;

function buildWords(): Set<string> {
  const found = new Set<string>();
  const variants = wordVariants.get();
  for (const word of listedWords()) {
    for (const form of [word, ...(variants[word] ?? [])]) if (form.length === 2) found.add(form);
  }
  return found;
}

/** True when the two characters make one of the common words. */
export function isCommonWord(pair: string): boolean {
  words ??= buildWords();
  return words.has(pair);
}

function build(): Map<string, number> {
  const ranks = new Map<string, number>();
  let rank = 0;
  const variants = rankedVariants.get();
  for (const chunk of RANKED) {
    for (const ch of chunk) {
      if (ranks.has(ch)) continue;
      ranks.set(ch, rank);
      for (const variant of variants[ch] ?? []) {
        if (variant.length === 1 && !ranks.has(variant)) ranks.set(variant, rank);
      }
      rank++;
    }
  }
  return ranks;
}

/** Rank of a common Han character (0 = most frequent), or undefined when it is not common. */
export function hanRank(ch: string): number | undefined {
  table ??= build();
  return table.get(ch);
}

/** Punctuation of running Chinese text: scored like the most common characters. */
const COMMON_PUNCT = '。，、：；？！“”「」（）《》—…';

/**
 * Per-character plausibility, roughly a log-probability shifted so a typical common character
 * scores about +2..+7 and anything mojibake tends to produce scores negative.
 */
export function charScore(ch: string): number {
  if (COMMON_PUNCT.includes(ch)) return 6;
  const rank = hanRank(ch);
  if (rank !== undefined) return Math.log2(4000 / (rank + 40));
  const cp = ch.codePointAt(0)!;
  if (/\p{Script=Han}/u.test(ch)) return -4; // rare Han: the typical mojibake product
  if (cp === 0xfffd || cp === 0x3f) return -5; // replacement / lost-byte marker
  if (cp < 0x80) return /[\p{L}\p{N}\s]/u.test(ch) ? 0 : -0.5;
  if (cp >= 0x80 && cp < 0xa0) return -6; // C1 controls: bytes decoded as Latin-1
  if (cp < 0x250) return -2; // Latin-1 supplement / extended Latin inside Chinese text
  if (/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch)) return -4;
  if (/[\p{Co}\p{Cn}\p{Cs}\p{Cc}]/u.test(ch)) return -6;
  if (cp >= 0xff00 && cp <= 0xffef) return -1; // full-width forms other than common punctuation
  return -3;
}

function isLatin1High(ch: string): boolean {
  const cp = ch.charCodeAt(0);
  return cp >= 0xa0 && cp <= 0xff;
}

/**
 * Sum of character scores, with a penalty for an ASCII letter between non-ASCII characters
 * (狱h務): single-byte leftovers of a misaligned double-byte decode look exactly like that.
 */
export function textScore(text: string): number {
  let total = 0;
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    total += charScore(ch);
    if (i > 0 && isCommonWord(chars[i - 1]! + ch)) total += WORD_BONUS;
    // Two Latin-1 letters or signs in a row (`õ³`, `Ã©`): real European text puts ASCII between them.
    if (i > 0 && isLatin1High(ch) && isLatin1High(chars[i - 1]!)) total -= 2;
    if (/[A-Za-z]/.test(ch) && i > 0 && i < chars.length - 1 && chars[i - 1]!.charCodeAt(0) > 0x7f && chars[i + 1]!.charCodeAt(0) > 0x7f) total -= 3;
  }
  return total;
}

let improbable: Uint8Array | undefined;

/** charScore(ch) < 0 for a non-ASCII character, from a table per UTF-16 unit (surrogates: always). */
function improbableUnit(c: number): boolean {
  if (c < 0x80) return false;
  if (c >= 0xd800 && c <= 0xdfff) return true;
  improbable ??= new Uint8Array(65536);
  let known = improbable[c]!;
  if (known === 0) {
    known = charScore(String.fromCharCode(c)) < 0 ? 2 : 1;
    improbable[c] = known;
  }
  return known === 2;
}

/** How many characters of the text the model finds improbable, and how many characters it has. */
export function countImprobable(text: string): { improbable: number; chars: number } {
  let count = 0;
  let chars = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      if (charScore(ch) < 0) count++;
      i++;
    } else if (improbableUnit(c)) count++;
    chars++;
  }
  return { improbable: count, chars };
}

/**
 * True when the text has a character the model finds improbable (charScore below 0, outside
 * ASCII), or a lost-byte marker and an ASCII letter alone between non-ASCII characters (or a
 * flattened mark): a line without either holds no mojibake this model can see. The table per
 * UTF-16 unit keeps this one cheap pass over each line.
 */
export function mayHoldMojibake(text: string): boolean {
  let marker = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3f) marker = true;
    else if (improbableUnit(c)) return true;
  }
  return marker && /[^\x00-\x7f][A-Za-z][^\x00-\x7f]/.test(text.replace(/[,;:?!()]/g, '，'));
}
