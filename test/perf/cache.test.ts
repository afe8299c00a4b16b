/** The build cache: a no-op build does nothing, a change rebuilds what it touches, --force rebuilds all. */
import { readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, humanReport, reportEntries, type BuildResult, type SettingsInput } from '../../pipeline/index.ts';
import { copyTemplate, markdown, REPO, tempProject, writeFile } from './project.ts';

const HTML: SettingsInput = { formats: ['html', 'epub'] };

/** Source → whether it was built (true) or taken from the cache (false). */
function rebuilt(result: BuildResult): Record<string, boolean> {
  for (const doc of result.documents) expect(doc.error, doc.source).toBeUndefined();
  return Object.fromEntries(result.documents.map((d) => [d.source, !d.cached]));
}

function project(): string {
  // A plain-text source brings many messages to replay; c.md uses its own template; d.md an image.
  const article = readFileSync(join(REPO, 'source/jiceng-dangwu-sikao.txt'), 'utf8');
  const root = tempProject({
    'source/a.md': markdown('Alpha'),
    'source/b.md': markdown('Beta', 'Some text, with "quotes".'),
    'source/c.md': markdown('Gamma', 'Set in the alt template.', 'template: alt\n'),
    'source/d.md': markdown('Delta', '![a figure](images/figure.svg)'),
    'source/images/figure.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    'source/article.txt': article,
  });
  copyTemplate(root, 'default');
  copyTemplate(root, 'alt');
  return root;
}

const ALL_BUILT = { 'source/a.md': true, 'source/b.md': true, 'source/c.md': true, 'source/d.md': true, 'source/article.txt': true };
const NONE_BUILT = { 'source/a.md': false, 'source/b.md': false, 'source/c.md': false, 'source/d.md': false, 'source/article.txt': false };

