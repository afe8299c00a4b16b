/**
 * A build of several e-books makes them and finishes its PDFs on the book
 * thread, not on the thread that drives the browser and writes the outputs (issue 18: that thread was busy nearly all of a 200-document build
 * making e-books). The e-book and PDF-finishing modules are replaced in this
 * thread by spies; the book thread loads the real ones. Its files are the
 * bytes made here, SOURCE_DATE_EPOCH included when it is set after the thread
 * has started. A build of one document, or of PDFs alone, does it here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../../pipeline/index.ts';
import { renderEpub } from '../../pipeline/emit/epub/index.ts';
import { finishPrinted } from '../../pipeline/emit/pdf/metadata.ts';
import { loadConfig } from '../../pipeline/config/index.ts';
import { prepareDocument } from '../../pipeline/process/document.ts';
import { findSources } from '../../pipeline/batch/sources.ts';
import { loadTemplate, templatesDir } from '../../pipeline/render/template.ts';
import { epubcheckMany } from '../helpers/epub.ts';
import { bookPool } from '../../pipeline/batch/text-pool.ts';
import { GalleyError } from '../../pipeline/errors.ts';
import { markdown, tempProject } from './project.ts';

vi.mock('../../pipeline/emit/epub/index.ts', async (original) => {
  const module = await original<typeof import('../../pipeline/emit/epub/index.ts')>();
  return { ...module, renderEpub: vi.fn(module.renderEpub) };
});
vi.mock('../../pipeline/emit/pdf/metadata.ts', async (original) => {
  const module = await original<typeof import('../../pipeline/emit/pdf/metadata.ts')>();
  return { ...module, finishPrinted: vi.fn(module.finishPrinted) };
});

const HANS = '---\ntitle: 排版流水线之一\nlang: zh-Hans\nauthors: [王晓东]\ndate: 2024-05-06\n---\n\n# 排版流水线之一\n\n简体中文的段落，含有 Latin words。\n\n## 第二节\n\n**粗体的汉字**在这里。\n';

/** The e-book renderEpub makes in this thread for the project's `name`, as the build would. */
async function madeHere(root: string, name: string, env: NodeJS.ProcessEnv = {}): Promise<Uint8Array> {
  const layers = { config: loadConfig(root), cli: {} };
  const source = findSources(join(root, 'source'), root).find((s) => s.display.endsWith(name))!;
  const { rendered, settings } = await prepareDocument(source, layers, root);
  return renderEpub({ doc: rendered, template: loadTemplate(settings.template, templatesDir(root)), settings, root, env });
}

const modified = async (epub: Uint8Array) => (await (await JSZip.loadAsync(epub)).file('OEBPS/content.opf')!.async('string')).match(/dcterms:modified">([^<]+)</)?.[1];

describe('e-books and PDFs finished on the book thread', () => {
  let root: string;

  beforeAll(() => {
    root = tempProject({
      'source/hans.md': HANS,
      'source/english.md': markdown('A Book in English', 'A paragraph with *emphasis* and a second sentence.', 'authors: [Maria Gonzalez]\n'),
    });
  });

  afterEach(() => {
    delete process.env.SOURCE_DATE_EPOCH;
    vi.mocked(renderEpub).mockClear();
    vi.mocked(finishPrinted).mockClear();
  });

  it('e-books never on the build\'s own thread, and the same bytes as made here, valid for EPUBCheck', async () => {
    const result = await build({ root, settings: { formats: ['epub', 'html'], out: 'out/a' } });
    expect(result.documents.map((d) => d.error?.message)).toEqual([undefined, undefined]);
    expect(renderEpub).not.toHaveBeenCalled();
    for (const name of ['hans', 'english']) {
      const built = readFileSync(join(root, `out/a/${name}.epub`));
      expect(Buffer.compare(built, Buffer.from(await madeHere(root, `${name}.md`))), name).toBe(0);
    }
    const reports = epubcheckMany(['hans', 'english'].map((name) => join(root, `out/a/${name}.epub`)));
    expect(reports.size).toBe(2);
    for (const [path, report] of reports) expect({ ...report, path }).toEqual({ fatals: 0, errors: 0, warnings: 0, messages: [], path });
  });

  it('PDFs of a build of e-books finished there, the same bytes as a build of one document finishes here', async () => {
    await build({ root, settings: { formats: ['pdf', 'epub'], out: 'out/p' } });
    expect(finishPrinted).not.toHaveBeenCalled();
    for (const name of ['hans', 'english']) {
      await build({ root, files: [join(root, `source/${name}.md`)], settings: { formats: ['pdf'], out: `out/p-${name}` } });
      expect(readFileSync(join(root, `out/p/${name}.pdf`)).equals(readFileSync(join(root, `out/p-${name}/${name}.pdf`))), name).toBe(true);
    }
    // The two builds of one document finished their PDFs here, and a build of one e-book makes it here too.
    expect(finishPrinted).toHaveBeenCalledTimes(2);
    await build({ root, files: [join(root, 'source/hans.md')], settings: { formats: ['epub'], out: 'out/one' } });
    expect(renderEpub).toHaveBeenCalledTimes(1);
    // PDFs alone are finished here, however many.
    await build({ root, settings: { formats: ['pdf'], out: 'out/pdfs' } });
    expect(finishPrinted).toHaveBeenCalledTimes(4);
  });

  it('takes SOURCE_DATE_EPOCH as it is when the build starts, not as it was when the threads started', async () => {
    await build({ root, settings: { formats: ['epub'], out: 'out/b' } });
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    await build({ root, settings: { formats: ['epub'], out: 'out/c' }, force: true });
    const before = readFileSync(join(root, 'out/b/hans.epub'));
    const after = readFileSync(join(root, 'out/c/hans.epub'));
    expect(await modified(before)).toBe('2024-05-06T00:00:00Z');
    expect(await modified(after)).toBe('2023-11-14T22:13:20Z');
    expect(Buffer.compare(after, Buffer.from(await madeHere(root, 'hans.md', { SOURCE_DATE_EPOCH: '1700000000' })))).toBe(0);
  });

  it('a book that fails on a thread is an error of its own, and the thread goes on to the next', async () => {
    const layers = { config: loadConfig(root), cli: {} };
    const source = findSources(join(root, 'source'), root).find((s) => s.display.endsWith('english.md'))!;
    const { rendered, settings } = await prepareDocument(source, layers, root);
    const template = loadTemplate(settings.template, templatesDir(root));
    const broken = { ...rendered, meta: { ...rendered.meta, authors: 7 as unknown as string[] } };
    const failed = bookPool.epub({ doc: broken, template, settings, root, env: {} });
    await expect(failed).rejects.toBeInstanceOf(GalleyError);
    await expect(failed).rejects.toThrow(/not iterable/);
    const made = await bookPool.epub({ doc: rendered, template, settings, root, env: {} });
    expect(Buffer.compare(Buffer.from(made), Buffer.from(await madeHere(root, 'english.md')))).toBe(0);
  });
});
