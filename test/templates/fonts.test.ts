/**
 * A page names only the font files it can use: of a CJK family's hundred-odd
 * unicode-range faces, those that cover one of its characters.
 */
import { describe, expect, it } from 'vitest';
import { fontFaceCss, fontStack, pageCharacters } from '../../pipeline/fonts/catalogue.ts';

const url = (pkg: string, file: string) => `/${pkg}/${file}`;
const faces = (css: string) => css.match(/@font-face/g)?.length ?? 0;
const files = (css: string, pkg: string) => [...css.matchAll(new RegExp(`/${pkg}/files/([\\w.-]+)`, 'g'))].map((m) => m[1]);

describe('fontFaceCss', () => {
  const stack = fontStack('zh-Hant');

  it('writes every face without a text, only the covering faces with one', () => {
    const all = fontFaceCss(stack, url);
    const some = fontFaceCss(stack, url, '新形勢 abc');
    expect(faces(all)).toBeGreaterThan(400);
    expect(faces(some)).toBeLessThan(faces(all) / 10);
    // 新, 形 and 勢 sit in a few of the serif's numbered chunks, in both weights.
    const serif = files(some, 'noto-serif-tc').filter((file) => /^noto-serif-tc-\d+-(400|700)-normal\.woff2$/.test(file!));
    expect(serif.length).toBeGreaterThanOrEqual(2);
    expect(serif.length).toBeLessThanOrEqual(6);
    // Latin letters bring the Latin face of the Latin family.
    expect(files(some, 'noto-serif')).toContain('noto-serif-latin-400-normal.woff2');
    expect(some).toContain('--font-serif:');
  });

  it('keeps a face for a character written as a CSS escape or a character reference', () => {
    // 形 and 新 sit in different chunks.
    const plain = fontFaceCss(stack, url, '形');
    const both = fontFaceCss(stack, url, '形新');
    expect(both).not.toEqual(plain);
    expect(fontFaceCss(stack, url, pageCharacters('形 content: "\\65B0"'))).toEqual(fontFaceCss(stack, url, pageCharacters('形新 content: ""')));
    expect(fontFaceCss(stack, url, pageCharacters('形&#x65B0;'))).toEqual(both);
  });
});

describe('pageCharacters', () => {
  it('decodes references and escapes, and leaves the rest alone', () => {
    expect(pageCharacters('&#x65B0;&#26032;\\65B0 x')).toBe('新新新x');
    expect(pageCharacters('&#xD800;')).toBe('');
  });
});
