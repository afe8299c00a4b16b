/**
 * Head layouts beyond the journal page: database records with bracketed labels, feed articles,
 * news credits marked with bars and slashes, Taiwan (Minguo) dates and dates without a day.
 * Every text here is written for these tests.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { enrich } from '../../pipeline/enrich/index.ts';
import { normalizePlainText } from '../../pipeline/normalize/index.ts';
import { buildDate } from '../../pipeline/emit/dates.ts';
import { titleBlock } from '../../pipeline/render/blocks.ts';
import { stringifyHtml } from '../../pipeline/render/serialize.ts';
import { isWidgetLine } from '../../pipeline/normalize/rules/chrome.ts';
import { isChrome } from '../../pipeline/normalize/rules/head/classify.ts';
import { readDate, readMonth, readRocYear } from '../../pipeline/normalize/rules/head/labels.ts';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { readByline } from '../../pipeline/normalize/rules/head/names.ts';
import type { DocumentMeta } from '../../pipeline/types.ts';
import { BODY, head } from './helpers.ts';

const names = (text: string) => readByline(makeLine(text, 0))?.names.map((n) => n.text);

describe('a database record', () => {
  it('takes the labelled title, wherever it stands, and joins year, volume and issue', () => {
    const h = head(['【作者】蔣文華；邵明', '【题名】流域生态补偿的标准测算', '【机构】西南大学资源环境学院', '【刊名】生态经济', '【年份】2019', '【卷号】35', '【期号】第7期'], 'zh-Hans');
    expect(h).toMatchObject({ title: '流域生态补偿的标准测算', authors: ['蔣文華', '邵明'], body: [BODY] });
    expect(h.fields.issue).toBe('2019年第35卷第7期');
    expect(h.fields.date).toBe('2019');
    expect(h.meta.affiliations).toEqual(['西南大学资源环境学院']);
  });
  it('keeps a printed issue that already has its year', () => {
    const h = head(['篇名：社区营造的日本经验', '刊名：城市规划学刊', '年份：2018', '期号：2018年第3期'], 'zh-Hans');
    expect(h.fields.issue).toBe('2018年第3期');
  });
  it('reads an English labelled title in an English record', () => {
    const h = head(['Title: Water Rights in Mountain Villages', 'Authors: Mei Lin, Tao Wu'], 'en');
    expect(h.title).toBe('Water Rights in Mountain Villages');
  });
});

describe('credits', () => {
  it('reads the writer from a bar-separated credit line and drops the other credits, reported', () => {
    const h = head(['撰文：蘇曉晴｜編輯：林國棟｜攝影：何家明', '2023年4月2日', '老街茶樓的最後一年']);
    expect(h).toMatchObject({ title: '老街茶樓的最後一年', authors: ['蘇曉晴'], body: [BODY] });
    expect(h.messages.map((m) => m.reason).join('\n')).toMatch(/credit 編輯：林國棟.*credit 攝影：何家明/u);
  });
  it('reads slash credits (`文/` `图/`) under the title and keeps the title', () => {
    const h = head(['夜市经济的治理边界', '文/钱海峰 图/宋雨', '2022-06-30'], 'zh-Hans');
    expect(h).toMatchObject({ title: '夜市经济的治理边界', authors: ['钱海峰'], body: [BODY] });
    const h2 = head(['作者 | 毛晓雯', '来源 | 基层观察', '老旧小区加装电梯的协商'], 'zh-Hans');
    expect(h2).toMatchObject({ title: '老旧小区加装电梯的协商', authors: ['毛晓雯'] });
    // Big5 gives its full-width slash as U+2215.
    expect(head(['老屋新生', '文∕賴明宏']).authors).toEqual(['賴明宏']);
    expect(h2.fields.publication?.text).toBe('基层观察');
  });
  it('never reads a slash inside a title as a credit', () => {
    expect(head(['时间/空间：城中村的两种尺度', '作者：龚力'], 'zh-Hans').title).toBe('时间/空间：城中村的两种尺度');
  });
});

describe('a feed article', () => {
  it('reads author, account, time and drops the place it was posted from', () => {
    const h = head(['点击上方蓝字关注我们', '原创 卢志远 乡村振兴笔记 2024-01-08 19:45 发表于四川', '返乡青年的电商试验'], 'zh-Hans');
    expect(h).toMatchObject({ title: '返乡青年的电商试验', authors: ['卢志远'], body: [BODY] });
    expect(h.fields).toMatchObject({ date: '2024-01-08', time: '19:45' });
    expect(h.fields.publication?.text).toBe('乡村振兴笔记');
  });
  it('takes a lone name after 原创 for the account, not an author', () => {
    const h = head(['原创 城市笔记 2024-02-01', '街角公园的一天'], 'zh-Hans');
    expect(h.authors).toEqual([]);
    expect(h.fields.publication?.text).toBe('城市笔记');
  });
  it('knows the calls to follow and the feed trailer, but not a title about following', () => {
    for (const t of ['点击上方蓝字关注我们', '↑ 點擊上方「城鄉筆記」關注', '长按识别二维码关注', '关注我们']) expect(isChrome(t), t).toBe(true);
    for (const t of ['值得关注的三个变化', '公众关注的养老问题']) expect(isChrome(t), t).toBe(false);
    for (const t of ['阅读原文', '在看', '点赞', '写留言', '预览时标签不可点', '继续滑动看下一个']) expect(isWidgetLine(t), t).toBe(true);
  });
});

describe('a blog or a reprint', () => {
  it('knows reading figures for chrome, not a sentence that counts characters', () => {
    for (const t of ['共 6120字,需浏览 12分钟', '全文約3200字', '本文共2,500字，阅读时间约 6 分钟', '預計閱讀時間：8分鐘', '阅读需要 3 分钟', '7 min read']) expect(isChrome(t), t).toBe(true);
    for (const t of ['全文共3000字的论文已经写好', '每天阅读30分钟的孩子成绩更好', '12分钟']) expect(isChrome(t), t).toBe(false);
  });
  it('drops a counters line after a placeholder name, keeping the title above it', () => {
    const h = head(['雨季到来前的屋顶检修', '未命名 06-12 阅读:342 评论:0'], 'zh-Hans');
    expect(h).toMatchObject({ title: '雨季到来前的屋顶检修', authors: [], body: [BODY] });
  });
  it('reads a reprint line: the source it was taken from and its author, the permission note dropped and reported', () => {
    const h = head(['屋頂花園的排水設計', '文章轉載自：城市綠化月報 作者：吳佩珊，經作者授權轉載。'], 'zh-Hant');
    expect(h).toMatchObject({ title: '屋頂花園的排水設計', authors: ['吳佩珊'], body: [BODY] });
    expect(h.fields.publication?.text).toBe('城市綠化月報');
    expect(h.messages.map((m) => m.reason).join('\n')).toContain('經作者授權轉載');
  });
  it('takes an oral history’s narrator for its author and who wrote it down for a credit', () => {
    const h = head(['口述：陈阿婆 整理：本报记者 刘小芳', '我在老街住了六十年'], 'zh-Hans');
    expect(h).toMatchObject({ title: '我在老街住了六十年', authors: ['陈阿婆'], body: [BODY] });
    expect(h.messages.map((m) => m.reason).join('\n')).toContain('整理');
  });
  it('reads the reporter before a date as the byline, and never a word before it', () => {
    expect(head(['社區長照的新做法', '記者 王大明 2023年05月12日'])).toMatchObject({ title: '社區長照的新做法', authors: ['王大明'], body: [BODY] });
    for (const line of ['時間 2023-05-12 10:20', '原创 2023-05-12']) {
      const h = head(['社區長照的新做法', line]);
      expect(h.authors, line).toEqual([]);
      expect(h.fields.date, line).toBe('2023-05-12');
    }
  });
  it('keeps an interview’s first question in the body, not as its author', () => {
    const h = head(['专访市交通局局长', '2023-12-01 来源：新华网', '记者：今年地铁建设的重点是什么？', '王局长：把三条在建线路按期开通。'], 'zh-Hans');
    expect(h).toMatchObject({ title: '专访市交通局局长', authors: [] });
    expect(h.body).toEqual(['记者：今年地铁建设的重点是什么？', '王局长：把三条在建线路按期开通。', BODY]);
    expect(head(['地铁的未来', '作者：张三，李四，王五，赵六，钱七，孙八，周九'], 'zh-Hans').authors).toHaveLength(7);
  });
  it('takes the article’s own address for its source, and drops a link label without one', () => {
    const h = head(['网络首发地址：https://journal.example.cn/detail/2023.0512.002.html', '数字乡村建设的地方实践', '原文链接：点击查看'], 'zh-Hans');
    expect(h).toMatchObject({ title: '数字乡村建设的地方实践', body: [BODY] });
    expect(h.fields.codes.source).toBe('https://journal.example.cn/detail/2023.0512.002.html');
    expect(h.fields.publication).toBeUndefined();
    expect(h.messages.map((m) => m.reason).join('\n')).toContain('点击查看');
  });
  it('takes a feed account for the publication, without its handle', () => {
    const h = head(['旧物改造的十个点子', '作者：木子', '公众号：慢生活(ID:slowlife_cn)'], 'zh-Hans');
    expect(h).toMatchObject({ title: '旧物改造的十个点子', authors: ['木子'], body: [BODY] });
    expect(h.fields.publication?.text).toBe('慢生活');
  });
});

describe('dates', () => {
  it('reads Minguo years', () => {
    expect(readDate('出版：民國108年6月12日')?.date).toBe('2019-06-12');
    expect(readDate('中華民國99年1月5日')?.date).toBe('2010-01-05');
    expect(readRocYear('民国110年')).toBe('2021');
    expect(readMonth('民國108年6月')?.date).toBe('2019-06');
  });
  it('reads a date line with its weekday and a time of day, 下午 counted from noon', () => {
    const h = head(['港鐵新線明年通車 沿線居民盼減輕塞車', '2023年5月12日 星期五 下午3:15', '撰文：陳家明　攝影：李志強']);
    expect(h).toMatchObject({ title: '港鐵新線明年通車 沿線居民盼減輕塞車', authors: ['陳家明'], body: [BODY] });
    expect(h.fields).toMatchObject({ date: '2023-05-12', time: '15:15' });
    expect(head(['城市的夜晚', '2023-05-12（週六）'], 'zh-Hans').fields.date).toBe('2023-05-12');
    expect(head(['城市的夜晚', '2023年5月12日 上午10:05'], 'zh-Hans').fields).toMatchObject({ date: '2023-05-12', time: '10:05' });
  });
  it('reads a labelled month as a month, never a day as a month', () => {
    expect(readMonth('2020年3月')?.date).toBe('2020-03');
    expect(readMonth('2020-03')?.date).toBe('2020-03');
    expect(readMonth('2020年3月5日')).toBeUndefined();
    expect(readMonth('2020-03-05')).toBeUndefined();
    expect(readMonth('2020年13月')).toBeUndefined();
    const h = head(['鄉鎮圖書館的轉型', '作者：葉淑芬', '出版日期：2021年9月']);
    expect(h.fields.date).toBe('2021-09');
    expect(h.body).toEqual([BODY]);
  });
  it('a month or a year is a date in front matter, refused when it is no month', () => {
    const meta = (date: string) => enrich({ type: 'root', children: [] }, { title: 'T', date }, new VFile({ path: 'a.md' })).meta;
    expect(meta('2021-09').date).toBe('2021-09');
    expect(meta('2021').date).toBe('2021');
    expect(() => meta('2021-13')).toThrow(/not a day of the calendar/u);
    expect(() => meta('21-09')).toThrow(/not a date/u);
    expect(buildDate({ date: '2021-09' } as DocumentMeta, {})?.toISOString()).toBe('2021-09-01T00:00:00.000Z');
    expect(buildDate({ date: '2021' } as DocumentMeta, {})?.toISOString()).toBe('2021-01-01T00:00:00.000Z');
  });
  it('a year the issue prints is not shown twice in the title block', () => {
    const block = (date: string, issue: string) => stringifyHtml([titleBlock({ title: 'T', authors: [], keywords: [], lang: 'zh-Hans', date, issue } as unknown as DocumentMeta)]);
    expect(block('2021', '2021年第4期')).not.toContain('<time');
    expect(block('2021-04-02', '2021年第4期')).toContain('<time datetime="2021-04-02">');
    expect(block('2020', '第4期')).toContain('<time datetime="2020">');
  });
});

describe('journal heads with more in them', () => {
  it('cuts bracketed institutions out of a byline into affiliations', () => {
    const h = head(['共享单车的停放治理', '作者：鲁明辉（同济大学交通运输工程学院），闫晓（上海市城市规划设计研究院）'], 'zh-Hans');
    expect(h.authors).toEqual(['鲁明辉', '闫晓']);
    expect(h.meta.affiliations).toEqual(['同济大学交通运输工程学院', '上海市城市规划设计研究院']);
    // A bracket that holds no institution keeps the line from being a byline.
    expect(names('鲁明辉（1980—）')).toBeUndefined();
  });
  it('leaves academic ranks out of the names', () => {
    expect(names('黃志偉 教授、吳佩珊 博士')).toEqual(['黃志偉', '吳佩珊']);
    expect(names('邵立群副教授')).toEqual(['邵立群']);
  });
  it('takes an institution under the byline for an affiliation, and not a title that names one', () => {
    const h = head(['鄰里公園的使用調查', '孔令文、牛佳慧', '國立臺灣大學城鄉研究所']);
    expect(h.meta.affiliations).toEqual(['國立臺灣大學城鄉研究所']);
    expect(head(['走進國立臺灣大學城鄉研究所', '作者：孔令文']).title).toBe('走進國立臺灣大學城鄉研究所');
  });
  it('reads the journal and issue from the article\u2019s own reference, and the funding note', () => {
    const h = head(['乡镇财政的转移支付', '引用本文：罗伟. 乡镇财政的转移支付[J]. 财政研究, 2020, 41(6): 33-41.', '本研究为教育部人文社会科学研究项目（20YJC790001）的成果。'], 'zh-Hans');
    expect(h.fields.publication?.text).toBe('财政研究');
    expect(h.fields.issue).toBe('2020年第41卷第6期');
    expect(h.meta).toMatchObject({ funding: '本研究为教育部人文社会科学研究项目（20YJC790001）的成果。' });
    expect(h.body).toEqual([BODY]);
  });
});

describe('bylines set off by a bullet', () => {
  it('reads the names after the bullet, letter-spaced or not, and keeps the title above them', () => {
    expect(names('■范 琳 曹文博 汪 洋 石 磊')).toEqual(['范琳', '曹文博', '汪洋', '石磊']);
    const h = head(['所屬欄目:學術研究 更新日期:2023-08-21 09:12:40', '圖書館的閱讀推廣', '●龐 宇 邢佳佳']);
    expect(h).toMatchObject({ title: '圖書館的閱讀推廣', authors: ['龐宇', '邢佳佳'], body: [BODY] });
    expect(h.fields.date).toBe('2023-08-21');
  });
});

describe('an English page', () => {
  it('reads a navigation row, a By-line, a published date and a long title', () => {
    const h = head(['Home | Research | About us | Contact', 'Share this article', 'Rent Control and Housing Supply in Three Midwestern Cities, 1990–2020', 'By Laura Kim and Ahmed Hassan', 'Published: March 3, 2022'], 'en');
    expect(h).toMatchObject({ title: 'Rent Control and Housing Supply in Three Midwestern Cities, 1990–2020', authors: ['Laura Kim', 'Ahmed Hassan'], body: [BODY] });
    expect(h.fields.date).toBe('2022-03-03');
    expect(readDate('Posted on 7 Sept. 2019')?.date).toBe('2019-09-07');
  });
  it('never takes a sentence opening with By for a byline', () => {
    const h = head(['Rivers of the Plain', 'By the end of the decade the river had moved.'], 'en');
    expect(h.authors).toEqual([]);
  });
  it('knows English widget lines, and not sentences with the same words', () => {
    for (const t of ['Share this article', 'Print this page', 'Subscribe to our newsletter', 'Back to top', 'Leave a comment', 'Comments (12)']) expect(isWidgetLine(t), t).toBe(true);
    for (const t of ['Share this with your neighbours.', 'Print media declined sharply after 2008']) expect(isWidgetLine(t), t).toBe(false);
  });
  it('reads a row of section names and a skip link as chrome, and not a title listing places', () => {
    for (const t of ['Skip to main content', 'Home | World | Business | Science | Opinion', 'News · Sport · Weather · Travel']) expect(isChrome(t), t).toBe(true);
    for (const t of ['Rome | Paris | London', 'Cats, Dogs and Birds']) expect(isChrome(t), t).toBe(false);
  });
  it('keeps the standfirst between the title and its byline in the body, and reads the byline and dateline after it', () => {
    const dek = 'As summers get hotter, the shade of one street tree can cool a pavement by ten degrees.';
    const h = head(['Why Street Trees Matter', dek, 'By Ana Lima', 'Published March 3, 2023 | Updated March 4, 2023'], 'en');
    expect(h).toMatchObject({ title: 'Why Street Trees Matter', authors: ['Ana Lima'], body: [dek, BODY] });
    expect(h.fields.date).toBe('2023-03-03');
  });
  it('reads a journal line with volume, number and year, and full names without a By', () => {
    const h = head(['Urban Studies Review, Vol. 8, No. 2 (2020), pp. 11-29', 'Gardens in Dense Neighbourhoods', 'Li Wei, Maria Gonzalez and Tom Baker'], 'en');
    expect(h).toMatchObject({ title: 'Gardens in Dense Neighbourhoods', authors: ['Li Wei', 'Maria Gonzalez', 'Tom Baker'], body: [BODY] });
    expect(h.fields).toMatchObject({ issue: 'Vol. 8, No. 2', date: '2020' });
    expect(h.fields.publication?.text).toBe('Urban Studies Review');
    expect(head(['Housing Policy Debate 31(4), 2021: 560-581', 'Rent and Supply'], 'en').fields.issue).toBe('Vol. 31, No. 4');
    // Names of one word each are no byline: a title may list places.
    expect(head(['Rome, Paris and London', 'A Tale of Three Cities'], 'en').authors).toEqual([]);
  });
});

describe('dates in other digits, and the writer on a short page', () => {
  it('reads full-width digits and Chinese numerals', () => {
    expect(readDate('发布时间：２０２１年３月５日')?.date).toBe('2021-03-05');
    expect(readDate('２０２１－０３－０５ １０：２２')).toMatchObject({ date: '2021-03-05', time: '10:22' });
    expect(readDate('二〇一九年十月十二日')?.date).toBe('2019-10-12');
    expect(readDate('二〇二〇年二月二十九日')?.date).toBe('2020-02-29');
    expect(readDate('二〇二〇年三十二月一日')).toBeUndefined();
  });
  it('takes 撰稿 for the writer, and never takes the head of a short page for its trailer', () => {
    const file = new VFile({ path: 's.txt', value: '鄉土建築的保存\n撰稿：溫家瑜\n老屋因為缺乏維護而逐漸傾頹，也有一些被改造成民宿或咖啡館，重新找到用途。\n（撰稿：溫家瑜）' });
    const { meta } = normalizePlainText(file, { script: 'keep' });
    expect(meta.authors).toEqual(['溫家瑜']);
  });
});

describe('names from other languages, and translators', () => {
  it('reads transliterated names joined by a dot, and never calls them mojibake', () => {
    expect(names('阿不都·热合曼　张丽　买买提·艾力')).toEqual(['阿不都·热合曼', '张丽', '买买提·艾力']);
    expect(names('（英）托马斯·哈代')).toEqual(['托马斯·哈代']);
  });
  it('leaves the author\u2019s country out, and puts the translator in translators', () => {
    const h = head(['城市的尺度', '作者：[美]約翰·福斯特　譯者：錢明']);
    expect(h).toMatchObject({ authors: ['約翰·福斯特'], body: [BODY] });
    expect(h.meta.translators).toEqual(['錢明']);
  });
  it('shows translators in the title block and the EPUB as contributors', () => {
    const html = stringifyHtml([titleBlock({ title: 'T', authors: ['約翰·福斯特'], translators: ['錢明', '江一'], keywords: [], lang: 'zh-Hant' } as unknown as DocumentMeta)]);
    expect(html).toContain('<p class="translators">譯者：<span class="translator">錢明</span><span class="translator">江一</span></p>');
  });
});

describe('the end of the page', () => {
  it('reads where the article first appeared from a note at its end, and removes the end mark', () => {
    const file = new VFile({ path: 'e.txt', value: ['老街的記憶', '作者：柯志明', BODY, '（完）', '（本文原載《臺灣社會研究》2017年第3期，有刪節）'].join('\n') });
    const { meta, markdown } = normalizePlainText(file, { script: 'keep' });
    expect(meta).toMatchObject({ publication: '臺灣社會研究', issue: '2017年第3期' });
    expect(markdown).not.toMatch(/原載|（完）/u);
  });
  it('keeps a sentence that mentions a journal, and a source note naming none', () => {
    const file = new VFile({ path: 'e.txt', value: ['老街的記憶', '作者：柯志明', BODY, '這篇文章後來選自《臺灣社會研究》的專輯，被許多課程採用，成為社區研究的入門讀物。'].join('\n') });
    const { meta, markdown } = normalizePlainText(file, { script: 'keep' });
    expect(meta.publication).toBeUndefined();
    expect(markdown).toContain('選自《臺灣社會研究》的專輯');
  });
});

describe('surnames', () => {
  it('knows the common ones in both scripts', () => {
    expect(names('賴明宏、傅佳、蕭美玲、洪志成、閻立')).toEqual(['賴明宏', '傅佳', '蕭美玲', '洪志成', '閻立']);
  });
});

describe('an abstract broken over lines', () => {
  it('runs on until its sentence ends, and the head goes on after it', () => {
    const h = head(['城市更新中的社区参与', '作者：龚文斌', '摘要：城市更新不仅是物质空间的改造，也是社会关系的重建。本文以上海三个街区为例，', '分析居民在更新过程中的参与方式与参与效果。', '关键词：城市更新；社区参与'], 'zh-Hans');
    expect(h.meta.abstract).toBe('城市更新不仅是物质空间的改造，也是社会关系的重建。本文以上海三个街区为例，分析居民在更新过程中的参与方式与参与效果。');
    expect(h.keywords).toEqual(['城市更新', '社区参与']);
    expect(h.body).toEqual([BODY]);
  });
  it('after a bare label too, and never into a heading', () => {
    const h = head(['城市更新中的社区参与', '摘要', '城市更新不仅是物质空间的改造，也是社会关系的重建，', '一、引言'], 'zh-Hans');
    expect(h.meta.abstract).toBe('城市更新不仅是物质空间的改造，也是社会关系的重建，');
    expect(h.body[0]).toBe('一、引言');
  });
});

describe('a title broken over two lines', () => {
  it('is one title when its first half fills the line above', () => {
    const h = head(['基层治理现代化背景下社区协商', '民主的实践路径研究', '方晓东', '（南京大学政府管理学院，江苏 南京 210023）'], 'zh-Hans');
    expect(h.title).toBe('基层治理现代化背景下社区协商民主的实践路径研究');
    expect(h.body).toEqual([BODY]);
  });
  it('never joins a site\u2019s name or a short line above the title', () => {
    expect(head(['中国社会科学网', '社区协商民主的实践路径', '作者：方晓东'], 'zh-Hans').title).toBe('社区协商民主的实践路径');
    expect(head(['理论前沿', '社区协商民主的实践路径', '作者：方晓东'], 'zh-Hans').title).toBe('社区协商民主的实践路径');
  });
});

describe('the trailer of a page', () => {
  it('takes the page\u2019s own address for the source, and removes its tags and print widgets', () => {
    const file = new VFile({ path: 't.txt', value: ['老街的記憶', '作者：柯志明', BODY, '標籤：老街 記憶', '原文網址：https://news.example.org/a/1.html', '列印本文 關閉視窗'].join('\n') });
    const { meta, markdown } = normalizePlainText(file, { script: 'keep' });
    expect(meta.source).toBe('https://news.example.org/a/1.html');
    expect(markdown).toContain('source: "https://news.example.org/a/1.html"');
    expect(markdown).not.toMatch(/標籤|原文網址|列印本文/u);
  });
});

describe('a blog or portal head', () => {
  it('takes a pen name under its label, which no surname leads', () => {
    expect(head(['山城夜話', '時間：2015-03-02 21:10 來源：部落格 作者：夜行貓'], 'zh-Hant').authors).toEqual(['夜行貓']);
    expect(head(['小院里的四季', '作者：小巷听雨'], 'zh-Hans').authors).toEqual(['小巷听雨']);
    // Nobody in particular, the site itself, or no Han name at all is still no author.
    for (const who of ['佚名', '小编', '本站', '网友', '？？']) expect(head(['小院里的四季', `作者：${who}`], 'zh-Hans').authors, who).toEqual([]);
  });

  it('takes an address under the source label for the source, not the journal', () => {
    const h = head(['社区花园的三年', '来源：https://www.example.org/news/2021/123.html  作者：周明'], 'zh-Hans');
    expect(h.meta.source ?? h.fields.codes.source).toBe('https://www.example.org/news/2021/123.html');
    expect(h.fields.publication).toBeUndefined();
    expect(h.authors).toEqual(['周明']);
  });

  it('drops a keywords line that only repeats the title, reported', () => {
    const h = head(['小院里的四季：种菜与养花', '2021-05-02 关键词:小院里的四季:种菜与养花'], 'zh-Hans');
    expect(h.title).toBe('小院里的四季：种菜与养花');
    expect(h.keywords).toEqual([]);
    expect(h.messages.some((m) => /it is the page's title/u.test(m.reason))).toBe(true);
    // A real keyword beside it stays.
    expect(head(['小院里的四季', '关键词：小院里的四季；种菜；养花'], 'zh-Hans').keywords).toEqual(['种菜', '养花']);
  });
});

describe('a catalogue record', () => {
  it('reads labels with a space for their colon, compact dates, volume:issue and a parallel title', () => {
    const h = head(
      ['題名 漁村社區的觀光轉型=Tourism Transition in Fishing Villages', '作者 吳雅婷;林志豪;', '期刊 地理學報', '出版日期 20180900', '卷期 41:2 2018.09[民107.09]', '頁次 頁1-24', '語文 chi', '關鍵詞 漁村;觀光;社區營造;'],
      'zh-Hant',
    );
    expect(h.title).toBe('漁村社區的觀光轉型');
    expect(h.fields.english.title?.text).toBe('Tourism Transition in Fishing Villages');
    expect(h.authors).toEqual(['吳雅婷', '林志豪']);
    expect(h.fields.publication?.text).toBe('地理學報');
    expect(h.fields.date).toBe('2018-09');
    expect(h.fields.issue).toBe('第41卷第2期');
    expect(h.keywords).toEqual(['漁村', '觀光', '社區營造']);
    expect(h.body).toEqual([BODY]);
  });

  it('reads labels standing alone on their lines, each with its value on the next', () => {
    const h = head(['题名', '', '漁村社區的觀光轉型', '', '作者', '', '吳雅婷', '', '期刊名称', '', '地理學報', '', '卷期/出版年月', '', '2018年9月', '', '关键词', '', '漁村 ; 觀光 ; 社區營造'], 'zh-Hant');
    expect(h.title).toBe('漁村社區的觀光轉型');
    expect(h.authors).toEqual(['吳雅婷']);
    expect(h.fields.publication?.text).toBe('地理學報');
    expect(h.fields.date).toBe('2018-09');
    expect(h.keywords).toEqual(['漁村', '觀光', '社區營造']);
    expect(h.body).toEqual([BODY]);
  });

  it('takes the English keywords printed after the Chinese ones in the same line apart', () => {
    const h = head(['漁村社區的觀光轉型', '關鍵詞：漁村；觀光；fishing village；tourism'], 'zh-Hant');
    expect(h.keywords).toEqual(['漁村', '觀光']);
    expect(h.meta.keywordsEn).toEqual(['fishing village', 'tourism']);
    // One Latin term among the Chinese ones is one of them.
    expect(head(['漁村社區的觀光轉型', '關鍵詞：大數據；AI；治理'], 'zh-Hant').keywords).toEqual(['大數據', 'AI', '治理']);
  });

  it('needs three such lines: one label word with a space opening a line of an ordinary page stays text', () => {
    const h = head(['漁村社區的觀光轉型', '作者：吳雅婷', '日期 不詳的舊照片說明了漁港的變化。'], 'zh-Hant');
    expect(h.fields.date).toBeUndefined();
    expect(h.body).toContain('日期 不詳的舊照片說明了漁港的變化。');
  });
});
