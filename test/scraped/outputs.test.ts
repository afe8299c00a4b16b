/**
 * Every scraped fixture builds to HTML, PDF and EPUB in one build (one browser); EPUBCheck
 * passes them all (one JVM); the PDF's title page shows the title and byline the head reader
 * found, the outputs show the abstract and link the DOI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../pipeline/index.ts';
import { buildInto } from '../helpers/build.ts';
import { epubcheckMany, openEpub, type EpubCheckReport } from '../helpers/epub.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { expected, FIXTURES, fixtureNames } from './score.ts';

const names = fixtureNames();
let out = '';
let result: BuildResult;
let checks: Map<string, EpubCheckReport>;
const flat = (text: string) => text.replace(/\s+/g, '');

beforeAll(async () => {
  ({ out, result } = await buildInto(names.map((n) => join(FIXTURES, `${n}.txt`))));
  checks = epubcheckMany(names.map((n) => join(out, `${n}.epub`)));
}, 900_000);

describe('scraped fixtures built', () => {
  it('build without errors', () => {
    expect(result.errors.map((e) => e.line)).toEqual([]);
  });

  it('pass EPUBCheck with no errors and no warnings', () => {
    expect(checks.size).toBe(names.length);
    const bad = [...checks].filter(([, r]) => r.fatals + r.errors + r.warnings > 0).map(([path, r]) => `${path}\n${r.messages.join('\n')}`);
    expect(bad).toEqual([]);
  });

  for (const name of names) {
    it(`${name}: the PDF title page shows the title and the byline`, async () => {
      const want = expected(name);
      const [first] = await pdfPages(join(out, `${name}.pdf`));
      expect(flat(first!)).toContain(flat(want.title));
      for (const author of want.authors ?? []) expect(flat(first!)).toContain(flat(author));
    });
  }

  it('show an abstract in all three outputs and link a DOI, which is also an identifier of the EPUB', async () => {
    const name = 'classification-lines';
    const want = expected(name);
    const html = readFileSync(join(out, `${name}.html`), 'utf8');
    expect(html).toContain(`<div class="abstract"><p><span class="label">摘要</span>${want.abstract!}</p></div>`);
    expect(html).toContain(`<a href="https://doi.org/${want.doi}">`);
    expect(flat((await pdfPages(join(out, `${name}.pdf`)))[0]!)).toContain(flat(want.abstract!));
    const book = await openEpub(join(out, `${name}.epub`));
    expect(book.opf).toContain(`<dc:identifier id="doi">urn:doi:${want.doi}</dc:identifier>`);
    expect(book.opf).toContain(`<dc:description>${want.abstract}</dc:description>`);
    expect(Object.values(book.xhtml).join('')).toContain(want.abstract);
  });

  it('show the English title under the Chinese one, marked as English, and give the EPUB a second title', async () => {
    const name = 'english-title-hant';
    const want = expected(name);
    const title = want.title;
    const titleEn = String(want.titleEn);
    const html = readFileSync(join(out, `${name}.html`), 'utf8');
    expect(html).toMatch(new RegExp(`<h1 class="title">${title}</h1>\\s*<p class="title-en" lang="en">${titleEn}</p>`));
    const first = (await pdfPages(join(out, `${name}.pdf`)))[0]!;
    expect(flat(first)).toContain(flat(titleEn));
    expect(flat(first).indexOf(flat(titleEn))).toBeGreaterThan(flat(first).indexOf(flat(title)));
    const book = await openEpub(join(out, `${name}.epub`));
    expect(book.opf).toContain(`<dc:title id="pub-title">${title}</dc:title>`);
    expect(book.opf).toContain(`<dc:title id="title-en" xml:lang="en">${titleEn}</dc:title>`);
    expect(book.opf.indexOf('id="pub-title"')).toBeLessThan(book.opf.indexOf('id="title-en"'));
    expect(Object.values(book.xhtml).join('')).toMatch(new RegExp(`<p class="title-en" (?:xml:)?lang="en"[^>]*>${titleEn}</p>`));
  });

  it('give a reference list its heading in the contents and the bookmarks, entry numbers as written, and addresses that may break', async () => {
    const name = 'journal-references';
    const html = readFileSync(join(out, `${name}.html`), 'utf8');
    expect(html).toMatch(/<h2 id="参考文献">参考文献<\/h2>/u);
    expect(html).toContain('<a href="#参考文献">参考文献</a>');
    expect(html).toContain('<p>[1]韩俊.中国农村改革(2002-2012)[M].上海:上海远东出版社,2012.</p>');
    expect(html).toContain('<a href="http://www.example.org/article/1.html" class="url">http://www.example.org/article/1.html</a>');
    expect(html).toContain('<sup class="citation">[1]</sup>');
    const book = await openEpub(join(out, `${name}.epub`));
    expect(Object.values(book.xhtml).join('')).toContain('参考文献</a>');
  });

  it('never describe a book by its site chrome', async () => {
    for (const name of ['top-and-counter-hant', 'app-banner-first-line', 'nav-row-above-title']) {
      const opf = (await openEpub(join(out, `${name}.epub`))).opf;
      expect(opf).not.toMatch(/<dc:description>(?:TOP|APP|中心智库|瀏覽)/u);
    }
  });
});
