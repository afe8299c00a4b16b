/**
 * read: bytes → text in a VFile. Scraped sources arrive in whatever encoding the
 * site used, so the encoding is detected, not assumed; binary files are refused.
 */
import { readFile, stat } from 'node:fs/promises';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { VFile } from 'vfile';
import { GalleyError } from '../errors.ts';

/** Larger sources are refused: nothing real is this big, and it protects the browser. */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export async function readSource(path: string, displayPath = path): Promise<VFile> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new GalleyError(displayPath, 'is a folder, not a source file');
    size = info.size;
  } catch (error) {
    if (error instanceof GalleyError) throw error;
    throw new GalleyError(displayPath, 'no such file');
  }
  if (size > MAX_SOURCE_BYTES) {
    throw new GalleyError(displayPath, `too large (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_SOURCE_BYTES / 1048576} MB)`);
  }
  const bytes = await readFile(path);
  const { text, encoding } = decode(bytes, displayPath);
  const file = new VFile({ path: displayPath, value: text });
  file.data.encoding = encoding;
  return file;
}

/** Decodes bytes, detecting the encoding. Throws a GalleyError for empty or binary input. */
export function decode(bytes: Uint8Array, displayPath = '<input>'): { text: string; encoding: Encoding } {
  if (bytes.length === 0) throw new GalleyError(displayPath, 'is empty');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encoding = detectEncoding(buffer, displayPath);
  let text = iconv.decode(buffer, encoding, { stripBOM: true });
  if (text.trim() === '') throw new GalleyError(displayPath, 'is empty');
  if (looksBinary(text)) throw new GalleyError(displayPath, 'is a binary file, not text');
  text = text.replace(/\r\n?/g, '\n');
  return { text, encoding };
}

export function detectEncoding(bytes: Buffer, displayPath = '<input>'): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  if (hasNul(bytes)) throw new GalleyError(displayPath, 'is a binary file, not text');
  if (isValidUtf8(bytes)) return 'utf-8';
  const guesses = chardet.analyse(bytes).filter((g) => g.confidence >= 10);
  for (const guess of guesses) {
    const name = guess.name.toLowerCase();
    if (name === 'big5') return 'big5';
    if (name === 'gb18030' || name === 'gbk' || name === 'gb2312') return 'gb18030';
  }
  // chardet confuses short Big5 and GBK texts; pick the reading with fewer undecodable pairs.
  const gb = iconv.decode(bytes, 'gb18030');
  const big5 = iconv.decode(bytes, 'big5');
  const bad = (s: string) => (s.match(/\uFFFD/g) ?? []).length;
  if (bad(gb) === 0 || bad(big5) === 0) return bad(big5) < bad(gb) ? 'big5' : 'gb18030';
  throw new GalleyError(displayPath, 'encoding not recognized (not UTF-8, UTF-16, GB18030 or Big5)');
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasNul(bytes: Buffer): boolean {
  return bytes.subarray(0, 65536).includes(0);
}

/** UTF-16 without a BOM shows as NULs in every other byte of ASCII text. */
function utf16WithoutBom(bytes: Buffer): Encoding | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = sample.length / 2;
  if (oddNul > pairs * 0.3 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.3 && oddNul === 0) return 'utf-16be';
  return undefined;
}

/** Control characters other than whitespace are rare in text and common in binary. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls > Math.max(8, sample.length * 0.05);
}
