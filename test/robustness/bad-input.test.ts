/**
 * Bad input through the real CLI: each gets one line `galley: FILE: reason`,
 * exit code 1 (2 for usage errors), no stack trace, and the good document
 * beside it is still built.
 */
import { existsSync, readdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { galley, makeProject, OK_DOC, STACK_LINE } from './project.ts';

/** Builds a project holding `files` and a good document; returns the run and the project. */
function buildWith(files: Record<string, string | Uint8Array>, args: string[] = [], config?: string) {
  const dir = makeProject({ 'source/ok.md': OK_DOC, ...files }, config);
  const run = galley(dir, ['build', ...args]);
  return { run, dir, okBuilt: existsSync(join(dir, 'out/ok.html')) };
}

function expectOneLine(run: ReturnType<typeof galley>, line: string, code: number) {
  expect(run.errors).toEqual([line]);
  expect(run.code).toBe(code);
  expect(run.stderr).not.toMatch(STACK_LINE);
}

const ZH = '新形勢下做好基層黨務工作的幾點思考\n\n目前，我國基層黨務工作面臨新的挑戰，需要認真研究。\n';

describe('bad input', () => {
  it('a missing file named on the command line', () => {
    const { run, okBuilt } = buildWith({}, ['source/missing.md', 'source/ok.md']);
    expectOneLine(run, 'galley: source/missing.md: no such file', 1);
    expect(okBuilt).toBe(true);
  });

  it('a sources folder with no sources', () => {
    const dir = makeProject({ 'source/notes.pdf': 'not a source' });
    const run = galley(dir, ['build']);
    expectOneLine(run, 'galley: source: no sources found (.md, .markdown or .txt files)', 1);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('an empty file', () => {
    const { run, okBuilt } = buildWith({ 'source/empty.md': '' });
    expectOneLine(run, 'galley: source/empty.md: is empty', 1);
    expect(okBuilt).toBe(true);
  });

  it('a file of only whitespace counts as empty', () => {
    const { run, okBuilt } = buildWith({ 'source/blank.txt': ' \n\n\t \n' });
    expectOneLine(run, 'galley: source/blank.txt: is empty', 1);
    expect(okBuilt).toBe(true);
  });

  it('a binary file', () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(512, 7)]);
    const { run, okBuilt } = buildWith({ 'source/image.txt': png });
    expectOneLine(run, 'galley: source/image.txt: is a binary file, not text', 1);
    expect(okBuilt).toBe(true);
  });

  it('a 50 MB text file is refused by its size, without being read', () => {
    const dir = makeProject({ 'source/ok.md': OK_DOC, 'source/huge.txt': '' });
    truncateSync(join(dir, 'source/huge.txt'), 50 * 1024 * 1024);
    const run = galley(dir, ['build']);
    expectOneLine(run, 'galley: source/huge.txt: too large (50.0 MB; the limit is 20 MB)', 1);
    expect(existsSync(join(dir, 'out/ok.html'))).toBe(true);
    expect(existsSync(join(dir, 'out/huge.html'))).toBe(false);
  });

  it('GB18030 and Big5 text (invalid as UTF-8) is decoded, not refused', () => {
    const { run, dir, okBuilt } = buildWith({ 'source/gb.txt': iconv.encode(ZH, 'gb18030'), 'source/big5.txt': iconv.encode(ZH, 'big5') });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(okBuilt).toBe(true);
    for (const name of ['gb', 'big5']) {
      const html = readOut(dir, `${name}.html`);
      expect(html, name).toContain('基層黨務工作');
    }
  });

  it('UTF-8 with one broken byte sequence is decoded with a warning', () => {
    const text = Buffer.concat([Buffer.from(`# Nearly UTF-8\n\n${'正文內容。'.repeat(60)}`), Buffer.from([0xe6, 0xad])]);
    const { run, dir } = buildWith({ 'source/cut.md': text });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/1 invalid UTF-8 byte sequence replaced by U\+FFFD/);
    expect(readOut(dir, 'cut.html')).toContain('正文內容。');
  });

  it('invalid UTF-8 in no encoding galley knows is refused', () => {
    const latin1 = Buffer.from('Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e \u00e0 la fran\u00e7aise, na\u00efve r\u00e9sum\u00e9 \u00ab\u00bb \u00e6\u00f8\u00e5', 'latin1');
    const { run, okBuilt } = buildWith({ 'source/latin1.txt': latin1 });
    expectOneLine(run, 'galley: source/latin1.txt: encoding not recognized (not UTF-8, UTF-16, GB18030 or Big5)', 1);
    expect(okBuilt).toBe(true);
  });

  it('bytes with no detectable encoding are refused', () => {
    // High bytes in a pattern that no multi-byte Chinese encoding reads as text.
    const noise = Buffer.from(Array.from({ length: 3000 }, (_, i) => 0x80 + ((i * 73 + (i >> 3)) % 128)));
    const { run, okBuilt } = buildWith({ 'source/noise.txt': noise });
    expectOneLine(run, 'galley: source/noise.txt: encoding not recognized (not UTF-8, UTF-16, GB18030 or Big5)', 1);
    expect(okBuilt).toBe(true);
  });

  it('broken front matter names the line', () => {
    const { run, okBuilt } = buildWith({ 'source/broken.md': '---\ntitle: Fine\nauthors: [one, two\n---\n\n# Body\n' });
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^galley: source\/broken\.md: front matter line [34]: .+$/);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(okBuilt).toBe(true);
  });

  it('front matter that is not a mapping', () => {
    const { run, okBuilt } = buildWith({ 'source/list.md': '---\n- a\n- b\n---\n\n# Body\n' });
    expectOneLine(run, 'galley: source/list.md: front matter must be a YAML mapping (key: value lines)', 1);
    expect(okBuilt).toBe(true);
  });

  it('an unknown template in front matter blames the document', () => {
    const { run, okBuilt } = buildWith({ 'source/fancy.md': '---\ntemplate: fancy\n---\n\n# Body\n' });
    expectOneLine(run, 'galley: source/fancy.md: unknown template "fancy" (available: default)', 1);
    expect(okBuilt).toBe(true);
  });

  it('an unknown template on the command line is a usage error', () => {
    const { run, okBuilt } = buildWith({}, ['--template', 'fancy']);
    expectOneLine(run, 'galley: --template: unknown template "fancy" (available: default)', 2);
    expect(okBuilt).toBe(false);
  });

  it('an unknown template in the config blames the config', () => {
    const { run } = buildWith({}, [], 'formats: [html]\ntemplate: fancy\n');
    expectOneLine(run, 'galley: galley.config.yaml: unknown template "fancy" (available: default)', 1);
  });

  it.each([
    ['pageSize: A9', 'galley: galley.config.yaml: pageSize: Invalid option: expected one of "A4"|"A5"|"B5"|"Letter"'],
    ['timeout: -5', 'galley: galley.config.yaml: timeout: Too small: expected number to be >0'],
    ['concurrency: 2.5', 'galley: galley.config.yaml: concurrency: Invalid input: expected int, received number'],
    ['formats: [html, docx]', 'galley: galley.config.yaml: formats.1: Invalid option: expected one of "html"|"pdf"|"epub"'],
    ['trusted: "yes"', 'galley: galley.config.yaml: trusted: Invalid input: expected boolean, received string'],
    ['colour: red', 'galley: galley.config.yaml: unknown setting "colour" (see README: Settings)'],
    ['formats: [html\ntrusted: true', /^galley: galley\.config\.yaml: line \d+: not valid YAML: [^\n]+[^:]$/],
    ['- just\n- a list', 'galley: galley.config.yaml: must be a YAML mapping'],
  ])('a bad config value: %s', (config, line) => {
    const { run } = buildWith({}, [], `${config}\n`);
    expect(run.errors).toHaveLength(1);
    if (typeof line === 'string') expect(run.errors[0]).toBe(line);
    else expect(run.errors[0]).toMatch(line);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it.each([
    [['--format', 'html,docx'], /^galley: command line: formats\.1: Invalid option/],
    [['--page-size', 'A9'], /^galley: command line: pageSize: Invalid option/],
    [['--bogus'], /^galley: Unknown option '--bogus'.* \(see galley --help\)$/],
    [['--report', 'xml'], /^galley: --report must be human or json, not "xml"$/],
  ])('a bad command line is a usage error: %j', (args, line) => {
    const { run } = buildWith({}, args);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(line);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('--debug adds the stack trace, and only then', () => {
    const { run } = buildWith({}, ['--debug'], 'pageSize: A9\n');
    expect(run.errors[0]).toBe('galley: galley.config.yaml: pageSize: Invalid option: expected one of "A4"|"A5"|"B5"|"Letter"');
    expect(run.stderr).toMatch(STACK_LINE);
  });

  it('several bad documents: one line each, and the good one still builds', () => {
    const { run, dir } = buildWith({ 'source/a-empty.md': '', 'source/b-binary.txt': Buffer.alloc(100, 0) });
    expect(run.errors.sort()).toEqual(['galley: source/a-empty.md: is empty', 'galley: source/b-binary.txt: is a binary file, not text']);
    expect(run.code).toBe(1);
    expect(readdirSync(join(dir, 'out')).filter((name) => !name.startsWith('.'))).toEqual(['fonts', 'ok.html']);
  });
});

function readOut(dir: string, name: string): string {
  return readFileSync(join(dir, 'out', name), 'utf8');
}
