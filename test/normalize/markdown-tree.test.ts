import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { normalizeMarkdownTree } from '../../pipeline/normalize/index.ts';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkStringify);

function normalize(markdown: string, script: 'keep' | 'hant' | 'hans' = 'keep') {
  const file = new VFile({ path: 'doc.md', value: markdown });
  const tree = processor.parse(file) as Root;
  normalizeMarkdownTree(tree, file, { script });
  return { file, output: processor.stringify(tree) };
}

describe('normalizeMarkdownTree', () => {
  it('widens punctuation in text but not in code, urls or html', () => {
    const source = [
      '目前,我國[連結,說明](https://a.b/c?x=1,2)發展`a,b`迅速',
      '',
      '<span title="中,文">中,文</span>',
      '',
      '```',
      '中文,代碼',
      '```',
    ].join('\n');
    const { output, file } = normalize(source);
    expect(output).toContain('目前，我國[連結，說明](https://a.b/c?x=1,2)發展`a,b`迅速');
    expect(output).toContain('<span title="中,文">中，文</span>'); // the attribute is html; the content is text
    expect(output).toContain('中文,代碼');
    expect(file.messages.map((m) => [m.line, m.column, m.ruleId])).toEqual([
      [1, 3, 'punctuation'],
      [1, 9, 'punctuation'],
      [3, 20, 'punctuation'],
    ]);
  });

  it('removes invisible characters, composes NFC, reports stray script', () => {
    const { output, file } = normalize('---\nlang: zh-Hant\n---\n\n基層\u200B干部的cafe\u0301');
    expect(output).toContain('基層干部的café');
    expect(file.messages.map((m) => m.ruleId)).toEqual(['control', 'control', 'script']);
    const converted = normalize('---\nlang: zh-Hant\n---\n\n基層干部的工作', 'hant');
    expect(converted.output).toContain('基層幹部的工作');
  });

  it('changes nothing in clean Markdown', () => {
    const { file, output } = normalize('# Title\n\nEnglish, text (fine): 1,000 and 3.14 at 09:06.\n\n中文，沒有問題。\n');
    expect(file.messages).toEqual([]);
    expect(output).toBe('# Title\n\nEnglish, text (fine): 1,000 and 3.14 at 09:06.\n\n中文，沒有問題。\n');
  });
});
