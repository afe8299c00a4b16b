/**
 * A forum engine's page (Discuz and its kin): the login bar, the thread's counters, the poster's
 * card and the prompts to join are the site's rows; the page's title carries the board and the
 * site before the engine's credit. Every text here is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLines } from './helpers.ts';
import { forumRows, isForumRow } from '../../pipeline/normalize/rules/forum-chrome.ts';
import { cleanTitle } from '../../pipeline/normalize/rules/head/title-marks.ts';

const normalize = (lines: string[]) => normalizeLines(lines, 'thread.txt');

const POST = ['前年搬进老小区，楼道里的灯坏了半年没人修，我就去找了居委会。', '第一次去，工作人员说要等物业；第二次去，才知道物业早就撤了。', '后来几户邻居凑钱换了声控灯，还建了一个群，谁家灯坏了就在群里说一声。'];

describe('a forum engine’s rows', () => {
  it('takes the login bar, counters, card and prompts out of a thread page, each reported', () => {
    const { meta, body, messages } = normalize([
      '# 楼道灯坏了半年之后 - 邻里杂谈 - 青砖巷社区 - Powered by Discuz!',
      '找回密码', '立即注册', '微信登录', '只需一步，快速开始',
      '查看: 2087|回复: 14', '[邻里杂谈] 楼道灯坏了半年之后', '[复制链接]',
      '签到天数: 38 天', '[LV.4]偶尔看看', '主题', '12', '积分', '356', '中级会员',
      '发表于 2023-3-18 21:40:05 | 显示全部楼层 | 阅读模式',
      '马上注册，结交更多好友，享用更多功能，让你轻松玩转社区。',
      '您需要 登录 才可以下载或查看，没有账号？立即注册', 'x',
      ...POST,
    ]);
    expect(meta).toMatchObject({ title: '楼道灯坏了半年之后', date: '2023-03-18', time: '21:40', publication: '青砖巷社区' });
    expect(body).not.toMatch(/找回密码|立即注册|微信登录|快速开始|查看|签到|LV\.|积分|中级会员|显示全部|马上注册|您需要|^x$|^12$|^356$/mu);
    for (const line of POST) expect(body).toContain(line);
    const reasons = messages.filter((m) => m.ruleId === 'boilerplate').map((m) => m.actual);
    expect(reasons).toEqual(expect.arrayContaining(['找回密码', '签到天数: 38 天', '12', 'x']));
  });

  it('reads the Traditional forms the same way', () => {
    const { meta, body } = normalize(['找回密碼', '會員註冊', '查看：560｜回復：3', '簽到天數：12 天', '老街茶館的最後一個夏天', '發表於 2022-8-2 10:05 | 顯示全部樓層', '那年夏天，茶館的老闆說要回鄉下去了，街坊們都捨不得。', '最後一天，大家在門口拍了一張合照。']);
    expect(meta).toMatchObject({ title: '老街茶館的最後一個夏天', date: '2022-08-02' });
    expect(body).not.toMatch(/找回|註冊|查看|簽到|顯示全部/u);
  });

  it('knows each row only as a whole line of its own form', () => {
    for (const text of ['找回密码', 'QQ登录', '查看: 131|回复: 8', '阅读：88 回复：2', '签到天数: 265 天', '[LV.8]以坛为家I', '马上注册，结交更多好友，享用更多功能，让你轻松玩转社区。', '您需要 登录 才可以下载或查看，没有账号？注册', '申明：本帖仅供站内交流，严禁转载！', '显示全部楼层']) expect(isForumRow(text), text).toBe(true);
    for (const text of [
      '他找回密码以后才发现账号早就被人用过了。',
      '马上注册，就能领到社区发的两袋大米，这是街道今年的新办法。',
      '查看回复的时候，他才知道邻居早就报修过。',
      '您需要带上身份证和户口本，才可以办理。',
      '他说这份材料严禁转载，只能内部传阅。',
      'LV包在二手市场很好卖',
      '主题',
    ]) expect(isForumRow(text), text).toBe(false);
  });

  it('takes a card’s word and figure only together, and a lone x only after a prompt', () => {
    const texts = ['主题', '3', '积分', '10', '新手上路', '第一段正文，说的是一件事。', '3', '积分是这样算的。', 'x'];
    const rows = forumRows(texts, texts.map((_, i) => i));
    expect([...rows.keys()]).toEqual([0, 1, 2, 3, 4]);
    const alone = ['一共修了3次', '3', '新手上路', '他说：x 是未知数。', 'x'];
    expect(forumRows(alone, alone.map((_, i) => i)).size).toBe(0);
  });

  it('keeps a sentence that mentions the rows’ words in the body', () => {
    const lines = ['楼道灯坏了半年之后', '作者：青砖巷', '他找回密码以后才发现账号早就被人用过了，只好重新注册了一个。', '马上注册，就能领到社区发的两袋大米，这是街道今年的新办法。', ...POST];
    const { body } = normalize(lines);
    for (const line of lines.slice(2)) expect(body).toContain(line);
  });
});

describe('a title with the site’s suffix', () => {
  it('cuts a forum engine’s title to the thread’s, naming the site', () => {
    expect(cleanTitle('# 楼道灯坏了半年之后 - 邻里杂谈 - 青砖巷社区 - Powered by Discuz!')).toEqual({ title: '楼道灯坏了半年之后', cut: ['#', '- Powered by Discuz!', '青砖巷社区', '邻里杂谈'], site: '青砖巷社区' });
    expect(cleanTitle('旧书摊的故事-闲话版-老城论坛-Powered by Discuz!').title).toBe('旧书摊的故事');
    expect(cleanTitle('A Guide to Repotting Orchids - Powered by phpBB').title).toBe('A Guide to Repotting Orchids');
  });

  it('names the site of a paper’s or a site’s suffix, and nothing else', () => {
    expect(cleanTitle('老眷村變身文化園區_南方日報網').site).toBe('南方日報網');
    expect(cleanTitle('社区食堂如何办得长久 | 城东晚报')).toMatchObject({ title: '社区食堂如何办得长久', site: '城东晚报' });
    expect(cleanTitle('河边的老码头改造完工 - 江城新闻网').site).toBe('江城新闻网');
    // A column's name or a board's is no site; a suffix inside the title is no suffix.
    expect(cleanTitle('老街改造的几点看法 | 城市观察').site).toBeUndefined();
    expect(cleanTitle('老街改造的几点看法_专家谈').site).toBeUndefined();
    expect(cleanTitle('# 2024').title).toBe('# 2024');
  });

  it('gives the publication from the suffix only when the head names none', () => {
    const story = ['老眷村變身文化園區_地方新聞_南方日報網', '2024-03-10 18:45', '週末的老眷村擠滿了來拍照的遊客，攤販從巷口一路排到廣場，熱鬧得像過年。'];
    expect(normalizeLines(story).meta).toMatchObject({ title: '老眷村變身文化園區', publication: '南方日報網' });
    const credited = [story[0]!, '來源：《城南週刊》2024年第3期', ...story.slice(1)];
    expect(normalizeLines(credited).meta.publication).toBe('城南週刊');
  });
});
