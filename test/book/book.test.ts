/**
 * A book of four chapters in two folders (test/fixtures/handbook), built from
 * a working folder outside it, as an author publishes one: its images load,
 * its links between chapters land in all three outputs, each chapter opens a
 * right-hand page (recto: true) under its own running header, figures are
 * numbered by chapter, table alignment survives, nothing runs off the page.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../pipeline/index.ts';
import { ROOT } from '../helpers/build.ts';
import { openEpub, type EpubContents } from '../helpers/epub.ts';
import { pdfImages, pdfLayout, type PdfLayout } from '../helpers/pdf.ts';

const BOOK = join(ROOT, 'test/fixtures/handbook/book.yaml');
const CHAPTERS = ['第一章 入门', '第二章 表格', '第三章 代码', '第四章 公式与引用'];
let work: string;
let out: string;
let result: BuildResult;
let html: string;
let epub: EpubContents;
let pdf: PdfLayout;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'galley-book-'));
  out = join(work, 'out');
  result = await build({ root: work, book: BOOK, settings: { out } });
  html = readFileSync(join(out, 'book.html'), 'utf8');
  epub = await openEpub(join(out, 'book.epub'));
  pdf = await pdfLayout(join(out, 'book.pdf'));
}, 300_000);
afterAll(() => pdf?.close());

const messages = () => result.documents.flatMap((d) => d.file?.messages ?? []);

/** One page's text as poppler's pdftotext reads it, one line of print a line. */
const lines = (page: number) =>
  execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), join(out, 'book.pdf'), '-'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

