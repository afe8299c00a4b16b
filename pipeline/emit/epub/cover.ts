/**
 * The cover image: the template's cover.html filled with the title, authors and
 * publication, drawn by Chromium with galley's own fonts and shot as a PNG.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../config/index.ts';
import { escapeHtml } from '../../render/escape.ts';
import { fillWithFonts, fontStack } from '../../render/fonts.ts';
import type { Template } from '../../render/template.ts';
import type { DocumentMeta } from '../../types.ts';
import { PACKAGE_ROOT } from '../../package-root.ts';
import { Semaphore, type BrowserSession } from '../browser.ts';
import { documentResolver, fontUrl, showDocument } from '../origin.ts';

export const COVER_WIDTH = 1200;
export const COVER_HEIGHT = 1800;

/**
 * Chromium only paints the tab in front: a shot of a page in the background
 * never returns. One cover at a time comes to the front and is shot.
 */
const front = new Semaphore(1);

const DEFAULT_COVER = join(PACKAGE_ROOT, 'templates/default/cover.html');

/** A template without its own cover.html uses the default one. */
export function coverShell(template: Template): string {
  const own = join(template.dir, 'cover.html');
  return readFileSync(existsSync(own) ? own : DEFAULT_COVER, 'utf8');
}

export function coverHtml(meta: DocumentMeta, template: Template, settings: Settings): string {
  const separator = /^zh/i.test(meta.lang) ? '、' : ', ';
  const values = {
    lang: escapeHtml(meta.lang),
    classes: settings.writingMode === 'vertical' ? 'vertical' : 'horizontal',
    css: '',
    title: escapeHtml(meta.title),
    authors: escapeHtml(meta.authors.join(separator)),
    publication: escapeHtml([meta.publication, meta.issue].filter(Boolean).join(' ')),
  };
  return fillWithFonts(coverShell(template), values, fontStack(meta.lang), fontUrl);
}

export async function renderCover(
  session: BrowserSession,
  meta: DocumentMeta,
  template: Template,
  settings: Settings,
  onBlocked: (url: string) => void,
): Promise<Uint8Array> {
  const html = coverHtml(meta, template, settings);
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
