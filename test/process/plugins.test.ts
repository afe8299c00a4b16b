/**
 * Users' plugins from galley.config.yaml: a local one and two published ones,
 * each seen in all three outputs; options in the cache key; a missing or
 * throwing plugin is one line naming it and the document.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { epubcheck, openEpub } from '../helpers/epub.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { galley, makeProject, ROOT } from '../robustness/project.ts';

const ALL = 'formats: [html, pdf, epub]\n';

async function outputs(dir: string, name: string) {
  const epub = await openEpub(join(dir, `out/${name}.epub`));
  return {
    // The page's body: the head's description is taken from the source before any plugin runs.
    html: readFileSync(join(dir, `out/${name}.html`), 'utf8').split('<body>')[1]!,
    pdf: (await pdfPages(join(dir, `out/${name}.pdf`))).join('\n'),
    xhtml: Object.entries(epub.xhtml)
      .filter(([file]) => /chapter-\d+\.xhtml$/.test(file))
      .map(([, text]) => text)
      .join('\n'),
  };
}

const STAMP = `export default function stamp(options = {}) {
  return (tree) => {
    tree.children.push({ type: 'paragraph', children: [{ type: 'text', value: options.word ?? 'STAMP' }] });
  };
}
`;

const BOOM = `export default function boom() {
  return (tree, file) => {
    if (String(file.value).includes('BOOM')) throw new Error('cannot take it\\nsecond line');
  };
}
`;

describe('a local plugin', () => {
  it('shows its effect in HTML, PDF text and EPUB XHTML, and new options rebuild', async () => {
    const files = { 'plugins/stamp.mjs': STAMP, 'source/a.md': '---\ntitle: Stamped\nlang: en\n---\n\nSome text.\n' };
    const dir = makeProject(files, `${ALL}remarkPlugins:\n  - [./plugins/stamp.mjs, { word: Imprimatur }]\n`);
    expect(galley(dir, ['build', '-q']).code).toBe(0);
    const first = await outputs(dir, 'a');
    for (const text of [first.html, first.pdf, first.xhtml]) expect(text).toContain('Imprimatur');
    const report = epubcheck(join(dir, 'out/a.epub'));
    expect([report.errors, report.warnings, report.fatals], report.messages.join('\n')).toEqual([0, 0, 0]);

    expect(galley(dir, ['build']).stderr).toContain('(up to date)');
    writeFileSync(join(dir, 'galley.config.yaml'), `${ALL}remarkPlugins:\n  - [./plugins/stamp.mjs, { word: Nihil obstat }]\n`);
    const again = galley(dir, ['build']);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('(up to date)');
    const second = await outputs(dir, 'a');
    for (const text of [second.html, second.pdf, second.xhtml]) expect(text).toContain('Nihil obstat');
  }, 300_000);

  it('that throws fails only the document it threw on, in one line naming it', () => {
    const dir = makeProject(
      { 'plugins/boom.mjs': BOOM, 'source/a.md': 'Calm text.\n', 'source/b.md': 'A BOOM here.\n' },
      'formats: [html]\nrehypePlugins: [./plugins/boom.mjs]\n',
    );
    const run = galley(dir, ['build']);
    expect(run.code).toBe(1);
    expect(run.errors).toEqual(['galley: source/b.md: plugin "./plugins/boom.mjs" failed: cannot take it']);
    expect(readFileSync(join(dir, 'out/a.html'), 'utf8')).toContain('Calm text.');
  });

  it('that is missing is reported for each document, naming the plugin', () => {
    const dir = makeProject({ 'source/a.md': 'Text.\n' }, 'formats: [html]\nremarkPlugins: [remark-not-installed-anywhere]\n');
    const run = galley(dir, ['build']);
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      'galley: source/a.md: plugin "remark-not-installed-anywhere" is not installed in the project (npm install remark-not-installed-anywhere)',
    ]);
  });
});

describe('published plugins from the project’s node_modules', () => {
  const config = (mark: string) =>
    `${ALL}remarkPlugins: [remark-gemoji]\nrehypePlugins:\n  - - rehype-autolink-headings\n    - behavior: append\n      content: { type: text, value: " ${mark}" }\n`;

  it('remark-gemoji and rehype-autolink-headings act in every output; EPUBCheck stays clean', async () => {
    const source = '---\ntitle: Plugins\nlang: en\n---\n\n## First section\n\nMade with care :copyright: by galley.\n\n## Second section\n\nMore text.\n';
    const dir = makeProject({ 'source/a.md': source }, config('§'));
    mkdirSync(join(dir, 'node_modules'));
    for (const name of ['remark-gemoji', 'rehype-autolink-headings']) symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
    expect(galley(dir, ['build', '-q']).code).toBe(0);
    const first = await outputs(dir, 'a');
    expect(first.html).toMatch(/<h2 id="first-section">First section<a aria-hidden="true" tabindex="-1" href="#first-section"> §<\/a><\/h2>/);
    expect(first.xhtml).toMatch(/<h2 id="first-section">First section<a aria-hidden="true" tabindex="-1" href="#first-section"> §<\/a><\/h2>/);
    expect(first.pdf).toMatch(/First section\s*§/);
    for (const text of [first.html, first.pdf, first.xhtml]) {
      expect(text).toContain('care ©');
      expect(text).not.toContain(':copyright:');
    }
    const report = epubcheck(join(dir, 'out/a.epub'));
    expect([report.errors, report.warnings, report.fatals], report.messages.join('\n')).toEqual([0, 0, 0]);

    writeFileSync(join(dir, 'galley.config.yaml'), config('¶'));
    expect(galley(dir, ['build', '-q']).code).toBe(0);
    const second = await outputs(dir, 'a');
    for (const text of [second.html, second.pdf, second.xhtml]) expect(text).toContain('¶');
  }, 300_000);
});
