/**
 * The CLI starts from its bundle (dist/, made by npm install and before the
 * tests) and loads only what a run needs: --version and --help nothing beyond
 * the bundle's entry, an HTML build none of the heavy modules a PDF or an
 * e-book needs, opencc only when there is a script to convert or report.
 * Asserted on which modules are loaded, never on time (that is npm run bench).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runsCompiled } from '../../bin/load.js';
import { ROOT } from '../helpers/build.ts';

const BIN = join(ROOT, 'bin/galley.js');
const TRACE = join(ROOT, 'test/perf/loads/trace.mjs');

/** Modules no HTML build of a plain document may load. */
const HEAVY = ['puppeteer-core', 'sharp', 'lightningcss', '@pdf-lib/fontkit', 'pdf-lib', 'opencc-js', 'epub-gen-memory', 'subset-font', 'fontverter', 'jszip', 'katex', 'rehype-katex', 'shiki', '@shikijs/rehype', '@citation-js/core', 'pinyin-pro', 'pixelmatch', 'pngjs', 'iconv-lite', 'chardet', 'fast-xml-parser'];

/** opencc-js's trie, bundled (locale/opencc.ts); the package's dictionaries are its main module, loaded only for a full converter. */
const OPENCC_CORE = 'node_modules/opencc-js/dist/esm-lib/core.js';

/** The package a file belongs to: the innermost node_modules/<name>/ (rehype-katex/node_modules/katex/… is katex). */
const packageOf = (path: string) => /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];

interface Loaded {
  /** Modules of galley itself (pipeline/…, bin/…), from its sources or bundled into a file that was loaded. */
  own: string[];
  /** npm packages: loaded from node_modules or bundled into a chunk that was loaded. */
  packages: Set<string>;
}