describe('a book built from outside its folder', () => {
  it('builds all three outputs with no error, no blocked file and no broken link', () => {
    expect(result.errors.map((e) => e.line)).toEqual([]);
    expect(result.documents.map((d) => d.error?.line).filter(Boolean)).toEqual([]);
    const problems = messages().filter((m) => ['blocked-resource', 'blocked-request', 'cross-reference'].includes(String(m.ruleId)));
    expect(problems.map(String)).toEqual([]);
  });

  it('embeds every image in every output', async () => {
    expect(html.match(/<img [^>]*src="data:image\/(png|svg\+xml);base64,/g)).toHaveLength(3);
    const images = epub.files.filter((f) => /^OEBPS\/images\/(?!cover)/.test(f));
    expect(images).toHaveLength(3);
    const text = Object.values(epub.xhtml).join('\n');
    for (const image of images) expect(text).toContain(image.slice('OEBPS/'.length));
    // The raster images are drawn once each (the tall one whole, not cut over two pages); the SVG is drawn as vectors.
    const drawn = pdfImages(join(out, 'book.pdf'));
    expect(drawn.map((i) => `${i.width}x${i.height}`).sort()).toEqual(['400x2400', '800x300']);
  });

  it('leaves no .md link in any output', () => {
    const epubHrefs = Object.values(epub.xhtml).flatMap((x) => [...x.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!));
    const htmlHrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    for (const href of [...htmlHrefs, ...epubHrefs]) expect(href).not.toMatch(/\.md(#|$)/);
    for (const link of pdf.links) expect(link.url ?? '').not.toMatch(/\.md|galley\.invalid/);
  });

  it('points every HTML link at an id of the page', () => {
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const local = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(local).toContain('p3-块级作用域');
    for (const id of local) expect(ids.has(id), id).toBe(true);
  });

  it('points every EPUB link at a file of the book and an id in it', () => {
    const ids = new Map(Object.entries(epub.xhtml).map(([name, xml]) => [name.replace(/^OEBPS\//, ''), new Set([...xml.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]))]));
    let crossFile = 0;
    for (const [name, xml] of Object.entries(epub.xhtml)) {
      for (const [, href] of xml.matchAll(/<a [^>]*href="([^"]+)"/g)) {
        if (/^https?:/.test(href!)) continue;
        const [file, id] = href!.split('#');
        const target = file || name.replace(/^OEBPS\//, '');
        expect(ids.has(target), `${name}: ${href}`).toBe(true);
        if (id) expect(ids.get(target)!.has(decodeURIComponent(id)), `${name}: ${href}`).toBe(true);
        if (file && !name.endsWith('toc.xhtml')) crossFile++;
      }
    }
    expect(crossFile).toBeGreaterThanOrEqual(6);
  });

  it('makes every PDF link that is not a web address land on a page of the file', () => {
    const internal = pdf.links.filter((l) => !l.url);
    // The contents' 13 entries and the chapters' 7 cross-references and 3 footnotes' two-way links.
    expect(internal.length).toBeGreaterThanOrEqual(20);
    for (const link of internal) expect(link.target, `link on page ${link.page}`).toEqual(expect.any(Number));
    // A cross-reference from the first chapter's first page lands on the third chapter's section.
    expect(internal.some((l) => l.page === 3 && l.target === 9)).toBe(true);
  });
});

describe('its pages', () => {
  const text = (page: number) => pdf.pages[page - 1]!.items.map((i) => i.str).join('');
  // A4 with margins of 22 mm at the head and 24 mm at the foot: what lies between is the text area, read top to bottom.
  const body = (page: number) => {
    const { height, items } = pdf.pages[page - 1]!;
    const inside = items.filter((i) => i.y > (24 / 25.4) * 72 && i.y < height - (22 / 25.4) * 72);
    return inside
      .sort((a, b) => b.y - a.y || a.x - b.x)
      .map((i) => i.str)
      .join('');
  };

  it('opens each chapter on a right-hand page that starts with its title, its folio odd', async () => {
    for (const [index, title] of CHAPTERS.entries()) {
      const page = await pdf.destination(`p${index + 1}`);
      expect(page, title).toEqual(expect.any(Number));
      expect(page! % 2, `${title} on page ${page}`).toBe(1);
      expect(body(page!).startsWith(title.replace(' ', '')), body(page!).slice(0, 40)).toBe(true);
    }
  });

  /** What lies in the head margin, above the text area. */
  const header = (page: number) => {
    const { height, items } = pdf.pages[page - 1]!;
    return items.filter((i) => i.y >= height - (22 / 25.4) * 72 && i.str.trim()).map((i) => i.str).join('');
  };

  it("runs no header on a chapter's first page, and its title on the next", async () => {
    for (const [index, title] of CHAPTERS.entries()) {
      const first = (await pdf.destination(`p${index + 1}`))!;
      expect(header(first), `${title}, page ${first}`).toBe('');
      // The title once, as the chapter's heading, first on the page; no running header line above it.
      expect(lines(first)[0], `page ${first}`).toBe(title);
      expect(lines(first).filter((line) => line === title), `page ${first}`).toHaveLength(1);
      // The chapter's next page, unless it is a blank one or the book ends, opens with its title in the header.
      const next = first < pdf.pages.length ? lines(first + 1) : [];
      if (next.length) expect(next[0], `page ${first + 1}`).toBe(title);
    }
  });

  it('runs the chapter title in the header of its later pages, and leaves blank pages blank', async () => {
    const second = await pdf.destination('p1-本书的约定');
    expect(second).toBeGreaterThan((await pdf.destination('p1'))!);
    expect(text(second!).startsWith('第一章入门')).toBe(true);
    expect(body(second!).startsWith('本书的约定')).toBe(true);
    const blank = pdf.pages.findIndex((p) => p.items.length === 0);
    expect(blank, 'a blank page before a chapter').toBeGreaterThan(0);
  });

  it('numbers figures by chapter in every output', () => {
    const markup = (xml: string) => xml.replace(/<[^>]+>/g, '');
    for (const output of [markup(html), markup(Object.values(epub.xhtml).join('')), pdf.pages.map((p) => p.items.map((i) => i.str).join('')).join('')]) {
      expect(output).toMatch(/图\s*1\.1\s*流水线的五个阶段/);
      expect(output).toMatch(/图\s*1\.2\s*一张很高的示意图/);
      expect(output).toMatch(/图\s*3\.1/);
    }
  });

  it('keeps the alignment of table columns: centred, right-aligned', async () => {
    expect(html).toMatch(/<td class="align-right">240<\/td>/);
    expect(Object.values(epub.xhtml).join('')).toMatch(/<td class="align-right">240<\/td>/);
    const all = pdf.pages[((await pdf.destination('p2-对齐'))!) - 1]!.items;
    // The table's rows: from its header row (耗时) to its last row (渲染).
    const top = all.find((i) => i.str.startsWith('耗'))!.y;
    const bottom = all.find((i) => i.str.startsWith('渲'))!.y;
    const page = { items: all.filter((i) => i.y <= top + 1 && i.y >= bottom - 1) };
    // A cell's text may come in pieces: its extent is from the first piece's start to the last one's end.
    const cell = (s: string) => {
      for (let start = 0; start < page.items.length; start++) {
        let text = '';
        for (let end = start; end < page.items.length && s.startsWith(text + page.items[end]!.str); end++) {
          text += page.items[end]!.str;
          if (text === s) return { left: page.items[start]!.x, right: page.items[end]!.x + page.items[end]!.width };
        }
      }
      throw new Error(`no cell "${s}" on the page`);
    };
    const rights = ['3', '12', '240'].map((s) => cell(s).right);
    expect(Math.max(...rights) - Math.min(...rights)).toBeLessThan(1);
    const lefts = ['3', '12', '240'].map((s) => cell(s).left);
    expect(Math.max(...lefts) - Math.min(...lefts)).toBeGreaterThan(5);
    // Both first stand in the third column, centred: 文本 in the first row, 语法树 in the second.
    const centres = ['文本', '语法树'].map((s) => (cell(s).left + cell(s).right) / 2);
    expect(Math.abs(centres[0]! - centres[1]!)).toBeLessThan(1);
  });

  it('keeps the wide table inside the text area', async () => {
    const page = pdf.pages[((await pdf.destination('p2-很宽的表格'))!) - 1]!;
    // A4 with 20 mm side margins: the text area ends 20 mm from the right edge.
    const limit = page.width - (20 / 25.4) * 72 + 1;
    const widest = Math.max(...page.items.map((i) => i.x + i.width));
    expect(widest).toBeLessThanOrEqual(limit);
    expect(page.items.map((i) => i.str).join('')).toContain('https://example.org');
  });
});

describe('what its chapters hold', () => {
  const pdfText = () => pdf.pages.map((p) => p.items.map((i) => i.str).join('')).join('\n');

  it('sets math with KaTeX in the page and PDF, as MathML in the EPUB', () => {
    expect(html).toContain('class="katex"');
    expect(Object.values(epub.xhtml).join('')).toMatch(/<math[ >]/);
    expect(epub.opf).toMatch(/properties="[^"]*mathml/);
    expect(pdfText()).not.toContain('$E=mc^2$');
  });

  it('highlights code in three languages, and runs the long block over pages', () => {
    for (const lang of ['ts', 'python', 'sh', 'js']) expect(html).toContain(`data-language="${lang}"`);
    expect(Object.values(epub.xhtml).join('')).toMatch(/<pre class="shiki[^"]*"/);
    const pageOf = (s: string) => pdf.pages.findIndex((p) => p.items.map((i) => i.str).join('').includes(s));
    expect(pageOf('stage118')).toBeGreaterThan(pageOf('stage001'));
  });

  it('splits the 120-line block across pages with figures numbered, never leaving the page before it blank', () => {
    const pages = Array.from({ length: pdf.pages.length }, (_, i) => lines(i + 1));
    const pageOf = (s: string) => pages.findIndex((page) => page.some((line) => line.includes(s))) + 1;
    const [start, end, lead] = [pageOf('export const stage001 ='), pageOf('export const stage118 ='), pageOf('下面这段代码有一百二十行')];
    expect(end, `block on pages ${start}-${end}`).toBeGreaterThan(start);
    expect(start - lead, 'the block starts on the page of the sentence before it, or the next').toBeLessThanOrEqual(1);
    if (start > lead) {
      // Pushed to the next page only when the page before is full: its last line ends within five code lines of the text area's foot.
      const { items } = pdf.pages[lead - 1]!;
      const lowest = Math.min(...items.filter((i) => i.y > (24 / 25.4) * 72 + 1 && i.str.trim()).map((i) => i.y));
      expect(lowest - (24 / 25.4) * 72, `room left on page ${lead}`).toBeLessThan(5 * 12.5);
    }
  });

  it('resolves citations against the .bib and lists the references, in every output', () => {
    for (const output of [html, Object.values(epub.xhtml).join(''), pdfText()]) {
      expect(output).not.toContain('[@knuth1984]');
      expect(output).toMatch(/KNUTH|Knuth D/);
    }
  });
});

describe('built again', () => {
  it('writes nothing and reports the book as up to date', async () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const before = new Map(files(out).map((f) => [f, statSync(f).mtimeMs]));
    const again = await build({ root: work, book: BOOK, settings: { out } });
    expect(again.documents).toHaveLength(1);
    expect(again.documents[0]!.cached).toBe(true);
    const after = new Map(files(out).map((f) => [f, statSync(f).mtimeMs]));
    expect(after).toEqual(before);
  });
});

describe('the long code block where a page has room for its start', () => {
  let short: string;
  beforeAll(async () => {
    // The code chapter without its Python and shell examples: the long block then starts with half a page free.
    const dir = mkdtempSync(join(tmpdir(), 'galley-book-'));
    const chapter = readFileSync(join(ROOT, 'test/fixtures/handbook/advanced/code.md'), 'utf8');
    const cut = chapter.slice(0, chapter.indexOf('同样的循环用 Python 写')) + chapter.slice(chapter.indexOf('## 一段很长的代码'));
    writeFileSync(join(dir, 'code.md'), cut.replace('(../basics/tables.md#对齐)', '(#块级作用域)'));
    copyFileSync(join(ROOT, 'test/fixtures/handbook/advanced/flow.svg'), join(dir, 'flow.svg'));
    writeFileSync(join(dir, 'book.yaml'), 'title: 代码\nfigures: numbered\ndocuments:\n  - code.md\n');
    await build({ root: dir, book: join(dir, 'book.yaml'), settings: { out: dir, formats: ['pdf'] } });
    short = join(dir, 'book.pdf');
  }, 300_000);

  it('starts it on the page of the sentence before it, with figures numbered, and splits it over two pages', () => {
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [short], { encoding: 'utf8' }))![1]);
    const pages = Array.from({ length: count }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), short, '-'], { encoding: 'utf8' }));
    const pageOf = (s: string) => pages.findIndex((page) => page.includes(s)) + 1;
    expect(pages.join('')).toMatch(/图\s*1\.1/);
    expect(pageOf('export const stage001 =')).toBe(pageOf('下面这段代码有一百二十行'));
    expect(pageOf('export const stage118 =')).toBeGreaterThan(pageOf('export const stage001 ='));
  });
});
