/** The pipeline end to end: both samples to HTML, PDF (real Chromium) and EPUB. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../pipeline/index.ts';
import { ARTICLE, buildInto, GUIDE } from './helpers/build.ts';
import { openEpub } from './helpers/epub.ts';
import { pdfFonts, pdfPages } from './helpers/pdf.ts';

const TITLE = '新形勢下做好基層黨務工作的幾點思考';
let out: string;
let result: BuildResult;

beforeAll(async () => {
  ({ out, result } = await buildInto([ARTICLE, GUIDE]));
});

describe('galley build', () => {
  it('writes html, pdf and epub for every sample, with no errors', () => {
    expect(result.errors).toEqual([]);
    for (const doc of result.documents) expect(doc.error).toBeUndefined();
    for (const slug of ['jiceng-dangwu-sikao', 'galley-proofs']) {
      for (const ext of ['html', 'pdf', 'epub']) expect(existsSync(join(out, `${slug}.${ext}`)), `${slug}.${ext}`).toBe(true);
    }
  });

  it('renders the article PDF in Chromium with its title on the first page', async () => {
    const pages = await pdfPages(join(out, 'jiceng-dangwu-sikao.pdf'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toContain(TITLE);
    expect(pages.join('')).toContain('基層黨務工作');
  });

  it('embeds every font and none as Type 3', () => {
    for (const slug of ['jiceng-dangwu-sikao', 'galley-proofs']) {
      const fonts = pdfFonts(join(out, `${slug}.pdf`));
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.embedded, font.name).toBe(true);
        expect(font.type, font.name).not.toBe('Type 3');
      }
    }
  });

  it('prints the Markdown sample on at least two pages, image and table included', async () => {
    const pages = await pdfPages(join(out, 'galley-proofs.pdf'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toContain('Reading a Galley Proof');
    expect(pages.join('')).toContain('insert the text in the margin');
  });

  it('writes an EPUB whose XHTML holds the article text in its language', async () => {
    const epub = await openEpub(join(out, 'jiceng-dangwu-sikao.epub'));
    const text = Object.values(epub.xhtml).join('\n');
    expect(text).toContain(TITLE);
    expect(text).toContain('基層黨務工作概述');
    expect(epub.opf).toMatch(/<dc:language>zh-Hant<\/dc:language>/);
  });

  it('builds every output of the article from its normalized text: repaired, headings in the e-book contents', async () => {
    const html = readFileSync(join(out, 'jiceng-dangwu-sikao.html'), 'utf8');
    const pdfText = (await pdfPages(join(out, 'jiceng-dangwu-sikao.pdf'))).join('');
    const epub = await openEpub(join(out, 'jiceng-dangwu-sikao.epub'));
    const epubText = Object.values(epub.xhtml).join('');
    for (const text of [html, pdfText, epubText]) {
      expect(text).toContain('。基層黨務工作主要包括');
      expect(text).not.toMatch(/鶎|狱h|\?;|猜你喜歡|香蕉/);
      expect(text).toContain('目前，我國');
    }
    const nav = Object.entries(epub.xhtml).find(([name]) => /nav|toc/.test(name))?.[1] ?? '';
    expect(nav).toContain('一、基層黨務工作概述');
    expect(nav).toContain('（一）基層黨務工作的內涵');
  });

  it('writes a standalone HTML page with the image inlined', () => {
    const html = readFileSync(join(out, 'galley-proofs.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('src="data:image/svg+xml;base64,');
    expect(html).toContain('<table>');
  });
});
