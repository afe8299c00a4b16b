/** Opens an EPUB as a reading system does: unzip, find the package, read its documents. */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';

export interface EpubContents {
  files: string[];
  text: (name: string) => Promise<string>;
  opf: string;
  opfPath: string;
  /** The XHTML documents in spine order's container folder, as text. */
  xhtml: Record<string, string>;
}

export async function openEpub(path: string): Promise<EpubContents> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const files = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  const text = (name: string) => zip.file(name)!.async('string');
  const container = await text('META-INF/container.xml');
  const opfPath = container.match(/full-path="([^"]+)"/)![1]!;
  const opf = await text(opfPath);
  const xhtml: Record<string, string> = {};
  for (const name of files.filter((f) => f.endsWith('.xhtml'))) xhtml[name] = decodeEntities(await text(name));
  return { files, text, opf, opfPath, xhtml };
}

/** Character references as a reading system resolves them, so tests compare text, not encoding. */
export function decodeEntities(xml: string): string {
  return xml
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)));
}
