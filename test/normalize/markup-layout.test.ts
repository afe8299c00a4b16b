/** HTML left in scraped text, line breaks of a page's layout, and the site's notices: on text written for these tests. */
import { describe, expect, it } from 'vitest';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { trailerKind } from '../../pipeline/normalize/rules/chrome.ts';
import { applyMarkup } from '../../pipeline/normalize/rules/markup.ts';
import { closeLetterSpacing, columns, joinWrappedLines, wrapWidth } from '../../pipeline/normalize/rules/layout.ts';
import { bodyOf as body, reporterFor } from './helpers.ts';

function markup(text: string): string {
  const line = makeLine(text, 0);
  applyMarkup(line, undefined);
  return line.text;
}


describe('markup left in the text', () => {
  it('decodes character references and removes presentational tags', () => {
    expect(markup('他說&ldquo;好&rdquo;。<br>')).toBe('他說“好”。');
    expect(markup('第一句&#12290;第二句&#x3002;')).toBe('第一句。第二句。');
    expect(markup('<p>段落<span style="color:red">重點</span></p>')).toBe('段落重點');
    expect(markup('R&amp;D spending&nbsp;rose')).toBe('R&D spending rose');
  });
  it('drops a no-break space between East Asian characters', () => {
    expect(markup('原因。&nbsp;其次')).toBe('原因。其次');
  });
  it('keeps what is not markup', () => {
    for (const text of ['R&D;', 'a < b > c', '使用<關鍵詞>檢索', '&unknownname;', '&#0;', '&#xD800;', '<script>x</script>']) expect(markup(text), text).toBe(text);
  });
  it('reports each reference and tag, before the punctuation rule can widen a reference', () => {
    const { body: text, messages } = body('居民說&ldquo;有設施、沒人來&rdquo;。');
    expect(text).toBe('居民說“有設施、沒人來”。');
    expect(messages.filter((m) => m.ruleId === 'markup')).toHaveLength(2);
  });
});