/** Runs `galley ARGS` in `cwd` and reports what it loaded. */
function galley(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Loaded & { stdout: string; stderr: string } {
  const log = join(mkdtempSync(join(tmpdir(), 'galley-loads-')), 'loads.txt');
  writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--import', TRACE, BIN, ...args], { cwd, env: { ...process.env, ...env, GALLEY_TRACE_LOADS: log }, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const files = [...new Set(readFileSync(log, 'utf8').split('\n').filter((url) => url.startsWith('file:')))].map((url) => fileURLToPath(url));
  rmSync(log);
  // The text thread's entry reads its CommonJS bundle and runs it itself (pipeline/code-cache.ts), unseen by the loader.
  if (files.includes(join(ROOT, 'dist/text-worker.js'))) files.push(join(ROOT, 'dist/text-worker.cjs'));
  const packages = new Set<string>();
  const own: string[] = [];
  for (const file of files) {
    const inModules = packageOf(file);
    if (inModules) {
      packages.add(inModules);
      continue;
    }
    if (!file.startsWith(`${ROOT}/`) || file.includes('/test/perf/loads/')) continue;
    const path = file.slice(ROOT.length + 1);
    if (!path.startsWith('dist/')) {
      own.push(path);
      continue;
    }
    // esbuild names each bundled module in a comment: `// pipeline/cli.ts`, `// node_modules/pdf-lib/es/api/PDFDocument.js`.
    for (const [, module] of readFileSync(file, 'utf8').matchAll(/^\/\/ (pipeline\/\S+|node_modules\/\S+)$/gm)) {
      // opencc's core (its trie, no dictionary) is bundled into the text thread: its dictionaries are what counts as opencc-js.
      if (module === OPENCC_CORE) continue;
      const name = packageOf(module!);
      if (name) packages.add(name);
      else own.push(module!);
    }
  }
  // A module split by another one it imports is named again where it resumes.
  return { own: [...new Set(own)].sort(), packages, stdout: run.stdout, stderr: run.stderr };
}

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'galley-startup-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

const heavyIn = (loaded: Loaded) => HEAVY.filter((name) => loaded.packages.has(name));

describe('starting the CLI', () => {
  it('runs the bundle, which npm install and the test setup make', () => {
    expect(runsCompiled()).toBe(true);
  });

  it('answers --version and --help from the command line module alone', () => {
    for (const flag of ['--version', '--help']) {
      const loaded = galley([flag], ROOT);
      expect(loaded.stdout).toContain('0.1.0');
      expect(loaded.own).toEqual(['bin/galley.js', 'bin/load.js', 'pipeline/cli.ts', 'pipeline/options.ts']);
      expect([...loaded.packages]).toEqual([]);
    }
  });

  it('builds HTML without loading what PDFs, e-books or script conversion need', () => {
    const root = project({
      'plain.md': '# Plain\n\nA paragraph with *emphasis*, a [link](https://example.org) and a table:\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
      // Traditional text with no Simplified character in it: nothing for the script rule to report.
      'hant.md': '---\nlang: zh-Hant\n---\n\n# 臺灣的書\n\n這是一段繁體中文，沒有簡體字。\n',
    });
    for (const name of ['plain.md', 'hant.md']) {
      const loaded = galley(['build', name, '--format', 'html', '--out', 'out'], root);
      expect(heavyIn(loaded), name).toEqual([]);
      expect(loaded.packages.has('remark-parse'), name).toBe(true);
    }
  });

  it('runs the text thread from the code cache made at compile time, and imports its lazy packages without a warning', () => {
    expect(existsSync(join(ROOT, 'dist/text-worker.cache'))).toBe(true);
    const root = project({ 'math.md': '# Math\n\nEnergy: $E = mc^2$.\n' });
    const run = spawnSync(process.execPath, [BIN, 'build', 'math.md', '--format', 'html', '--out', 'out'], { cwd: root, env: { ...process.env, GALLEY_TRACE: '1' }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('text thread: code cache accepted');
    // KaTeX: imported for the script from dist/lazy/ (import() inside node:vm would print an ExperimentalWarning).
    expect(readFileSync(join(root, 'out/math.html'), 'utf8')).toContain('class="katex"');
    expect(run.stderr).not.toMatch(/Warning/);
  });

  it('converts a few stray characters with the tables of opencc’s dictionaries written at compile time, and never loads its module for that', () => {
    const trace = { GALLEY_TRACE: '1' };
    // 干部 and 关于: each character's own Traditional form.
    const plain = project({ 'stray.md': '---\nlang: zh-Hant\n---\n\n# 書\n\n這是繁體中文，但有干部和关于兩個簡體詞。\n' });
    const looked = galley(['build', 'stray.md', '--format', 'html', '--out', 'out'], plain, trace);
    expect(heavyIn(looked)).toEqual([]);
    expect(looked.stderr).toContain('opencc: tables read');
    const report = JSON.parse(galley(['build', 'stray.md', '--format', 'html', '--out', 'out2', '--report', 'json'], plain).stdout) as { rule?: string; after?: string }[];
    expect(report.filter((m) => m.rule === 'script').map((m) => m.after)).toEqual(['幹', '關於']);
    // 一干二净: a phrase that reads 干 as 乾, converted with the dictionaries' tables written at compile time.
    const phrase = project({ 'stray.md': '---\nlang: zh-Hant\n---\n\n# 書\n\n這件事他忘得一干二净，只記得開頭。\n' });
    const converted = galley(['build', 'stray.md', '--format', 'html', '--out', 'out', '--report', 'json'], phrase, trace);
    expect(heavyIn(converted)).toEqual([]);
    expect(converted.stderr).toContain('opencc: tables read');
    expect((JSON.parse(converted.stdout) as { rule?: string; after?: string }[]).filter((m) => m.rule === 'script').map((m) => m.after)).toEqual(['乾', '淨']);
  });

  it('loads KaTeX for a document with a formula, and iconv for a source that is not UTF-8', () => {
    const root = project({ 'math.md': '# Math\n\nEnergy: $E = mc^2$.\n' });
    writeFileSync(join(root, 'gbk.txt'), Buffer.from('d6d0cec4b5c4cec4d5c2a3acd3c3a1b6b9fabcd2a1b7b1e0c2eba1a3', 'hex'));
    const math = galley(['build', 'math.md', '--format', 'html', '--out', 'out'], root);
    expect(heavyIn(math)).toEqual(['katex', 'rehype-katex']);
    expect(readFileSync(join(root, 'out/math.html'), 'utf8')).toContain('class="katex"');
    const gbk = galley(['build', 'gbk.txt', '--format', 'html', '--out', 'out'], root);
    expect(heavyIn(gbk)).toContain('iconv-lite');
    expect(readFileSync(join(root, 'out/gbk.html'), 'utf8')).toContain('中文的文章');
  });

  it('builds a PDF with puppeteer bundled and only its connect loaded, none of its launchers or downloader', () => {
    const root = project({ 'plain.md': '# Plain\n\nA paragraph.\n' });
    const loaded = galley(['build', 'plain.md', '--format', 'pdf', '--out', 'out'], root);
    expect(readFileSync(join(root, 'out/plain.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(loaded.packages.has('puppeteer-core')).toBe(true);
    // What puppeteer's main module would bring: the browser downloader, its version ranges, proxies, command line.
    for (const name of ['@puppeteer/browsers', 'semver', 'proxy-agent', 'yargs', 'chromium-bidi']) expect(loaded.packages.has(name), name).toBe(false);
  });

  it('runs the sources through tsx when asked to, and they do what the bundle does', () => {
    const args = ['normalize', 'source/jiceng-dangwu-sikao.txt', '--report', 'json'];
    const fromSources = galley(args, ROOT, { GALLEY_FROM_SOURCES: '1' });
    expect(fromSources.own).toContain('pipeline/cli.ts');
    expect(JSON.parse(fromSources.stdout).length).toBeGreaterThan(100);
    expect(galley(args, ROOT).stdout).toBe(fromSources.stdout);
  });

  it('prints the same PDF from the sources: what it runs in the page survives tsx, which names every function', () => {
    const root = project({ 'linked.md': '# One\n\nSee [two](#two).\n\n## Two\n\nA paragraph.\n' });
    galley(['build', 'linked.md', '--format', 'pdf', '--out', 'sources'], root, { GALLEY_FROM_SOURCES: '1' });
    galley(['build', 'linked.md', '--format', 'pdf', '--out', 'bundle'], root);
    expect(readFileSync(join(root, 'sources/linked.pdf')).equals(readFileSync(join(root, 'bundle/linked.pdf')))).toBe(true);
  });
});
