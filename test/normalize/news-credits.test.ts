/**
 * News pages' credit rows, where the outlet names its own staff (`南经记者 李安平 南经编辑 王晓岚`,
 * `《港灣週刊》記者 陳家明 香港報導`), and headlines that name a company under a column's bar, which
 * are no affiliation. Every text here is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLines } from './helpers.ts';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { isAffiliation } from '../../pipeline/normalize/rules/head/classify.ts';
import { readByline } from '../../pipeline/normalize/rules/head/names.ts';

const BODY = ['受原料价格上涨影响，南江市多家预制菜企业近期调整了出厂价格，调价幅度普遍在百分之五到百分之八之间。', '一家企业负责人表示，调价是不得已的选择，企业也在通过改进工艺、集中采购等方式消化成本。'];
const names = (text: string) => readByline(makeLine(text, 0))?.names.map((n) => n.text);

describe('a reporter credited by the outlet’s own name', () => {
  it('gives the reporter, not the outlet, the editor or the dateline', () => {
    expect(names('南经记者 李安平 南经编辑 王晓岚')).toEqual(['李安平']);
    expect(names('南经记者 李安平')).toEqual(['李安平']);
    expect(names('南经特约评论员 周启明')).toEqual(['周启明']);
    expect(names('《港灣週刊》記者 陳家明 香港報導')).toEqual(['陳家明']);
    expect(names('新华社记者 刘金海')).toEqual(['刘金海']);
    expect(names('记者 陈家明 北京报道')).toEqual(['陈家明']);
    expect(names('王明 编辑 李华')).toEqual(['王明']);
  });

  it('is no byline when the words before the role are a sentence’s', () => {
    expect(names('我是记者 王明说')).toBeUndefined();
    expect(names('他们的记者 来了')).toBeUndefined();
    expect(names('大会记者 招待会')).toBeUndefined();
  });

  it('gives the author of a page with no title, and the paper with its date', () => {
    const { meta, body } = normalizeLines(['南江经济新闻 2022-05-16 08:30:12', '南经记者 李安平 南经编辑 王晓岚', ...BODY]);
    expect(meta).toMatchObject({ title: '', authors: ['李安平'], date: '2022-05-16', publication: '南江经济新闻' });
    expect(body).not.toMatch(/王晓岚|南经记者/u);
    for (const line of BODY) expect(body).toContain(line);
  });
});

describe('a headline naming a company', () => {
  it('is no affiliation, under a column’s bar or with quotes or a glued number', () => {
    for (const text of ['每周钢市观察丨南江钢铁将出售旗下三家子公司、钢价回落“成本线”失守', '1、南江钢铁丨将出售旗下三家子公司，其中一家已在接触买家', '21世纪南江集团有限公司的三十年'])
      expect(isAffiliation(text), text).toBe(false);
  });

  it('leaves affiliations as they were', () => {
    for (const text of ['1复旦大学国际关系学院，上海 200433', '（上海大学马克思主义学院 上海 200444）', '1. 复旦大学 国际关系学院，上海 200433；2. 南京大学政府管理学院，南京 210023', '①南江师范大学教育学院，南江 330022'])
      expect(isAffiliation(text), text).toBe(true);
  });

  it('is the title, with the column before its bar cut', () => {
    const { meta, body } = normalizeLines(['首页 > 财经 > 正文', '每周钢市观察丨南江钢铁将出售旗下三家子公司、钢价回落“成本线”失守', '2022-06-18 来源:南江商报', '1、南江钢铁丨将出售旗下三家子公司,其中一家已在接触买家', ...BODY]);
    expect(meta).toMatchObject({ title: '南江钢铁将出售旗下三家子公司、钢价回落“成本线”失守', publication: '南江商报' });
    expect(meta.affiliations).toBeUndefined();
    expect(body).toContain('南江钢铁丨将出售旗下三家子公司，其中一家已在接触买家');
  });
});
