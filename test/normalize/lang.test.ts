import { describe, expect, it } from 'vitest';
import { detectLang } from '../../pipeline/normalize/index.ts';

describe('detectLang', () => {
  it('tells Traditional from Simplified', () => {
    expect(detectLang('新形勢下做好基層黨務工作的幾點思考')).toBe('zh-Hant');
    expect(detectLang('新形势下做好基层党务工作的几点思考')).toBe('zh-Hans');
    expect(detectLang('中文')).toBe('zh');
  });
  it('keeps Chinese with English terms Chinese', () => {
    expect(detectLang('我們使用 TypeScript 和 Node.js 開發這個系統')).toBe('zh-Hant');
  });
  it('detects other languages', () => {
    expect(detectLang('The quick brown fox jumps over the lazy dog.')).toBe('en');
    expect(detectLang('これは日本語の文章です。')).toBe('ja');
    expect(detectLang('이것은 한국어 문장입니다')).toBe('ko');
    expect(detectLang('')).toBe('und');
    expect(detectLang('12345 ?!')).toBe('und');
  });
});
