/**
 * The one processor: `galley normalize` prints the very tree a build is made
 * from, the config's `rules:` turn repairs off or change their severity, and a
 * Markdown document's declared language reaches the repair rules in a real build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Paragraph, Root, Text } from 'mdast';
import { unified } from 'unified';
import { removePosition } from 'unist-util-remove-position';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../pipeline/config/index.ts';
import { remarkGalley } from '../../pipeline/parse/index.ts';
import { parser } from '../../pipeline/process/index.ts';
import { normalizeProcessor } from '../../pipeline/process/normalize.ts';
import { galley, makeProject, ROOT } from '../robustness/project.ts';

const settings = resolveSettings([]);
const markdownParser = unified().use(remarkGalley);

function built(text: string): Root {
  const tree = parser('text', settings).parse(new VFile({ path: 'doc.txt', value: text })) as Root;
  removePosition(tree, { force: true });
  return tree;
}

function normalized(text: string): string {
  return String(normalizeProcessor(settings).processSync(new VFile({ path: 'doc.txt', value: text })));
}

function reparsed(markdown: string): Root {
  const tree = markdownParser.parse(markdown) as Root;
  removePosition(tree, { force: true });
  return tree;
}

const CASES: Record<string, string> = {
  'the sample article': readFileSync(join(ROOT, 'source/jiceng-dangwu-sikao.txt'), 'utf8'),
  'markup characters in scraped text': '標題\n\n*不是強調* 與 _也不是_，<b>不是標記</b> &amp; 1. 不是清單\n# 不是標題\n> 不是引用\n| a | b |\n',
  'links, e-mail and citations': '論文\n\n見 https://example.com/a_b?x=1 與 www.example.org，或寫信到 editor@example.com[1]。\n[2] 另一條\n',
  'links ending where Chinese text begins': '網址\n\n請看 https://example.com/a?b=1, 或 www.example.org/x.，以及 me@example.com。聯絡 https://a.org/p好\n',
  'numbered headings and Latin text': '一篇文章\n\n一、總論\n(一)背景\n1. 細節\nPlain English with (parentheses), commas: and colons.\n',
};

describe('galley normalize prints the tree a build is made from', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(name, () => {
      const tree = built(text);
      expect(reparsed(normalized(text))).toEqual(tree);
      expect(tree.children[0]?.type).toBe('yaml');
    });
  }

  it('keeps the recovered header on file.data.matter', () => {
    const file = new VFile({ path: 'doc.txt', value: CASES['the sample article'] });
    parser('text', settings).parse(file);
    expect(file.data.matter).toMatchObject({ title: '新形勢下做好基層黨務工作的幾點思考', authors: ['劉勝'], date: '2024-03-09' });
  });
});

describe('links in scraped text', () => {
  /** Each link's text and address, and the text that follows it. */
  function links(text: string): string[][] {
    const paragraph = built(text).children[1] as Paragraph;
    return paragraph.children.flatMap((node, i) => {
      if (node.type !== 'link') return [];
      const after = paragraph.children[i + 1];
      return [[(node.children[0] as Text).value, node.url, after?.type === 'text' ? after.value.slice(0, 3) : '']];
    });
  }

  it('end where CJK text or full-width punctuation begins, and at the ASCII marks before it', () => {
    expect(links('網址\n\n請看 https://example.com/a?b=1, 或 www.example.org/x.，以及 https://a.org/p好的 me@example.com。\n')).toEqual([
      ['https://example.com/a?b=1', 'https://example.com/a?b=1', '，或 '],
      ['www.example.org/x', 'http://www.example.org/x', '.，以'],
      ['https://a.org/p', 'https://a.org/p', '好的 '],
      ['me@example.com', 'mailto:me@example.com', '。'],
    ]);
  });

  it('in Latin text keep what GFM finds', () => {
    expect(links('Links\n\nSee https://example.com/a_b?x=1, then www.example.org/p.\n')).toEqual([
      ['https://example.com/a_b?x=1', 'https://example.com/a_b?x=1', ', t'],
      ['www.example.org/p', 'http://www.example.org/p', '.'],
    ]);
  });
});

