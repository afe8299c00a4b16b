/**
 * The book's cover image, 1200 × 1800 px. galley draws its own design without a
 * browser (design.ts); a template that brings its own cover.html has it shot by
 * Chromium instead, when there is one.
 */
import sharp from 'sharp';
import type { Settings } from '../../../config/index.ts';
import type { Template } from '../../../render/template.ts';
import type { DocumentMeta } from '../../../types.ts';
import type { BrowserSession } from '../../browser/index.ts';
import { coverSvg } from './design.ts';
import { shootCover } from './shot.ts';

// libvips keeps recent operations for reuse; each cover is drawn once, so the cache would only grow.
sharp.cache(false);

export async function coverImage(
  meta: DocumentMeta,
  template: Template,
  settings: Settings,
  session: BrowserSession | undefined,
  onBlocked: (url: string) => void,
): Promise<Uint8Array> {
  if (template.cover !== undefined && session?.connected) return shootCover(session, template.cover, meta, settings, onBlocked);
  return drawCover(meta, settings);
}

/** galley's own cover, rasterized from its SVG of glyph outlines. */
export async function drawCover(meta: DocumentMeta, settings: Settings): Promise<Uint8Array> {
  const svg = await coverSvg(meta, settings.writingMode === 'vertical' ? 'vertical' : 'horizontal');
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}
