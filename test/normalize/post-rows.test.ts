/**
 * Rows blogs, news sites and journals print around a post's title: a skip link, the title again
 * under the standfirst, a poster with a relative time or with `发表于` and a date, a review's
 * byline with what each name did, and keywords that are the title split at its spaces. Every
 * text here is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLines } from './helpers.ts';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { isWidgetLine } from '../../pipeline/normalize/rules/chrome.ts';
import { readByline } from '../../pipeline/normalize/rules/head/names.ts';
import { readRelativeRow } from '../../pipeline/normalize/rules/head/poster.ts';

const BODY = ['老街的茶馆开了三十年，街坊们每天早上都来喝一壶，聊聊家长里短，这里成了整条街的客厅。', '去年老板说要回乡下，大家凑钱把茶馆盘了下来，轮流看店。'];
const names = (text: string) => readByline(makeLine(text, 0))?.names.map((n) => n.text);

describe('a skip link', () => {
  it('is the site’s widget', () => {
    for (const text of ['跳至內容', '跳到主要内容', '跳转到正文', '跳至主要內容', 'Skip to content']) expect(isWidgetLine(text), text).toBe(true);
  });
  it('is not a line about jumping', () => {
    for (const text of ['跳到河里救人的少年', '跳至三楼的猫', '内容跳至下一页']) expect(isWidgetLine(text), text).toBe(false);
  });
  it('gives way to the title, and the title printed again under the standfirst goes', () => {
    const { meta, body, messages } = normalizeLines(['跳至內容', '', '老街茶館的三十年', '', '一間茶館能開三十年，靠的是每天早上來喝茶的人。', '', '老街茶館的三十年', ...BODY]);
    expect(meta.title).toBe('老街茶館的三十年');
    expect(body).toContain('一間茶館能開三十年，靠的是每天早上來喝茶的人。');
    expect(body).not.toMatch(/^老街茶館的三十年$/mu);
    expect(messages.filter((m) => /printed again/u.test(String(m.reason)))).toHaveLength(1);
  });
  it('keeps a line that only opens with the title', () => {
    const { body } = normalizeLines(['老街茶馆的三十年', '一间茶馆能开三十年，靠的是每天早上来喝茶的人。', '老街茶馆的三十年，也是这条街的三十年。', ...BODY]);
    expect(body).toContain('老街茶馆的三十年，也是这条街的三十年。');
  });
});

describe('a post’s row with a relative time', () => {
  it('is chrome, and a user name before the time is the poster', () => {
    expect(readRelativeRow(makeLine('发表于 1年以前  | 总阅读数:1377 次', 0), [])).toBe('chrome');
    expect(readRelativeRow(makeLine('3天前 · 阅读 12', 0), [])).toBe('chrome');
    const row = readRelativeRow(makeLine('mkchen88 2天前', 0), []);
    expect(row !== 'chrome' && row?.byline.names.map((n) => n.text)).toEqual(['mkchen88']);
  });
  it('is not a sentence or a title about years ago', () => {
    for (const text of ['三年前的今天', '2年前我来到这座城市，第一份工作在码头。', '10年前的老照片', '他说3天前就到了'])
      expect(readRelativeRow(makeLine(text, 0), []), text).toBeUndefined();
  });
  it('leaves the page with its title and text', () => {
    const { meta, body, messages } = normalizeLines(['茶馆里的三十年', '', 'chayu 8年前', '', ...BODY]);
    expect(meta).toMatchObject({ title: '茶馆里的三十年', authors: ['chayu'] });
    expect(body).not.toContain('8年前');
    for (const line of BODY) expect(body).toContain(line);
    expect(messages.some((m) => m.ruleId === 'metadata' && String(m.reason).includes('chayu'))).toBe(true);
  });
});

describe('a poster before `发表于` and a date', () => {
  it('gives the author and the date, with a bullet and the site’s category after', () => {
    const { meta, body } = normalizeLines(['• 茶馆里的三十年', '  • Holly 发表于 2016/3/29 11:52:00 | 分类标签: 生活 老街', ...BODY]);
    expect(meta).toMatchObject({ title: '茶馆里的三十年', authors: ['Holly'], date: '2016-03-29', time: '11:52' });
    expect(body).not.toMatch(/发表于|分类标签/u);
    expect(normalizeLines(['茶馆里的三十年', '王小明 发表于 2016-03-29 11:52', ...BODY]).meta).toMatchObject({ authors: ['王小明'], date: '2016-03-29' });
  });
  it('does not take words before `发表于` for a name', () => {
    const { meta } = normalizeLines(['茶馆里的三十年', '这篇文章最早发表于 2016-03-29', ...BODY]);
    expect(meta.authors).toEqual([]);
  });
});

describe('a review’s byline', () => {
  it('reads the names without what each did, letter-spaced names with their marks', () => {
    expect(names('周晓梅1, 韩 磊2, 许 静1 综述, 陈国华3 审校')).toEqual(['周晓梅', '韩磊', '许静', '陈国华']);
    expect(names('韩 磊2, 许 静1')).toEqual(['韩磊', '许静']);
    expect(names('王 明 综述')).toEqual(['王明']);
  });
  it('is no byline when the role comes first or words follow it', () => {
    expect(names('综述 王明')).toBeUndefined();
    expect(names('老 王 审校 意见')).toBeUndefined();
  });
  it('is not the title: the title above it is', () => {
    const { meta } = normalizeLines(['·综 述·', '老年人跌倒风险评估的研究进展', '周晓梅1, 韩 磊2 综述, 陈国华3 审校', '(1. 江南医科大学护理学院,南州 210029; 2. 南州市第一人民医院,南州 210006)', ...BODY]);
    expect(meta).toMatchObject({ title: '老年人跌倒风险评估的研究进展', authors: ['周晓梅', '韩磊', '陈国华'] });
  });
});

describe('keywords that are the title', () => {
  it('are dropped when the title split at its spaces, and reported', () => {
    const { meta, messages } = normalizeLines(['开源字库Noto Sans的打包方式', '2024-03-18 关键词:开源字库Noto Sans的打包方式', ...BODY]);
    expect(meta.keywords).toEqual([]);
    expect(messages.some((m) => /it is the page's title/u.test(String(m.reason)))).toBe(true);
  });
  it('stay when they are words of the title', () => {
    expect(normalizeLines(['开源字库Noto Sans的打包方式', '关键词:开源字库 Noto Sans 打包', ...BODY]).meta.keywords).toEqual(['开源字库', 'Noto', 'Sans', '打包']);
  });
});
