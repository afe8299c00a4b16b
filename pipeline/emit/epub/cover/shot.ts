/**
 * A template's own cover: its cover.html filled with the title, authors and
 * publication, drawn by Chromium with galley's own fonts and shot as a PNG.
 */
import type { Settings } from '../../../config/index.ts';
import { publicationLine } from '../../../render/blocks.ts';
import { escapeSlot } from '../../../render/serialize.ts';
import { fillWithFonts, fontStack } from '../../../fonts/catalogue.ts';
import { labelsFor } from '../../../locale/labels.ts';
import type { DocumentMeta } from '../../../types.ts';
import type { BrowserSession } from '../../browser/index.ts';
import { Semaphore } from '../../browser/semaphore.ts';
import { documentResolver, fontUrl, showDocument } from '../../origin.ts';
import { COVER_HEIGHT, COVER_WIDTH } from './design.ts';

/**
 * Chromium only paints the tab in front: a shot of a page in the background
 * never returns. One cover at a time comes to the front and is shot.
 */
const front = new Semaphore(1);

export function coverHtml(shell: string, meta: DocumentMeta, settings: Settings): string {
  const values = {
    lang: escapeSlot(meta.lang),
    classes: settings.writingMode === 'vertical' ? 'vertical' : 'horizontal',
    css: '',
    title: escapeSlot(meta.title),
    authors: escapeSlot(meta.authors.join(labelsFor(meta.lang).authorSeparator)),
    publication: escapeSlot(publicationLine(meta)),
  };
  return fillWithFonts(shell, values, fontStack(meta.lang), fontUrl);
}

export async function shootCover(
  session: BrowserSession,
  shell: string,
  meta: DocumentMeta,
  settings: Settings,
  onBlocked: (url: string) => void,
): Promise<Uint8Array> {
  const html = coverHtml(shell, meta, settings);
  const timeout = settings.timeout * 1000;
  // One cover at a time, on a page kept for covers: it stays in front at the cover's size.
  return front.run(() =>
    session.withPage(
      documentResolver(html, ''),
      onBlocked,
      async (page) => {
        // Set once per page: setting it again lays out and paints the last cover anew.
        const viewport = page.viewport();
        if (viewport?.width !== COVER_WIDTH || viewport.height !== COVER_HEIGHT || viewport.deviceScaleFactor !== 1) {
          await page.setViewport({ width: COVER_WIDTH, height: COVER_HEIGHT, deviceScaleFactor: 1 });
        }
        await showDocument(page, html, timeout);
        // The shot must wait for the web fonts, or it would show a fallback face.
        await page.evaluate('document.fonts.ready.then(() => true)');
        await page.bringToFront();
        return new Uint8Array(await page.screenshot({ type: 'png', fullPage: false, captureBeyondViewport: false }));
      },
      'cover',
    ),
  );
}
