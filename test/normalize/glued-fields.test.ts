/**
 * A document site's record row, its fields glued with no space (`文档序号:…发布日期:…阅读:…来源:…`),
 * and a title that lists things with `、`, which is no keywords line. Every text here is written
 * for these tests.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLines } from './helpers.ts';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { isKeywordList } from '../../pipeline/normalize/rules/head/keywords.ts';
import { readFieldLine } from '../../pipeline/normalize/rules/head/labels.ts';

const TITLE = '一种雨水回收灌溉方法、装置和控制系统';
const BODY = ['1.本发明涉及农业灌溉技术领域，具体涉及一种雨水回收灌溉方法、装置和控制系统。', '2.目前，城市绿地的灌溉大多使用自来水，雨季的雨水却直接排入管网，造成浪费。'];

describe('fields glued together', () => {
  it('cuts a journal’s classification line at each label after a code', () => {
    const row = readFieldLine(makeLine('中图分类号:TU984.2文献标志码:B文章编号:1671-0000(2022)04-0011-05', 0));
    expect(row?.fields.map((f) => [f.kind, f.value.text])).toEqual([
      ['clc', 'TU984.2'],
      ['documentCode', 'B'],
      ['articleNumber', '1671-0000(2022)04-0011-05'],
    ]);
    // A word after a code is no label: the value runs on.
    expect(readFieldLine(makeLine('中图分类号:TU984.2文献综述', 0))?.fields.map((f) => f.value.text)).toEqual(['TU984.2文献综述']);
  });

  it('cuts a row at each label after a number', () => {
    const row = readFieldLine(makeLine('文档序号:40213377发布日期:2021-04-09 10:12阅读:88来源:城南专利网', 0));
    expect(row?.fields.map((f) => [f.kind, f.value.text])).toEqual([
      ['chrome', '40213377'],
      ['date', '2021-04-09 10:12'],
      ['chrome', '88'],
      ['publication', '城南专利网'],
    ]);
  });

  it('finds no label inside a word or after a word', () => {
    expect(readFieldLine(makeLine('他在3号楼来源不明的包裹旁边等了很久。', 0))).toBeUndefined();
    expect(readFieldLine(makeLine('比赛以3:1结束时间已经很晚了', 0))).toBeUndefined();
  });

  it('reads the row under the title and keeps the title', () => {
    const { meta, body } = normalizeLines([TITLE, '', '文档序号:40213377发布日期:2021-04-09 10:12阅读:88来源:城南专利网', TITLE, '', ...BODY]);
    expect(meta).toMatchObject({ title: TITLE, date: '2021-04-09', time: '10:12', publication: '城南专利网', keywords: [] });
    expect(body).not.toMatch(/文档序号|阅读：88/u);
    for (const line of BODY) expect(body).toContain(line.slice(2));
  });
});

describe('a series in a title', () => {
  it('is no keywords line', () => {
    expect(isKeywordList(TITLE)).toBe(false);
    expect(isKeywordList('城市更新、社区营造与公共空间的治理')).toBe(false);
    expect(isKeywordList('社区治理、公共空间、城市更新')).toBe(true);
    expect(isKeywordList('人与自然;生态文明;绿色发展')).toBe(true);
  });
});
