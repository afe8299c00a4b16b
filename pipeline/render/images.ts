/**
 * What a document may load is decided by what the file is, not only by where
 * it is: an image is a file whose bytes carry a known image signature (or an
 * SVG that parses), matching the media type its name gives, and never a
 * dotfile, anything under a dot-folder, node_modules, the out folder or the cache.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';

/** Required on first use: only an SVG is parsed, and most documents have none. */
const xml = () => createRequire(import.meta.url)('fast-xml-parser') as typeof import('fast-xml-parser');

const SIGNATURES: [type: string, test: (head: Buffer) => boolean][] = [
  ['image/png', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['image/gif', (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1'))],
  ['image/webp', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
];

const BY_EXTENSION: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/** SVGs are parsed whole; past this size one is refused rather than read. */
const MAX_SVG_BYTES = 5 * 1024 * 1024;

/** Folders a document never loads from, whatever the file in them. */
const PRIVATE_SEGMENT = (segment: string) => segment.startsWith('.') || segment === 'node_modules';

/**
 * Why the file at `path` (absolute; `rel`: its project-relative path, after
 * following links) may not be loaded as an image, or undefined when it may.
 * `excluded`: project-relative folders (the out folder) that are never read.
 */
export function imageRefusal(path: string, rel: string, excluded: string[]): string | undefined {
  const segments = rel.split('/');
  if (segments.some(PRIVATE_SEGMENT)) return 'dotfiles, dot-folders and node_modules are never loaded';
  if (excluded.some((dir) => rel === dir || rel.startsWith(`${dir}/`))) return 'the out folder is never loaded';
  const info = statSync(path);
  if (info.isDirectory()) return 'is a folder, not an image';
  if (!info.isFile()) return 'not a regular file';
  const expected = BY_EXTENSION[extname(rel).toLowerCase()];
  if (!expected) return 'not an image (use .png, .jpg, .gif, .webp or .svg)';
  if (expected === 'image/svg+xml') return info.size > MAX_SVG_BYTES ? 'SVG too large (the limit is 5 MB)' : svgRefusal(readFileSync(path, 'utf8'));
  const found = SIGNATURES.find(([, test]) => test(head(path)))?.[0];
  if (found === expected) return undefined;
  return found ? `its bytes are ${found}, not the ${expected} its name says` : `its bytes are not a ${expected.slice(6).toUpperCase()} image`;
}

function head(path: string): Buffer {
  const buffer = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return buffer;
}

function svgRefusal(text: string): string | undefined {
  const { XMLParser, XMLValidator } = xml();
  if (XMLValidator.validate(text) !== true) return 'not an SVG image (it does not parse as XML)';
  const parsed = new XMLParser({ ignoreDeclaration: true, ignorePiTags: true, processEntities: false }).parse(text) as Record<string, unknown>;
  const roots = Object.keys(parsed).filter((name) => !name.startsWith('#') && !name.startsWith('?') && name !== '!DOCTYPE');
  return roots.length === 1 && roots[0]!.replace(/^.*:/, '') === 'svg' ? undefined : 'not an SVG image (its root element is not <svg>)';
}
