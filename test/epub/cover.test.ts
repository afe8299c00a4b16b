/**
 * The cover image: galley draws its own, without a browser, from glyph
 * outlines of its fonts; a template's own cover.html is shot by Chromium.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import fontkit from '@pdf-lib/fontkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { prepareDocument } from '../../pipeline/process/document.ts';
import { needsBrowser, writeOutputs } from '../../pipeline/batch/outputs.ts';
import { namedSources } from '../../pipeline/batch/sources.ts';
import { resolveSettings } from '../../pipeline/config/index.ts';
import { BrowserSession } from '../../pipeline/emit/browser/index.ts';
import { COVER_HEIGHT, COVER_WIDTH, coverSvg } from '../../pipeline/emit/epub/cover/design.ts';
import { coverImage, drawCover } from '../../pipeline/emit/epub/cover/index.ts';
import { balancedLines, breakPieces } from '../../pipeline/emit/epub/cover/lines.ts';
import { loadTemplate } from '../../pipeline/render/template.ts';
import type { DocumentMeta } from '../../pipeline/types.ts';
import { fontPackageDir } from '../../pipeline/fonts/catalogue.ts';
import { GUIDE, ROOT } from '../helpers/build.ts';

const ARTICLE: DocumentMeta = { title: '新形勢下做好基層黨務工作的幾點思考', authors: ['劉勝'], publication: '中國軍轉民', issue: '2024年3期', lang: 'zh-Hant', keywords: [] };
/** fontkit's path class, whose toSVG makes a glyph's outline. */
function pathPrototype(): { toSVG(): string } {
  const font = fontkit.create(readFileSync(join(fontPackageDir('noto-sans'), 'files/noto-sans-latin-400-normal.woff')));
  return Object.getPrototypeOf(font.glyphForCodePoint(0x61).path) as { toSVG(): string };
}
const byChars = (line: string) => Array.from(line).length * 10;
const defaultTemplate = loadTemplate('default', join(ROOT, 'templates'));
const ownCoverTemplate = { ...defaultTemplate, name: 'cover-template', cover: readFileSync(join(ROOT, 'test/fixtures/cover-template/cover.html'), 'utf8') };

describe('cover lines', () => {
  it('are as few as fit, then balanced', () => {
    // 17 characters in a measure of 12: greedy would give 12 + 5.
    expect(balancedLines(ARTICLE.title, byChars, 120).map((line) => Array.from(line).length)).toEqual([9, 8]);
    expect(balancedLines('Reading a Galley Proof', byChars, 300)).toEqual(['Reading a Galley Proof']);
    expect(balancedLines('Reading a Galley Proof', byChars, 150)).toEqual(['Reading a', 'Galley Proof']);
  });

  it('break at spaces and between ideographs, never before closing or after opening punctuation', () => {
    expect(breakPieces('Reading a Galley')).toEqual(['Reading ', 'a ', 'Galley']);
    expect(breakPieces('論「基層」工作。2024年')).toEqual(['論', '「基', '層」', '工', '作。', '2024', '年']);
    for (const line of balancedLines('新形勢下，做好「基層黨務」工作的幾點思考。', byChars, 40)) {
      expect(line).not.toMatch(/^[，。」]/u);
      expect(line).not.toMatch(/「$/u);
    }
  });

  it('give a piece wider than the measure a line of its own', () => {
    expect(balancedLines('a Supercalifragilistic b', byChars, 50)).toEqual(['a', 'Supercalifragilistic', 'b']);
  });
});

/** Bounding box of the pixels in the ink colour of title and authors (#2b2118, within a tolerance). */
async function inkBox(png: Uint8Array) {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const box = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      if (Math.abs(data[i]! - 0x2b) + Math.abs(data[i + 1]! - 0x21) + Math.abs(data[i + 2]! - 0x18) > 30) continue;
      Object.assign(box, { left: Math.min(box.left, x), right: Math.max(box.right, x), top: Math.min(box.top, y), bottom: Math.max(box.bottom, y) });
    }
  }
  return { ...box, width: box.right - box.left, height: box.bottom - box.top };
}

