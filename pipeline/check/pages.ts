/**
 * Page images for the snapshot: each PDF page rasterized by pdftoppm at a low
 * resolution and reduced to 16 grey levels. 50 dpi still shows every line of
 * text, rule and figure in place; grey levels keep anti-aliasing but drop the
 * fine colour noise, so a dense page of Chinese text is ~35 KB in git, not 140.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { poppler } from './poppler.ts';

export const PAGE_DPI = 50;
const LEVELS = 16;

/** The pages of a PDF as normalized PNG files, page 1 first. */
export async function renderPages(path: string, display = path): Promise<Buffer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'galley-pages-'));
  try {
    await poppler('pdftoppm', ['-r', String(PAGE_DPI), '-png', path, join(dir, 'page')], display);
    // pdftoppm pads page numbers to the width of the page count (page-01.png ...): sort by number.
    const files = (await readdir(dir))
      .map((name) => ({ name, n: Number(name.match(/-(\d+)\.png$/)?.[1]) }))
      .filter((f) => f.n > 0)
      .sort((a, b) => a.n - b.n);
    return await Promise.all(files.map(async (f) => toGrey(PNG.sync.read(await readFile(join(dir, f.name))))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function toGrey(image: PNG): Buffer {
  const step = 255 / (LEVELS - 1);
  const data = image.data;
  for (let i = 0; i < data.length; i += 4) {
    const luma = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
    data[i] = data[i + 1] = data[i + 2] = Math.round(Math.round(luma / step) * step);
    data[i + 3] = 255;
  }
  return PNG.sync.write(image, { colorType: 0, inputColorType: 6, deflateLevel: 9 });
}
