/**
 * The digits of a family galley ships, for the contents' page numbers: cut
 * from its Latin file into a plain TrueType font of a few kilobytes, so no
 * document pays for decompressing the whole face. npm run compile cuts them
 * into dist/data/digits/ (indexes.ts) with their metrics (digit-face.ts), so
 * a PDF needs no font subsetter (a WebAssembly module) and no font parser at
 * run time; they are cut and measured in the process when absent.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FONT_PACKAGES, FONT_WEIGHTS } from '../../fonts/catalogue.ts';
import { oncePerKey } from '../../memo.ts';
import { DATA_DIR } from '../../precomputed.ts';
import { fontFile } from '../origin.ts';
import { measureDigits, type DigitFace, type Digits } from './digit-face.ts';
import type { DigitFont } from './toc.ts';

/** An empty file: the family has no Latin file to take digits from. */
const digitsPath = (pkg: string, weight: string | number) => join(DATA_DIR, 'digits', `${pkg}-${weight}.ttf`);
/** The metrics beside it (JSON), absent when the font is. */
const facePath = (pkg: string, weight: string | number) => join(DATA_DIR, 'digits', `${pkg}-${weight}.json`);

async function cutDigits(pkg: string, weight: string | number): Promise<Uint8Array | undefined> {
  try {
    const woff = await fontFile(pkg, `files/${pkg}-latin-${weight}-normal.woff`);
    const { default: subsetFont } = await import('subset-font');
    return new Uint8Array(await subsetFont(Buffer.from(woff), '0123456789', { targetFormat: 'truetype' }));
  } catch {
    return undefined;
  }
}

/** `pkg/weight` → the digits' TrueType bytes and metrics, or undefined; once per process. */
export const digitsOf = oncePerKey(async (key): Promise<Digits | undefined> => {
  const [pkg, weight] = key.split('/') as [string, string];
  const path = digitsPath(pkg, weight);
  if (!existsSync(path) || !existsSync(facePath(pkg, weight))) {
    const bytes = await cutDigits(pkg, weight);
    return bytes && { bytes, face: await measureDigits(bytes) };
  }
  const bytes = new Uint8Array(await readFile(path));
  if (!bytes.length) return undefined;
  return { bytes, face: JSON.parse(await readFile(facePath(pkg, weight), 'utf8')) as DigitFace };
});

/** The digits of a CSS family galley ships, for the contents' numbers (toc.ts). */
export const digitFont: DigitFont = async (family, weight) => {
  const pkg = family.toLowerCase().replace(/\s+/g, '-');
  return FONT_PACKAGES.includes(pkg) ? digitsOf(`${pkg}/${weight}`) : undefined;
};

/** Cuts and measures the digits of every package and weight into dist/data/digits/ (for indexes.ts). */
export async function writeDigits(): Promise<string[]> {
  await mkdir(join(DATA_DIR, 'digits'), { recursive: true });
  const written = await Promise.all(
    FONT_WEIGHTS.map(async ([pkg, weight]) => {
      const bytes = await cutDigits(pkg, weight);
      await writeFile(digitsPath(pkg, weight), bytes ?? new Uint8Array());
      if (!bytes) return [digitsPath(pkg, weight)];
      await writeFile(facePath(pkg, weight), JSON.stringify(await measureDigits(bytes)));
      return [digitsPath(pkg, weight), facePath(pkg, weight)];
    }),
  );
  return written.flat();
}