describe('build cache', () => {
  let root: string;
  let first: BuildResult;

  beforeAll(async () => {
    root = project();
    first = await build({ root, settings: HTML });
  });

  it('builds everything the first time', () => {
    expect(rebuilt(first)).toEqual(ALL_BUILT);
  });

  it('skips everything on a no-op rebuild and reports the same messages', async () => {
    const again = await build({ root, settings: HTML });
    expect(rebuilt(again)).toEqual(NONE_BUILT);
    const files = (r: BuildResult) => r.documents.map((d) => d.file!);
    expect(reportEntries(files(first)).length).toBeGreaterThan(50);
    expect(reportEntries(files(again))).toEqual(reportEntries(files(first)));
    expect(humanReport(files(again))).toBe(humanReport(files(first)));
    expect(again.documents.map((d) => d.outputs)).toEqual(first.documents.map((d) => d.outputs));
    // The CLI's human report asks for no replay: the documents are still found current, with no messages read.
    const quiet = await build({ root, settings: HTML, replayMessages: false });
    expect(rebuilt(quiet)).toEqual(NONE_BUILT);
    expect(reportEntries(files(quiet))).toEqual([]);
  });

  it('rebuilds only the source that changed', async () => {
    writeFile(root, 'source/b.md', markdown('Beta', 'Changed text.'));
    expect(rebuilt(await build({ root, settings: HTML }))).toEqual({ ...NONE_BUILT, 'source/b.md': true });
    expect(readFileSync(join(root, 'out/b.html'), 'utf8')).toContain('Changed text.');
  });

  it('rebuilds only the documents that use a changed template', async () => {
    writeFile(root, 'templates/alt/screen.css', `${readFileSync(join(root, 'templates/alt/screen.css'), 'utf8')}\nbody { color: #111; }\n`);
    expect(rebuilt(await build({ root, settings: HTML }))).toEqual({ ...NONE_BUILT, 'source/c.md': true });
    // (Not its content: loadTemplate keeps templates for the life of the process.)
  });

  it('rebuilds the documents that use a changed image', async () => {
    writeFile(root, 'source/images/figure.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><circle r="5"/></svg>');
    expect(rebuilt(await build({ root, settings: HTML }))).toEqual({ ...NONE_BUILT, 'source/d.md': true });
  });

  it('rebuilds an output that was deleted or edited, and only that document', async () => {
    rmSync(join(root, 'out/a.epub'));
    expect(rebuilt(await build({ root, settings: HTML }))).toEqual({ ...NONE_BUILT, 'source/a.md': true });
    // Same size, new mtime, different bytes.
    const path = join(root, 'out/b.html');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Changed', 'Chanced'));
    expect(rebuilt(await build({ root, settings: HTML }))).toEqual({ ...NONE_BUILT, 'source/b.md': true });
    // Touched but unchanged: still current.
    utimesSync(path, new Date(), new Date(2001, 0, 1));
    expect(rebuilt(await build({ root, settings: HTML }))).toEqual(NONE_BUILT);
  });

  it('records the font files it placed by the hash of their bytes: touched they are current, changed they rebuild their pages', async () => {
    const fonts = join(root, 'out/fonts');
    const names = readdirSync(fonts);
    expect(names.length).toBeGreaterThan(10);
    // A new mtime on every one: each is then compared by its recorded hash, which must be that of its bytes.
    for (const name of names) utimesSync(join(fonts, name), new Date(), new Date(2001, 0, 1));
    expect(rebuilt(await build({ root, settings: HTML }))).toEqual(NONE_BUILT);
    // The same size, other bytes: every page naming it is built again, and the file put back.
    const latin = names.find((name) => name.startsWith('noto-sans-latin-400'))!;
    const bytes = readFileSync(join(fonts, latin));
    writeFileSync(join(fonts, latin), Buffer.from(bytes.map((b) => b ^ 0xff)));
    const again = rebuilt(await build({ root, settings: HTML }));
    expect(Object.values(again).some(Boolean)).toBe(true);
    expect(readFileSync(join(fonts, latin)).equals(bytes)).toBe(true);
  });

  it('rebuilds everything when a setting that shapes outputs changes, nothing for one that does not', async () => {
    writeFile(root, 'galley.config.yaml', 'concurrency: 1\ntimeout: 30\n');
    expect(rebuilt(await build({ root, settings: HTML }))).toEqual(NONE_BUILT);
    writeFile(root, 'galley.config.yaml', 'pageSize: A5\n');
    expect(rebuilt(await build({ root, settings: HTML }))).toEqual(ALL_BUILT);
    expect(rebuilt(await build({ root, settings: { ...HTML, script: 'hans' } }))).toEqual(ALL_BUILT);
    expect(rebuilt(await build({ root, settings: { ...HTML, script: 'hans' } }))).toEqual(NONE_BUILT);
  });

  it('rebuilds everything with force, and the outputs are the same bytes', async () => {
    const before = readFileSync(join(root, 'out/article.epub'));
    expect(rebuilt(await build({ root, settings: { ...HTML, script: 'hans' }, force: true }))).toEqual(ALL_BUILT);
    expect(readFileSync(join(root, 'out/article.epub')).equals(before)).toBe(true);
  });

  it('keeps a separate record per output folder and never records a failed document', async () => {
    writeFile(root, 'source/bad.md', '---\ntemplate: missing\n---\n\n# Bad\n');
    const other = await build({ root, settings: { ...HTML, out: 'elsewhere' } });
    expect(other.documents.filter((d) => d.cached)).toEqual([]);
    expect(other.documents.find((d) => d.source === 'source/bad.md')?.error).toBeDefined();
    const again = await build({ root, settings: { ...HTML, out: 'elsewhere' } });
    expect(again.documents.find((d) => d.source === 'source/bad.md')?.cached).toBeUndefined();
    expect(again.documents.filter((d) => d.cached)).toHaveLength(5);
    rmSync(join(root, 'source/bad.md'));
  });
});

describe('build cache with PDFs', () => {
  it('does not launch a browser on a no-op build', async () => {
    const root = tempProject({ 'source/one.md': markdown('One'), 'source/two.md': markdown('Two') });
    let launches = 0;
    const onBrowser = () => void launches++;
    const first = await build({ root, settings: { formats: ['pdf'] }, onBrowser });
    expect(rebuilt(first)).toEqual({ 'source/one.md': true, 'source/two.md': true });
    expect(launches).toBe(1);
    const again = await build({ root, settings: { formats: ['pdf'] }, onBrowser });
    expect(rebuilt(again)).toEqual({ 'source/one.md': false, 'source/two.md': false });
    expect(launches).toBe(1);
    // Asking for one more format builds the documents again, with the browser.
    expect(rebuilt(await build({ root, settings: { formats: ['pdf', 'html'] }, onBrowser }))).toEqual({ 'source/one.md': true, 'source/two.md': true });
    expect(launches).toBe(2);
  });
});
