/**
 * The print PDF is fit for press: metadata, bookmarks, tags, embedded fonts,
 * running heads and folios, a contents page with true page numbers, identical
 * bytes on every build, and right-to-left pages for vertical writing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE, buildInto, GUIDE } from '../helpers/build.ts';
import { pdfFonts, pdfInfo, pdfLayout } from '../helpers/pdf.ts';

const TITLE = '新形勢下做好基層黨務工作的幾點思考';
/** The article's headings; 干/幹 is left to the script setting, so either is accepted. */
const HEADINGS = [
  '一、基層黨務工作概述',
  '（一）基層黨務工作的內涵',
  '（二）基層黨務工作的地位',
  '二、新形勢下做好基層黨務工作的思考',
  '（一）樹立正確的思想認識',
  '（二）加強基層黨組織建設',
  '（三）加強基層干部隊伍建設',
  '（四）加強基層黨內監督',
  '（五）加強基層黨風廉政建設',
  '三、結語',
];

let out: string;
let again: string;
let vertical: string;
/** One page for every document, in both orders: each document is once printed on a page that showed the other. */
let reused: string[];
const article = () => join(out, 'jiceng-dangwu-sikao.pdf');
const guide = () => join(out, 'galley-proofs.pdf');

beforeAll(async () => {
  const settings = { formats: ['pdf' as const] };
  ({ out } = await buildInto([ARTICLE, GUIDE], settings));
  ({ out: again } = await buildInto([ARTICLE, GUIDE], settings));
  ({ out: vertical } = await buildInto([ARTICLE], { ...settings, writingMode: 'vertical' }));
  reused = [];
  for (const order of [[ARTICLE, GUIDE], [GUIDE, ARTICLE]]) reused.push((await buildInto(order, { ...settings, concurrency: 1 })).out);
}, 180_000);

interface Line {
  text: string;
  x: number;
  y: number;
  width: number;
}

interface PageText {
  width: number;
  height: number;
  lines: Line[];
}

/** What pdf.js sees: each page's text runs with their positions, and the outline with each item's page. */
async function readPdf(path: string) {
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: PageText[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const lines = content.items.flatMap((item) => ('str' in item && item.str.trim() ? [{ text: item.str.trim(), x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }] : []));
      pages.push({ width, height, lines });
    }
    const outline: { title: string; page: number }[] = [];
    const walk = async (items: Awaited<ReturnType<typeof pdf.getOutline>>) => {
      for (const item of items ?? []) {
        const dest = typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : item.dest;
        const page = dest ? (await pdf.getPageIndex(dest[0] as { num: number; gen: number })) + 1 : 0;
        outline.push({ title: item.title, page });
        await walk(item.items);
      }
    };
    await walk(await pdf.getOutline());
    return { pages, outline };
  } finally {
    await pdf.destroy();
  }
}

/** The page number printed in the bottom margin of a page, if any. */
function folio(page: PageText): string | undefined {
  return page.lines.find((line) => line.y < 60 && /^\d+$/.test(line.text))?.text;
}

