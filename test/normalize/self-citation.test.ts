/**
 * A journal page that prints the article's own reference (GB/T 7714) in place of a title block:
 * the title, the authors, the journal and the issue are read from it when the page has no title
 * line; a page with one keeps reading its title there.
 */
import { describe, expect, it } from 'vitest';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { isSelfCitation } from '../../pipeline/normalize/rules/head/self-citation.ts';
import { head } from './helpers.ts';

const CITE = '孙启航, 乔雨. 社区食堂的运营模式与可持续性[J]. 城市问题研究, 2021, 9(4): 33-41. doi: 10.5555/csw.2021.04.005';

describe('the article’s own reference', () => {
  it('is known by its form: authors, title, [J], the journal and its issue', () => {
    expect(isSelfCitation(makeLine(CITE, 0))).toBe(true);
    // A numbered entry of a reference list, a book, a sentence with a bracket.
    for (const text of ['[3]孙启航.社区食堂的运营模式[J].城市问题研究,2021,9(4):33-41.', '孙启航. 社区食堂研究[M]. 北京: 人民出版社, 2020.', '他在表格的[J]栏里写了2021年的数字。']) {
      expect(isSelfCitation(makeLine(text, 0)), text).toBe(false);
    }
  });

  it('gives the title, the authors, the journal and the issue of a page with no title line', () => {
    const h = head(['欢迎访问本刊网站，投稿问题请在本页留言。', CITE, '• 摘要：社区食堂是应对老龄化的基层服务，本文比较了三种运营模式的成本与收益。', '• 关键词：社区食堂；运营模式'], 'zh-Hans');
    expect(h.title).toBe('社区食堂的运营模式与可持续性');
    expect(h.authors).toEqual(['孙启航', '乔雨']);
    expect(h.fields.publication?.text).toBe('城市问题研究');
    expect(h.fields.issue).toBe('2021年第9卷第4期');
    expect(h.meta.abstract).toBe('社区食堂是应对老龄化的基层服务，本文比较了三种运营模式的成本与收益。');
    expect(h.keywords).toEqual(['社区食堂', '运营模式']);
    expect(h.body.join('\n')).not.toMatch(/\[J\]|欢迎访问|摘要/u);
    expect(h.messages.some((m) => m.reason.startsWith('Remove line standing before the title') && m.actual === '欢迎访问本刊网站，投稿问题请在本页留言。')).toBe(true);
  });

  it('with an author list closed by 等, gives the names it prints', () => {
    const h = head(['王建, 刘芳, 陈立, 等. 乡镇财政的收支结构分析[J]. 地方财政研究, 2019(6): 12-19.', '摘要：本文分析了乡镇财政的收支结构，提出改革建议。'], 'zh-Hans');
    expect(h.title).toBe('乡镇财政的收支结构分析');
    expect(h.authors).toEqual(['王建', '刘芳', '陈立']);
    expect(h.fields.publication?.text).toBe('地方财政研究');
  });

  it('leaves the title to the title line when the page has one', () => {
    const h = head(['社区食堂的运营模式与可持续性研究', '孙启航 乔雨', '引用本文：' + CITE], 'zh-Hans');
    expect(h.title).toBe('社区食堂的运营模式与可持续性研究');
    expect(h.authors).toEqual(['孙启航', '乔雨']);
    expect(h.fields.publication?.text).toBe('城市问题研究');
  });

  it('is not looked for in an English page', () => {
    const h = head(['Zhang W. A study of community canteens[J]. Urban Studies, 2021, 9(4): 33-41.', 'Community canteens serve older residents in many cities, and their costs vary widely across districts.'], 'en');
    expect(h.title).not.toBe('A study of community canteens');
  });
});
