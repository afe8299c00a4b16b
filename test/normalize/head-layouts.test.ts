/**
 * Heads of reprinted and journal pages laid out another way: the author and institution behind a bar
 * (`周明远 | 南江师范大学教育学院`), the note on where the article first appeared at the top, the site's
 * reprint notice, an abstract printed without its label before the keywords, and a keywords label that
 * lost its colon. Every text here is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLines } from './helpers.ts';
import { gluedKeywordsLabel } from '../../pipeline/normalize/rules/head/keywords.ts';

const normalize = (lines: string[]) => normalizeLines(lines);

const HANS = '村小的教师大多是从外县考来的，三年服务期一满，十个人里有六七个会申请调走，留下的多半是本地人。';
const HANS2 = '我们在三个县走访了十二所村小，与四十多位教师做了访谈，发现待遇并不是他们离开的唯一原因。';
const HANT = '村小的老師大多是從外縣考來的，三年服務期一滿，十個人裡有六七個會申請調走，留下的多半是本地人。';

describe('a reprinted article’s head', () => {
  it('reads the author and institution behind a bar, the source note and the notice above the title', () => {
    const { meta, body, messages } = normalize([
      '周明远 | 南江师范大学教育学院',
      '（本文原载《南江师范大学学报》2021年第3期）',
      '本文原载《南江师范大学学报》2021年第3期，原标题为《村小的讲台》，转自“教育观察”，感谢授权。',
      '留得住的讲台',
      HANS,
      HANS2,
    ]);
    expect(meta).toMatchObject({ title: '留得住的讲台', authors: ['周明远'], affiliations: ['南江师范大学教育学院'], publication: '南江师范大学学报', issue: '2021年第3期' });
    expect(body).not.toMatch(/原载|转自|南江师范大学/u);
    expect(messages.some((m) => m.ruleId === 'boilerplate' && String(m.reason).includes('感谢授权'))).toBe(true);
  });

  it('in Traditional too, and the notice alone gives the journal', () => {
    const { meta } = normalize(['黃詩涵｜北港科技大學通識中心', '本文轉載自《港灣評論》第22期，感謝授權轉載。', '留得住的講台', '', HANT]);
    expect(meta).toMatchObject({ title: '留得住的講台', authors: ['黃詩涵'], affiliations: ['北港科技大學通識中心'], publication: '港灣評論', issue: '第22期' });
  });

  it('a bar before words that are no institution is not a byline', () => {
    // (周明 is a word to ICU's dictionary, so nothing vouches for 周明远 as a name here: it is cut as a column.)
    const { meta } = normalize(['周明远 | 南江大学的百年', '2023-05-01', '', HANS, HANS2]);
    expect(meta.authors).toEqual([]);
    expect(meta.affiliations).toBeUndefined();
    expect(meta.title).toBe('南江大学的百年');
  });
});

describe('a journal page’s abstract and keywords', () => {
  it('an unlabelled paragraph between the affiliation and the keywords is the abstract', () => {
    const { meta, body } = normalize(['村小教师的流动', '韩立新 徐晓雯', '（南江大学公共管理学院，南江 210093）', HANS2, '关键词：乡村教师；流动；村小', HANS]);
    expect(meta.abstract).toBe(HANS2);
    expect(meta.keywords).toEqual(['乡村教师', '流动', '村小']);
    expect(body).toContain(HANS);
    expect(body).not.toContain(HANS2);
  });

  it('the first paragraph stays when no keywords follow it, or when no byline stands above it', () => {
    expect(normalize(['村小教师的流动', '韩立新 徐晓雯', '（南江大学公共管理学院，南江 210093）', HANS2, HANS]).body).toContain(HANS2);
    expect(normalize(['村小教师的流动', '2021-03-02', HANS2, '关键词：乡村教师；流动；村小', HANS]).meta.abstract).toBeUndefined();
  });

  it('a keywords label that lost its colon', () => {
    const { meta, body } = normalize(['村小教师的流动', '韩立新', '关键词乡村教师;流动;村小', '', HANS]);
    expect(meta.keywords).toEqual(['乡村教师', '流动', '村小']);
    expect(body).not.toContain('关键词');
    expect(gluedKeywordsLabel('關鍵詞鄉村教師；流動')).toBe(3);
    for (const line of ['关键词很多，意思也不同', '关键词：乡村教师', '关键词', '关键词是什么；我们下一节再谈。']) expect(gluedKeywordsLabel(line), line).toBeUndefined();
  });
});

describe('a news story’s credits', () => {
  const PARK = '五一前夕，城东区新建的三座口袋公园陆续开放，附近居民步行五分钟就能走进绿地，老人和孩子最常来。';
  const PARK2 = '这三座公园都建在拆违腾出的空地上，面积最大的一座不到两千平方米，却安排了儿童游乐区和健身步道。';

  it('the original headline under the title is no title; it goes, reported', () => {
    const { meta, body, messages } = normalize(['城东新建三座口袋公园', '原标题：家门口多了三处绿客厅', '2024-05-06 08:12', '', PARK, PARK2]);
    expect(meta).toMatchObject({ title: '城东新建三座口袋公园', date: '2024-05-06' });
    expect(body).not.toContain('原标题');
    expect(messages.some((m) => m.ruleId === 'boilerplate' && String(m.reason).includes('原标题'))).toBe(true);
    expect(normalize(['城東新建三座口袋公園', '原標題：家門口多了三處綠客廳', '2024-05-06', '', HANT]).meta.title).toBe('城東新建三座口袋公園');
  });

  it('the reporters credited at the start of the first paragraph are the authors, and the credit leaves the text', () => {
    const { meta, body } = normalize(['城东新建三座口袋公园', '2024-05-06', '', `本报讯（记者 王明 通讯员 李华）${PARK}`, PARK2]);
    expect(meta.authors).toEqual(['王明', '李华']);
    expect(body).toContain(`\n${PARK}`);
    expect(body).not.toMatch(/记者|本报讯/u);
    const hant = normalize(['城東新建三座口袋公園', '2024-05-06', '', `（記者黃詩涵、林佳慧）${HANT}`]);
    expect(hant.meta.authors).toEqual(['黃詩涵', '林佳慧']);
  });

  it('after a wire’s dateline the names are read and the text stays as printed', () => {
    const line = `新华社南江5月6日电（记者王明）${PARK}`;
    const { meta, body } = normalize(['城东新建三座口袋公园', '2024-05-06', '', line, PARK2]);
    expect(meta.authors).toEqual(['王明']);
    expect(body).toContain(line);
  });

  it('a credit repeating the head’s byline goes; other brackets stay', () => {
    const repeated = normalize(['城东新建三座口袋公园', '记者 王明', '2024-05-06', `（记者 王明）${PARK}`, PARK2]);
    expect(repeated.meta.authors).toEqual(['王明']);
    expect(repeated.body).not.toContain('（记者');
    for (const line of [`（记者问：公园什么时候开放？）${PARK}`, `（图为公园一角）${PARK}`]) {
      expect(normalize(['城东新建三座口袋公园', '2024-05-06', '', line, PARK2]).body).toContain(line);
    }
  });

  it('an English byline’s organisation is no second author', () => {
    const { meta } = normalize(['Village shop reopens as a community cooperative', 'By Tom Baker, BBC News', 'Published 14 March 2024', '', 'The village shop closed two years ago when its owner retired, leaving the nearest groceries six miles away.']);
    expect(meta.authors).toEqual(['Tom Baker']);
    expect(normalize(['Village shop reopens', 'By Ana Ruiz, Reuters', '14 March 2024', '', 'The village shop closed two years ago when its owner retired, and the nearest groceries are six miles away.']).meta.authors).toEqual(['Ana Ruiz']);
  });
});

describe('an old forum page’s head', () => {
  it('a breadcrumb from the site’s home page in brackets, and the site and date in brackets under the title', () => {
    const { meta, body, messages } = normalize(['[城南论坛主页]->[大众观点]', '老街改造的几点看法', '(城南论坛2009年6月2日)', HANS, HANS2]);
    expect(meta).toMatchObject({ title: '老街改造的几点看法', date: '2009-06-02', publication: '城南论坛' });
    expect(body).not.toMatch(/主页|城南论坛/u);
    expect(messages.some((m) => m.actual === '[城南论坛主页]->[大众观点]' && String(m.reason).includes('site chrome'))).toBe(true);
    expect(normalize(['首頁 -> 社區新聞', '老街改造的幾點看法', '（南港論壇2009年6月2日）', '', HANT]).meta).toMatchObject({ date: '2009-06-02', publication: '南港論壇' });
  });

  it('a bracketed date with words that are no site gives the date alone', () => {
    expect(normalize(['老街改造的几点看法', '（二稿 2009年6月2日）', HANS, HANS2]).meta).toMatchObject({ title: '老街改造的几点看法', date: '2009-06-02' });
    expect(normalize(['老街改造的几点看法', '（二稿 2009年6月2日）', HANS, HANS2]).meta.publication).toBeUndefined();
  });
});
