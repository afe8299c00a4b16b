/**
 * A technical chapter as an author writes it (test/fixtures/content/chapter.md):
 * math, code in three languages with a 120-line block and a long line,
 * citations with a .bib and an unknown key, raw HTML the sanitizer drops, and
 * Chinese prose with operators. Built once as a single document, all formats.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Code, InlineCode, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeMarkdownTree } from '../../pipeline/normalize/index.ts';
import { parseMarkdown } from '../../pipeline/parse/index.ts';
import type { DocumentResult } from '../../pipeline/index.ts';
import { buildInto, ROOT } from '../helpers/build.ts';
import { openEpub, type EpubContents } from '../helpers/epub.ts';
import { pdfPages } from '../helpers/pdf.ts';

export const CHAPTER = join(ROOT, 'test/fixtures/content/chapter.md');

let html = '';
let selfContained = '';
let pages: string[] = [];
let epub: EpubContents;
let result: DocumentResult;

beforeAll(async () => {
  const built = await buildInto([CHAPTER]);
  result = built.result.documents[0]!;
  html = readFileSync(join(built.out, 'chapter.html'), 'utf8');
  pages = await pdfPages(join(built.out, 'chapter.pdf'));
  epub = await openEpub(join(built.out, 'chapter.epub'));
  const alone = await buildInto([CHAPTER], { formats: ['html'], selfContained: true });
  selfContained = readFileSync(join(alone.out, 'chapter.html'), 'utf8');
}, 300_000);

const messages = (rule: string) => result.file!.messages.filter((m) => m.ruleId === rule);

describe('math', () => {
  it('is KaTeX in the HTML page, with its fonts carried in the page', () => {
    expect(html).toContain('<span class="katex">');
    expect(html).toContain('<span class="katex-html" aria-hidden="true">');
    expect(html).toMatch(/@font-face\{[^}]*font-family:KaTeX_Main;[^}]*src:url\(data:font\/woff2;base64,/);
    // The thin space survives: the TeX source is kept as written.
    expect(html).toContain('<annotation encoding="application/x-tex">\\int_0^1 x^2\\,dx = \\frac{1}{3}</annotation>');
    expect(html).not.toContain('$E=mc^2$');
  });

  it('is MathML in the e-book, on files marked with the mathml property', () => {
    const withMath = Object.entries(epub.xhtml).filter(([, text]) => text.includes('<math'));
    expect(withMath.length).toBeGreaterThan(0);
    for (const [name, text] of withMath) {
      expect(text).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"');
      expect(text).not.toContain('katex-html');
      const href = name.slice(name.lastIndexOf('/') + 1);
      expect(epub.opf).toMatch(new RegExp(`href="${href}"[^>]*properties="mathml"`));
    }
    expect(epub.opf).not.toMatch(/href="toc.xhtml"[^>]*mathml/);
    expect(Object.values(epub.xhtml).join('')).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
  });

  it('sets the formulas in the PDF with KaTeX glyphs', () => {
    const first = pages[0]!;
    expect(first).toContain('∫');
    expect(first).toMatch(/E\s*=\s*m\s*c\s*2/);
  });

  it('reports bad TeX with its place and draws it as written', () => {
    const [bad] = messages('math');
    expect(bad?.reason).toMatch(/^bad TeX: .*\\frac\{1\}\{/);
    expect([bad?.line, bad?.column]).toEqual([17, 10]);
    expect(html).toContain('katex-error');
  });
});

describe('code', () => {
  it('is highlighted by shiki under its language in the HTML and the e-book', () => {
    for (const [lang, name] of [['python', 'Python'], ['rust', 'Rust'], ['ts', 'TypeScript']]) expect(html).toContain(`data-language="${lang}"`);
    for (const text of [html, Object.values(epub.xhtml).join('')]) {
      for (const name of ['Python', 'Rust', 'TypeScript']) expect(text).toContain(`<span class="code-language">${name}</span>`);
      expect(text).toMatch(/<span class="line"><span style="color:#[0-9A-F]{6}">def<\/span>/);
    }
  });

  it('lets the 120-line block run over pages instead of leaving one blank', () => {
    const first = pages.findIndex((page) => page.includes('第 1 行'));
    const last = pages.findIndex((page) => page.includes('第 120 行'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(last).toBeGreaterThan(first);
    // It starts on the page of the sentence before it: nothing was pushed to the next page.
    expect(pages[first]).toContain('而不是整块推到下一页');
  });

  it('keeps a long line whole, wrapped within the block', () => {
    const page = pages.find((text) => text.includes('long enough to wrap'))!;
    expect(page.replace(/\s+/g, ' ')).toContain('and every continuation shows a mark at its start');
  });
});

describe('citations', () => {
  it('numbers the marks in citation order and links them to the reference list', () => {
    expect(html).toContain('<sup class="citation"><a href="#ref-knuth1984">[1]</a></sup>');
    expect(html).toContain('<sup class="citation"><a href="#ref-lamport1994">[1,2]</a></sup>');
    expect(html).toContain('<h2 id="references">参考文献</h2>');
    expect(html).toMatch(/id="ref-wang2020">\s*<div class="csl-left-margin">\[3\]<\/div>/);
  });

  it('prints the reference list in GB/T 7714 form', () => {
    // Compared without spaces: the PDF's text runs split around CJK punctuation.
    const text = pages.join('\n').replace(/\s+/g, '');
    expect(text).toContain('参考文献');
    expect(text).toContain('KNUTHDE.TheTeXbook[M].Reading,MA:Addison-Wesley,1984.');
    expect(text).toContain('王小明,李华,张三,等.中文技术书籍的排版规范[J].出版与印刷,2020,31(2):100–110.');
  });

  it('warns about an unknown key at its place and leaves the mark as written', () => {
    const [unknown] = messages('citation');
    expect(unknown?.reason).toContain('@missing2021');
    expect(unknown?.line).toBe(169);
    expect(html).toContain('[@missing2021]');
  });
});

describe('raw HTML the sanitizer drops', () => {
  it('is reported once per kind with its first place', () => {
    const dropped = messages('sanitized-html').map((m) => [m.actual, m.line]);
    expect(dropped.sort()).toEqual([
      ['<mark>', 175],
      ['onclick=', 173],
      ['style=', 173],
    ]);
    expect(html).not.toContain('onclick');
  });
});

describe('the HTML page with selfContained: true', () => {
  it('carries subsets of its text font inline and puts them in every stack', () => {
    expect(html).not.toContain('data:font/ttf');
    const faces = [...selfContained.matchAll(/@font-face\{font-family:"(galley noto-serif-sc \d+)";src:url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/g)];
    expect(faces.length).toBeGreaterThan(0);
    // Each is TrueType (version 1.0 sfnt), not a reference to a file elsewhere.
    for (const [, , data] of faces) expect(Buffer.from(data!, 'base64').readUInt32BE(0)).toBe(0x00010000);
    for (const variable of ['--font-serif', '--font-sans', '--font-mono']) {
      expect(selfContained).toMatch(new RegExp(`${variable}:[^;]*"${faces[0]![1]}"`));
    }
  });
});

describe('repairs', () => {
  const source = readFileSync(CHAPTER, 'utf8');
  const parse = () => parseMarkdown(new VFile({ path: CHAPTER, value: source }), { math: true }).tree;
  const codeOf = (tree: Root) => {
    const values: string[] = [];
    visit(tree, ['code', 'inlineCode'], (node) => void values.push((node as Code | InlineCode).value));
    return values;
  };
  const textOf = (tree: Root) => {
    const values: string[] = [];
    visit(tree, 'text', (node) => void values.push(node.value));
    return values.join('');
  };

  it('leave code, inline code and ASCII operators untouched even when applied', () => {
    const tree = parse();
    const code = codeOf(tree);
    const file = new VFile({ path: CHAPTER, value: source });
    normalizeMarkdownTree(tree, file, { script: 'hans', apply: true });
    expect(codeOf(tree)).toEqual(code);
    const text = textOf(tree);
    for (const kept of ['绑定运算符（::）', 'a->b', 'x:y', '很显著']) expect(text).toContain(kept);
    expect(text).not.toContain('显着');
    expect(file.messages.filter((m) => m.ruleId === 'script')).toEqual([]);
  });

  it('are reported, not applied, by default: the Markdown is published as written', () => {
    const tree = parse();
    visit(tree, 'text', (node) => void (node.value = node.value.replace('a->b', '中,文')));
    const before = JSON.stringify(tree);
    const file = new VFile({ path: CHAPTER, value: source });
    normalizeMarkdownTree(tree, file, { script: 'keep', apply: false });
    expect(JSON.stringify(tree)).toBe(before);
    expect(file.messages.map((m) => m.ruleId)).toEqual(['punctuation', 'repairs']);
  });
});