describe('print PDF', () => {
  it('carries title, author, keywords, language tags and A4 pages (pdfinfo)', () => {
    const info = pdfInfo(article());
    expect(info.Title).toBe(TITLE);
    expect(info.Author).toBe('劉勝');
    expect(info.Keywords).toContain('責任感');
    expect(info.Subject).toBe('中國軍轉民 2024年3期');
    expect(info.Creator).toBe('galley');
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toContain('(A4)');
    expect(info.CreationDate).toContain('2024');
  });

  it('opens in poppler without a syntax warning', () => {
    for (const path of [article(), guide()]) {
      const run = spawnSync('pdfinfo', [path], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
    }
  });

  it('has bookmarks for every heading, each pointing at its page', async () => {
    const { outline } = await readPdf(article());
    const titles = outline.map((item) => item.title.replace(/幹/g, '干'));
    expect(titles[0]).toBe(TITLE);
    // Each once: Chromium's doubled titles are repaired (pipeline/emit/pdf/outline.ts).
    expect(titles.slice(2)).toEqual(HEADINGS);
    for (const item of outline) expect(item.page, item.title).toBeGreaterThan(0);
  });

  it('embeds every font, none as Type 3 (pdffonts)', () => {
    for (const path of [article(), guide()]) {
      const fonts = pdfFonts(path);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.embedded, font.name).toBe(true);
        expect(font.type, font.name).not.toBe('Type 3');
      }
    }
  });

  it('prints the page number at the foot and the title at the head of every page but the first', async () => {
    for (const [path, title] of [[article(), TITLE], [guide(), 'Reading a Galley Proof']] as const) {
      const { pages } = await readPdf(path);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(folio(pages[0]!)).toBeUndefined();
      pages.slice(1).forEach((page, i) => {
        expect(folio(page), `page ${i + 2}`).toBe(String(i + 2));
        const head = page.lines.filter((line) => line.y > page.height - 60).map((line) => line.text).join('');
        expect(head, `page ${i + 2}`).toBe(title);
      });
    }
  });

  it('numbers the contents with the pages the headings fall on', async () => {
    for (const path of [article(), guide()]) {
      const { pages, outline } = await readPdf(path);
      // The contents list the headings below the title, in order; their numbers sit at the right edge.
      const first = pages[0]!;
      const printed = first.lines
        .filter((line) => /^\d+$/.test(line.text) && line.x > first.width * 0.75 && line.y > 60)
        .sort((a, b) => b.y - a.y);
      const numbers = printed.map((line) => Number(line.text));
      // Drawn after the print (pipeline/emit/pdf/toc.ts): each on the baseline of its entry's text, all flush right in one column.
      for (const number of printed) {
        const entry = first.lines.find((line) => line !== number && line.x < first.width / 2 && Math.abs(line.y - number.y) < 0.05);
        expect(entry, `entry on the baseline of ${number.text} at y ${number.y}`).toBeDefined();
      }
      const ends = printed.map((line) => line.x + line.width);
      expect(Math.max(...ends) - Math.min(...ends)).toBeLessThan(0.05);
      const contentsAt = outline.findIndex((item) => item.title === '目錄' || item.title === 'Contents');
      // The guide repeats its title as a first heading; the contents leave it out.
      const headings = outline.slice(contentsAt + 1).filter((item) => item.title !== outline[0]!.title);
      expect(numbers.length).toBeGreaterThanOrEqual(3);
      expect(numbers).toEqual(headings.slice(0, numbers.length).map((item) => item.page));
      expect(new Set(numbers).size).toBeGreaterThan(1);
    }
  });

  it('links each contents entry to the page of its heading, and names every heading for file.pdf#id', async () => {
    for (const path of [article(), guide(), join(vertical, 'jiceng-dangwu-sikao.pdf')]) {
      const { outline } = await readPdf(path);
      const layout = await pdfLayout(path);
      try {
        // Printed as links to the page's origin, then given their destinations (pipeline/emit/pdf/headings.ts): none is left pointing there.
        expect(layout.links.filter((link) => link.url?.includes('galley.invalid'))).toEqual([]);
        const contentsAt = outline.findIndex((item) => item.title === '目錄' || item.title === 'Contents');
        const headings = outline.slice(contentsAt + 1).filter((item) => item.title !== outline[0]!.title);
        const entries = layout.links.filter((link) => link.page === 1 && !link.url).slice(0, headings.length);
        expect(entries.length, path).toBeGreaterThanOrEqual(3);
        expect(entries.map((link) => link.target)).toEqual(headings.slice(0, entries.length).map((item) => item.page));
        // Every bookmarked heading but the title (which has no id) has a named destination on its page, the contents' own
        // included; footnotes and the like have theirs besides.
        const pdf = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
        const names = pdf.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('Dests'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
        const keys = Array.from({ length: names.size() / 2 }, (_, i) => decodeURIComponent(names.lookup(2 * i, PDFHexString).decodeText()));
        const pages = await Promise.all(keys.map((key) => layout.destination(key)));
        const left = [...pages];
        for (const item of outline.slice(1)) {
          const at = left.indexOf(item.page);
          expect(at, `${item.title}: a destination on page ${item.page}`).toBeGreaterThanOrEqual(0);
          left.splice(at, 1);
        }
      } finally {
        await layout.close();
      }
    }
  });

  it('writes the same bytes on every build', () => {
    for (const name of ['jiceng-dangwu-sikao.pdf', 'galley-proofs.pdf']) {
      const a = readFileSync(join(out, name));
      const b = readFileSync(join(again, name));
      expect(a.equals(b), name).toBe(true);
    }
  });

  it('prints a document on a page that showed another exactly as on a fresh page', () => {
    for (const name of ['jiceng-dangwu-sikao.pdf', 'galley-proofs.pdf']) {
      const fresh = readFileSync(join(out, name));
      for (const dir of reused) expect(readFileSync(join(dir, name)).equals(fresh), `${name} in ${dir}`).toBe(true);
    }
  });

  it('sets vertical writing right to left, with folios and bookmarks', async () => {
    const path = join(vertical, 'jiceng-dangwu-sikao.pdf');
    const pdf = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
    const preferences = pdf.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(preferences.get(PDFName.of('Direction'))).toBe(PDFName.of('R2L'));
    const { pages, outline } = await readPdf(path);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(outline.map((item) => item.title.replace(/幹/g, '干')).slice(2)).toEqual(HEADINGS);
    // Portrait pages, each but the first numbered.
    expect(pages[0]!.height).toBeGreaterThan(pages[0]!.width);
    expect(folio(pages[0]!)).toBeUndefined();
    expect(folio(pages[1]!)).toBe('2');
    // The contents' numbers (set upright at the foot of each column) are the pages the headings fall on.
    const first = pages[0]!;
    const numbers = first.lines
      .filter((line) => /^\d+$/.test(line.text) && line.y < first.height * 0.15 && line.y > 60)
      .sort((a, b) => b.x - a.x)
      .map((line) => Number(line.text));
    const contentsAt = outline.findIndex((item) => item.title === '目錄');
    expect(numbers).toEqual(outline.slice(contentsAt + 1).map((item) => item.page));
  });
});
