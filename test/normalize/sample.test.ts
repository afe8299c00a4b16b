import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { normalizePlainText } from '../../pipeline/normalize/index.ts';
import { SAMPLE_HEADER } from './helpers.ts';

const SAMPLE = fileURLToPath(new URL('../fixtures/normalize/sample-article.txt', import.meta.url));
const text = readFileSync(SAMPLE, 'utf8');

function run(script: 'keep' | 'hant' | 'hans') {
  const file = new VFile({ path: 'source/sample-article.txt', value: text });
  return { file, ...normalizePlainText(file, { script }) };
}

describe('the sample article (acceptance)', () => {
  const { file, markdown, meta } = run('keep');

  it('matches the snapshot', async () => {
    await expect(markdown).toMatchFileSnapshot('./__snapshots__/sample-article.md');
  });

  it('recovers the metadata', () => {
    expect(meta).toEqual({ ...SAMPLE_HEADER, lang: 'zh-Hant' });
    expect(markdown.startsWith('---\ntitle: "新形勢下做好基層黨務工作的幾點思考"\n')).toBe(true);
  });

  it('drops the junk, the header lines, the byline, the related block and the spam', () => {
    const body = markdown.split('\n---\n')[1]!;
    expect(body.startsWith('\n目前，我國社會經濟發展迅速')).toBe(true);
    for (const gone of ['猜你喜歡', '培養責任感強的孩子', '香蕉', '關鍵詞', '2024-03-09', '中國軍轉民', '劉勝']) {
      expect(body).not.toContain(gone);
    }
  });

  it('repairs the mojibake and the punctuation', () => {
    expect(markdown).toContain('顯得尤為重要。基層黨務工作主要包括以下幾個方面：');
    expect(markdown).not.toMatch(/鶎|狱h/);
    expect(markdown).toContain('目前，我國');
    expect(markdown).not.toMatch(/\p{Script=Han}[,:;?!()]|[,:;?!()]\p{Script=Han}/u);
    expect(markdown).toContain('重要[1]。');
  });

  it('recovers two heading levels, keeping the numbers', () => {
    const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).parse(markdown) as Root;
    const headings = tree.children.filter((n) => n.type === 'heading').map((n) => [n.depth, toString(n)]);
    expect(headings).toEqual([
      [2, '一、基層黨務工作概述'],
      [3, '（一）基層黨務工作的內涵'],
      [3, '（二）基層黨務工作的地位'],
      [2, '二、新形勢下做好基層黨務工作的思考'],
      [3, '（一）樹立正確的思想認識'],
      [3, '（二）加強基層黨組織建設'],
      [3, '（三）加強基層干部隊伍建設'],
      [3, '（四）加強基層黨內監督'],
      [3, '（五）加強基層黨風廉政建設'],
      [2, '三、結語'],
    ]);
    expect(tree.children.filter((n) => n.type === 'paragraph')).toHaveLength(9);
    expect(tree.children.some((n) => n.type === 'paragraph' && toString(n).includes('[1]'))).toBe(true);
  });

  it('reports every kind of change, pointing into the original text', () => {
    const byRule = (rule: string) => file.messages.filter((m) => m.ruleId === rule);
    expect(byRule('mojibake')).toHaveLength(1);
    expect(byRule('mojibake')[0]).toMatchObject({ line: 17, column: 204, actual: '?;鶎狱h', expected: ['。基層黨'], source: 'galley' });
    expect(byRule('boilerplate').map((m) => m.line).sort((a, b) => a! - b!)).toEqual([1, 9, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61]);
    const comma = byRule('punctuation').find((m) => m.line === 11);
    expect(comma).toMatchObject({ column: 3, actual: ',', expected: ['，'] });
    expect(byRule('script').map((m) => m.actual)).toEqual(expect.arrayContaining(['于', '并', '干', '采']));
    expect(byRule('citations')).toHaveLength(1);
    expect(byRule('internal-error')).toHaveLength(0);
    expect(file.messages.every((m) => m.line !== undefined && m.column !== undefined)).toBe(true);
  });

  it('converts stray Simplified characters with script: hant', () => {
    const converted = run('hant');
    expect(converted.meta.keywords).toEqual(['黨務工作', '基層幹部', '責任感']);
    expect(converted.markdown).toContain('### （三）加強基層幹部隊伍建設');
    expect(converted.markdown).toContain('需要採取');
    expect(converted.markdown).not.toMatch(/[于并采]/u);
    expect(converted.file.messages.filter((m) => m.ruleId === 'script').every((m) => m.expected?.[0] !== m.actual)).toBe(true);
  });
});
