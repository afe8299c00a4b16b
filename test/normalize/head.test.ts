/** The head of a scraped page, family by family, on text written for these tests. */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { enrich } from '../../pipeline/enrich/index.ts';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { isAffiliation, isChrome, splitAffiliations } from '../../pipeline/normalize/rules/head/classify.ts';
import { cleanTitle } from '../../pipeline/normalize/rules/head/title-marks.ts';
import { isKeywordList, splitKeywords } from '../../pipeline/normalize/rules/head/keywords.ts';
import { readPublication } from '../../pipeline/normalize/rules/head/journal.ts';
import { readFieldLine } from '../../pipeline/normalize/rules/head/labels.ts';
import { readByline, splitGluedNames } from '../../pipeline/normalize/rules/head/names.ts';
import { titleBlock } from '../../pipeline/render/blocks.ts';
import { stringifyHtml } from '../../pipeline/render/serialize.ts';
import { BODY, head } from './helpers.ts';

const names = (text: string, known: string[] = []) => readByline(makeLine(text, 0), 0, text.length, known)?.names.map((n) => n.text);

describe('site chrome', () => {
  it('knows navigation rows, widgets and counters', () => {
    for (const t of ['【字號：大 中 小】', '列印本頁 關閉視窗', 'APP下載', 'TOP', '首頁 | 期刊導航 | 投稿', '智庫 檢索 在線投稿 設為首頁 加入收藏', '瀏覽：36次', '【閱讀量：1024】', '當前位置：首頁 > 學術 > 正文']) expect(isChrome(t), t).toBe(true);
  });
  it('never takes a title or a sentence for chrome', () => {
    for (const t of ['社區治理中的首頁效應', '投稿須知的修訂與學術規範', '大 國 小 家', '本刊發表的文章如何被引用']) expect(isChrome(t), t).toBe(false);
  });
});

describe('the title', () => {
  it('loses the suffixes and marks a site adds', () => {
    expect(cleanTitle('縣域醫共體的治理結構_觀網')).toEqual({ title: '縣域醫共體的治理結構', cut: ['_觀網'] });
    expect(cleanTitle('茶馬古道的文化記憶[歷史論文]').title).toBe('茶馬古道的文化記憶');
    expect(cleanTitle('縣級融媒體改革觀察【2021.11】').title).toBe('縣級融媒體改革觀察');
    expect(cleanTitle('鄰里互助的組織化＊').title).toBe('鄰里互助的組織化');
    expect(cleanTitle('從“管理”到“服務” - 某某網').title).toBe('從“管理”到“服務”');
  });
  it('keeps what belongs to the title', () => {
    expect(cleanTitle('基層治理：問題與對策').title).toBe('基層治理：問題與對策');
    expect(cleanTitle('《論語》中的治理思想').title).toBe('《論語》中的治理思想');
    expect(cleanTitle('人工智能（AI）與公共服務').title).toBe('人工智能（AI）與公共服務');
  });
  it('is found below junk lines, and an author standing above it is an author', () => {
    const h = head(['下載APP', '?', '江曉雯', '社區食堂的可持續運營', '城市與社區 2023年第2期']);
    expect(h).toMatchObject({ title: '社區食堂的可持續運營', authors: ['江曉雯'], body: [BODY] });
    expect(h.messages.some((m) => m.actual === '下載APP' && m.ruleId === 'boilerplate')).toBe(true);
  });
  it('is read under a header printed before it, and the copy after it is dropped', () => {
    const line = '來源：《社會治理》2022年第8期 作者：伍思遠 瀏覽：51次';
    const h = head([line, '志願服務的積分制度', line, '志願服務的積分制度']);
    expect(h).toMatchObject({ title: '志願服務的積分制度', authors: ['伍思遠'], body: [BODY] });
    expect(h.meta).toEqual({});
    expect(h.fields.publication?.text).toBe('社會治理');
    expect(h.fields.issue).toBe('2022年第8期');
  });
  it('carries a subtitle', () => {
    const h = head(['鄉村文化站的空間再造', '——以三個村莊為例', '2020-05-06 12:00', '作者：甘小棠']);
    expect(h.meta.subtitle).toBe('以三個村莊為例');
    expect(h.fields.date).toBe('2020-05-06');
    expect(h.body).toEqual([BODY]);
  });
});

