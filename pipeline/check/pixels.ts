/**
 * Compares a page image with its snapshot (pixelmatch) and draws the diff:
 * snapshot | new render | differences in red, side by side.
 */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export interface PixelLimits {
  /**
   * pixelmatch's per-pixel threshold (0–1, on its perceptual YIQ colour
   * distance). At 0.1 a pixel counts as different only when its grey level
   * moves by about 26 of 255 — more than anti-aliasing jitter between
   * rasterizer versions, far less than ink against paper (~200). pixelmatch's
   * anti-aliasing detector also leaves glyph-edge pixels out of the count.
   */
  threshold: number;
  /**
   * The share of a page's pixels that may differ before it fails: 0.5%. An A4
   * page at 50 dpi is 414×585 ≈ 242,000 pixels, so 0.5% is ~1,200 pixels, about
   * twenty CJK glyphs at 10.5 pt. Content changes that small are caught by the
   * text comparison; the images are there for layout, and a layout change moves
   * whole lines: a margin 1 mm wider shifts every line by 2 px, several percent
   * of a page of text.
   */
  maxDiffRatio: number;
}

export const DEFAULT_LIMITS: PixelLimits = { threshold: 0.1, maxDiffRatio: 0.005 };

export interface PageComparison {
  /** Share of pixels that differ, 0–1; 1 when the page size changed. */
  ratio: number;
  failed: boolean;
  /** Why it failed, when it failed for a reason other than pixels (size). */
  reason?: string;
  /** The side-by-side diff image, when the page failed. */
  diff?: Buffer;
}

export function comparePages(expectedPng: Buffer, actualPng: Buffer, limits: PixelLimits = DEFAULT_LIMITS): PageComparison {
  const expected = readPng(expectedPng);
  const actual = readPng(actualPng);
  if (!expected || !actual) {
    const which = expected ? 'the new page image' : 'the snapshot';
    return { ratio: 1, failed: true, reason: `${which} is not a readable PNG (truncated or damaged)${expected ? '' : '; rewrite it with galley check --update'}` };
  }
  if (expected.width !== actual.width || expected.height !== actual.height) {
    return {
      ratio: 1,
      failed: true,
      reason: `page size changed from ${expected.width}×${expected.height} to ${actual.width}×${actual.height} px`,
      diff: sideBySide([expected, actual]),
    };
  }
  const { width, height } = expected;
  const output = new PNG({ width, height });
  const count = pixelmatch(expected.data, actual.data, output.data, width, height, { threshold: limits.threshold, includeAA: false, alpha: 0.2 });
  const ratio = count / (width * height);
  const failed = ratio > limits.maxDiffRatio;
  return { ratio, failed, ...(failed ? { diff: sideBySide([expected, actual, output]) } : {}) };
}

/** Images placed left to right on white, 8 px apart, top-aligned. */
function sideBySide(images: PNG[]): Buffer {
  const gap = 8;
  const width = images.reduce((w, img) => w + img.width, 0) + gap * (images.length - 1);
  const height = Math.max(...images.map((img) => img.height));
  const canvas = new PNG({ width, height });
  canvas.data.fill(255);
  let x = 0;
  for (const img of images) {
    PNG.bitblt(img, canvas, 0, 0, img.width, img.height, x, 0);
    x += img.width + gap;
  }
  return PNG.sync.write(canvas);
}

/** A damaged PNG makes pngjs throw stream errors that say nothing useful; undefined says it plainly. */
function readPng(data: Buffer): PNG | undefined {
  try {
    return PNG.sync.read(data);
  } catch {
    return undefined;
  }
}
