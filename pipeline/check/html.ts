/** The HTML snapshot: the page's markup, pretty-printed, with inlined data replaced by its hash. */
import { readFile } from 'node:fs/promises';
import { formatMarkup, hashDataUris } from './markup.ts';

export async function htmlSnapshot(path: string): Promise<string> {
  return formatMarkup(hashDataUris(await readFile(path, 'utf8')));
}
