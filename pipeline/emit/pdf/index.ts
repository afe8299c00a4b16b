/**
 * The print PDF: the print page rendered by Chromium, then given the metadata
 * and fixed dates that Chromium cannot set (pdf-lib).
 */
import type { Settings } from '../../config/index.ts';
import { printPage, type RenderedDocument } from '../../render/index.ts';
import { fontStack } from '../../fonts/catalogue.ts';
import type { Template } from '../../render/template.ts';
import type { BrowserSession } from '../browser/index.ts';
import { assetUrl, documentResolver, fontUrl, katexFontUrl, showDocument } from '../origin.ts';
import { mark } from '../../trace.ts';
import { finishPrinted, type FinishJob } from './metadata.ts';
import { unlinkHeadings } from './headings.ts';
import { openOnRecto } from './recto.ts';
import { destinationPages, measureContents, numberContents, type ContentsSlot } from './toc.ts';

export interface PdfJob {
  doc: RenderedDocument;
  template: Template;
  settings: Settings;
  root: string;
  /** Called with each URL the page asked for and did not get. */
  onBlocked: (url: string) => void;
  /** Called once the browser's part is done (the last print), before the PDF is finished here. */
  onPrinted?: () => void;
  /** Finishes the printed PDF (metadata.ts); a build does it on a text thread. Default: here. */
  finish?: (job: FinishJob) => Promise<Uint8Array>;
}

export async function renderPdf(session: BrowserSession, job: PdfJob): Promise<Uint8Array> {
  const html = printPage(job.doc, job.template, job.settings, { font: fontUrl, asset: assetUrl, katexFont: katexFontUrl });
  const resolve = documentResolver(html, job.root, job.doc.assets);
  const timeout = job.settings.timeout * 1000;
  const print = { preferCSSPageSize: true, printBackground: true, timeout };
  const vertical = job.settings.writingMode === 'vertical';
  const { pdf, headings, slots } = await session.withPage(resolve, job.onBlocked, async (page) => {
    mark('pdf: page ready');
    // The margin boxes (running title, folio) are not in the document, so their
    // font is only asked for during the first print, too late for it: loaded
    // fonts block, and that print would leave them blank. It is asked for as
    // soon as the document is parsed, while the document's own fonts load, and
    // once more when it has loaded (at once, then, if the first call was in time).
    const family = [...fontStack(job.doc.meta.lang).sans.map((name) => JSON.stringify(name)), 'sans-serif'].join(', ');
    const marginText = [job.doc.meta.title, ...(job.doc.parts ?? []).map((part) => part.title), '0123456789'].join('');
    const loadMarginFont = () => page.evaluate(async (font, text) => void (await document.fonts.load(font, text)), `16px ${family}`, marginText);
    let parsed!: () => void;
    const domReady = new Promise<void>((done) => (parsed = done));
    page.once('domcontentloaded', parsed);
    const shown = showDocument(page, html, timeout);
    const early = Promise.race([domReady, shown.catch(() => undefined)]).then(() => loadMarginFont().catch(() => undefined));
    try {
      await shown;
    } finally {
      page.off('domcontentloaded', parsed);
    }
    mark('pdf: document loaded');
    await early;
    await loadMarginFont();
    mark('pdf: margin font loaded');
    const headings = await unlinkHeadings(page);
    // Drafts, too, have an outline: it is what tells where the headings fall (headings.ts).
    const draft = () => page.pdf({ ...print, outline: true, tagged: true });
    const parts = job.doc.parts ?? [];
    if (job.settings.recto && parts.length) await openOnRecto(page, await destinationPages(await draft(), headings), parts.map((part) => part.id));
    let slots: ContentsSlot[] | undefined;
    if (job.doc.contents && vertical) {
      // Vertical writing: a draft print, only to learn where the headings fall.
      await numberContents(page, await destinationPages(await draft(), headings));
    } else if (job.doc.contents) {
      // One print: the numbers are drawn into their empty slots afterwards (toc.ts).
      slots = await measureContents(page);
      mark('pdf: contents measured');
    }
    mark('pdf: before print');
    const pdf = await page.pdf({ ...print, outline: true, tagged: true });
    mark('pdf: printed');
    return { pdf, headings, slots };
  });
  job.onPrinted?.();
  const finished = await (job.finish ?? finishPrinted)({ pdf, meta: job.doc.meta, fingerprint: html, rightToLeft: vertical, headings, ...(slots ? { slots } : {}) });
  mark('pdf: finished');
  return finished;
}
