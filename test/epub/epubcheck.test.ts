/**
 * EPUBCheck (Debian's, 4.2.6) has nothing to say about galley's e-books: both
 * samples, a vertical-writing build, a technical chapter, a two-document book,
 * and the handbook (four chapters in two folders, images, cross-references,
 * figures, tables) declared by its book file and by its SUMMARY.md, and a
 * book and an article whose titles and text hold EJS's delimiters (<% %>:
 * epub-gen-memory renders its templates with EJS).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/index.ts';
import { ARTICLE, buildInto, GUIDE, ROOT } from '../helpers/build.ts';
import { decodeEntities, epubcheck, openEpub } from '../helpers/epub.ts';

const BOOK = join(ROOT, 'test/fixtures/book/two-documents.yaml');
/** Math (MathML), highlighted code, citations: test/content/chapter.test.ts reads its contents. */
const CHAPTER = join(ROOT, 'test/fixtures/content/chapter.md');
const books: Record<string, string> = {};

/** Every EJS tag form, in titles (which reach the nav, the NCX and <title>) and in text. */
const DELIMITED: Record<string, string> = {
  'article.md': '---\ntitle: "Title <%= x %> and %> end"\n---\n\nBody with <%= x %>, `<%- y %>`, <%# note %> and <%% literal %%>.\n\n## Second <% z %> section\n\nText.\n',
  'book/book.yaml': 'title: "Book <% t %>"\ndocuments:\n  - one.md\n  - two.md\n',
  'book/one.md': '# a <% b %> c\n\nFirst chapter <%= x %>.\n\n## Part <%- q %>\n\nMore.\n',
  'book/two.md': '# Second -%> _%>\n\nText <%_ w _%>.\n',
};

beforeAll(async () => {
  const samples = await buildInto([ARTICLE, GUIDE], { formats: ['epub'] });
  books.article = join(samples.out, 'jiceng-dangwu-sikao.epub');
  books.guide = join(samples.out, 'galley-proofs.epub');
  const vertical = await buildInto([ARTICLE], { formats: ['epub'], writingMode: 'vertical' });
  books.vertical = join(vertical.out, 'jiceng-dangwu-sikao.epub');
  const chapter = await buildInto([CHAPTER], { formats: ['epub'] });
  books.chapter = join(chapter.out, 'chapter.epub');
  const out = mkdtempSync(join(tmpdir(), 'galley-test-'));
  await build({ root: ROOT, book: BOOK, settings: { out, formats: ['epub'] } });
  books.book = join(out, 'two-documents.epub');
  const handbook = mkdtempSync(join(tmpdir(), 'galley-test-'));
  await build({ root: handbook, book: join(ROOT, 'test/fixtures/handbook/book.yaml'), settings: { out: handbook, formats: ['epub'] } });
  await build({ root: handbook, book: join(ROOT, 'test/fixtures/handbook'), settings: { out: handbook, formats: ['epub'] } });
  books.handbook = join(handbook, 'book.epub');
  books.summary = join(handbook, 'handbook.epub');
  const delimited = mkdtempSync(join(tmpdir(), 'galley-test-'));
  mkdirSync(join(delimited, 'book'));
  for (const [name, text] of Object.entries(DELIMITED)) writeFileSync(join(delimited, name), text);
  await build({ root: delimited, files: [join(delimited, 'article.md')], settings: { out: join(delimited, 'out'), formats: ['epub'] } });
  await build({ root: delimited, book: join(delimited, 'book/book.yaml'), settings: { out: join(delimited, 'out'), formats: ['epub'] } });
  books.delimitedArticle = join(delimited, 'out/article.epub');
  books.delimitedBook = join(delimited, 'out/book.epub');
}, 300_000);

describe('EPUBCheck', () => {
  for (const name of ['article', 'guide', 'vertical', 'chapter', 'book', 'handbook', 'summary', 'delimitedArticle', 'delimitedBook']) {
    it(`reports no errors and no warnings for the ${name}`, () => {
      const report = epubcheck(books[name]!);
      expect(report.messages, report.messages.join('\n')).toEqual([]);
      expect(report.fatals + report.errors + report.warnings).toBe(0);
    }, 120_000);
  }
});

describe('a book', () => {
  it('binds both documents after a title page, their ids kept apart', async () => {
    const book = await openEpub(books.book!);
    expect(book.opf).toContain('<dc:title id="pub-title">校樣與黨務：兩篇文章</dc:title>');
    expect(book.opf).toMatch(/<itemref idref="title"\/>\s*<itemref idref="nav"\/>\s*<itemref idref="chapter-001"\/>/);
    const text = Object.values(book.xhtml).join('\n');
    expect(text).toContain('基層黨務工作概述');
    expect(text).toContain('Reading a Galley Proof');
    expect(text).toContain('id="p1-一基層黨務工作概述"');
    expect(text).toContain('id="p2-fn-history"');
    expect(book.xhtml['OEBPS/title.xhtml']).toMatch(/<html [^>]*lang="zh-Hant" xml:lang="zh-Hant"/);
  });
});

describe('titles and text holding EJS delimiters', () => {
  /** The text of every element named `tag`, references decoded. */
  const texts = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*>([^<]*)</${tag}>`, 'g'))].map((m) => decodeEntities(m[1]!).replaceAll('&lt;', '<').replaceAll('&gt;', '>'));

  it('keeps them as written in the nav, the NCX, the package and the chapters of a book', async () => {
    const book = await openEpub(books.delimitedBook!);
    const nav = await book.text('OEBPS/toc.xhtml');
    expect(texts(nav, 'a')).toEqual(expect.arrayContaining(['Book <% t %>', 'a <% b %> c', 'Part <%- q %>', 'Second -%> _%>']));
    expect(texts(await book.text('OEBPS/toc.ncx'), 'text')).toEqual(['Book <% t %>', 'a <% b %> c', 'Part <%- q %>', 'Second -%> _%>']);
    expect(decodeEntities(book.opf)).toContain('<dc:title id="pub-title">Book <% t %></dc:title>');
    const chapters = Object.values(book.xhtml).join('\n');
    expect(chapters).toContain('<title>a &lt;% b %&gt; c</title>');
    expect(chapters).toContain('First chapter &lt;%= x %&gt;.');
    expect(chapters).toContain('Text &lt;%_ w _%&gt;.');
  });

  it('keeps them as written in an article, its title and its body', async () => {
    const article = await openEpub(books.delimitedArticle!);
    expect(texts(await article.text('OEBPS/toc.ncx'), 'text')).toContain('Second <% z %> section');
    const chapters = Object.values(article.xhtml).join('\n');
    expect(chapters).toContain('<title>Title &lt;%= x %&gt; and %&gt; end</title>');
    expect(chapters).toContain('Body with &lt;%= x %&gt;, <code>&lt;%- y %&gt;</code>, &lt;%# note %&gt; and &lt;%% literal %%&gt;.');
  });
});