describe('the drawn cover', () => {
  it('is a 1200 × 1800 PNG with every character of its text drawn', async () => {
    const png = await drawCover(ARTICLE, resolveSettings([{}]));
    const { width, height, format } = await sharp(png).metadata();
    expect({ width, height, format }).toEqual({ width: COVER_WIDTH, height: COVER_HEIGHT, format: 'png' });
    const svg = await coverSvg(ARTICLE, 'horizontal');
    const text = [ARTICLE.publication, ARTICLE.issue, ARTICLE.title, ...ARTICLE.authors, 'galley'].join('');
    expect(svg.match(/<path /g)).toHaveLength(Array.from(text).length);
  });

  it('turns each glyph into its outline once: breaking only measures, and the next cover reuses them', async () => {
    const meta = { ...ARTICLE, title: '鄉村教師的日常與學校治理研究', authors: ['黃志偉'] };
    const toSvg = vi.spyOn(pathPrototype(), 'toSVG');
    try {
      const first = await coverSvg(meta, 'horizontal');
      const drawn = first.match(/<path /g)!.length;
      // No more outlines than glyphs drawn, though every piece of the title was measured while breaking it.
      expect(toSvg.mock.calls.length).toBeGreaterThan(0);
      expect(toSvg.mock.calls.length).toBeLessThanOrEqual(drawn);
      toSvg.mockClear();
      expect(await coverSvg(meta, 'horizontal')).toBe(first);
      expect(toSvg).not.toHaveBeenCalled();
    } finally {
      toSvg.mockRestore();
    }
  });

  it('sets a horizontal title in lines and a vertical one in columns', async () => {
    const across = await inkBox(await drawCover(ARTICLE, resolveSettings([{}])));
    const down = await inkBox(await drawCover(ARTICLE, resolveSettings([{ writingMode: 'vertical' }])));
    // Title and authors: three lines across, two columns and one down.
    expect(across.width).toBeGreaterThan(across.height);
    expect(down.height).toBeGreaterThan(down.width * 1.5);
    // Lines start at the left; columns, as vertical books read, at the right.
    expect(across.left).toBeLessThan(200);
    expect(down.right).toBeGreaterThan(900);
  });

  it('sets a long title smaller, inside the border', async () => {
    const long = { ...ARTICLE, title: ARTICLE.title.repeat(8) };
    const box = await inkBox(await drawCover(long, resolveSettings([{}])));
    expect(box.left).toBeGreaterThanOrEqual(148);
    expect(box.right).toBeLessThanOrEqual(1052);
    expect(box.top).toBeGreaterThan(178);
    expect(box.bottom).toBeLessThan(1642);
  });
});

describe("a template's own cover.html", () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await BrowserSession.launch({ concurrency: 1 });
  });
  afterAll(() => session.close());

  it('is shot by the browser, and only it makes an EPUB build need one', async () => {
    const settings = resolveSettings([{}]);
    const drawn = await drawCover(ARTICLE, settings);
    const shot = await coverImage(ARTICLE, ownCoverTemplate, settings, session, () => undefined);
    expect(Buffer.from(shot.subarray(1, 4)).toString()).toBe('PNG');
    expect(Buffer.compare(Buffer.from(shot), Buffer.from(drawn))).not.toBe(0);
    expect(await coverImage(ARTICLE, defaultTemplate, settings, session, () => undefined)).toEqual(drawn);
    expect(needsBrowser(['epub'], defaultTemplate)).toBe(false);
    expect(needsBrowser(['epub'], ownCoverTemplate)).toBe(true);
    expect(needsBrowser(['html', 'pdf'], defaultTemplate)).toBe(true);
  });

  it('without a browser gives way to the drawn cover, and says so', async () => {
    const [source] = namedSources([GUIDE], ROOT).sources;
    const { file, rendered } = await prepareDocument(source!, { config: {}, cli: {} }, ROOT);
    const out = mkdtempSync(join(tmpdir(), 'galley-cover-'));
    try {
      const settings = resolveSettings([{ formats: ['epub'] }]);
      const written = await writeOutputs({ doc: rendered, template: ownCoverTemplate, settings, root: ROOT, session: undefined, file, path: (format) => join(out, `guide.${format}`) });
      expect(written.failure).toBeUndefined();
      expect(written.outputs.epub).toBe(join(out, 'guide.epub'));
      const notice = file.messages.find((m) => m.ruleId === 'cover-without-browser');
      expect(notice?.message).toBe("EPUB: templates/cover-template/cover.html needs a browser and none was found; the book gets galley's own cover");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
