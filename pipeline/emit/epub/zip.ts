/**
 * The EPUB container, written so that the same files give the same bytes:
 * mimetype first and stored, then META-INF and the package document, then the
 * rest in name order; every entry stamped with one fixed time, no folder entries.
 */
import JSZip from 'jszip';

/** DOS time stamps start in 1980; earlier dates are clamped to it. */
const ZIP_EPOCH = Date.UTC(1980, 0, 1);

/** Already compressed formats are stored: deflating them again gains nothing. */
const STORED = /\.(png|jpe?g|gif|webp|woff2?)$/i;

export async function readZip(data: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(data);
  const files = new Map<string, Uint8Array>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) files.set(name, await entry.async('uint8array'));
  }
  return files;
}

export async function writeEpubZip(files: Map<string, Uint8Array | string>, date: Date): Promise<Uint8Array> {
  const stamp = new Date(Math.max(date.getTime(), ZIP_EPOCH));
  const zip = new JSZip();
  const first = ['mimetype', 'META-INF/container.xml'];
  const names = [...first.filter((n) => files.has(n)), ...[...files.keys()].filter((n) => !first.includes(n)).sort(byPackageOrder)];
  for (const name of names) {
    zip.file(name, files.get(name)!, {
      date: stamp,
      createFolders: false,
      compression: name === 'mimetype' || STORED.test(name) ? 'STORE' : 'DEFLATE',
      compressionOptions: { level: 9 },
    });
  }
  return zip.generateAsync({ type: 'uint8array', platform: 'DOS', streamFiles: false });
}

/** META-INF first, then the package document, then everything else by name. */
function byPackageOrder(a: string, b: string): number {
  const rank = (name: string) => (name.startsWith('META-INF/') ? 0 : name.endsWith('.opf') ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