describe('line breaks of the page', () => {
  const wrapped = ['隨著城鎮化的推進，越來越多的兒童隨父母進入城市生活。他們在城', '市接受教育，但在學籍、升學和心理適應等方面仍面臨諸多困難。已有', '研究多關注制度層面的障礙，對學校內部的融入過程關注不夠。', '本文試圖從學校生活的日常經驗出發，考察流動兒童如何在課堂、同伴', '和師生關係中逐步融入。'];
  it('joins the lines that fill the page width and stop mid-sentence, and reports each join', () => {
    const { body: text, messages } = body(...wrapped);
    expect(text).toBe('隨著城鎮化的推進，越來越多的兒童隨父母進入城市生活。他們在城市接受教育，但在學籍、升學和心理適應等方面仍面臨諸多困難。已有研究多關注制度層面的障礙，對學校內部的融入過程關注不夠。\n\n本文試圖從學校生活的日常經驗出發，考察流動兒童如何在課堂、同伴和師生關係中逐步融入。');
    expect(messages.filter((m) => m.ruleId === 'layout')).toHaveLength(3);
  });
  it('leaves a page of one-line paragraphs alone, short lines and headings included', () => {
    const lines = ['社區食堂開在一樓，每天中午有八十多位老人來吃飯', '一、背景', '街道把議事會開到了樓道口，居民搬來板凳坐成一圈，一條一條地說清楚自己的意見。', '小結'];
    expect(wrapWidth(lines.map((t) => makeLine(t, 0)))).toBeUndefined();
    expect(joinWrappedLines(lines.map((t) => makeLine(t, 0)), undefined).map((l) => l.text)).toEqual(lines);
  });
  it('never joins a heading or across a blank line', () => {
    const lines = [wrapped[0]!, wrapped[1]!, '', wrapped[3]!, '二、研究方法', wrapped[0]!, wrapped[1]!];
    const out = joinWrappedLines(lines.map((t) => makeLine(t, 0)), reporterFor(lines.join('\n'))).map((l) => l.text);
    expect(out).toContain('二、研究方法');
    expect(out).toContain('');
  });
  it('joins English lines with a space and mends a hyphenated word', () => {
    const lines = ['The survey covered three schools and forty-two pupils in', 'their second year, asking how they made friends and how', 'teachers saw the change over one term, and whether their par-', 'ents felt welcome at the school gate each morning.'];
    expect(joinWrappedLines(lines.map((t) => makeLine(t, 0)), undefined).map((l) => l.text)).toEqual([
      'The survey covered three schools and forty-two pupils in their second year, asking how they made friends and how teachers saw the change over one term, and whether their parents felt welcome at the school gate each morning.',
    ]);
  });
  it('counts East Asian characters as two columns', () => {
    expect(columns('城市ab')).toBe(6);
    // Full-width marks and quotes are wide; a character beyond the BMP counts once, by its script.
    expect(columns(' 「城」，“a” ')).toBe(13);
    expect(columns('𠀀𝐀é')).toBe(4);
    // A lone surrogate is one narrow column, and the same character is measured alike every time.
    expect(columns('\ud840城')).toBe(3);
    expect(columns('城\ud840')).toBe(3);
  });
  it('reads a paragraph end from the last mark before trailing spaces', () => {
    const wrapped = ['我們的研究表明城市中的學生在適應新環境時會遇到許多困', '難他們需要時間去認識新的朋友並熟悉學校裡面的各種規則', '而老師們也需要幫助他們慢慢地融入班級的生活之中去並且', '家長也應當多多關心孩子在學校裡的情況才能讓他們安心。  ', '第二段開始的地方也寫得很長很長很長很長很長很長很長很長'];
    expect(joinWrappedLines(wrapped.map((t) => makeLine(t, 0)), undefined).map((l) => l.text)).toEqual([
      '我們的研究表明城市中的學生在適應新環境時會遇到許多困難他們需要時間去認識新的朋友並熟悉學校裡面的各種規則而老師們也需要幫助他們慢慢地融入班級的生活之中去並且家長也應當多多關心孩子在學校裡的情況才能讓他們安心。  ',
      '第二段開始的地方也寫得很長很長很長很長很長很長很長很長',
    ]);
  });
});

describe('letter spacing of the layout', () => {
  const close = (text: string) => closeLetterSpacing([makeLine(text, 0)], undefined)[0]!.text;
  it('closes a line spaced throughout, Latin words and numbers keeping their spaces', () => {
    expect(close('鄉 村 教 師 流 失 是 當 前 的 突 出 問 題 。')).toBe('鄉村教師流失是當前的突出問題。');
    expect(close('近 五 年 有 3 0 % 的 教 師 使 用 AI tools 備 課')).toBe('近五年有 3 0 % 的教師使用 AI tools 備課');
  });
  it('leaves ordinary lines and short spaced names alone', () => {
    for (const text of ['童 輝 于君博', '這是一個 普通的句子，中間有 兩個空格。', '大 國 小 家']) expect(close(text), text).toBe(text);
  });
  it('is reported, once a line, in a build of the page', () => {
    const { body: text, messages } = body('鄉 村 教 師 流 失 是 當 前 農 村 教 育 面 臨 的 突 出 問 題 。');
    expect(text).toBe('鄉村教師流失是當前農村教育面臨的突出問題。');
    expect(messages.filter((m) => m.ruleId === 'layout')).toHaveLength(1);
  });
});

describe('the site\u2019s notices', () => {
  it('knows disclaimers and calls to follow, not sentences about them', () => {
    for (const t of ['本文来源于网络，如有侵权请联系删除。', '版權歸原作者所有，如有侵權請聯繫刪除', '免责声明：本文仅代表作者观点', '更多精彩内容，请关注我们的公众号。', '长按识别二维码关注我们']) expect(trailerKind(t), t).toBe('notice');
    for (const t of ['居民更多地关注停车问题，街道也在想办法。', '来自网络的谣言需要及时澄清，政府部门发布了辟谣信息，并提醒居民不要转发，也不要相信未经证实的消息。']) expect(trailerKind(t), t).toBeUndefined();
  });
});
