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
const outNames = (dir: string) => readdirSync(join(dir, 'out')).filter((name) => !name.startsWith('.')).sort();

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