describe('labelled fields', () => {
  const kinds = (t: string) => readFieldLine(makeLine(t, 0))?.fields.map((f) => [f.kind, f.value.text]);
  it('reads every bracket and spacing of the labels', () => {
    expect(kinds('关键词:甲乙;丙丁')).toEqual([['keywords', '甲乙;丙丁']]);
    expect(kinds('關 鍵 詞：甲乙')).toEqual([['keywords', '甲乙']]);
    expect(kinds('[关键字] 甲乙 丙丁')).toEqual([['keywords', '甲乙 丙丁']]);
    expect(kinds('〔摘要〕正文')).toEqual([['abstract', '正文']]);
    expect(kinds('【摘 要】正文')).toEqual([['abstract', '正文']]);
    expect(kinds('Key words: a; b')).toEqual([['keywordsEn', 'a; b']]);
    expect(kinds('中圖分类号：F323 文獻標識碼：B 文章編號：1234-5678(2020)01-0001-03')).toEqual([['clc', 'F323'], ['documentCode', 'B'], ['articleNumber', '1234-5678(2020)01-0001-03']]);
    expect(kinds('DOI 10.16000/abc.2020.01')).toEqual([['doi', '10.16000/abc.2020.01']]);
    expect(kinds('收稿日期：2019-01-02')).toEqual([['received', '2019-01-02']]);
  });
  it('needs a colon or a bracket, so prose that starts with a label word is prose', () => {
    expect(readFieldLine(makeLine('摘要是一篇論文的縮影。', 0))).toBeUndefined();
    expect(readFieldLine(makeLine('作者在文中指出了三點。', 0))).toBeUndefined();
  });
  it('reads journals and issues in their forms', () => {
    const pub = (t: string) => {
      const p = readPublication(makeLine(t, 0));
      return [p?.publication?.text, p?.issue];
    };
    expect(pub('《行政與法》2019年第11期')).toEqual(['行政與法', '2019年第11期']);
    expect(pub('地方治理研究 2021年3期')).toEqual(['地方治理研究', '2021年3期']);
    expect(pub('《城市規劃》第12卷第3期')).toEqual(['城市規劃', '第12卷第3期']);
  });
  it('moves abstract, codes and DOI to front matter and out of the body, the abstract also from the next line', () => {
    const h = head(['街道體制改革的邏輯', '喬明', '〔摘要〕', '本文討論街道的職能轉變。', '【關鍵詞】街道；職能轉變', '中圖分类号：D630 文献标识码：A', 'DOI:10.15000/x.2021.02.003']);
    expect(h.meta).toEqual({ abstract: '本文討論街道的職能轉變。', clc: 'D630', documentCode: 'A', doi: '10.15000/x.2021.02.003' });
    expect(h.keywords).toEqual(['街道', '職能轉變']);
    expect(h.body).toEqual([BODY]);
  });
  it('reads a label standing alone, its value on the next line', () => {
    const h = head(['鄰避設施的協商', '摘要', '本文比較了三個城市的做法。', '關鍵詞', '鄰避；協商']);
    expect(h.meta.abstract).toBe('本文比較了三個城市的做法。');
    expect(h.keywords).toEqual(['鄰避', '協商']);
    expect(h.body).toEqual([BODY]);
  });
  it('lifts the English block after the Chinese one', () => {
    const h = head(['數字鄉村的治理轉型', '關鍵詞：數字鄉村；治理', 'Governance Transition of Digital Villages', 'ZHANG San', 'Abstract: This paper studies digital villages.', 'Key words: digital village; governance']);
    expect(h.meta).toEqual({ titleEn: 'Governance Transition of Digital Villages', abstractEn: 'This paper studies digital villages.', keywordsEn: ['digital village', 'governance'] });
    expect(h.body).toEqual([BODY]);
  });
  it('reads a date after the names in an author field, and never takes the site itself for a journal', () => {
    const h = head(['縣城商圈的夜間經濟', '作者：邱子謙 2021-10-09', '來源：本報記者']);
    expect(h).toMatchObject({ authors: ['邱子謙'], body: [BODY] });
    expect(h.fields.date).toBe('2021-10-09');
    expect(h.fields.publication).toBeUndefined();
    expect(h.messages.some((m) => m.actual === '來源：本報記者' && /not a journal/.test(m.reason))).toBe(true);
  });
  it('reports every line it takes out, with its text', () => {
    const lines = ['數字政府 期刊 投稿 登錄', '政務熱線的回應性', '作者：華欣', '瀏覽：12次'];
    const h = head(lines);
    for (const line of lines) expect(h.messages.some((m) => m.actual === line), line).toBe(true);
  });
});

