/**
 * Journal pages that print their head twice, the first copy damaged: names glued with their
 * affiliation numbers (`林慧敏1許志強2`), affiliations whose numbers were lost, and two authors'
 * institutions each in its own brackets on one line. Every text here is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLines } from './helpers.ts';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { isAffiliation, splitAffiliations } from '../../pipeline/normalize/rules/head/classify.ts';
import { readByline } from '../../pipeline/normalize/rules/head/names.ts';

const BODY = '社區大學自開辦以來，一直以知識解放與公民社會為目標，課程的內容與居民生活息息相關，然而課程規劃的權力多半仍掌握在講師與學校手中。';
const names = (text: string) => readByline(makeLine(text, 0))?.names.map((n) => n.text);

describe('names glued with their affiliation numbers', () => {
  it('are cut at the numbers', () => {
    expect(names('林慧敏1許志強2')).toEqual(['林慧敏', '許志強']);
    expect(names('王明1李华2张三3')).toEqual(['王明', '李华', '张三']);
    expect(names('吴乐1,2, 霍丽2')).toEqual(['吴乐', '霍丽']);
  });
  it('leave a count inside words alone', () => {
    expect(names('第3组李华')).toBeUndefined();
    expect(names('李华 3组')).toBeUndefined();
  });
  it('are the byline under the title, not the title’s second line', () => {
    const { meta } = normalizeLines(['社區大學課程規劃中的居民參與機制研究', '林慧敏1許志強2', '(1.南港科技大學管理學院,南港市300318;2.南港師範學院教育系,南港市300042)', BODY]);
    expect(meta).toMatchObject({ title: '社區大學課程規劃中的居民參與機制研究', authors: ['林慧敏', '許志強'] });
  });
});

describe('affiliations printed twice', () => {
  it('keep the copy with whole postcodes, one entry per institution', () => {
    const { meta } = normalizeLines(['林慧敏 許志強(.南港科技大學管理學院,南港市318;.南港師範學院教育系,南港市42)', '?', '社區大學課程規劃中的居民參與機制研究', '林慧敏1許志強2', '(1.南港科技大學管理學院,南港市300318;2.南港師範學院教育系,南港市300042)', BODY]);
    expect(meta.authors).toEqual(['林慧敏', '許志強']);
    expect(meta.affiliations).toEqual(['南港科技大學管理學院，南港市300318', '南港師範學院教育系，南港市300042']);
  });
  it('keep distinct institutions of one university', () => {
    const { meta } = normalizeLines(['社區大學課程規劃研究', '林慧敏1 許志強2', '(1.南港大學管理學院,南港 300318;2.南港大學教育學院,南港 300042)', BODY]);
    expect(meta.affiliations).toEqual(['南港大學管理學院，南港 300318', '南港大學教育學院，南港 300042']);
  });
});

describe('names before bracketed institutions', () => {
  it('are no affiliation line; an affiliation is bracketed on both sides', () => {
    expect(isAffiliation('林慧敏 許志強(南港科技大學管理學院,南港市300318)')).toBe(false);
    expect(isAffiliation('(南港科技大學管理學院,南港市300318)')).toBe(true);
    expect(isAffiliation('南港科技大學(管理學院),南港市300318')).toBe(true);
    const { meta } = normalizeLines(['社區大學課程規劃研究', '林慧敏 許志強(南港科技大學管理學院,南港市300318)', BODY]);
    expect(meta).toMatchObject({ authors: ['林慧敏', '許志強'], affiliations: ['南港科技大學管理學院，南港市300318'] });
  });
  it('two institutions in their own brackets on one line are two affiliations', () => {
    expect(splitAffiliations('(南江大学图书馆 南江 330031) (南江市档案馆 南江 330006)')).toEqual(['南江大学图书馆 南江 330031', '南江市档案馆 南江 330006']);
    expect(splitAffiliations('（上海大学马克思主义学院 上海 200444）')).toEqual(['上海大学马克思主义学院 上海 200444']);
  });
});
