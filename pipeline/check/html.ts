/**
 * The HTML snapshot: the page's markup, pretty-printed, with inlined data
 * replaced by its hash, and each font file it names beside it (fonts/…) by
 * the hash of that file, or "missing": a page whose fonts are gone fails.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FONTS_DIR } from '../emit/html.ts';
import { formatMarkup, hashDataUris, shortHash } from './markup.ts';

export async function htmlSnapshot(path: string): Promise<string> {
  const page = await readFile(path, 'utf8');
  const named = new RegExp(`url\\((${FONTS_DIR}/[\\w.-]+\\.woff2)\\)`, 'g');
  const hashes = new Map<string, string>();
  for (const [, file] of page.matchAll(named)) {
    const data = await readFile(join(dirname(path), file!)).catch(() => undefined);
    hashes.set(file!, data ? `${data.length} bytes sha256:${shortHash(data)}` : 'missing');
  }
  return formatMarkup(hashDataUris(page.replace(named, (_, file: string) => `url(${file} [${hashes.get(file)}])`)));
}
