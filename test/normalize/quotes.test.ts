import { describe, expect, it } from 'vitest';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { applyPunctuation } from '../../pipeline/normalize/rules/punctuation.ts';
import { reporterFor } from './helpers.ts';

const fix = (text: string) => {
  const line = makeLine(text, 0);
  applyPunctuation(line, undefined);
  return line.text;
};

describe('quotation marks', () => {
  it('makes ASCII double quotes around Chinese text “…”, in both scripts', () => {
    expect(fix('大家把这种做法叫"门前三包"。')).toBe('大家把这种做法叫“门前三包”。');
    expect(fix('所謂"最後一公里",指的是')).toBe('所謂“最後一公里”，指的是');
    expect(fix('"双减"之后,课后服务')).toBe('“双减”之后，课后服务');
    expect(fix('村主任說:"明年再修一條路。"')).toBe('村主任說：“明年再修一條路。”');
    expect(fix('居民叫它"Mini 菜场"')).toBe('居民叫它“Mini 菜场”');
    expect(fix('英文叫"last mile"。')).toBe('英文叫“last mile”。');
  });

  it('makes nested single quotes ‘…’ and closes a curly opening mark', () => {
    expect(fix('老人說"這叫\'換工\',不算錢"')).toBe('老人說“這叫‘換工’，不算錢”');
    expect(fix('所谓“网格员"的职责')).toBe('所谓“网格员”的职责');
    expect(fix("it's 叫'换工'")).toBe("it's 叫‘换工’");
  });

  it('leaves English, code, attributes, inches, URLs and odd counts alone', () => {
    for (const text of [
      'She said "not yet" and left.',
      'He wrote: "明天见" and left.',
      '写成 title = "首页" 或 name: "张三"',
      '填写 lang="zh" 即可',
      '屏幕是 6" 的',
      '用`title="中文"`设置',
      '见 https://example.org/?q="a" 的说明',
      '他说"第一句"，又说"第二句',
      "don't stop",
    ]) expect(fix(text), text).toBe(text);
    // A call's string arguments keep their quotes (its parentheses are the width rule's business).
    expect(fix('比如 print("你好") 会报错')).toContain('"你好"');
  });

  it('reports each mark through the punctuation rule and is idempotent', () => {
    const source = '所謂"網格化",就是';
    const reporter = reporterFor(source);
    const line = makeLine(source, 0);
    applyPunctuation(line, reporter);
    const quotes = reporter.file.messages.filter((m) => m.actual === '"');
    expect(quotes.map((m) => [m.column, m.expected?.[0], m.ruleId])).toEqual([[3, '“', 'punctuation'], [7, '”', 'punctuation']]);
    expect(fix(line.text)).toBe(line.text);
  });
});
