/**
 * `galley check` as a user and a CI job run it, on a fresh copy of a small
 * fixture project: first run writes snapshots, a one-character edit fails with
 * a diff naming document and output, --update makes it pass again.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureProject, galley } from './helpers.ts';

const DOC = 'source/proof-sheet.md';
const OTHER = 'source/colophon.md';
const FORMATS = ['html', 'pdf', 'epub'];
let project: string;
const snap = (...parts: string[]) => join(project, 'test/__snapshots__', ...parts);

beforeAll(() => {
  project = fixtureProject();
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('galley check', () => {
  it('writes missing snapshots on a local run, then passes on the next build', async () => {
    const first = await galley(project, ['check']);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain(`+ ${DOC} html: snapshot written`);
    for (const name of ['html.snap', 'epub.snap', 'pdf.snap', 'pdf-page-1.png']) expect(existsSync(snap('proof-sheet', name)), name).toBe(true);

    const second = await galley(project, ['check']);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    for (const format of FORMATS) {
      expect(second.stdout).toContain(`✓ ${DOC} ${format}\n`);
      expect(second.stdout).toContain(`✓ ${OTHER} ${format}\n`);
    }
    expect(second.stdout).toContain('6 passed, 0 failed');
  });

  it('fails with a diff naming the document and the output when one character of a source changes', async () => {
    const source = join(project, DOC);
    writeFileSync(source, readFileSync(source, 'utf8').replace('printed page.', 'printed page!'));
    const run = await galley(project, ['check']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`✗ ${DOC} html: differs from test/__snapshots__/proof-sheet/html.snap`));
    expect(run.stdout).toMatch(new RegExp(`✗ ${DOC} pdf: text differs on page 1`));
    expect(run.stdout).toMatch(new RegExp(`✗ ${DOC} epub: differs`));
    // The unified diff shows the old and the new line.
    expect(run.stdout).toMatch(/^ {4}-.*on one printed page\.<\/p>$/m);
    expect(run.stdout).toMatch(/^ {4}\+.*on one printed page!<\/p>$/m);
    expect(run.stdout).toMatch(/^ {4}\+ +"at: a title, two sections, a list and a table, on one printed page!",$/m);
    // The other document is unaffected.
    for (const format of FORMATS) expect(run.stdout).toContain(`✓ ${OTHER} ${format}\n`);
    expect(run.stdout).toContain('3 passed, 3 failed');
  });

  it('writes JUnit XML with one testcase per document and output, and GitHub annotations', async () => {
    const run = await galley(project, ['check', '--no-build', '--reporter', 'junit', '--output-file', 'check.xml'], { GITHUB_ACTIONS: 'true' });
    expect(run.code).toBe(1);
    const xml = readFileSync(join(project, 'check.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' }).parse(xml);
    const suite = parsed.testsuites.testsuite;
    const cases = suite.testcase as { classname: string; name: string; failure?: { message: string; '#text': string } }[];
    expect(cases.map((c) => `${c.classname} ${c.name}`).sort()).toEqual(
      [DOC, OTHER].flatMap((doc) => FORMATS.map((f) => `${doc} ${f}`)).sort(),
    );
    expect(suite.failures).toBe('3');
    const failed = cases.filter((c) => c.failure);
    expect(failed.map((c) => c.classname)).toEqual([DOC, DOC, DOC]);
    const html = failed.find((c) => c.name === 'html')!;
    expect(html.failure!['#text']).toContain('+++ test/__snapshots__/proof-sheet/html.snap (new)');
    expect(html.failure!['#text']).toContain('on one printed page!</p>');
    // Workflow commands, one per failure, on stdout (the report went to a file).
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(annotations).toHaveLength(3);
    expect(annotations[0]).toMatch(new RegExp(`^::error file=${DOC},title=galley check%3A html::differs from .*%0A--- `));
  });

  it('prints a JSON report', async () => {
    const run = await galley(project, ['check', '--no-build', '--reporter', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.ok).toBe(false);
    expect(report.summary).toEqual({ passed: 3, failed: 3, written: 0, updated: 0 });
    expect(report.outputs).toHaveLength(6);
  });

  it('passes again after --update', async () => {
    const update = await galley(project, ['check', '--update', '--no-build']);
    expect(update.code, update.stdout + update.stderr).toBe(0);
    expect(update.stdout).toContain(`↻ ${DOC} html: snapshot updated`);
    expect(readFileSync(snap('proof-sheet', 'html.snap'), 'utf8')).toContain('on one printed page!</p>');
    const run = await galley(project, ['check']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('6 passed, 0 failed');
  });

  it('fails in CI when a snapshot is missing, and does not write it', async () => {
    rmSync(snap('colophon', 'epub.snap'));
    const run = await galley(project, ['check', '--no-build'], { CI: 'true' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`✗ ${OTHER} epub: no snapshot test/__snapshots__/colophon/epub.snap; snapshots are not written in CI`);
    expect(existsSync(snap('colophon', 'epub.snap'))).toBe(false);
  });

  it('reads out/ with --no-build and says when an output is not there', async () => {
    rmSync(join(project, 'out/colophon.pdf'));
    const run = await galley(project, ['check', '--no-build', OTHER]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`✗ ${OTHER} pdf: out/colophon.pdf not found: run galley build first`);
    expect(run.stdout).not.toContain(DOC);
  });
});
