/**
 * The smaller cases of issue 17, each in its class, through the real CLI where
 * a user meets them: an output that would be its own source, names too long
 * for a temp suffix or holding terminal control characters, margins that
 * leave no page, a custom YAML tag in a book file, a damaged snapshot image,
 * temp files and browser profiles left by a process that is gone.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, existsSync, writeFileSync, linkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { comparePages } from '../../pipeline/check/pixels.ts';
import { removeStaleProfiles } from '../../pipeline/emit/browser/profiles.ts';
import { galley, makeProject, OK_DOC, STACK_LINE } from './project.ts';

/** A pid no process has: above the kernel's pid_max. */
const GONE = 4_194_400;

describe('the smaller cases', () => {
  it('normalize never writes over its source, by any name', () => {
    const text = '標題\n\n正文,有逗號。\n';
    const dir = makeProject({ 'a.txt': text });
    linkSync(join(dir, 'a.txt'), join(dir, 'hard-link.txt'));
    for (const out of ['a.txt', './a.txt', 'hard-link.txt']) {
      const run = galley(dir, ['normalize', 'a.txt', '-o', out]);
      expect(run.code, out).toBe(2);
      expect(run.errors, out).toEqual([`galley: ${out}: is the source itself: normalize never writes over its input (choose another --out)`]);
    }
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe(text);
  });

  it('a name as long as the file system allows builds, and control characters in names are shown escaped', () => {
    const long = `${'長'.repeat(80)}.md`; // 243 bytes: no room for a suffix in the same folder
    const dir = makeProject({ [`source/${long}`]: OK_DOC, 'source/bad\nname\u001b[31m.md': '' });
    const run = galley(dir, ['build']);
    expect(run.stdout + run.stderr).not.toContain('\u001b[31m');
    expect(run.errors).toEqual(['galley: source/bad\\nname\\u001b[31m.md: is empty']);
    expect(readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.html'))).toHaveLength(1);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('margins that leave no page are refused, in the config and in front matter', () => {
    const config = galley(makeProject({ 'source/a.md': OK_DOC }, 'formats: [html]\nmargin: 150mm\n'), ['build']);
    expect(config.code).toBe(1);
    expect(config.errors).toEqual(['galley: galley.config.yaml: margin: "150mm" leaves almost no room on a A4 page (210 × 297 mm)']);
    const front = galley(makeProject({ 'source/a.md': `---\npageSize: A5\nmargin: 10mm 70mm\n---\n\n${OK_DOC}` }), ['build']);
    expect(front.errors).toEqual(['galley: source/a.md: margin: "10mm 70mm" leaves almost no room on a A5 page (148 × 210 mm)']);
  });

  it('a book file with a custom YAML tag is refused in one line, with no YAML warning', () => {
    const dir = makeProject({ 'source/one.md': OK_DOC, 'book.yaml': 'title: !!js/function "x"\nchapters:\n  - source/one.md\n' });
    const run = galley(dir, ['build', '--book', 'book.yaml']);
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(/^galley: book\.yaml: .*custom tag/);
    expect(run.stderr).not.toMatch(/YAMLWarning|\(node:\d+\)/);
  });

  it('a damaged snapshot image is a failed page that says how to mend it, not a stream error', () => {
    const page = new PNG({ width: 4, height: 4 });
    const png = PNG.sync.write(page);
    const cut = png.subarray(0, png.length - 20);
    expect(comparePages(cut, png)).toMatchObject({ failed: true, reason: 'the snapshot is not a readable PNG (truncated or damaged); rewrite it with galley check --update' });
    expect(comparePages(png, cut)).toMatchObject({ failed: true, reason: 'the new page image is not a readable PNG (truncated or damaged)' });
  });

  it('temp files and browser profiles of a process that is gone are removed; a running one\'s are kept', () => {
    const dir = makeProject({ 'source/a.md': OK_DOC });
    mkdirSync(join(dir, 'out/.galley-cache'), { recursive: true });
    const stale = ['out/.galley-0123456789ab.4194400.1.tmp', 'out/.galley-cache/.galley-0123456789ab.4194400.2.tmp'];
    const live = `out/.galley-0123456789ab.${process.pid}.1.tmp`;
    for (const path of [...stale, live]) writeFileSync(join(dir, path), 'half');
    expect(galley(dir, ['build']).code).toBe(0);
    for (const path of stale) expect(existsSync(join(dir, path)), path).toBe(false);
    expect(existsSync(join(dir, live))).toBe(true);

    const temp = mkdtempSync(join(tmpdir(), 'galley-profiles-'));
    for (const name of [`galley-chromium-${GONE}-abc`, `galley-chromium-${process.pid}-def`]) mkdirSync(join(temp, name));
    removeStaleProfiles(temp);
    expect(readdirSync(temp)).toEqual([`galley-chromium-${process.pid}-def`]);
  });
});
