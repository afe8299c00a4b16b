/**
 * The e-book itself: metadata, language on every file, navigation that lands,
 * the embedded font subset, the cover, and a zip that is the same bytes twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { namedSources } from '../../pipeline/batch/sources.ts';
import { prepareDocument } from '../../pipeline/process/document.ts';
import { resolveSettings } from '../../pipeline/config/index.ts';
import { decodeCharacterReferences, renderEpub } from '../../pipeline/emit/epub/index.ts';
import { nestEntries } from '../../pipeline/emit/epub/nav.ts';
import { contentIdentifier } from '../../pipeline/emit/epub/package.ts';
import { loadTemplate } from '../../pipeline/render/template.ts';
import { ARTICLE, buildInto, GUIDE, ROOT } from '../helpers/build.ts';
import { openEpub, type EpubContents } from '../helpers/epub.ts';

let first: string;
let second: string;
let article: EpubContents;
let guide: EpubContents;

beforeAll(async () => {
  first = (await buildInto([ARTICLE, GUIDE], { formats: ['epub'] })).out;
  second = (await buildInto([ARTICLE, GUIDE], { formats: ['epub'] })).out;
  article = await openEpub(join(first, 'jiceng-dangwu-sikao.epub'));
  guide = await openEpub(join(first, 'galley-proofs.epub'));
}, 300_000);

describe('a reproducible container', () => {
  it('is byte-identical when built twice', () => {
    for (const name of ['jiceng-dangwu-sikao.epub', 'galley-proofs.epub']) {
      const a = readFileSync(join(first, name));
      const b = readFileSync(join(second, name));
      expect(a.length, name).toBeGreaterThan(0);
      expect(Buffer.compare(a, b), name).toBe(0);
    }
  });

  it('starts with the mimetype, stored, and stamps every entry with the document date', async () => {
    const bytes = readFileSync(join(first, 'jiceng-dangwu-sikao.epub'));
    expect(bytes.readUInt16LE(8)).toBe(0); // compression method: stored
    expect(bytes.subarray(30, 38).toString()).toBe('mimetype');
    expect(bytes.subarray(38, 58).toString()).toBe('application/epub+zip');
    const zip = await JSZip.loadAsync(bytes);
    const dates = new Set(Object.values(zip.files).map((f) => f.date.toISOString()));
    expect([...dates]).toEqual(['2024-03-09T09:06:00.000Z']);
    expect(Object.values(zip.files).some((f) => f.dir)).toBe(false);
  });
});

describe('the package document', () => {
  it('describes the article from its own metadata, not the library defaults', () => {
    const { opf } = article;
    expect(opf).toMatch(/<dc:identifier id="pub-id">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/dc:identifier>/);
    expect(opf).toContain('<dc:title id="pub-title">新形勢下做好基層黨務工作的幾點思考</dc:title>');
    expect(opf).toContain('<dc:creator id="creator-1">劉勝</dc:creator>');
    expect(opf).toContain('<dc:language>zh-Hant</dc:language>');
    expect(opf).toContain('<dc:date>2024-03-09</dc:date>');
    expect(opf).toContain('<meta property="dcterms:modified">2024-03-09T09:06:00Z</meta>');
    expect(opf).toContain('<dc:source>中國軍轉民 2024年3期</dc:source>');
    expect(opf.match(/<dc:subject>/g)?.length).toBeGreaterThanOrEqual(2);
    expect(opf).toContain('xml:lang="zh-Hant"');
    expect(opf).not.toMatch(/All rights reserved|anonymous|<dc:rights>/);
    for (const property of ['accessMode', 'accessModeSufficient', 'accessibilityFeature', 'accessibilityHazard', 'accessibilitySummary']) {
      expect(opf).toContain(`property="schema:${property}"`);
    }
  });

  it('gives the guide one creator per author, its keywords as subjects, and alt text as a feature', () => {
    expect(guide.opf.match(/<dc:creator /g)).toHaveLength(2);
    expect(guide.opf).toContain('<dc:subject>proofreading</dc:subject>');
    expect(guide.opf).toContain('<meta property="schema:accessibilityFeature">alternativeText</meta>');
    expect(guide.opf).toMatch(/<item id="img-[0-9a-f]{16}" href="images\/[0-9a-f]{16}\.svg" media-type="image\/svg\+xml"\/>/);
  });

  it('lists every file in the manifest and every manifest item in the zip', () => {
    for (const book of [article, guide]) {
      const hrefs = [...book.opf.matchAll(/<item [^>]*href="([^"]+)"/g)].map((m) => `OEBPS/${m[1]}`).sort();
      const files = book.files.filter((f) => f !== 'mimetype' && !f.startsWith('META-INF/') && !f.endsWith('.opf')).sort();
      expect(hrefs).toEqual(files);
    }
  });

  it('declares a drawn cover image and opens on a cover page', async () => {
    expect(article.opf).toContain('<item id="cover-image" href="images/cover.png" media-type="image/png" properties="cover-image"/>');
    expect(article.opf).toMatch(/<spine toc="ncx">\s*<itemref idref="cover"\/>/);
    const png = await (await JSZip.loadAsync(readFileSync(join(first, 'jiceng-dangwu-sikao.epub')))).file('OEBPS/images/cover.png')!.async('uint8array');
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
    expect(Buffer.from(png).readUInt32BE(16)).toBe(1200);
    expect(Buffer.from(png).readUInt32BE(20)).toBe(1800);
  });
});

describe('the XHTML files', () => {
  it('carry the language as lang and xml:lang, every one of them', () => {
    const names = Object.keys(article.xhtml);
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) expect(article.xhtml[name], name).toMatch(/<html [^>]*lang="zh-Hant" xml:lang="zh-Hant"/);
    for (const name of Object.keys(guide.xhtml)) expect(guide.xhtml[name], name).toMatch(/<html [^>]*lang="en" xml:lang="en"/);
  });

  it('hold characters as themselves, not as numeric references', async () => {
    const raw = await article.text('OEBPS/chapter-001.xhtml');
    expect(raw).toContain('新形勢下做好基層黨務工作的幾點思考');
    expect(raw).not.toMatch(/&#x?[0-9a-f]+;/i);
  });

  it('split the article at its level-2 headings, the library adding no heading of its own', () => {
    const chapters = Object.keys(article.xhtml).filter((n) => /chapter-\d+\.xhtml$/.test(n)).sort();
    expect(chapters.length).toBe(4);
    expect(article.xhtml['OEBPS/chapter-002.xhtml']).toMatch(/<body>\s*<h2 id="一基層黨務工作概述">一、基層黨務工作概述<\/h2>/);
    const h1s = Object.values(article.xhtml).join('').match(/<h1[ >]/g) ?? [];
    expect(h1s.length).toBe(2); // the title block and the table of contents
  });

  it('point every internal link (contents, notes and back) at a file and id that exist', () => {
    for (const book of [article, guide]) {
      const ids = new Map(Object.entries(book.xhtml).map(([name, xml]) => [name.replace(/^OEBPS\//, ''), new Set([...xml.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]))]));
      let checked = 0;
      for (const [name, xml] of Object.entries(book.xhtml)) {
        for (const [, href] of xml.matchAll(/<a [^>]*href="([^"]+)"/g)) {
          if (/^[a-z]+:/.test(href!)) continue;
          const [file, id] = href!.split('#');
          const target = file || name.replace(/^OEBPS\//, '');
          expect(ids.has(target), `${name}: ${href}`).toBe(true);
          if (id) expect(ids.get(target)!.has(decodeURIComponent(id)), `${name}: ${href}`).toBe(true);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(3);
    }
    // The guide's note and its way back cross files.
    const all = Object.values(guide.xhtml).join('\n');
    expect(all).toMatch(/href="chapter-\d+\.xhtml#fn-history"[^>]*epub:type="noteref"|epub:type="noteref"[^>]*href="chapter-\d+\.xhtml#fn-history"/);
    expect(all).toMatch(/href="chapter-\d+\.xhtml#fnref-history"/);
  });

  it('nest the table of contents as the headings do, with landmarks', () => {
    const nav = article.xhtml['OEBPS/toc.xhtml']!;
    expect(nav).toContain('<nav epub:type="toc" id="toc">');
    expect(nav).toMatch(/一、基層黨務工作概述<\/a>\s*<ol>\s*<li><a href="chapter-002\.xhtml#一基層黨務工作的內涵">/);
    expect(nav).toMatch(/<nav epub:type="landmarks"[\s\S]*epub:type="cover"[\s\S]*epub:type="bodymatter"/);
  });
});

describe('the embedded font', () => {
  it('is a subset of the CJK font under 1 MB, covering the characters the article uses', async () => {
    const fonts = article.files.filter((f) => f.startsWith('OEBPS/fonts/'));
    expect(fonts.length).toBeGreaterThan(0);
    const zip = await JSZip.loadAsync(readFileSync(join(first, 'jiceng-dangwu-sikao.epub')));
    let total = 0;
    for (const font of fonts) total += (await zip.file(font)!.async('uint8array')).length;
    expect(total).toBeLessThan(1024 * 1024);
    expect(article.opf).toMatch(/href="fonts\/noto-serif-tc-\d+\.ttf" media-type="font\/ttf"/);
    const css = await article.text('OEBPS/style.css');
    expect(css).toMatch(/@font-face \{ font-family: "galley noto-serif-tc \d+"/);
    expect(css).toMatch(/html, body \{ font-family: "galley noto-serif-tc \d+"/);
  });
});

describe('renderEpub on its own', () => {
  it('takes dcterms:modified from SOURCE_DATE_EPOCH and draws the cover with no browser', async () => {
    const [source] = namedSources([GUIDE], ROOT).sources;
    const layers = { config: {}, cli: {} };
    const prepared = await prepareDocument(source!, layers, ROOT);
    const settings = resolveSettings([{ formats: ['epub'] }]);
    const template = loadTemplate('default', join(ROOT, 'templates'));
    const data = await renderEpub({ doc: prepared.rendered, template, settings, root: ROOT, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    const zip = await JSZip.loadAsync(data);
    const opf = await zip.file('OEBPS/content.opf')!.async('string');
    expect(opf).toContain('<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>');
    expect(opf).toContain('<dc:date>2025-06-14</dc:date>');
    expect(opf).toContain('properties="cover-image"');
    const png = await zip.file('OEBPS/images/cover.png')!.async('uint8array');
    expect(Buffer.from(png).readUInt32BE(16)).toBe(1200);
  });

  it('writes page-progression-direction="rtl" and vertical CSS for vertical writing', async () => {
    const [source] = namedSources([GUIDE], ROOT).sources;
    const prepared = await prepareDocument(source!, { config: {}, cli: {} }, ROOT);
    const settings = resolveSettings([{ formats: ['epub'], writingMode: 'vertical' }]);
    const template = loadTemplate('default', join(ROOT, 'templates'));
    const zip = await JSZip.loadAsync(await renderEpub({ doc: prepared.rendered, template, settings, root: ROOT }));
    expect(await zip.file('OEBPS/content.opf')!.async('string')).toContain('<spine toc="ncx" page-progression-direction="rtl">');
    expect(await zip.file('OEBPS/style.css')!.async('string')).toMatch(/-epub-writing-mode: vertical-rl; writing-mode: vertical-rl;/);
  });
});

describe('helpers', () => {
  it('decode numeric references beyond ASCII and keep markup escaped', () => {
    expect(decodeCharacterReferences('&#x65b0;&#24418; &amp; &lt;a&gt; &#x26; &#34;')).toBe('新形 &amp; &lt;a&gt; &#x26; &#34;');
  });

  it('nest table-of-contents entries without ever skipping a level', () => {
    const tree = nestEntries([
      { depth: 2, text: 'a', href: 'a' },
      { depth: 4, text: 'b', href: 'b' },
      { depth: 3, text: 'c', href: 'c' },
      { depth: 2, text: 'd', href: 'd' },
    ]);
    expect(tree.map((n) => n.text)).toEqual(['a', 'd']);
    expect(tree[0]!.children.map((n) => n.text)).toEqual(['b', 'c']);
  });

  it('derive the identifier from the content: same content, same identifier', () => {
    expect(contentIdentifier(['x', 'y'])).toBe(contentIdentifier(['x', 'y']));
    expect(contentIdentifier(['x', 'y'])).not.toBe(contentIdentifier(['x', 'z']));
  });
});
