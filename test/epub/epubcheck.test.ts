/**
 * EPUBCheck (Debian's, 4.2.6) has nothing to say about galley's e-books: both
 * samples, a vertical-writing build, a technical chapter, a two-document book,
 * and the handbook (four chapters in two folders, images, cross-references,
 * figures, tables) declared by its book file and by its SUMMARY.md.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipeline/index.ts';
import { ARTICLE, buildInto, GUIDE, ROOT } from '../helpers/build.ts';
import { epubcheck, openEpub } from '../helpers/epub.ts';

const BOOK = join(ROOT, 'test/fixtures/book/two-documents.yaml');
/** Math (MathML), highlighted code, citations: test/content/chapter.test.ts reads its contents. */
const CHAPTER = join(ROOT, 'test/fixtures/content/chapter.md');
const books: Record<string, string> = {};

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
}, 300_000);

describe('EPUBCheck', () => {
  for (const name of ['article', 'guide', 'vertical', 'chapter', 'book', 'handbook', 'summary']) {
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
