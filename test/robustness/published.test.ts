/**
 * Nothing wrong is ever published (issue 17): one test per class of fault,
 * each through the real CLI in a throwaway project.
 */
import { readdirSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { galley, makeProject, OK_DOC, ROOT, STACK_LINE } from './project.ts';

const HTML_EPUB = 'formats: [html, epub]\n';
const png = () => sharp({ create: { width: 4, height: 4, channels: 3, background: '#c00' } }).png().toBuffer();
/** The documents' outputs: not the cache, nor fonts/, the font files the pages share. */
const outNames = (dir: string) => readdirSync(join(dir, 'out')).filter((name) => !name.startsWith('.') && name !== 'fonts').sort();

describe('output names are unique by construction', () => {
  it('sources that would share outputs are refused together, before anything is written, build after build', () => {
    const long = `${'長'.repeat(60)}-${'x'.repeat(64)}`; // 245 bytes of UTF-8: no room for a temp-file suffix
    const dir = makeProject({
      'source/report.md': '# Report one\n\nfrom report.md\n',
      'source/sub/Report.txt': 'Report two\n\nfrom Report.txt\n',
      'source/report-2.md': '# Report three\n\nfrom report-2.md\n',
      [`source/${long}.md`]: OK_DOC,
    });
    for (const run of [galley(dir, ['build']), galley(dir, ['build'])]) {
      expect(run.errors).toEqual(['galley: source/report.md: not built: source/sub/Report.txt would write the same outputs (report.*); rename one of them']);
      expect(run.code).toBe(1);
      expect(run.stderr).not.toMatch(/report\.md.*up to date|Report\.txt.*up to date/);
    }
    expect(outNames(dir)).toHaveLength(2);
    expect(readFileSync(join(dir, 'out/report-2.html'), 'utf8')).toContain('from report-2.md');
    expect(outNames(dir).filter((name) => Buffer.byteLength(name) <= 205 && name.startsWith('長'))).toHaveLength(1);
  });
});

describe('what a document may load is decided by what it is', () => {
  it('refuses dotfiles, dot-folders, node_modules, the out folder and non-images, with positions, and embeds none of them', async () => {
    const secret = 'API_KEY=sk-live-4b1d';
    const dir = makeProject(
      {
        'source/doc.md': [
          '# Pictures',
          '![ok](../images/real.png)',
          '![dotfile](../.secrets)',
          '![dot-folder](../.config/key.png)',
          '![package](../node_modules/pkg/logo.png)',
          '![text as png](../images/fake.png)',
          '![jpeg as png](../images/photo.png)',
          '![svg](../images/broken.svg)',
          '![folder](../images)',
          '![gone](../images/later.png)',
          '![output](../out/old.png)',
          '',
        ].join('\n\n'),
        'images/real.png': await png(),
        '.secrets': secret,
        '.config/key.png': await png(),
        'node_modules/pkg/logo.png': await png(),
        'images/fake.png': secret,
        'images/photo.png': await sharp({ create: { width: 2, height: 2, channels: 3, background: '#00c' } }).jpeg().toBuffer(),
        'images/broken.svg': `<svg><text>${secret}</svg>`,
        'out/old.png': await png(),
      },
      HTML_EPUB,
    );
    const run = galley(dir, ['build']);
    expect(run.code).toBe(0);
    const warnings = run.stderr.split('\n').filter((line) => line.includes('blocked-resource'));
    const expected: [number, string][] = [
      [5, 'dotfiles, dot-folders and node_modules are never loaded'],
      [7, 'dotfiles, dot-folders and node_modules are never loaded'],
      [9, 'dotfiles, dot-folders and node_modules are never loaded'],
      [11, 'its bytes are not a PNG image'],
      [13, 'its bytes are image/jpeg, not the image/png its name says'],
      [15, 'not an SVG image (it does not parse as XML)'],
      [17, 'is a folder, not an image'],
      [19, 'no such file'],
      [21, 'the out folder is never loaded'],
    ];
    expect(warnings).toHaveLength(expected.length);
    for (const [line, why] of expected) expect(warnings.some((w) => w.includes(`${line}:1`) && w.includes(why)), `${line}: ${why}`).toBe(true);
    const html = readFileSync(join(dir, 'out/doc.html'), 'utf8');
    expect(html.match(/<img[^>]+src="data:image\/png;base64/g)).toHaveLength(1);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'out/doc.epub')));
    const texts = await Promise.all(Object.values(zip.files).map((entry) => entry.async('string')));
    for (const text of [html, ...texts]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(secret).toString('base64'));
    }
    expect(Object.keys(zip.files).filter((name) => /\.(png|jpe?g|svg)$/.test(name) && !/cover/.test(name))).toHaveLength(1);
  });
});

describe('the cache key covers what was read, as read', () => {
  it('an image missing at build time and added later, and a symlinked template file whose target changed, rebuild the document', async () => {
    const dir = makeProject({ 'source/doc.md': '# Pictures\n\n![later](../images/later.png)\n', 'source/other.md': OK_DOC });
    // A template whose screen.css is a symbolic link to a file elsewhere in the project.
    rmSync(join(dir, 'templates'));
    mkdirSync(join(dir, 'templates/plain'), { recursive: true });
    cpSync(join(ROOT, 'templates/default'), join(dir, 'templates/plain'), { recursive: true, dereference: true });
    rmSync(join(dir, 'templates/plain/screen.css'));
    mkdirSync(join(dir, 'styles'));
    writeFileSync(join(dir, 'styles/screen.css'), 'body { color: #111; }\n');
    symlinkSync(join(dir, 'styles/screen.css'), join(dir, 'templates/plain/screen.css'));
    writeFileSync(join(dir, 'galley.config.yaml'), 'formats: [html]\ntemplate: plain\n');
    const upToDate = (run: ReturnType<typeof galley>) => run.stderr.split('\n').filter((l) => l.includes('(up to date)')).map((l) => l.replace(/ →.*/, '').replace(/^\[\d+\/\d+\] /, '')).sort();
    expect(galley(dir, ['build']).stderr).toContain('no such file');
    expect(upToDate(galley(dir, ['build']))).toEqual(['source/doc.md', 'source/other.md']);
    mkdirSync(join(dir, 'images'));
    writeFileSync(join(dir, 'images/later.png'), await png());
    expect(upToDate(galley(dir, ['build']))).toEqual(['source/other.md']);
    expect(readFileSync(join(dir, 'out/doc.html'), 'utf8')).toContain('data:image/png;base64');
    writeFileSync(join(dir, 'styles/screen.css'), 'body { color: #222; }\n');
    expect(upToDate(galley(dir, ['build']))).toEqual([]);
    expect(readFileSync(join(dir, 'out/doc.html'), 'utf8')).toContain('#222');
  });
});

describe('text that goes into XML, CSS or a PDF string is checked by kind', () => {
  it('removes and reports characters XML forbids, refuses fields of the wrong kind by name, validates dates, escapes CSS strings', () => {
    const dir = makeProject(
      {
        'source/chars.md': '---\ntitle: "Bell\\u0007 and \\uFFFF"\nkeywords: ["ok", "vt\\u000b"]\n---\n\nA body with a noncharacter \uFDD0 in it.\n\n<p>Raw \u0002 HTML.</p>\n',
        'source/css.md': '---\ntitle: "\\r\\"}\\\\} @page{size:1mm}\\u003c/style>"\n---\n\nThe title above tries to leave its CSS string.\n',
        'source/mapping.md': '---\npublication: {name: x}\n---\n\nbody\n',
        'source/pairs.md': '---\nauthors: [one, [two, three]]\n---\n\nbody\n',
        'source/binary.md': '---\nrights: !!binary aGVsbG8=\n---\n\nbody\n',
        'source/february.md': '---\ndate: 2023-02-29\n---\n\nbody\n',
        'source/language.md': '---\nlang: "en US"\n---\n\nbody\n',
      },
      HTML_EPUB,
    );
    const run = galley(dir, ['build']);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.errors.sort()).toEqual([
      'galley: source/binary.md: front matter: rights must be text, not binary data',
      'galley: source/february.md: front matter: date "2023-02-29" is not a day of the calendar',
      'galley: source/language.md: front matter: lang "en US" is not a language tag (BCP 47, like zh-Hant or en)',
      'galley: source/mapping.md: front matter: publication must be text, not a mapping',
      'galley: source/pairs.md: front matter: authors[1] must be text, not a list',
    ]);
    expect(run.stderr).toMatch(/removed U\+0007, U\+FFFF from front matter title: not allowed in XML/);
    expect(run.stderr).toMatch(/removed U\+000B from front matter keywords\[1\]/);
    expect(run.stderr).toMatch(/6:\d+(-\d+:\d+)? +warning +removed U\+FDD0 from the text/);
    const html = readFileSync(join(dir, 'out/chars.html'), 'utf8');
    expect(html).toContain('Bell and');
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufdd0\uffff]/);
    expect(outNames(dir)).toEqual(['chars.epub', 'chars.html', 'css.epub', 'css.html']);
  });
});