describe('keywords', () => {
  const split = (t: string, body = '') => splitKeywords(makeLine(t, 0), body, undefined).map((k) => k.text);
  it('splits on any separator, and drops the site\u2019s tags', () => {
    expect(split('甲乙；丙丁，戊己、庚辛')).toEqual(['甲乙', '丙丁', '戊己', '庚辛']);
    expect(split('鄉村治理 集體經濟 論文 範文')).toEqual(['鄉村治理', '集體經濟']);
  });
  it('cuts glued keywords where the body repeats them', () => {
    expect(split('集體經濟合作社', '集體經濟靠合作社，合作社壯大集體經濟。')).toEqual(['集體經濟', '合作社']);
  });
  it('knows an unlabelled list from a sentence', () => {
    expect(isKeywordList('鄉村治理;集體經濟;合作社')).toBe(true);
    expect(isKeywordList('我們走訪了村委會；也走訪了合作社。')).toBe(false);
  });
});

describe('bylines', () => {
  it('reads spaced, separated, joined and marked names', () => {
    expect(names('範曉東 衛子涵 邢佳')).toEqual(['範曉東', '衛子涵', '邢佳']);
    expect(names('陶然，駱一鳴、戚薇')).toEqual(['陶然', '駱一鳴', '戚薇']);
    expect(names('喬偉+韋笑')).toEqual(['喬偉', '韋笑']);
    expect(names('董潔1,2, 邵林3*')).toEqual(['董潔', '邵林']);
    expect(readByline(makeLine('葛明 俞曉 等', 0))).toMatchObject({ etAl: true });
    expect(names('葛明 俞曉 等')).toEqual(['葛明', '俞曉']);
  });
  it('joins letter-spaced names', () => {
    expect(names('蔣 平, 沈 月')).toEqual(['蔣平', '沈月']);
    expect(names('顧 寧 龐子軒')).toEqual(['顧寧', '龐子軒']);
    expect(names('歐陽 修')).toEqual(['歐陽修']);
  });
  it('cuts glued names by a spaced copy, else by surnames when only one cut exists', () => {
    expect(splitGluedNames('孟凡宇柳青', ['孟凡宇', '柳青'])).toEqual(['孟凡宇', '柳青']);
    expect(splitGluedNames('裴文傑樊星', [])).toEqual(['裴文傑', '樊星']);
    expect(splitGluedNames('王林張偉', [])).toEqual(['王林', '張偉']);
    expect(splitGluedNames('李明王華林', [])).toBeUndefined(); // 李明/王華林 or 李明王/華林: no one cut
  });
  it('leaves the role out of the name', () => {
    expect(names('文/柏青')).toEqual(['柏青']);
    expect(names('記者 童瑤 屈浩')).toEqual(['童瑤', '屈浩']);
    expect(names('談笑 攝影報道')).toEqual(['談笑']);
    // A reporter's dateline after the name: the place is not a name.
    expect(names('記者 童瑤／高雄報導')).toEqual(['童瑤']);
    expect(names('記者屈浩／綜合報導')).toEqual(['屈浩']);
    expect(names('记者 柏青 / 杭州报道')).toEqual(['柏青']);
  });
  it('takes an English byline for no English title', () => {
    const h = head(['碼頭工人的口述歷史', 'Posted by Chen Wei']);
    expect(h.meta.titleEn).toBeUndefined();
    expect(h.body).toEqual([BODY]);
  });
  it('does not take a lone word that opens with a surname for an author', () => {
    const h = head(['社區議事的程序', '程序', '方法']);
    expect(h.authors).toEqual([]);
    expect(h.body).toEqual(['程序', '方法', BODY]);
    expect(head(['黃山遊記', '第一天']).title).toBe('黃山遊記');
  });
  it('never reads prose or a title as names', () => {
    for (const t of ['社區治理', '我們認為', '基層黨建工作', '一、引言', '研究方法']) expect(names(t), t).toBeUndefined();
  });
  it('reads a date with glued names, using the spaced copy on the page', () => {
    const h = head(['公共空間的再生產', '2022-04-01 09:30孟凡宇柳青', '孟凡宇 柳青']);
    expect(h.authors).toEqual(['孟凡宇', '柳青']);
    expect(h.body).toEqual([BODY]);
  });
});

