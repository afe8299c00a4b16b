/**
 * A journal article's reference list: its header becomes a heading, and entries in GB/T 7714's
 * form keep the Western marks that standard sets them with, while the body around them is
 * repaired as ever.
 */
import type { Paragraph, Root, Text } from 'mdast';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { enrich } from '../../pipeline/enrich/index.ts';
import { headingKind } from '../../pipeline/normalize/rules/structure.ts';
import { isStandardEntry, referencesHeader } from '../../pipeline/normalize/rules/references.ts';
import { normalizeLines } from './helpers.ts';

const TITLE = '社区养老服务的供给模式研究';
const PROSE = '社区养老服务是应对人口老龄化的重要方式,各地的实践差别很大,需要比较研究[1]。';

describe('an entry in GB/T 7714 form', () => {
  it('is known by its document-type mark and its year, in every form the standard has', () => {
    for (const entry of [
      '[1]李明.社区治理研究[M].北京:人民出版社,2015.',
      '[2] 王芳. 养老服务的供给侧改革[J]. 社会保障研究, 2019(3): 12-20.',
      '3. 赵强.城市更新中的社区参与[D].上海:复旦大学,2020.',
      '[4]陈刚.智慧养老平台建设[EB/OL].(2021-05-01)[2022-01-10].',
      '[5]刘洋.社区照护[C]//中国社会学年会论文集.北京:[出版者不详],2018:33-40.',
      '[6]Smith J. Ageing in place[J]. Gerontology, 2017, 63(2): 1-9.',
      '引用本文：孙丽.老年友好社区评价[J].人口研究,2023,47(1):5-18.',
    ]) expect(isStandardEntry(entry), entry).toBe(true);
  });

  it('is not a sentence with brackets, a citation mark or a year alone', () => {
    for (const text of [PROSE, '见表[2]，2019年的数据更完整。', '他在[M]栏里填了一个字。', '《养老服务条例》[2020]第3号', '第[J]项不适用。']) {
      expect(isStandardEntry(text), text).toBe(false);
    }
  });

  it('is never a heading, however short, while a numbered title still is', () => {
    expect(headingKind('1. 李明.社区[M].北京:人民出版社,2015')).toBeUndefined();
    expect(headingKind('1. 研究设计')).toBeDefined();
  });
});

describe('the header of a reference list', () => {
  it('is read in both scripts and English, with or without its colon', () => {
    expect(referencesHeader('参考文献：')).toBe('参考文献');
    expect(referencesHeader('參考文獻')).toBe('參考文獻');
    expect(referencesHeader(' References ')).toBe('References');
    expect(referencesHeader('本文的参考文献共有三十条。')).toBeUndefined();
  });
});

describe('a page with a reference list', () => {
  const entries = ['[1]李明.社区治理研究[M].北京:人民出版社,2015.', '[2]王芳.养老服务的供给侧改革[J].社会保障研究,2019(3):12-20.'];

  it('makes the header a level-2 heading and keeps each standard entry as found', () => {
    const { body, messages } = normalizeLines([TITLE, '一、问题的提出', PROSE, '二、结论', PROSE, '参考文献:', ...entries]);
    expect(body).toContain('## 参考文献\n');
    expect(body).not.toContain('参考文献:');
    // The entries' text as found; Markdown escapes the `[` of a type mark.
    expect(body).toContain('[1]李明.社区治理研究\\[M].北京:人民出版社,2015.');
    expect(body).toContain('[2]王芳.养老服务的供给侧改革\\[J].社会保障研究,2019(3):12-20.');
    // The body is still repaired.
    expect(body).toContain('社区养老服务是应对人口老龄化的重要方式，各地的实践差别很大，');
    const header = messages.find((m) => m.ruleId === 'structure' && m.expected?.[0] === '## 参考文献');
    expect(header?.reason).toBe('The reference list’s header becomes a level-2 heading');
    expect(header?.line).toBe(6);
    // A list is there, so the citations in the text are not reported as unsupported.
    expect(messages.some((m) => m.ruleId === 'citations')).toBe(false);
  });

  it('repairs entries in another style as any text (Taiwan’s APA style sets Chinese entries with full-width marks)', () => {
    const { body } = normalizeLines(['數位治理的理論與實務', '壹、前言', '近年來,數位轉型成為各國政府的施政重點,各地的做法差別很大,值得比較。', '參考文獻', '黃東益(2019).數位治理的理論與實務.臺北:五南.']);
    expect(body).toContain('## 參考文獻\n');
    expect(body).toContain('黃東益（2019）。數位治理的理論與實務。臺北：五南。');
  });

  it('leaves a header with nothing after it, and the word in a sentence, as paragraphs', () => {
    const { body } = normalizeLines([TITLE, PROSE, '本文的参考文献共有三十条,附在文后。', '参考文献']);
    expect(body).not.toContain('## ');
    expect(body).toContain('本文的参考文献共有三十条，附在文后。');
    expect(body.trimEnd().endsWith('参考文献')).toBe(true);
  });
});

describe('in the outputs', () => {
  it('an entry’s number is set as written, and a citation mark in the text as a superscript', () => {
    const paragraph = (value: string): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] });
    const tree: Root = { type: 'root', children: [paragraph('正文引用了一篇文章[1]。'), paragraph('[1]李明.社区治理研究[M].北京:人民出版社,2015[2].')] };
    enrich(tree, { title: 'T' }, new VFile());
    const marks = (n: number) => (tree.children[n] as Paragraph).children.map((t) => [(t as Text).value, t.data?.hName]);
    expect(marks(0)).toEqual([['正文引用了一篇文章', undefined], ['[1]', 'sup'], ['。', undefined]]);
    expect(marks(1)).toEqual([['[1]', undefined], ['李明.社区治理研究[M].北京:人民出版社,2015', undefined], ['[2]', 'sup'], ['.', undefined]]);
  });
});