describe('rules: in galley.config.yaml', () => {
  const text = '一篇文章\n\n目前,我國的發展迅速。\n';

  it('turns a rule off: the text is kept as it was and nothing is reported for it', () => {
    const on = makeProject({ 'source/a.txt': text });
    const off = makeProject({ 'source/a.txt': text }, 'formats: [html]\nrules:\n  punctuation: off\n');
    for (const dir of [on, off]) expect(galley(dir, ['build', '-q']).code).toBe(0);
    expect(readFileSync(join(on, 'out/a.html'), 'utf8')).toContain('目前，我國');
    expect(readFileSync(join(off, 'out/a.html'), 'utf8')).toContain('目前,我國');
    const report = JSON.parse(galley(off, ['build', '--force', '--report', 'json']).stdout) as { rule: string }[];
    expect(report.filter((m) => m.rule === 'punctuation')).toEqual([]);
  });

  it('turns the markup and layout rules off too', () => {
    const page = '一篇文章\n\n他說&ldquo;好&rdquo;。\n';
    const off = makeProject({ 'source/a.txt': page }, 'formats: [html]\nrules:\n  markup: off\n  layout: off\n');
    expect(galley(off, ['build', '-q']).code).toBe(0);
    expect(readFileSync(join(off, 'out/a.html'), 'utf8')).toContain('&#x26;ldquo');
  });

  it('changes a rule’s severity', () => {
    const dir = makeProject({ 'source/a.txt': text }, 'formats: [html]\nrules:\n  punctuation: warn\n');
    const report = JSON.parse(galley(dir, ['build', '--report', 'json']).stdout) as { rule: string; severity: string }[];
    const punctuation = report.filter((m) => m.rule === 'punctuation');
    expect(punctuation.length).toBeGreaterThan(0);
    expect(new Set(punctuation.map((m) => m.severity))).toEqual(new Set(['warning']));
  });

  it('refuses a rule it does not know, and off for a rule that shapes the document', () => {
    for (const [config, reason] of [
      ['rules:\n  punctuaton: off\n', /unknown setting|Unrecognized key|punctuaton/],
      ['rules:\n  structure: off\n', /rules\.structure/],
    ] as const) {
      const run = galley(makeProject({ 'source/a.txt': text }, config), ['build']);
      expect(run.code).not.toBe(0);
      expect(run.errors.join('\n')).toMatch(reason);
    }
  });
});

describe('a Markdown document’s front matter in a real build', () => {
  // Mostly Simplified text: detection alone would call it zh-Hans and see no strays.
  const body = '这是一个简体中文的段落，里面有很多简体字，发展迅速。\n';

  it('its declared lang reaches the repair rules', () => {
    const dir = makeProject({ 'source/a.md': `---\ntitle: 文章\nlang: zh-Hant\n---\n\n${body}` });
    const report = JSON.parse(galley(dir, ['build', '--report', 'json']).stdout) as { rule: string; message: string }[];
    const script = report.filter((m) => m.rule === 'script');
    expect(script.length).toBeGreaterThan(0);
    expect(script[0]!.message).toMatch(/Simplified .* in Traditional text/);
  });

  it('with script: hant, the declared Traditional document is converted', () => {
    const dir = makeProject({ 'source/a.md': `---\ntitle: 文章\nlang: zh-Hant\nscript: hant\n---\n\n${body}` });
    expect(galley(dir, ['build', '-q']).code).toBe(0);
    expect(readFileSync(join(dir, 'out/a.html'), 'utf8')).toContain('這是一個簡體中文的段落');
  });

  it('may not ask for plugins or trust', () => {
    for (const key of ['trusted: true', 'remarkPlugins: [remark-gemoji]', 'galley:\n  rehypePlugins: [x]']) {
      const dir = makeProject({ 'source/a.md': `---\ntitle: 文章\n${key}\n---\n\ntext\n`, 'source/b.md': 'other\n' });
      const run = galley(dir, ['build']);
      expect(run.code).toBe(1);
      expect(run.errors.join('\n')).toMatch(/source\/a\.md: front matter may not set "(trusted|remarkPlugins|rehypePlugins)"/);
      expect(readFileSync(join(dir, 'out/b.html'), 'utf8')).toContain('other');
    }
  });
});