describe('affiliations', () => {
  it('knows affiliation lines and splits them', () => {
    expect(isAffiliation('（中山大學政治與公共事務管理學院 廣州 510275）')).toBe(true);
    expect(isAffiliation('1. 浙江大學公共管理學院，杭州 310058；2. 寧波大學法學院，寧波 315211')).toBe(true);
    expect(isAffiliation('（本文有刪節）')).toBe(false);
    expect(isAffiliation('學院派的治理研究為何失靈')).toBe(false);
    expect(splitAffiliations('（1.浙江大學公共管理學院，杭州 310058；2.寧波大學法學院，寧波 315211）')).toEqual(['浙江大學公共管理學院，杭州 310058', '寧波大學法學院，寧波 315211']);
  });
  it('go to front matter', () => {
    const h = head(['城市更新的社會成本', '鄒凱', '（復旦大學社會發展與公共政策學院 上海 200433）']);
    expect(h.meta.affiliations).toEqual(['復旦大學社會發展與公共政策學院 上海 200433']);
    expect(h.body).toEqual([BODY]);
  });
});

describe('mojibake in head values', () => {
  it('never uses a garbled byline as it is', () => {
    const h = head(['河道保潔的外包', '作者：Ã¤Â¸Â­']);
    expect(h.authors).toEqual([]);
    expect(h.messages.some((m) => m.actual === '作者：Ã¤Â¸Â­')).toBe(true);
  });
});

describe('outputs of the head', () => {
  it('show the abstract, affiliations and the DOI as a link in the title block', () => {
    const html = stringifyHtml([titleBlock({ title: 'T', authors: ['甲乙'], lang: 'zh-Hant', keywords: [], abstract: '摘要文字', affiliations: ['某大學'], doi: '10.1000/x<1>' })]);
    expect(html).toContain('<div class="abstract"><p><span class="label">摘要</span>摘要文字</p></div>');
    expect(html).toContain('<span class="affiliation">某大學</span>');
    expect(html).toContain('<a href="https://doi.org/10.1000/x%3C1%3E">10.1000/x&#x3C;1></a>');
  });
  it('make the abstract the description, before the first paragraph', () => {
    const tree = { type: 'root' as const, children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value: 'TOP' }] }] };
    expect(enrich(tree, { title: 'T', abstract: '這是摘要。' }, new VFile()).meta.description).toBe('這是摘要。');
  });
});
