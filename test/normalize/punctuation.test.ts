import { describe, expect, it } from 'vitest';
import { applyPunctuation, punctuationEdits } from '../../pipeline/normalize/rules/punctuation.ts';
import { stopEdits } from '../../pipeline/normalize/rules/stops.ts';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { applyTo, reporterFor } from './helpers.ts';

/** One line through the whole punctuation rule: quotes, marks, stops. */
function normalizeLine(text: string): string {
  const line = makeLine(text, 0);
  applyPunctuation(line, undefined);
  return line.text;
}

const fix = (text: string) => applyTo(text, punctuationEdits);

describe('punctuation rule', () => {
  it('widens ASCII marks inside Chinese text', () => {
    expect(fix('目前,我國社會經濟發展迅速,人民')).toBe('目前，我國社會經濟發展迅速，人民');
    expect(fix('包括以下幾個方面:加強;強化')).toBe('包括以下幾個方面：加強；強化');
    expect(fix('累在哪里?——應當')).toBe('累在哪里？——應當');
    expect(fix('有資格證!')).toBe('有資格證！');
    expect(fix('好!!')).toBe('好！！');
    expect(fix('(一)基層黨務工作的內涵')).toBe('（一）基層黨務工作的內涵');
    expect(fix('(1)具體措施')).toBe('（1）具體措施');
    expect(fix('主席(Chairman)認為')).toBe('主席（Chairman）認為');
    expect(fix('關鍵詞:黨務')).toBe('關鍵詞：黨務');
  });

  it('keeps the parentheses of a call whose argument is a quoted string, Chinese inside or not', () => {
    expect(fix('比如 print("你好") 会报错')).toBe('比如 print("你好") 会报错');
    expect(fix('调用input(\'请输入名字：\')之后')).toBe('调用input(\'请输入名字：\')之后');
    expect(fix('写成print("你好", end="")就不换行')).toBe('写成print("你好", end="")就不换行');
    expect(fix('用alert(`欢迎`)弹出')).toBe('用alert(`欢迎`)弹出');
    // Not a call with a string: still Chinese text.
    expect(fix('GDP(国内生产总值)增长了')).toBe('GDP（国内生产总值）增长了');
    expect(fix('他说(大概是"开玩笑")没关系')).toBe('他说（大概是"开玩笑"）没关系');
    expect(fix('第2(共"三"项)条')).toBe('第2（共"三"项）条');
  });

  it('keeps numbers, times, URLs, code and citations', () => {
    for (const text of ['1,000', '3.14', '09:06', 'https://a.b/c?x=1', '`a,b`', '[1]', '[1,2]', 'e-mail: a@b.cn']) {
      expect(fix(text)).toBe(text);
      expect(fix(`中文${text}中文`)).toBe(`中文${text}中文`);
    }
    expect(fix('共1,000人,佔3.14%')).toBe('共1,000人，佔3.14%');
    expect(fix('時間09:06,地點')).toBe('時間09:06，地點');
    expect(fix('見 https://a.b/c?x=1,中文')).toBe('見 https://a.b/c?x=1，中文');
    expect(fix('用`a,b`表示,對')).toBe('用`a,b`表示，對');
  });

  it('leaves Latin prose alone', () => {
    for (const text of ['Hello, world! (see above)', 'Is it? Yes: no; maybe.', 'f(x) = g(y)', 'Keywords: a, b']) {
      expect(fix(text)).toBe(text);
    }
    expect(fix('f(x)中文')).toBe('f(x)中文');
  });

  it('drops the space a scraper left after a widened mark', () => {
    expect(fix('目前, 我國經濟; 發展:  迅速')).toBe('目前，我國經濟；發展：迅速');
    expect(fix('他說(見上)  然後')).toBe('他說（見上）  然後');
    expect(fix('Hello, world')).toBe('Hello, world');
  });

  it('widens a comma between a digit and Chinese text', () => {
    expect(fix('總結4, 並得出')).toBe('總結4，並得出');
    expect(fix('共計12,並且')).toBe('共計12，並且');
    expect(fix('選項1, 2, 3三種')).toBe('選項1, 2, 3三種');
    expect(fix('共1,000人')).toBe('共1,000人');
  });

  it('reaches a fixed point when widening one mark makes its neighbour Chinese context', () => {
    expect(fix('(!基!')).toBe('（！基！');
    expect(fix('測試!(')).toBe('測試！（');
    expect(fix('(a)!中')).toBe('（a）！中');
  });

  it('is idempotent', () => {
    const once = fix('目前,我國(一)測試?好!');
    expect(fix(once)).toBe(once);
  });
});

describe('full stops and ellipses', () => {
  const stops = (text: string) => applyTo(text, (t) => stopEdits(t, new Uint8Array(0)));
  it('makes a dot between Chinese sentences, or ending one, a full stop, the spaces after it gone', () => {
    expect(stops('情況總體很好.但是仍然存在問題.')).toBe('情況總體很好。但是仍然存在問題。');
    expect(stops('他說：“好.”')).toBe('他說：“好。”');
    expect(stops('見上文（注釋）. 下一句')).toBe('見上文（注釋）。下一句');
    expect(stops('我們用Python寫了程序.接著')).toBe('我們用Python寫了程序。接著');
  });
  it('makes three dots or more, or three 。, an ellipsis in Chinese text', () => {
    expect(stops('需要認真對待...我們')).toBe('需要認真對待……我們');
    expect(stops('等等。。。')).toBe('等等……');
    expect(stops('......然後他走了')).toBe('……然後他走了');
  });
  it('keeps numbers, versions, initials, section numbers and English sentences as they are', () => {
    for (const text of ['圓周率是3.14左右', '版本v2.0發布', 'A.B兩種方案', '1.加強學習', '一.概述', '二十.結語', 'The word is 中國.', 'Loading...', '中文.English', 'Wait... 好', '他來了 . 我走了']) expect(stops(text), text).toBe(text);
  });
  it('runs in the punctuation rule, and leaves an address alone', () => {
    const file = normalizeLine('詳見www.example.com.cn.我們下次再談...');
    // The dot after a Latin address is left to a reader: it may be the address's own.
    expect(file).toBe('詳見www.example.com.cn.我們下次再談……');
  });
});

describe('widths', () => {
  it('gives half-width and small Chinese marks their full forms', () => {
    expect(normalizeLine('高於全國平均水平｡其中﹐第三產業最大､製造業次之﹔服務業﹙含零售﹚第三｡')).toBe('高於全國平均水平。其中，第三產業最大、製造業次之；服務業（含零售）第三。');
  });
  it('sets full-width letters and digits in ASCII, with the point of a number, and reports each run once', () => {
    const line = makeLine('２０２３年，本市ＧＤＰ增長５．２％，ｉＰｈｏｎｅ銷量第一。', 0);
    const reporter = reporterFor(line.text);
    applyPunctuation(line, reporter);
    expect(line.text).toBe('2023年，本市GDP增長5.2％，iPhone銷量第一。');
    expect(reporter.file.messages.map((m) => m.actual)).toEqual(['２０２３', 'ＧＤＰ', '５．２', 'ｉＰｈｏｎｅ']);
  });
  it('keeps a full-width point that is not inside a number, and full-width marks', () => {
    expect(normalizeLine('第一．總則：本辦法（草案）')).toBe('第一．總則：本辦法（草案）');
  });
});
