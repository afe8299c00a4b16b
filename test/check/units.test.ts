/** The check's parts on their own, without a browser: formatting, masking, pixels, reporters. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { GalleyError } from '../../pipeline/errors.ts';
import { maskVolatile } from '../../pipeline/check/epub.ts';
import { formatMarkup, hashDataUris } from '../../pipeline/check/markup.ts';
import { parseFonts } from '../../pipeline/check/pdf.ts';
import { comparePages } from '../../pipeline/check/pixels.ts';
import { githubAnnotations, humanReport, junitReport } from '../../pipeline/check/reporters/index.ts';
import type { CheckResult } from '../../pipeline/check/types.ts';

describe('formatMarkup', () => {
  it('puts each block on its own line and keeps phrasing content on its parent line', () => {
    const html = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>T</title></head><body><main><h1 id="t">T</h1><p>One <em>two</em>\n   three<br>four</p><ul><li>a</li><li>b <a href="#x">c</a></li></ul></main></body></html>';
    expect(formatMarkup(html)).toBe(
      [
        '<!DOCTYPE html>',
        '<html>',
        '  <head>',
        '    <meta charset="utf-8">',
        '    <title>T</title>',
        '  </head>',
        '  <body>',
        '    <main>',
        '      <h1 id="t">T</h1>',
        '      <p>One <em>two</em> three<br>four</p>',
        '      <ul>',
        '        <li>a</li>',
        '        <li>b <a href="#x">c</a></li>',
        '      </ul>',
        '    </main>',
        '  </body>',
        '</html>',
        '',
      ].join('\n'),
    );
  });

  it('keeps the lines of pre and style as written, and reads XML self-closing tags', () => {
    const out = formatMarkup('<body><pre><code>a  b\n  c</code></pre><style>\np { x: 1 }\nq { y: 2 }\n</style></body>');
    expect(out).toContain('  <pre><code>a  b\n  c</code></pre>\n');
    expect(out).toContain('  <style>\n    p { x: 1 }\n    q { y: 2 }\n  </style>');
    const xml = formatMarkup('<?xml version="1.0"?><package\n   version="3.0"><metadata><dc:title>T</dc:title><meta property="x"/></metadata><spine><itemref idref="a"/></spine></package>', { xml: true });
    expect(xml).toBe(
      '<?xml version="1.0"?>\n<package version="3.0">\n  <metadata>\n    <dc:title>T</dc:title>\n    <meta property="x"/>\n  </metadata>\n  <spine>\n    <itemref idref="a"/>\n  </spine>\n</package>\n',
    );
  });

  it('replaces base64 data by its size and hash, which change with the data', () => {
    const a = hashDataUris('<img src="data:image/png;base64,AAAAAAAA">');
    const b = hashDataUris('<img src="data:image/png;base64,AAAAAAAB">');
    expect(a).toMatch(/^<img src="data:image\/png;base64,\[6 bytes sha256:[0-9a-f]{12}\]">$/);
    expect(a).not.toBe(b);
    expect(hashDataUris('<img src="data:image/png;base64,AAAAAAAA">')).toBe(a);
  });
});

describe('maskVolatile', () => {
  it('numbers random UUIDs by first appearance and hides the build time', () => {
    const text =
      'images/0c2f5b1e-1111-4aaa-8bbb-123456789abc.svg\n<dc:identifier>9d1e0000-2222-4ccc-9ddd-abcdefabcdef</dc:identifier>\n' +
      '<item href="images/0C2F5B1E-1111-4AAA-8BBB-123456789ABC.svg"/>\n<meta property="dcterms:modified">2026-01-02T03:04:05Z</meta>';
    expect(maskVolatile(text)).toBe(
      'images/uuid-1.svg\n<dc:identifier>uuid-2</dc:identifier>\n<item href="images/uuid-1.svg"/>\n<meta property="dcterms:modified">(build time)</meta>',
    );
  });
});

describe('parseFonts', () => {
  it('drops the random subset prefix and lists each font once', () => {
    const out = [
      'name                                 type              encoding         emb sub uni object ID',
      '------------------------------------ ----------------- ---------------- --- --- --- ---------',
      'AAAAAA+NotoSans-Bold                 CID TrueType      Identity-H       yes yes yes      4  0',
      'BAAAAA+NotoSerifTC-Regular           CID TrueType      Identity-H       yes yes yes      5  0',
      'QWERTY+NotoSerifTC-Regular           CID TrueType      Identity-H       yes yes yes     19  0',
      'Helvetica                            Type 1            WinAnsi          no  no  no      30  0',
    ].join('\n');
    expect(parseFonts(out)).toEqual([
      'Helvetica (Type 1, not embedded)',
      'NotoSans-Bold (CID TrueType, embedded)',
      'NotoSerifTC-Regular (CID TrueType, embedded)',
    ]);
  });
});

/** A white page with black rectangles [x, y, w, h]. */
function page(width: number, height: number, boxes: number[][]): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(255);
  for (const [x, y, w, h] of boxes) {
    for (let row = y!; row < y! + h!; row++) {
      for (let col = x!; col < x! + w!; col++) {
        const i = (row * width + col) * 4;
        png.data[i] = png.data[i + 1] = png.data[i + 2] = 0;
      }
    }
  }
  return PNG.sync.write(png);
}

