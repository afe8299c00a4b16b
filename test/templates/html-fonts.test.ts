/**
 * The reading page carries its fonts without parsing one (issue 16, issue 18):
 * the woff2 slices of galley's fonts that its characters need are copied into
 * out/fonts/, shared by every page, and named by relative URLs with their
 * unicode-range. Opened from the out folder in Chromium with no CJK font on
 * the machine, its Chinese is drawn in galley's font, loaded from those files.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../pipeline/emit/browser/index.ts';
import { familyPackage, fontFaces, fontFileByName, fontPackageDir } from '../../pipeline/fonts/catalogue.ts';
import { placeFonts, type PlacedFonts } from '../../pipeline/emit/html.ts';
import { galley, makeProject } from '../robustness/project.ts';

const HANS = '---\nlang: zh-Hans\n---\n\n# 排版流水线\n\n简体中文的段落，含有 Latin words 和 `代码 code`。\n\n## 第二节\n\n**粗体的汉字**在这里。\n';
const HANT = '---\nlang: zh-Hant\n---\n\n# 臺灣的書\n\n這是一段繁體中文。\n';

interface Face {
  family: string;
  weight: string;
  file: string;
  ranges: [number, number][];
}

function faces(html: string): Face[] {
  return [...html.matchAll(/@font-face \{([^}]*)\}/g)].flatMap(([, rule]) => {
    const file = rule!.match(/src: url\(fonts\/([\w.-]+)\) format\('woff2'\)/)?.[1];
    if (!file) return [];
    const ranges = (rule!.match(/unicode-range: ([^;]+);/)?.[1] ?? 'U+0-10FFFF').split(',').map((part): [number, number] => {
      const [lo, hi] = part.trim().slice(2).split('-');
      return [parseInt(lo!, 16), parseInt(hi ?? lo!, 16)];
    });
    return [{ family: rule!.match(/font-family: '([^']+)'/)![1]!, weight: rule!.match(/font-weight: (\d+)/)![1]!, file, ranges }];
  });
}

const covers = (face: Face, char: string) => face.ranges.some(([lo, hi]) => char.codePointAt(0)! >= lo && char.codePointAt(0)! <= hi);
const han = (text: string) => [...new Set(text.match(/\p{Script=Han}/gu))];
const mtimes = (dir: string) => Object.fromEntries(readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((p) => [p, statSync(join(dir, p)).mtimeMs]));

describe('the HTML page and its font files', () => {
  let dir: string;
  let first: ReturnType<typeof galley>;
  const page = (name: string) => readFileSync(join(dir, 'out', name), 'utf8');

  beforeAll(() => {
    dir = makeProject({ 'source/hans.md': HANS, 'source/hant.md': HANT });
    first = galley(dir, ['build']);
  });

  it('names, for each of its characters, a slice of its family that covers it, by a relative URL', () => {
    expect(first.code, first.stderr).toBe(0);
    for (const [name, family, text] of [
      ['hans.html', 'Noto Serif SC', HANS],
      ['hant.html', 'Noto Serif TC', HANT],
    ] as const) {
      const named = faces(page(name));
      for (const char of han(text)) expect(named.some((f) => f.family === family && f.weight === '400' && covers(f, char)), `${name} ${char}`).toBe(true);
      // Only the slices the page needs: a CJK family has over a hundred per weight.
      const regular = named.filter((f) => f.family === family && f.weight === '400').length;
      expect(regular).toBeLessThan(fontFaces(familyPackage(family), 400).length / 5);
      expect(page(name)).not.toMatch(/url\((?!["']?(?:fonts\/|data:))/);
    }
  });

  it('copies exactly the files the pages name into out/fonts, shared, byte for byte the package files', () => {
    const named = new Set([...faces(page('hans.html')), ...faces(page('hant.html'))].map((f) => f.file));
    expect(readdirSync(join(dir, 'out/fonts')).sort()).toEqual([...named].sort());
    for (const name of named) {
      const { pkg, file } = fontFileByName(name)!;
      expect(readFileSync(join(dir, 'out/fonts', name)).equals(readFileSync(join(fontPackageDir(pkg), file))), name).toBe(true);
    }
  });

  it('opened from the out folder in Chromium, draws its Chinese in galley font, loading only its own files', async () => {
    const browser = await puppeteer.launch({ executablePath: findBrowser(), args: ['--no-sandbox'], headless: true });
    try {
      const tab = await browser.newPage();
      const requests: string[] = [];
      const failures: string[] = [];
      tab.on('request', (request) => void requests.push(request.url()));
      tab.on('requestfailed', (request) => void failures.push(request.url()));
      const url = pathToFileURL(join(dir, 'out/hans.html')).href;
      await tab.goto(url, { waitUntil: 'networkidle0' });
      await tab.evaluate(() => document.fonts.ready);
      const loaded = await tab.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight} ${f.unicodeRange}`));
      expect(failures).toEqual([]);
      expect(requests.filter((r) => r !== url).every((r) => r.startsWith(pathToFileURL(join(dir, 'out/fonts/')).href))).toBe(true);
      // Every Han character of the body and the bold line has a loaded face of galley's family.
      const loadedFaces = faces(page('hans.html')).filter((f) => loaded.some((l) => l.startsWith(`${f.family} ${f.weight} `) && covers(f, String.fromCodePoint(parseInt(l.split('U+')[1]!, 16)))));
      for (const char of han('简体中文的段落含有和在这里')) expect(loadedFaces.some((f) => f.family === 'Noto Serif SC' && covers(f, char)), char).toBe(true);
      // Headings are set in the sans family, and it was loaded too.
      expect(loaded.some((l) => l.startsWith('Noto Sans SC 700'))).toBe(true);
    } finally {
      await browser.close();
    }
  });

  it('rebuilds nothing when nothing changed, and a page whose font file went missing is built again', () => {
    const before = mtimes(join(dir, 'out'));
    const again = galley(dir, ['build']);
    expect(again.stderr).toMatch(/hans\.md.*up to date/);
    expect(mtimes(join(dir, 'out'))).toEqual(before);
    const gone = faces(page('hant.html')).find((f) => f.family === 'Noto Serif TC')!.file;
    rmSync(join(dir, 'out/fonts', gone));
    const repaired = galley(dir, ['build']);
    expect(repaired.stderr).not.toMatch(/hant\.md.*up to date/);
    expect(repaired.stderr).toMatch(/hans\.md.*up to date/);
    expect(readdirSync(join(dir, 'out/fonts'))).toContain(gone);
  });

  it('puts back a font file whose bytes changed, at the same size or another, and leaves the others untouched', () => {
    const [same, shorter, ...rest] = faces(page('hans.html')).filter((f) => f.family === 'Noto Serif SC').map((f) => f.file);
    const original = (name: string) => readFileSync(join(fontPackageDir(fontFileByName(name)!.pkg), fontFileByName(name)!.file));
    const flipped = Buffer.from(original(same!));
    flipped[flipped.length >> 1]! ^= 0xff;
    writeFileSync(join(dir, 'out/fonts', same!), flipped);
    writeFileSync(join(dir, 'out/fonts', shorter!), original(shorter!).subarray(0, 100));
    const untouched = mtimes(join(dir, 'out/fonts'));
    expect(galley(dir, ['build', '--force']).code).toBe(0);
    for (const name of [same!, shorter!]) expect(readFileSync(join(dir, 'out/fonts', name)).equals(original(name)), name).toBe(true);
    const after = mtimes(join(dir, 'out/fonts'));
    for (const name of rest) expect(after[name], name).toBe(untouched[name]);
  });

  it('with selfContained: true names no file beside it and writes none', () => {
    const alone = makeProject({ 'source/hans.md': HANS }, 'formats: [html]\nselfContained: true\n');
    expect(galley(alone, ['build']).code).toBe(0);
    const html = readFileSync(join(alone, 'out/hans.html'), 'utf8');
    expect(html).toContain('data:font/ttf;base64,');
    expect(html).not.toContain('url(fonts/');
    expect(readdirSync(join(alone, 'out')).filter((name) => !name.startsWith('.'))).toEqual(['hans.html']);
  });
});

describe('placing the font files in one build', () => {
  it('looks at each file once for all the pages naming it, and a new build looks again', async () => {
    const dir = join(makeProject({}), 'fonts');
    const files = ['noto-sans-latin-400-normal.woff2', 'noto-sans-latin-700-normal.woff2'].map((name) => join(fontPackageDir('noto-sans'), 'files', name));
    const placed: PlacedFonts = new Map();
    const first = await placeFonts(files, dir, placed);
    expect(first.map((path) => readFileSync(path).equals(readFileSync(files[first.indexOf(path)]!)))).toEqual([true, true]);
    // Damaged behind the build's back: the same build has placed it and does not read it again for the next page...
    writeFileSync(first[0]!, 'damaged');
    await placeFonts(files, dir, placed);
    expect(readFileSync(first[0]!, 'utf8')).toBe('damaged');
    // ...a build of its own compares it, and puts it back.
    await placeFonts(files, dir);
    expect(readFileSync(first[0]!).equals(readFileSync(files[0]!))).toBe(true);
  });
});
