/**
 * The CJK font, embedded as a subset of just the characters the book uses, so
 * it reads on a device with no Chinese font and stays small. @fontsource ships
 * each CJK weight as ~100 chunk files split by unicode-range; every chunk that
 * covers a used character is cut down to those characters.
 *
 * Each chunk becomes its own font family, listed in order in font-family:
 * fallback from one family to the next per character works in every reading
 * system, while unicode-range (one family, many faces) is ignored by many.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { oncePerKey } from '../../memo.ts';
import { facesCovering, fontFaces, fontPackageDir } from '../../fonts/catalogue.ts';
import { trueType } from '../../fonts/truetype.ts';

export interface EmbeddedFont {
  /** Path inside OEBPS/. */
  href: string;
  data: Uint8Array;
}

export interface FontSubset {
  fonts: EmbeddedFont[];
  /** @font-face rules, and the font-family list that puts the families to use. */
  css: string;
  /** The family of each font, in order. */
  families: string[];
}

/** Regular weight only: reading systems embolden it for headings, and the book stays half the size. */
const WEIGHT = 400;

/** Characters a CJK font serves in a document in another language. */
const CJK = /[\p{Script=Han}\p{Script=Bopomofo}\u2e80-\u2fdf\u3000-\u303f\u31c0-\u31ef\u3200-\u33ff\ufe30-\ufe4f\uff00-\uffef]/u;

export function cjkPackage(lang: string): string {
  return /^zh-(Hans|CN|SG)/i.test(lang) ? 'noto-serif-sc' : 'noto-serif-tc';
}

/** Whether the whole text is set in the CJK font, Latin included, or only its CJK characters. */
export function isCjkLanguage(lang: string): boolean {
  return /^(zh|ja|ko)\b/i.test(lang);
}

/**
 * The used characters, grouped by the face (chunk) of the package that covers
 * each, keyed by the face's index and file, in face order.
 */
export function chunksFor(pkg: string, text: string, cjkOnly: boolean): Map<{ index: number; file: string }, string> {
  const faces = fontFaces(pkg, WEIGHT);
  const groups = new Map<number, string>();
  for (const char of new Set(Array.from(text))) {
    if (/\s/u.test(char) || (cjkOnly && !CJK.test(char))) continue;
    const index = facesCovering(pkg, WEIGHT, char.codePointAt(0)!).find((i) => faces[i]!.file);
    if (index !== undefined) groups.set(index, (groups.get(index) ?? '') + char);
  }
  return new Map(
    [...groups]
      .sort(([a], [b]) => a - b)
      .map(([index, chars]) => [{ index, file: faces[index]!.file! }, [...chars].sort().join('')]),
  );
}

/**
 * A chunk as plain TrueType, decompressed from its WOFF2 once per process:
 * subset-font would otherwise undo the same compression for every book.
 */
export const chunkFont = oncePerKey(async (path) => trueType(await readFile(path)));

export async function subsetCjkFont(text: string, lang: string): Promise<FontSubset> {
  const pkg = cjkPackage(lang);
  const groups = chunksFor(pkg, text, !isCjkLanguage(lang));
  const dir = fontPackageDir(pkg);
  const fonts: EmbeddedFont[] = [];
  const faces: string[] = [];
  const families: string[] = [];
  for (const [chunk, chars] of groups) {
    const source = Buffer.from(await chunkFont(join(dir, chunk.file)));
    // TrueType, not WOFF2: the zip deflates it nearly as small, WOFF2's Brotli
    // pass cost a quarter of a second per book, and older reading systems read only TrueType.
    const data = await subsetFont(source, chars, { targetFormat: 'truetype' });
    const href = `fonts/${pkg}-${chunk.index}.ttf`;
    const family = `galley ${pkg} ${chunk.index}`;
    fonts.push({ href, data: new Uint8Array(data) });
    families.push(family);
    faces.push(`@font-face { font-family: "${family}"; font-style: normal; font-weight: normal; src: url(${href}) format("truetype"); }`);
  }
  if (!families.length) return { fonts, css: '', families };
  const list = families.map((family) => `"${family}"`).join(', ');
  const css = [
    ...faces,
    `html, body { font-family: ${list}, serif; }`,
    `code, kbd, samp, pre { font-family: monospace, ${list}; }`,
  ].join('\n');
  return { fonts, css, families };
}