describe('a document\'s outputs are published together or not at all', () => {
  it('when one output cannot be put in place, the previous set stays as it was; a bad SOURCE_DATE_EPOCH changes nothing', () => {
    const dir = makeProject({ 'source/doc.md': '# First\n\nfirst version\n' }, HTML_EPUB);
    expect(galley(dir, ['build']).code).toBe(0);
    const before = { html: readFileSync(join(dir, 'out/doc.html')), epub: readFileSync(join(dir, 'out/doc.epub')) };
    writeFileSync(join(dir, 'source/doc.md'), '# Second\n\nsecond version\n');
    // The EPUB's place taken by a folder: the HTML is written first, and must be put back.
    rmSync(join(dir, 'out/doc.epub'));
    mkdirSync(join(dir, 'out/doc.epub'));
    const failed = galley(dir, ['build']);
    expect(failed.code).toBe(1);
    expect(failed.errors).toHaveLength(1);
    expect(failed.errors[0]).toMatch(/^galley: source\/doc\.md: outputs not written \(the previous ones are kept\): /);
    expect(readFileSync(join(dir, 'out/doc.html')).equals(before.html)).toBe(true);
    rmSync(join(dir, 'out/doc.epub'), { recursive: true });
    writeFileSync(join(dir, 'out/doc.epub'), before.epub);
    const epoch = galley(dir, ['build'], { SOURCE_DATE_EPOCH: '9'.repeat(20) });
    expect(epoch.errors).toEqual([`galley: SOURCE_DATE_EPOCH: "${'9'.repeat(20)}" is not a time galley can write (whole seconds since 1970, up to 253402300799)`]);
    expect(epoch.code).toBe(2);
    expect(readFileSync(join(dir, 'out/doc.html')).equals(before.html)).toBe(true);
    expect(readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(galley(dir, ['build']).code).toBe(0);
    expect(readFileSync(join(dir, 'out/doc.html'), 'utf8')).toContain('second version');
  });
});

describe('every stage has a budget', () => {
  it('runaway tables, footnotes, headings, emphasis and nesting are refused with one line each, and the document beside them builds', () => {
    const table = `| a | b | c | d |\n|---|---|---|---|\n${'| 1 | 2 | 3 | 4 |\n'.repeat(13_000)}`;
    const notes = Array.from({ length: 6_000 }, (_, i) => `Text[^n${i}].\n\n[^n${i}]: Note ${i}.`).join('\n\n');
    const dir = makeProject({
      'source/ok.md': OK_DOC,
      'source/table.md': `# Table\n\n${table}`,
      'source/notes.md': `# Notes\n\n${notes}\n`,
      'source/emphasis.md': `# Emphasis\n\nplain line\n${'*a _'.repeat(3_000)}\n`,
      // Headings of every depth, in ATX form; the `#` inside a fence is code, not a heading.
      'source/headings.md': `${Array.from({ length: 11_000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} Heading ${i}`).join('\n\n')}\n\n\`\`\`\n# not a heading\n\`\`\`\n`,
      // Each item one level inside the last: 1,000 of them took minutes to parse.
      'source/nested.md': `# Nested\n\n${Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`,
    });
    const run = galley(dir, ['build']);
    expect(run.errors.sort()).toEqual([
      'galley: source/emphasis.md: line 3: 6,000 emphasis marks (* and _) in one paragraph (the limit is 2,000)',
      'galley: source/headings.md: 11,000 headings (the limit is 10,500)',
      'galley: source/nested.md: line 35: quotes or lists nested 33 deep (the limit is 32)',
      'galley: source/notes.md: 6,000 footnotes (the limit is 5,000)',
      'galley: source/table.md: 65,010 table cells (the limit is 50,000)',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(outNames(dir)).toEqual(['ok.html']);
  });
});
