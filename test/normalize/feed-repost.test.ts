/**
 * Reposts from feed accounts and interview pages: the account's calls to follow it at either
 * end, an author's handle in ASCII under its label, an interview's `Q：`/`A：` turns, and rare
 * surnames the frequency model would take for misread bytes. Every text here is written for
 * these tests.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { normalizeLines } from './helpers.ts';
import { isFollowCall } from '../../pipeline/normalize/rules/follow.ts';
import { looksGarbled } from '../../pipeline/normalize/rules/head/classify.ts';
import { findMojibake, repairValue } from '../../pipeline/normalize/rules/mojibake.ts';

const BODY = ['小区的老人们每天下午都在楼下的树荫里下棋，输了的人负责第二天带茶水，这个规矩已经延续了好几年。', '去年树被移走以后，大家搬到了车棚边上，地方小了一些，棋局倒是一盘没少。'];

describe('a feed’s call to follow it', () => {
  it('is the account’s words, with what it promises', () => {
    for (const text of ['点击关注公众号,每周抽奖送一本好书', '关注、星标公众号,不错过每一篇更新', '△点击收听本期音频', '点击上方蓝字关注我们', '点击上方“城南读书会”，选择“置顶公众号”', '长按二维码关注', '点击阅读原文，查看更多', '關注、星標公眾號，第一時間收到更新']) {
      expect(isFollowCall(text), text).toBe(true);
    }
  });

  it('is not a title or a sentence about clicks and attention', () => {
    for (const text of ['关注民生，关注基层', '点击率和关注度的关系研究', '点击量与关注度', '关注我们的孩子', '星标的意义', '长按指纹以后如何设置', '我们点击关注以后发生了什么。然后呢']) {
      expect(isFollowCall(text), text).toBe(false);
    }
  });

  it('gives way to the title above it, and goes from both ends of the page, reported', () => {
    const { meta, body, messages } = normalizeLines(['树荫下的棋局', '点击关注公众号,每周抽奖送一本好书', '作者:lanshan_99', ...BODY, '关注、星标公众号,不错过每一篇更新']);
    expect(meta).toMatchObject({ title: '树荫下的棋局', authors: ['lanshan_99'] });
    expect(body).not.toMatch(/公众号/u);
    for (const line of ['小区的老人们每天下午都在楼下的树荫里下棋', '地方小了一些，棋局倒是一盘没少。']) expect(body).toContain(line);
    expect(messages.filter((m) => m.ruleId === 'boilerplate' && /公众号/u.test(String(m.actual ?? '')))).toHaveLength(2);
  });
});

describe('an author in ASCII letters under its label', () => {
  it('is the author: a handle or a name', () => {
    expect(normalizeLines(['树荫下的棋局', '作者: Jinkey', ...BODY]).meta.authors).toEqual(['Jinkey']);
    expect(normalizeLines(['树荫下的棋局', '作者：lanshan_99', ...BODY]).meta.authors).toEqual(['lanshan_99']);
    expect(normalizeLines(['树荫下的棋局', '作者：Mary Chen', ...BODY]).meta.authors).toEqual(['Mary Chen']);
  });

  it('is nobody when it is the site’s account, and a pen name in Han is still read', () => {
    expect(normalizeLines(['树荫下的棋局', '作者：admin', ...BODY]).meta.authors).toEqual([]);
    expect(normalizeLines(['树荫下的棋局', '作者：小巷听雨', ...BODY]).meta.authors).toEqual(['小巷听雨']);
  });
});

describe('an interview’s turns', () => {
  it('are the article’s text, never its title', () => {
    const lines = ['作者: Mandy', 'Q: Mandy, 你为什么开始拍老街?', 'A:因为它们一直在消失。', 'Q:拍了多少条?', 'A:三十多条吧……', ...BODY];
    const { meta, body } = normalizeLines(lines);
    expect(meta.title).toBe('');
    expect(meta.authors).toEqual(['Mandy']);
    for (const text of ['你为什么开始拍老街？', 'A：因为它们一直在消失。', 'Q：拍了多少条？']) expect(body).toContain(text);
  });

  it('leave a title above them alone', () => {
    expect(normalizeLines(['拍老街的人', 'Q：你为什么开始拍老街？', 'A：因为它们一直在消失。', ...BODY]).meta.title).toBe('拍老街的人');
  });
});

describe('rare surnames are not misread bytes', () => {
  it('keeps two or three Han characters whose other reading is common Han', () => {
    for (const name of ['孔佩玲', '孔佩', '諮詢']) expect(repairValue(name), name).toMatchObject({ text: name, repaired: false });
    expect(findMojibake('孔佩玲 肖榮輝 嚴立群')).toEqual([]);
  });

  it('still repairs longer Big5 text read as GBK', () => {
    for (const text of ['基層黨務工作主要包括', '經濟發展迅速']) expect(repairValue(iconv.decode(iconv.encode(text, 'big5'), 'gbk')).text).toBe(text);
  });

  it('keeps a byline of such names as the authors, and the title whole', () => {
    const { meta } = normalizeLines(['社區藥局的角色', '孔佩玲 肖榮輝 嚴立群', '許多長者同時服用四五種藥物，卻很少有人幫他們整理。社區藥局離家近、走得進去，是最容易開口問問題的地方。']);
    expect(meta).toMatchObject({ title: '社區藥局的角色', authors: ['孔佩玲', '肖榮輝', '嚴立群'] });
  });
});

describe('a question mark closing a title', () => {
  it('is a question, not a lost byte; inside Han text it is still suspect', () => {
    expect(looksGarbled('怎样给老旧小区加装电梯?')).toBe(false);
    expect(looksGarbled('基層?;A不牢')).toBe(true);
    expect(looksGarbled('地動山搖?!边M入')).toBe(true);
  });
});
