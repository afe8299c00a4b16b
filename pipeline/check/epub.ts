/**
 * The EPUB snapshot, as one reviewable text: the archive's file list, then the
 * package document (OPF), the NCX and every XHTML document, pretty-printed. Files not
 * shown as text (CSS, images, fonts) are listed with a content hash.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { GalleyError } from '../errors.ts';
import { formatMarkup, hashDataUris, shortHash } from './markup.ts';

const TEXT = /\.(opf|xhtml|ncx)$/;

export async function epubSnapshot(path: string, display = path): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await readFile(path));
  } catch (error) {
    throw new GalleyError(display, `not a readable EPUB (zip): ${(error as Error).message}`);
  }
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  const sections: string[] = [];
  const list: string[] = [];
  for (const name of names) {
    if (TEXT.test(name)) list.push(name);
    else list.push(`${name}  sha256:${shortHash(await zip.file(name)!.async('uint8array'))}`);
  }
  sections.push(`# files\n${list.join('\n')}\n`);
  for (const name of names.filter((n) => TEXT.test(n))) {
    const xml = hashDataUris(await zip.file(name)!.async('string'));
    sections.push(`# ${name}\n${formatMarkup(xml, { xml: true })}`);
  }
  return maskVolatile(sections.join('\n'));
}

/**
 * epub-gen-memory stamps each book with random UUIDs (identifier, image names)
 * and the build time (dcterms:modified). They say nothing about the content,
 * so they are replaced by stable placeholders: uuid-1, uuid-2, ... in order of
 * first appearance, so a reviewer still sees which references match.
 */
export function maskVolatile(text: string): string {
  const seen = new Map<string, string>();
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (uuid) => {
      const key = uuid.toLowerCase();
      if (!seen.has(key)) seen.set(key, `uuid-${seen.size + 1}`);
      return seen.get(key)!;
    })
    .replace(/(<meta property="dcterms:modified"[^>]*>)[^<]*(<\/meta>)/g, '$1(build time)$2');
}
