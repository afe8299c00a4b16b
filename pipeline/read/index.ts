/**
 * read: bytes → text in a VFile. Scraped sources arrive in whatever encoding the
 * site used, so the encoding is detected, not assumed; binary files are refused.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { VFile } from 'vfile';
import { GalleyError } from '../errors.ts';

// Required on first use: a source in valid UTF-8, nearly every one, needs neither (their tables are large).
const require = createRequire(import.meta.url);
const iconv = () => require('iconv-lite') as typeof import('iconv-lite');
const chardet = () => require('chardet') as typeof import('chardet');

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
  const { text, encoding, replaced } = decode(bytes, displayPath);
  const file = new VFile({ path: displayPath, value: text });
  file.data.encoding = encoding;
  // The build cache keys the document by the bytes read here, not by what is on disk when the build ends.
  file.data.sourceHash = createHash('sha256').update(bytes).digest('hex');
  if (replaced) {
    file.message(`${replaced} invalid UTF-8 byte sequence${replaced > 1 ? 's' : ''} replaced by U+FFFD`, { ruleId: 'invalid-utf8', source: 'galley' });
  }
  return file;
}

/** Decodes bytes, detecting the encoding. Throws a GalleyError for empty, binary or undecodable input. */
export function decode(bytes: Uint8Array, displayPath = '<input>'): Decoded {
  if (bytes.length === 0) throw new GalleyError(displayPath, 'is empty');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const encoding = detectEncoding(buffer, displayPath);
  const validUtf8 = encoding === 'utf-8' && isUtf8(buffer);
  // TextDecoder drops a leading BOM as iconv's stripBOM does; iconv reads the rest, and UTF-8 with bad sequences as it always has.
  let text = validUtf8 ? new TextDecoder('utf-8').decode(buffer) : iconv().decode(buffer, encoding, { stripBOM: true });
  if (text.trim() === '') throw new GalleyError(displayPath, 'is empty');
  if (looksBinary(text)) throw new GalleyError(displayPath, 'is a binary file, not text');
  const replaced = encoding === 'utf-8' && !validUtf8 ? badUtf8Sequences(buffer) : 0;
  // Unpaired UTF-16 surrogates cannot be written out as UTF-8 by any later stage.
  text = text.replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/g, '\n');
  return { text, encoding, replaced };
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Invalid byte sequences replaced by U+FFFD (only in nearly valid UTF-8). */
  replaced: number;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function detectEncoding(bytes: Buffer, displayPath = '<input>'): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  if (hasNul(bytes)) throw new GalleyError(displayPath, 'is a binary file, not text');
  if (isUtf8(bytes)) return 'utf-8';
  // GB18030 decodes almost any bytes without error, so a reading must also look like Chinese text.
  const plausible = (['gb18030', 'big5'] as const).filter((encoding) => looksLikeText(iconv().decode(bytes, encoding)));
  if (plausible.length === 1) return plausible[0]!;
  if (plausible.length === 2) {
    // Both read as Han text: chardet's character-frequency statistics decide.
    const ranked = chardet().analyse(bytes).map((guess) => guess.name.toLowerCase());
    const big5 = ranked.indexOf('big5');
    const gb = ranked.findIndex((name) => name === 'gb18030' || name === 'gbk' || name === 'gb2312');
    return big5 !== -1 && (gb === -1 || big5 < gb) ? 'big5' : 'gb18030';
  }
  // Scraped UTF-8 is often cut mid-character or carries a stray byte: a few bad sequences are tolerated.
  if (badUtf8Sequences(bytes) <= Math.max(1, bytes.length / 1000)) return 'utf-8';
  throw new GalleyError(displayPath, 'encoding not recognized (not UTF-8, UTF-16, GB18030 or Big5)');
}

/** Characters a real Chinese or Western text is made of; everything else counts against a reading. */
const TEXT_CHAR = /[\t\n\r\x20-\x7e\u00a0-\u00ff\u2010-\u2027\u2030-\u205e\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uffef]/u;

function looksLikeText(text: string): boolean {
  const chars = Array.from(text);
  if (chars.includes('\uFFFD')) return false;
  const odd = chars.filter((ch) => !TEXT_CHAR.test(ch)).length;
  return odd <= chars.length * 0.02;
}

/** Byte sequences a lenient UTF-8 decoder replaces (genuine U+FFFD characters excluded). */
function badUtf8Sequences(bytes: Buffer): number {
  const replacements = new TextDecoder('utf-8').decode(bytes).match(/\uFFFD/g)?.length ?? 0;
  let genuine = 0;
  for (let at = bytes.indexOf(REPLACEMENT); at !== -1; at = bytes.indexOf(REPLACEMENT, at + 3)) genuine++;
  return replacements - genuine;
}

const REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);

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
