/**
 * News and blog pages: the lead mark `（本报讯）`, a post's counters after its date, the closing
 * calls and disclaimers, an English byline with the writer's role, affiliations' ASCII commas.
 * Every text here is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { isWidgetLine, trailerKind } from '../../pipeline/normalize/rules/chrome.ts';
import { splitAffiliations } from '../../pipeline/normalize/rules/head/classify.ts';
import { BODY, head, normalizeLines } from './helpers.ts';

const normalize = (lines: string[]) => normalizeLines(lines);

const HANS = '镇上的老粮站改成了社区食堂，每天中午供应两荤两素，老人凭卡就餐还能打八折，附近的上班族也常来。';
const HANT = '舊糧站改建成社區食堂，每天中午供應兩葷兩素，長者憑卡用餐可以打八折，附近的上班族也常來光顧。';

describe('the lead mark of a news page', () => {
  for (const [mark, text] of [['（本报讯）', HANS], ['【本報訊】', HANT], ['(本网讯)', HANS], ['本報訊：', HANT], ['本报讯 ', HANS]] as const) {
    it(`cuts ${mark.trim()} and reports it`, () => {
      const { markdown, messages } = normalize(['食堂开张', '', mark + text]);
      expect(markdown).toContain(text);
      expect(markdown).not.toMatch(/本[报報网][讯訊]/u);
      expect(messages.some((m) => m.ruleId === 'boilerplate' && m.actual === mark.trim())).toBe(true);
    });
  }

  it('keeps the words where they are the article’s own', () => {
    const own = '他说本报讯息来源可靠，读者可以放心。这句话写在社论的结尾，后面还有几句说明。';
    const { markdown } = normalize(['食堂开张', '', HANS, own]);
    expect(markdown).toContain(own);
    const inside = `据${HANS}（本报讯）`;
    expect(normalize(['食堂开张', '', inside]).markdown).toContain('（本报讯）');
    // A later paragraph that quotes an old report keeps its mark.
    const quoted = '（本报讯）这是二十年前那篇报道的开头，作者把它原样抄在了这里。';
    expect(normalize(['食堂开张', '', HANS, quoted]).markdown).toContain(quoted);
  });
});

describe('a post’s counters', () => {
  it('reads the date before them and drops the line', () => {
    const h = head(['书房改造记', '发布于 2022-11-20 21:03 · 阅读 1.2k'], 'zh-Hans');
    expect(h.title).toBe('书房改造记');
    expect(h.fields.date).toBe('2022-11-20');
    expect(h.body).toEqual([BODY]);
    expect(head(['書房改造記', '2021年3月2日 | 瀏覽 208次 評論 3'], 'zh-Hant').body).toEqual([BODY]);
  });

  it('knows a row of counters as a widget row, and a sentence with a number as text', () => {
    for (const text of ['评论 (12)', '點讚 36 · 收藏 8', '阅读 1.2k', '評論：0']) expect(isWidgetLine(text), text).toBe(true);
    for (const text of ['评论 12 条意见都很中肯', '收藏了 3 本旧书', '阅读12本书']) expect(isWidgetLine(text), text).toBe(false);
  });
});

describe('the closing lines of a post', () => {
  it('knows the disclaimer and the calls to share as notices', () => {
    for (const text of ['本文仅代表作者观点，不代表本站立场。', '本文僅代表作者個人觀點', '本文为原创，转载请注明出处。', '喜欢这篇文章的话，请点赞、收藏、转发！', '覺得這篇文章有用，歡迎分享給朋友']) {
      expect(trailerKind(text), text).toBe('notice');
    }
  });

  it('keeps the article’s last sentences that use the same words', () => {
    for (const text of ['喜欢读书的人，往往也关注社会，愿意分享。', '本文为原创研究，数据来自三次入户调查。', '作者的观点很鲜明，代表了一部分居民的想法。']) {
      expect(trailerKind(text), text).toBeUndefined();
    }
  });

  it('drops them at the end of a page, with a counter row', () => {
    const { markdown } = normalize(['书房改造记', '', HANS, '本文为原创，转载请注明出处。', '喜欢这篇文章的话，请点赞、收藏、转发！', '评论 (12)']);
    expect(markdown).toContain(HANS);
    expect(markdown).not.toMatch(/原创|点赞|评论/u);
  });
});

describe('an English byline with a role', () => {
  const body = 'The council voted on Tuesday to build new cycle lanes across the centre over the next two years.';
  for (const [line, authors] of [
    ['By Sarah Whitfield, Transport Correspondent', ['Sarah Whitfield']],
    ['By Tom Baker and Ana Ruiz, Staff Writers', ['Tom Baker', 'Ana Ruiz']],
    ['By Lena Hart in Glasgow', ['Lena Hart']],
    ['By Omar Said | Senior Reporter', ['Omar Said']],
    ['By Maria Gonzalez, David Chen', ['Maria Gonzalez', 'David Chen']],
  ] as const) {
    it(line, () => {
      const { meta, markdown } = normalize(['New Cycle Lanes Approved', line, '', body]);
      expect(meta.authors).toEqual(authors);
      expect(markdown).not.toContain(line);
    });
  }
});

describe('affiliations', () => {
  it('take the full-width comma after Han text, and keep an English one', () => {
    expect(splitAffiliations('（1.西南农业大学经济管理学院,重庆 400716；2.重庆市农业科学院, 重庆 401329）')).toEqual(['西南农业大学经济管理学院，重庆 400716', '重庆市农业科学院，重庆 401329']);
    expect(splitAffiliations('(School of Economics, Riverside University)')).toEqual(['School of Economics, Riverside University']);
  });
});

describe('a reporter’s byline behind a bullet', () => {
  for (const [line, name] of [['■ 本报记者 王丽娟', '王丽娟'], ['□ 記者 陳家豪', '陳家豪'], ['● 文/李想', '李想'], ['■趙敏', '趙敏']] as const) {
    it(line, () => {
      expect(head(['社區食堂開張了', line]).authors).toEqual([name]);
    });
  }
});

describe('the site’s tag before a title', () => {
  it('is cut from the title and reported', () => {
    for (const [line, title] of [['【專欄】老街的茶館', '老街的茶館'], ['[原创]阳台上的小菜园', '阳台上的小菜园'], ['【深度】老厂房里的创业街区', '老厂房里的创业街区']] as const) {
      expect(head([line], 'zh-Hans').title, line).toBe(title);
    }
  });

  it('stays when it is the title’s own word or leaves too little', () => {
    expect(head(['【钟声】两国关系的新起点'], 'zh-Hans').title).toBe('【钟声】两国关系的新起点');
    expect(head(['【专栏】茶馆'], 'zh-Hans').title).toBe('【专栏】茶馆');
  });
});

describe('an English section label', () => {
  const body = 'Pupils at a village school have replanted an orchard of old apple varieties that had almost disappeared.';
  it('between the title and the byline is not the title, nor the text', () => {
    const { meta, markdown } = normalize(['Lost Orchards Replanted', 'Arts & Culture', 'By Priya Raman', '', body]);
    expect(meta.title).toBe('Lost Orchards Replanted');
    expect(markdown).not.toContain('Arts & Culture');
  });

  it('a short heading in the body stays', () => {
    const { markdown } = normalize(['Lost Orchards Replanted', 'By Priya Raman', '', body, 'Background', body]);
    expect(markdown).toContain('Background');
  });
});

describe('the author’s affiliation noted at the end', () => {
  it('goes to affiliations, in both scripts', () => {
    const hans = normalize(['社区食堂开张了', '文/李想', '', HANS, '（作者单位：南江市委党校）']);
    expect(hans.meta.affiliations).toEqual(['南江市委党校']);
    expect(hans.markdown).not.toContain('作者单位');
    const hant = normalize(['社區食堂開張了', '文／李想', '', HANT, '(作者單位：國立中部大學社會工作學系)']);
    expect(hant.meta.affiliations).toEqual(['國立中部大學社會工作學系']);
  });

  it('stays in the text when it is a sentence about it', () => {
    const line = '（作者单位：这几个字后来被编辑删去了。）';
    expect(normalize(['社区食堂开张了', '', HANS, line]).markdown).toContain('这几个字后来被编辑删去了');
  });
});

describe('a date line with the source after a bar', () => {
  it('gives the date and the publication, above or below the title', () => {
    const above = head(['2022年04月07日 14:30 | 來源：自由評論網', '校園午睡時間該不該縮短？']);
    expect(above).toMatchObject({ title: '校園午睡時間該不該縮短？', body: [BODY] });
    expect(above.fields.date).toBe('2022-04-07');
    expect(above.fields.publication?.text).toBe('自由評論網');
    const below = head(['校园午睡时间该不该缩短', '2022-04-07 ｜ 来源：城东晚报'], 'zh-Hans');
    expect(below.fields.publication?.text).toBe('城东晚报');
  });
});

describe('widgets and credits on one trailer line', () => {
  it('is a credit line when every bracket is one or the other', () => {
    expect(trailerKind('【纠错】 【责任编辑：邓明】')).toBe('credit');
    expect(trailerKind('【打印】【責任編輯：鄭宇】')).toBe('credit');
    expect(trailerKind('【纠错】【关闭】')).toBeUndefined();
    expect(trailerKind('【责任编辑：邓明】【补充说明：本文数据截至八月】')).toBeUndefined();
  });
});

describe('an English byline without By', () => {
  const body = 'When the library in my town threatened to close, the whole street signed the petition within a week.';
  it('is the name between the title and the date', () => {
    const { meta } = normalize(['Opinion', 'Why Small Libraries Still Matter', 'Jane Holloway', 'Published: 22 September 2022', '', body]);
    expect(meta).toMatchObject({ title: 'Why Small Libraries Still Matter', authors: ['Jane Holloway'], date: '2022-09-22' });
  });

  it('is not a title’s opening words', () => {
    const { meta } = normalize(['Opinion Pieces From Our Readers', 'Why Libraries Matter', 'March 3, 2024', '', body]);
    expect(meta.authors).toEqual([]);
  });
});

describe('an English wire story', () => {
  const BODY_EN = ['The council approved the new route on Friday after a decade of debate over the service.', 'Fares will be capped at the current bus rate, the council said in a statement.'];

  it('reads the date with its time of day and zone, and an update note after it', () => {
    for (const [line, time] of [['June 14, 2024 7:42 AM GMT+8 Updated 2 hours ago', '07:42'], ['14 June 2024, 19:05 BST', '19:05'], ['June 14, 2024 | Updated June 15, 2024', undefined], ['June 14, 2024 12:10 p.m. ET', '12:10']] as const) {
      const { meta, markdown } = normalize(['Harbour city approves new ferry route', 'By Priya Natarajan', line, ...BODY_EN]);
      expect(meta.date, line).toBe('2024-06-14');
      expect(meta.time, line).toBe(time);
      expect(markdown, line).not.toContain('June 14, 2024');
    }
  });

  it('takes the wire’s credits and its standards line off the end', () => {
    expect(trailerKind('Reporting by Priya Natarajan; Editing by Tom Baker')).toBe('credit');
    expect(trailerKind('Additional reporting by Lee Wong in Hong Kong; Writing by Ann Roe; Editing by Bill Tan')).toBe('credit');
    expect(trailerKind('Our Standards: The Newswire Trust Principles.')).toBe('notice');
    // A sentence about reporting is text.
    for (const text of ['Reporting by volunteers kept the count going through the storm.', 'Editing by hand takes time.']) expect(trailerKind(text), text).toBeUndefined();
    const { markdown } = normalize(['Harbour city approves new ferry route', 'By Priya Natarajan', ...BODY_EN, 'Reporting by Priya Natarajan; Editing by Tom Baker', 'Our Standards: The Newswire Trust Principles.']);
    expect(markdown).not.toMatch(/Editing by|Our Standards/u);
    for (const line of BODY_EN) expect(markdown).toContain(line);
  });
});
