/**
 * Writing one rendered document (or a bound book) in every format the settings
 * ask for: HTML, EPUB and PDF made in parallel, the PDF retried once on a fresh
 * browser when the browser fails, then published together: when any format
 * fails, no output of the document is replaced.
 */
import { dirname, join } from 'node:path';
import type { VFile } from 'vfile';
import type { Settings } from '../config/index.ts';
import type { BrowserSession } from '../emit/browser/index.ts';
import { FONTS_DIR, placeFonts, readFontTables, renderHtml, type PlacedFonts } from '../emit/html.ts';
import { warmHtml } from '../emit/html-warm.ts';
import { publish, type Output } from '../emit/write.ts';
import { browserFault, GalleyError } from '../errors.ts';
import { mark } from '../trace.ts';
import { bookPool } from './text-pool.ts';
import type { RenderedDocument } from '../render/index.ts';
import type { Template } from '../render/template.ts';
import type { Format } from '../types.ts';

export interface OutputJob {
  /** A document, or a bound book. */
  doc: RenderedDocument;
  template: Template;
  settings: Settings;
  root: string;
  session: BrowserSession | undefined;
  /** Receives the messages: blocked requests, browser retries. */
  file: VFile;
  path: (format: Format) => string;
  /** Called once this document will ask the browser for nothing more (its PDF printed, its cover shot). */
  onBrowserDone?: () => void;
  /** The font files the build has put in place so far, shared by its documents. */
  placedFonts?: PlacedFonts;
  /** E-books made and PDFs finished on the book thread (text-pool.ts, bookPool), not on this one. */
  bookThread?: boolean;
}

/** What the documents of one build share. */
export type SharedOutputs = Required<Pick<OutputJob, 'placedFonts' | 'bookThread'>>;

/** What the outputs of `settings` will read, read now: the build calls this while its first document is in the text stages. */
export function prepareOutputs(settings: Settings): void {
  if (settings.formats.includes('html') && !settings.selfContained) readFontTables();
}

/** A throwaway page rendered (html-warm.ts), after prepareOutputs, while the first document is still in the text stages. */
export async function warmOutputs(settings: Settings, template: Template, root: string): Promise<void> {
  if (settings.formats.includes('html')) await warmHtml(template, settings, root);
}

/** PDFs are printed by the browser; an EPUB needs it only for a template's own cover.html. */
export function needsBrowser(formats: Format[], template: Template): boolean {
  return formats.includes('pdf') || (formats.includes('epub') && template.cover !== undefined);
}

export interface Written {
  outputs: Partial<Record<Format, string>>;
  /** Files the outputs name that other documents' outputs share (the HTML page's fonts). */
  shared: string[];
  /** What the first failed output threw, if any did. */
  failure?: unknown;
}

export async function writeOutputs(job: OutputJob): Promise<Written> {
  const { doc, template, settings, root, session, file, path } = job;
  const outputs: Written['outputs'] = {};
  let fonts: string[] = [];
  const onBlocked = (url: string) => void (file.message(`blocked request for ${url}`, { ruleId: 'blocked-request', source: 'galley' }).actual = url);
  const jobs: Promise<Output & { format: Format }>[] = [];
  const write = (format: Format, data: () => Promise<Uint8Array | string>) => {
    const made = data().then((bytes) => ({ format, path: path(format), data: bytes }));
    jobs.push(made);
    return made.catch(() => undefined);
  };
  // What still uses the browser: the batch closes it when no document has any left.
  const browserParts: Promise<unknown>[] = [];
  // The PDF first: Chromium prints it while this process makes the HTML and the e-book.
  if (settings.formats.includes('pdf') && session) {
    let onPrinted!: () => void;
    const printed = new Promise<void>((done) => (onPrinted = done));
    const made = write('pdf', async () => {
      const { renderPdf } = await import('../emit/pdf/index.ts');
      return renderPdfWithRetry(() => renderPdf(session, { doc, template, settings, root, onBlocked, onPrinted, ...(job.bookThread ? { finish: (printed) => bookPool.finishPdf(printed) } : {}) }), file, settings.timeout);
    });
    browserParts.push(Promise.race([printed, made]));
  }
  if (settings.formats.includes('html')) {
    write('html', async () => {
      const html = await renderHtml(doc, template, settings, root);
      fonts = html.fonts;
      mark('html: made');
      return html.page;
    });
  }
  if (settings.formats.includes('epub')) {
    if (template.cover !== undefined && !session) {
      file.message(`EPUB: templates/${template.name}/cover.html needs a browser and none was found; the book gets galley's own cover`, { ruleId: 'cover-without-browser', source: 'galley' });
    }
    // The e-book and PDF writers are loaded by the first document that asks for them. A template's
    // cover.html is shot by the browser this thread drives; galley's own cover may be drawn on the book thread.
    const shot = session !== undefined && template.cover !== undefined;
    const made = write('epub', async () => {
      const epub = shot || !job.bookThread
        ? await (await import('../emit/epub/index.ts')).renderEpub({ doc, template, settings, root, session, onBlocked })
        : await bookPool.epub({ doc, template, settings, root, env: { SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH } });
      mark('epub: made');
      return epub;
    });
    if (shot) browserParts.push(made);
  }
  void Promise.all(browserParts).then(() => job.onBrowserDone?.());
  const settled = await Promise.allSettled(jobs);
  const failed = settled.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) return { outputs, shared: [], failure: failed.reason };
  const made = settled.map((o) => (o as PromiseFulfilledResult<Output & { format: Format }>).value);
  let shared: string[] = [];
  try {
    // The fonts first: a page is never in place before the files it names.
    if (fonts.length) shared = await placeFonts(fonts, join(dirname(path('html')), FONTS_DIR), job.placedFonts);
    await publish(made);
  } catch (error) {
    // "ENOSPC: no space left on device, write": the reason, without the temp file's name.
    const reason = error instanceof Error ? error.message.split(/, (?:open|write|rename|link) /)[0] : String(error);
    return { outputs, shared: [], failure: new Error(`outputs not written (the previous ones are kept): ${reason}`) };
  }
  for (const format of ['html', 'epub', 'pdf'] as const) {
    const output = made.find((o) => o.format === format);
    if (output) outputs[format] = output.path;
  }
  return { outputs, shared };
}

/** A browser that crashed or hung gets one more try on a fresh one (BrowserSession relaunches it); then the document fails. */
async function renderPdfWithRetry(render: () => Promise<Uint8Array>, file: VFile, timeout: number): Promise<Uint8Array> {
  const why = (fault: string) => (fault === 'timed out' ? `timed out (timeout: ${timeout} s)` : fault);
  try {
    return await render();
  } catch (error) {
    const first = browserFault(error);
    if (!first) throw error;
    file.message(`PDF: the browser ${why(first)}; retrying on a fresh browser`, { ruleId: 'browser-retry', source: 'galley' });
    try {
      return await render();
    } catch (again) {
      const second = browserFault(again);
      if (!second) throw again;
      throw new GalleyError(file.path, `PDF not written: the browser ${why(first)}, and ${second === first ? 'again' : why(second)} on retry`);
    }
  }
}
