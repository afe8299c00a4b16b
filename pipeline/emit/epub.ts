/**
 * The EPUB 3 e-book, made by epub-gen-memory from the rendered body and the
 * template's epub.css.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { EPub } from 'epub-gen-memory';
import { bodyHtml, type RenderedDocument } from '../render/index.ts';
import type { Template } from '../render/template.ts';
import { labelsFor } from '../render/labels.ts';

export interface EpubJob {
  doc: RenderedDocument;
  template: Template;
  root: string;
}

export async function renderEpub(job: EpubJob): Promise<Uint8Array> {
  const { doc, template, root } = job;
  const body = bodyHtml(doc, (path) => pathToFileURL(join(root, path)).href);
  const book = new EPub(
    {
      title: doc.meta.title,
      author: doc.meta.authors,
      lang: doc.meta.lang,
      publisher: doc.meta.publication,
      description: doc.meta.description,
      ...(doc.meta.date ? { date: doc.meta.date } : {}),
      css: template.epubCss,
      tocTitle: labelsFor(doc.meta.lang).contents,
      version: 3,
      verbose: false,
      ignoreFailedDownloads: true,
    },
    [{ title: doc.meta.title, content: `${doc.titleBlock}\n${body}` }],
  );
  await book.render();
  return new Uint8Array(await book.genEpub());
}