describe('comparePages', () => {
  const lines = Array.from({ length: 20 }, (_, i) => [20, 20 + i * 12, 160, 6]);

  it('passes identical pages and a change below the limit', () => {
    expect(comparePages(page(200, 300, lines), page(200, 300, lines))).toEqual({ ratio: 0, failed: false });
    // A 10×10 blot: 100 of 60,000 pixels, 0.17%, under the 0.5% limit.
    const blot = comparePages(page(200, 300, lines), page(200, 300, [...lines, [5, 5, 10, 10]]));
    expect(blot.failed).toBe(false);
    expect(blot.ratio).toBeCloseTo(100 / 60000, 4);
  });

  it('fails when the text block moves by 2 px, as a 1 mm wider margin does at 50 dpi, and draws the diff', () => {
    const moved = lines.map(([x, y, w, h]) => [x!, y! + 2, w!, h!]);
    const result = comparePages(page(200, 300, lines), page(200, 300, moved));
    expect(result.failed).toBe(true);
    expect(result.ratio).toBeGreaterThan(0.05);
    const diff = PNG.sync.read(result.diff!);
    expect([diff.width, diff.height]).toEqual([200 * 3 + 16, 300]);
  });

  it('fails with a reason when the page size changes', () => {
    const result = comparePages(page(200, 300, []), page(210, 300, []));
    expect(result).toMatchObject({ failed: true, reason: 'page size changed from 200×300 to 210×300 px' });
  });
});

const result: CheckResult = {
  ok: false,
  errors: [new GalleyError(undefined, 'no browser & no "luck"', 2)],
  outputs: [
    { source: 'source/a&b.md', slug: 'a-b', format: 'html', status: 'passed', images: [] },
    {
      source: 'source/a&b.md',
      slug: 'a-b',
      format: 'pdf',
      status: 'failed',
      message: 'text differs on page 1, 50% of "pixels"',
      diff: '--- a\n+++ b\n@@ -1 +1 @@\n-<p>old\f</p>\n+<p>new]]></p>',
      images: ['out/diff/a-b-page-1.png'],
    },
    { source: 'source/a&b.md', slug: 'a-b', format: 'epub', status: 'written', message: 'snapshot written: x', images: [] },
  ],
};

describe('reporters', () => {
  it('JUnit: well-formed whatever the diff holds, one testcase per output, failures carry the diff', () => {
    const xml = junitReport(result);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const cases = doc.testsuites.testsuite.testcase;
    expect(cases).toHaveLength(4);
    expect(cases[1]).toMatchObject({ classname: 'source/a&b.md', name: 'pdf', failure: { message: 'text differs on page 1, 50% of "pixels"' } });
    expect(cases[1].failure['#text']).toContain('+<p>new]]></p>');
    expect(cases[1].failure['#text']).toContain('diff image: out/diff/a-b-page-1.png');
    expect(cases[3].error.message).toBe('no browser & no "luck"');
    expect(doc.testsuites.failures).toBe('1');
  });

  it('GitHub: one escaped ::error line per failure', () => {
    const lines = githubAnnotations(result).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      '::error file=source/a&b.md,title=galley check%3A pdf::text differs on page 1, 50%25 of "pixels"%0A--- a%0A+++ b%0A@@ -1 +1 @@%0A-<p>old\f</p>%0A+<p>new]]></p>',
    );
    expect(lines[1]).toBe('::error title=galley check::no browser & no "luck"');
  });

  it('human: a line per output, the diff under a failure, a total', () => {
    const text = humanReport(result);
    expect(text).toContain('✓ source/a&b.md html\n✗ source/a&b.md pdf: text differs on page 1');
    expect(text).toContain('\n    +<p>new]]></p>\n');
    expect(text).toContain('+ source/a&b.md epub: snapshot written: x');
    expect(text).toContain('1 passed, 1 failed, 1 written');
  });
});
