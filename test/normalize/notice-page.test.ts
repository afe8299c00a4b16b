/**
 * A government site's notice: a record of it above the title (its index number, the body that
 * issued it, the date, its subject and document number), then the notice. And a feed's post:
 * the collections it is filed under, and the links the feed prints after it.
 * Every text here is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLines } from './helpers.ts';
import { isWidgetLine, trailerKind } from '../../pipeline/normalize/rules/chrome.ts';

const normalize = (lines: string[]) => normalizeLines(lines);

const HANS = '为做好今年汛期防汛工作，确保人民群众生命财产安全，经研究，决定在全区开展一次防汛隐患排查。';
const HANT = '為做好今年汛期的防汛工作，確保民眾生命財產安全，經研議決定在全區辦理一次防汛隱患排查。';

describe('a government notice’s record above its title', () => {
  const record = {
    hans: ['索引号：000000000/2024-00031', '发布机构：东湖区应急管理局', '成文日期：2024-05-20', '主题分类：安全生产', '发文字号：东应急〔2024〕7号', '关于开展汛前隐患排查的通知', '各街道办事处：', HANS],
    hant: ['發布機關：北屯區公所', '發布日期：2024/05/20', '發文字號：北區民字第1130000001號', '北屯區汛前隱患排查通知', HANT],
  };

  it('reads the issuing body, the date and the number, and takes the notice’s own title', () => {
    const { markdown, meta, messages } = normalize(record.hans);
    expect(meta).toMatchObject({ title: '关于开展汛前隐患排查的通知', publication: '东湖区应急管理局', date: '2024-05-20', articleNumber: '东应急〔2024〕7号' });
    expect(markdown).not.toMatch(/索引号|主题分类|发布机构|发文字号/u);
    expect(markdown).toContain('各街道办事处：');
    expect(markdown).toContain(HANS);
    // The lines with nowhere to go are reported with their text.
    const removed = messages.filter((m) => m.ruleId === 'boilerplate').map((m) => m.actual);
    expect(removed).toEqual(expect.arrayContaining(['索引号：000000000/2024-00031', '主题分类：安全生产']));
  });

  it('reads the same record in Traditional script', () => {
    const { markdown, meta } = normalize(record.hant);
    expect(meta).toMatchObject({ title: '北屯區汛前隱患排查通知', publication: '北屯區公所', date: '2024-05-20', articleNumber: '北區民字第1130000001號' });
    expect(markdown).not.toMatch(/發布機關|發文字號/u);
  });

  it('keeps sentences of the body that use the same words', () => {
    const body = ['防汛工作的三点意见', '作者：陈立', HANS, '文号：这一栏在旧系统里常常被漏填，今年起改为必填项，由发布机构负责核对。', HANS];
    const { markdown } = normalize(body);
    expect(markdown).toContain('文号：这一栏在旧系统里常常被漏填');
  });
});

describe('a feed’s post', () => {
  it('knows the collections row and the counters with a unit', () => {
    for (const text of ['收录于合集 #城市观察 12个', '收錄於合集 #社區故事 #老街 3篇', '瀏覽人次：356', '阅读量 1.2万']) expect(isWidgetLine(text), text).toBe(true);
    expect(isWidgetLine('收录于合集的文章都经过编辑审读')).toBe(false);
  });

  it('takes the list of earlier posts and the calls after it off the end', () => {
    const { markdown, messages } = normalize(['夜市里的城市', '原创 林小满 城事观察 2023-08-02', HANS, HANS, 'END', '往期推荐', '老街改造的三种思路', '菜市场里的城市记忆', '点击“阅读原文”了解更多', '喜欢此内容的人还喜欢']);
    expect(markdown).not.toMatch(/往期推荐|老街改造|菜市场|阅读原文|喜欢此内容/u);
    expect(markdown.split(HANS)).toHaveLength(3);
    expect(messages.filter((m) => m.ruleId === 'boilerplate').map((m) => m.actual)).toEqual(expect.arrayContaining(['往期推荐', '老街改造的三种思路', '喜欢此内容的人还喜欢']));
    expect(trailerKind('往期回顧')).toBe('link-header');
  });

  it('knows the counters a Q&A page prints around a question and its answer, so the question is the title', () => {
    for (const text of ['关注者 1,024 被浏览 356,789', '326 人赞同了该回答', '赞同 326 25 条评论', '1.2万 人喜欢']) expect(isWidgetLine(text), text).toBe(true);
    for (const text of ['2023年 12 人', '326 人参加了这次活动']) expect(isWidgetLine(text), text).toBe(false);
    const { meta, markdown } = normalize(['如何看待越来越多的社区食堂？', '关注者 1,024 被浏览 356,789', '张明远', '326 人赞同了该回答', HANS, HANS, '赞同 326 25 条评论']);
    expect(meta.title).toBe('如何看待越来越多的社区食堂？');
    expect(meta.authors).toEqual(['张明远']);
    expect(markdown).not.toMatch(/关注者|赞同/u);
  });

  it('takes the date printed after an answer when the head gave none, and drops it when the head did', () => {
    const answer = ['如何看待越来越多的社区食堂？', '张明远', HANS, HANS];
    expect(normalize([...answer, '编辑于 2023-11-05 14:20・IP 属地北京']).meta).toMatchObject({ date: '2023-11-05', time: '14:20' });
    const dated = normalize([answer[0]!, answer[1]!, '2023-10-01', HANS, HANS, '發佈於 2023-11-05']);
    expect(dated.meta.date).toBe('2023-10-01');
    expect(dated.markdown).not.toContain('2023-11-05');
    // A sentence that opens the same way is text.
    expect(normalize([...answer, '编辑于2023年退休，此后一直在社区食堂做义工，每天中午帮忙打饭。']).markdown).toContain('编辑于2023年退休');
  });

  it('takes a news site’s list of more of its reports off the end', () => {
    const { markdown } = normalize(['老眷村變身文化園區', '記者陳怡君／新北報導', HANT, HANT, '更多南方日報報導', '►新北捷運延伸線 明年動工', '►河濱自行車道串聯完成']);
    expect(markdown).not.toMatch(/更多南方日報報導|捷運|自行車道/u);
    expect(markdown.split(HANT)).toHaveLength(3);
  });
});
