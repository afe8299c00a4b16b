/** Messages placed in the rendered page: source ranges carried over by the alignment, and the marks that show them. */
import { describe, expect, it } from 'vitest';
import { markSpots, pageHtml, readPage } from '../../pipeline/preview/marks.ts';
import { align, mapRange, messageLength, offsetFinder } from '../../pipeline/preview/spots.ts';

/** The rendered text a source range becomes. */
function carried(source: string, rendered: string, start: number, end: number): string {
  const spot = mapRange(align(source, rendered)!, start, end);
  return rendered.slice(spot.start, spot.end);
}

describe('carrying a source range to the rendered text', () => {
  it('a replaced mark becomes its replacement', () => {
    expect(carried('目前,我國社會', '目前，我國社會', 2, 3)).toBe('，');
    expect(carried('重要?;鶎狱h務工作', '重要。基層黨務工作', 2, 7)).toBe('。基層黨');
  });

  it('text kept as it was stays itself, wherever markup moved it', () => {
    const source = '# Proofs\n\nA *galley* proof, read twice.\n';
    const rendered = 'Proofs\nA galley proof, read twice.';
    const at = source.indexOf('galley');
    expect(carried(source, rendered, at, at + 6)).toBe('galley');
    const comma = source.indexOf(', read');
    expect(carried(source, rendered, comma, comma + 6)).toBe(', read');
  });

  it('removed text becomes an empty spot where it was', () => {
    const source = '第一段。\n猜你喜歡\n第二段。';
    const rendered = '第一段。\n第二段。';
    const spot = mapRange(align(source, rendered)!, 5, 9);
    expect(spot.start).toBe(spot.end);
    expect(spot.start).toBe(5);
  });

  it('a range at the end of the source lands at the end of the text', () => {
    const spot = mapRange(align('正文。\n相關文章', '正文。')!, 4, 8);
    expect(spot).toEqual({ start: 3, end: 3 });
  });
});

describe('places and lengths', () => {
  it('turns lines and columns into offsets, lines ending in \\n, \\r\\n or \\r', () => {
    const source = 'ab\r\ncd\ref\ngh';
    const offset = offsetFinder(source);
    expect(source[offset(2, 1)]).toBe('c');
    expect(source[offset(3, 2)]).toBe('f');
    expect(source[offset(4, 1)]).toBe('g');
    expect(offset(9, 1)).toBe(source.length);
  });

  it('covers the text before the repair, else a citation or one character', () => {
    expect(messageLength('abc', 0, 'ab')).toBe(2);
    expect(messageLength('見[12]。', 1, undefined)).toBe(4);
    expect(messageLength('字', 0, undefined)).toBe(1);
  });
});

describe('marking the page', () => {
  const html = '<!doctype html><html lang="zh-Hant"><head><title>標題</title></head><body><nav>目錄，一</nav><h1>標題</h1><p>甲，乙<em>丙</em>丁。</p></body></html>';

  it('reads the running text, leaving out the contents', () => {
    const page = readPage(html);
    expect(page.title).toBe('標題');
    expect(page.lang).toBe('zh-Hant');
    expect(page.text).toBe('標題甲，乙丙丁。');
  });

  it('wraps each spot in marks naming its message, the first piece labelled for links', () => {
    const page = readPage(html);
    const comma = page.text.indexOf('，');
    markSpots(page, new Map([[3, { start: comma, end: comma + 1 }], [7, { start: comma + 1, end: comma + 3 }], [9, { start: 2, end: 2 }]]));
    const out = pageHtml(page, 'mark{}');
    expect(out).toContain('<nav>目錄，一</nav>');
    expect(out).toContain('<mark id="spot-3" class="galley-spot" data-repairs="3">，</mark>');
    // A spot across an element boundary: two pieces, one id.
    expect(out).toContain('<mark id="spot-7" class="galley-spot" data-repairs="7">乙</mark><em><mark class="galley-spot" data-repairs="7">丙</mark></em>');
    expect(out).toContain('<mark id="spot-9" class="galley-spot galley-removed" data-repairs="9"></mark>甲');
    expect(out).toContain('<style>mark{}</style></head>');
  });
});
