/**
 * The ways to declare a book, through the galley command run in a working
 * folder outside the book: a folder with SUMMARY.md or _sidebar.md (their
 * order, nested entries included), a plain folder (name order, said so), and
 * what a folder built without --book says. Links that lead nowhere are
 * located warnings. HTML and EPUB only: no browser needed here.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galley, ROOT } from '../check/helpers.ts';

const FIXTURE = join(ROOT, 'test/fixtures/handbook');
const FORMATS = ['--format', 'html,epub'];
let work: string;

/** The chapter titles of a built page, in the order they are bound. */
const chapterTitles = (html: string) => [...html.matchAll(/<h1 class="title" id="p\d+">([^<]+)<\/h1>/g)].map((m) => m[1]);

/** A copy of the handbook under the working folder, changed by `edit`. */
function copy(name: string, edit: (dir: string) => void = () => undefined): string {
  const dir = join(work, name);
  cpSync(FIXTURE, dir, { recursive: true });
  rmSync(join(dir, 'book.yaml'));
  edit(dir);
  return dir;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'galley-books-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('galley build --book FOLDER', () => {
  it('binds a folder with SUMMARY.md in its order, nested entries included, from outside the book', async () => {
    const cwd = mkdtempSync(join(work, 'cwd-'));
    const run = await galley(cwd, ['build', '--book', FIXTURE, ...FORMATS, '--out', join(cwd, 'out')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/EISDIR|not valid YAML/);
    const html = readFileSync(join(cwd, 'out/handbook.html'), 'utf8');
    // Name order would put advanced/ first.
    expect(chapterTitles(html)).toEqual(['第一章 入门', '第二章 表格', '第三章 代码', '第四章 公式与引用']);
    expect(html).toContain('<h1 class="title">排版流水线手册</h1>');
    expect(html.match(/src="data:image\//g)).toHaveLength(3);
    expect(html).not.toMatch(/href="[^"]*\.md[#"]/);
  });

  it('reads docsify\'s _sidebar.md the same way', async () => {
    const dir = copy('sidebar', (d) => {
      rmSync(join(d, 'SUMMARY.md'));
      writeFileSync(join(d, '_sidebar.md'), '- [代码](advanced/code.md)\n- [入门](basics/intro.md)\n  - [表格](basics/tables.md)\n- [公式](advanced/math.md)\n');
    });
    const run = await galley(work, ['build', '--book', dir, ...FORMATS, '--out', join(work, 'out-sidebar')]);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(join(work, 'out-sidebar/sidebar.html'), 'utf8');
    expect(chapterTitles(html)).toEqual(['第三章 代码', '第一章 入门', '第二章 表格', '第四章 公式与引用']);
  });

  it('binds a plain folder in name order, and says so', async () => {
    const dir = copy('plain', (d) => rmSync(join(d, 'SUMMARY.md')));
    const run = await galley(work, ['build', '--book', dir, ...FORMATS, '--out', join(work, 'out-plain')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('no SUMMARY.md or sidebar.md: the chapters are the folder\'s 4 sources in name order');
    const html = readFileSync(join(work, 'out-plain/plain.html'), 'utf8');
    expect(chapterTitles(html)).toEqual(['第三章 代码', '第四章 公式与引用', '第一章 入门', '第二章 表格']);
  });

  it('builds an unchanged book once: the second build says (up to date)', async () => {
    const dir = copy('again');
    const args = ['build', '--book', dir, ...FORMATS, '--out', join(work, 'out-again')];
    expect((await galley(work, args)).code).toBe(0);
    const second = await galley(work, args);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/again → .*again\.html.*\(up to date\)/);
    writeFileSync(join(dir, 'basics/tables.md'), `${readFileSync(join(dir, 'basics/tables.md'), 'utf8')}\n一行新的正文。\n`);
    const third = await galley(work, args);
    expect(third.stderr).not.toContain('(up to date)');
  });
});

describe('links between chapters', () => {
  it('warns, with the position, about a link to a missing heading or to a file outside the book', async () => {
    const dir = copy('broken', (d) => {
      const intro = join(d, 'basics/intro.md');
      writeFileSync(intro, `${readFileSync(intro, 'utf8')}\n见[不存在的一节](tables.md#没有这一节)和[别的书](../../elsewhere.md)。\n`);
    });
    const line = readFileSync(join(dir, 'basics/intro.md'), 'utf8').split('\n').findIndex((l) => l.includes('不存在的一节')) + 1;
    const run = await galley(work, ['build', '--book', dir, ...FORMATS, '--out', join(work, 'out-broken')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('broken/basics/intro.md\n');
    expect(run.stderr).toMatch(new RegExp(`\\n${line}:2-${line}:\\d+ +warning +link to tables\\.md#没有这一节: that chapter has no such heading`));
    expect(run.stderr).toMatch(new RegExp(`\\n${line}:\\d+-${line}:\\d+ +warning +link to \\.\\./\\.\\./elsewhere\\.md, which is not a chapter of this book`));
    const html = readFileSync(join(work, 'out-broken/broken.html'), 'utf8');
    expect(html).not.toMatch(/href="[^"]*\.md[#"]/);
    expect(html).toContain('<a href="#p2">不存在的一节</a>');
    expect(html).toMatch(/<a>别的书<\/a>|别的书/);
  });
});

describe('a folder built without --book', () => {
  it('says how to bind it into one book', async () => {
    const dir = copy('loose', (d) => renameSync(join(d, 'SUMMARY.md'), join(d, 'CONTENTS.txt.bak')));
    const run = await galley(work, ['build', dir, ...FORMATS, '--out', join(work, 'out-loose')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('holds 4 Markdown files and was built as separate documents; to bind it into one book, run: galley build --book');
  });

  it('refuses a missing book with one line', async () => {
    const run = await galley(work, ['build', '--book', join(work, 'nowhere')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no such book file or folder');
  });
});
