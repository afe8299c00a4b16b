/**
 * What news and feed pages print around the article: the paper named at its end (`（来源：城东晚报）`),
 * the author's note (`（作者系…教授）`), a standfirst (`核心提示：`), an editor's note, the credits and
 * captions of pictures that are not there, a topic line where an English byline would stand, and a
 * feed's slogan where its title would. Every text here is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLines } from './helpers.ts';
import { isCaptionLine } from '../../pipeline/normalize/rules/captions.ts';
import { isPersonName } from '../../pipeline/normalize/rules/head/people-names.ts';

const normalize = (lines: string[]) => normalizeLines(lines);

const HANS = '河边的旧仓库改成了社区图书室，周末有志愿者来讲故事，附近的孩子放学后也常来这里写作业，管理员说借书的人一年多了一倍。';
const HANS2 = '图书室的书大多是居民捐的，也有一部分来自区图书馆的流动书箱，每个月换一批，孩子们最喜欢的是绘本和科普读物。';
const HANT = '港口旁的舊倉庫改建成社區圖書室，週末有志工來說故事，附近的孩子放學後也常來這裡寫功課，管理員說借書的人一年多了一倍。';
const EN = 'The old warehouse by the river now holds a community library, and volunteers read stories to children there every weekend.';

describe('the paper named at the end of a news page', () => {
  for (const [line, paper, text] of [
    ['（来源：城东晚报）', '城东晚报', HANS],
    ['来源：南方民生报', '南方民生报', HANS],
    ['(来源:江城日报)', '江城日报', HANS],
    ['來源：山城日報', '山城日報', HANT],
    ['【來源：港灣時報】', '港灣時報', HANT],
  ] as const) {
    it(`${line} gives the publication when the head has none`, () => {
      const { meta, body, messages } = normalize(['图书室开张', '', text, HANS2, line]);
      expect(meta.publication).toBe(paper);
      expect(body).not.toContain(paper);
      expect(messages.some((m) => m.ruleId === 'metadata' && m.actual === line)).toBe(true);
    });
  }

  it('goes, reported, when the head named the paper', () => {
    const { meta, body, messages } = normalize(['图书室开张', '来源：城东晚报', '', HANS, '（来源：城东晚报）']);
    expect(meta.publication).toBe('城东晚报');
    expect(body).not.toContain('来源');
    expect(messages.some((m) => m.ruleId === 'boilerplate' && m.actual === '（来源：城东晚报）')).toBe(true);
  });

  it('is no paper when it names the site itself, a sentence or a data source inside the article', () => {
    expect(normalize(['图书室开张', '', HANS, HANS2, '（来源：本站）']).meta.publication).toBeUndefined();
    const survey = normalize(['图书室开张', '', HANS, HANS2, '来源：问卷调查']);
    expect(survey.meta.publication).toBeUndefined();
    expect(survey.body).toContain('来源：问卷调查');
    const sentence = '来源：这批书是谁捐的，至今没人说得清。';
    expect(normalize(['图书室开张', '', HANS, HANS2, sentence]).body).toContain(sentence);
    // A table's source in the middle of the article is the table's, not the page's.
    const { meta, body } = normalize(['图书室开张', '', HANS, HANS2, '来源：区统计局', HANS2, HANS2, HANS2, HANS2, HANS2.slice(2)]);
    expect(meta.publication).toBeUndefined();
    expect(body).toContain('来源：区统计局');
  });
});

describe('the author’s note at the end', () => {
  it('goes to biography and affiliations, in both scripts', () => {
    const hans = normalize(['图书室开张', '文/李想', '', HANS, '（作者系南江师范大学教育学院教授）']);
    expect(hans.meta.affiliations).toEqual(['南江师范大学教育学院']);
    expect(hans.meta.biography).toBe('作者系南江师范大学教育学院教授');
    expect(hans.body).not.toContain('作者系');
    const hant = normalize(['圖書室開張', '文／李想', '', HANT, '(作者為北港科技大學通識中心助理教授)']);
    expect(hant.meta.affiliations).toEqual(['北港科技大學通識中心']);
  });

  it('names one institution for each author, and none when it names none', () => {
    const both = normalize(['图书室开张', '李想 王然', '', HANS, '（作者分别系南江大学公共管理学院教授、北川学院讲师）']);
    expect(both.meta.affiliations).toEqual(['南江大学公共管理学院', '北川学院']);
    const none = normalize(['图书室开张', '文/李想', '', HANS, '（作者系资深媒体人）']);
    expect(none.meta.affiliations).toBeUndefined();
    expect(none.meta.biography).toBe('作者系资深媒体人');
    const labelled = normalize(['图书室开张', '', HANS, HANS2, '作者简介：李想，南江大学历史学院副教授。']);
    expect(labelled.meta.affiliations).toEqual(['南江大学历史学院']);
  });

  it('stays when the words begin a sentence of the article', () => {
    for (const line of ['作者系统地比较了两个社区的做法。', '（作者系统梳理了南江大学的档案）']) {
      expect(normalize(['图书室开张', '', HANS, HANS2, line]).body).toContain(line);
    }
  });
});

describe('a standfirst and an editor’s note', () => {
  it('核心提示 and 导读 are the abstract', () => {
    for (const label of ['核心提示：', '【核心提示】', '导读：', '導讀：']) {
      const { meta, body } = normalize(['图书室开张', `${label}${HANS2}`, '2024年3月2日', '', HANS]);
      expect(meta.abstract).toBe(HANS2);
      expect(meta.date).toBe('2024-03-02');
      expect(body).not.toContain(HANS2);
    }
  });

  it('an editor’s note stays, set apart as a quotation block and reported', () => {
    const note = '编者按：这是本刊“社区故事”栏目的第一篇，欢迎读者来信讲述身边的变化。';
    const { markdown, messages } = normalize(['图书室开张', '', note, HANS]);
    expect(markdown).toContain(`> ${note}`);
    expect(markdown).toMatch(new RegExp(`\\n${HANS}\\n`));
    expect(messages.some((m) => m.ruleId === 'structure' && m.actual === note)).toBe(true);
    const later = '编者按照读者的意见，把这一段删去了。';
    expect(normalize(['图书室开张', '', HANS, later]).markdown).not.toContain(`> ${later}`);
  });

  it('the word inside a sentence is no label', () => {
    const line = '这本书的导读写得很好，孩子们都看得懂，老师们也推荐给了家长，希望暑假里多读几本。';
    expect(normalize(['图书室开张', '', line, HANS]).body).toContain(line);
  });
});

describe('credits and captions of pictures that are not there', () => {
  const yes = [
    '图片来源：视觉中国', '（图片来源：网络）', '图源：城东晚报', '圖片提供／南投縣政府', '圖／記者林佳慧攝', '图/本报记者 王明',
    '攝影／陳大文', '新华社记者 王明 摄', '（記者林佳慧攝）', '王明 摄', '▲图为社区图书室。', '圖說：志工為孩子說故事',
    '▲志工為孩子說故事。（圖／記者林佳慧攝）', '图为志愿者在讲故事。（记者 王明 摄）',
    'Image caption: Volunteers read to children at the new library', 'Image source, City Council', 'Photo: Sam Lee/City Press',
    'Photograph: Tom Baker for the Courier', 'Photo by Sam Lee on Unsplash', '(Photo: A reading corner at the library)',
  ];
  const no = [
    '如何拍摄夜景', '夜景拍摄', '图书馆的来源', '摄影', '航拍', '图1 城市人口变化', '来源：区统计局', '▲ 第一，要加强组织建设',
    '图片来源的问题，我们后来才弄清楚。', '他说：“这张照片是我拍的。”（记者 王明）',
    'Photography is a hobby for many people in the town, and the club meets every week.', 'Photos of the flood spread quickly.',
    'Picture this: a town without cars.', 'Image is everything, he said.',
  ];
  for (const line of yes) it(`removes ${line}`, () => expect(isCaptionLine(line)).toBe(true));
  for (const line of no) it(`keeps ${line}`, () => expect(isCaptionLine(line)).toBe(false));

  it('takes the line out of the page anywhere, reported with its text', () => {
    const { body, messages } = normalize(['图书室开张', '', HANS, '图片来源：视觉中国', HANS2]);
    expect(body).toContain(HANS2);
    expect(body).not.toContain('视觉中国');
    expect(messages.some((m) => m.ruleId === 'boilerplate' && m.actual === '图片来源：视觉中国')).toBe(true);
  });
});

describe('a line between an English title and its date', () => {
  const title = 'Why Small Towns Are Opening Libraries Again';
  it('is the byline when its words are people’s names', () => {
    for (const name of ['Helen Marsh', 'Wang Lei', 'Mark J. Price']) {
      const { meta } = normalize([title, name, '14 March 2024', '', EN]);
      expect(meta.authors).toEqual([name]);
      expect(meta.title).toBe(title);
    }
  });

  it('is the site’s topic, removed, when they are not', () => {
    for (const topic of ['Climate Change', 'Local Politics', 'Higher Education']) {
      const { meta, body, messages } = normalize([title, topic, '14 March 2024', '', EN]);
      expect(meta.authors).toEqual([]);
      expect(meta.title).toBe(title);
      expect(body).not.toContain(topic);
      expect(messages.some((m) => m.ruleId === 'boilerplate' && m.actual === topic)).toBe(true);
    }
  });

  it('stays in the text when only the surname is known', () => {
    const { meta, body } = normalize([title, 'Priya Raman', '14 March 2024', '', EN]);
    expect(meta).toMatchObject({ title, authors: [] });
    expect(body).toContain('Priya Raman');
  });

  it('names need two telling words, all known', () => {
    expect(isPersonName(['Jane', 'Holloway'])).toBe(true);
    expect(isPersonName(['Climate', 'Change'])).toBe(false);
    expect(isPersonName(['J.', 'Holloway'])).toBe(false);
    expect(isPersonName(['Mary-Jane', 'Holloway'])).toBe(true);
  });
});

describe('a feed page that printed no title', () => {
  it('does not take the account’s slogan above its call to follow for the title', () => {
    for (const slogan of ['社区工作者都在看的实务笔记！', '每天五分钟，陪你读懂城市', '專注城市治理的公眾號']) {
      const { meta, body, messages } = normalize([slogan, '点击上方蓝字关注我们', HANS, HANS2]);
      expect(meta.title).toBe('');
      expect(body).not.toContain(slogan);
      expect(messages.some((m) => m.actual === slogan)).toBe(true);
      expect(body).toContain(HANS);
    }
  });

  it('keeps a title above the call to follow', () => {
    expect(normalize(['旧仓库里的社区图书室', '点击上方蓝字关注我们', HANS]).meta.title).toBe('旧仓库里的社区图书室');
  });
});

describe('what a site sets before the title and the date', () => {
  it('a speaker’s name before the title’s bar is the author, a column is cut; both reported', () => {
    const talk = normalize(['陈立群丨社区图书室的三个难处', '2024-02-18', '', HANS, HANS2]);
    expect(talk.meta).toMatchObject({ title: '社区图书室的三个难处', authors: ['陈立群'] });
    expect(talk.messages.some((m) => m.ruleId === 'metadata' && String(m.reason).includes('陈立群丨'))).toBe(true);
    for (const column of ['深读丨', '城市更新 | ', '觀察｜']) {
      const { meta } = normalize([`${column}社区图书室的三个难处`, '2024-02-18', '', HANS, HANS2]);
      expect(meta).toMatchObject({ title: '社区图书室的三个难处', authors: [] });
    }
    // A named author wins; a title that is only a short word after the bar keeps its bar.
    expect(normalize(['陈立群丨社区图书室的三个难处', '作者：王然', '', HANS, HANS2]).meta.authors).toEqual(['王然']);
    expect(normalize(['图书室丨开张', '2024-02-18', '', HANS, HANS2]).meta.title).toBe('图书室丨开张');
  });

  it('the site’s name or its section words before the date, and a reading count after its time', () => {
    const site = normalize(['社區圖書室開張', '南港新聞網 2019年05月12日 15:52', '', HANT]);
    expect(site.meta).toMatchObject({ date: '2019-05-12', time: '15:52', publication: '南港新聞網' });
    expect(site.body).not.toContain('南港新聞網');
    const sections = normalize(['社区图书室开张', '社区动态 城市生活 2024-02-18 09:30 12', '', HANS, HANS2]);
    expect(sections.meta).toMatchObject({ title: '社区图书室开张', date: '2024-02-18', time: '09:30' });
    expect(sections.meta.publication).toBeUndefined();
    expect(sections.body).not.toContain('城市生活');
    // Words before a date that are no site stay out of publication.
    expect(normalize(['社区图书室开张', '记者 王然 2024-02-18', '', HANS]).meta.publication).toBeUndefined();
  });
});
