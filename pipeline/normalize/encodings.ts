/**
 * Bytes and the encodings scrapers confuse: what bytes a wrong decoder must have seen to print
 * some text, and whether those bytes read exactly as another encoding. Mojibake repair is built
 * on these two questions.
 */
import { createRequire } from 'node:module';

export type Codec = 'gbk' | 'big5' | 'latin1' | 'utf8';

let library: typeof import('iconv-lite') | undefined;
/** iconv-lite, required on first use: most documents hold no text for it to re-encode, and its tables are large. */
export const iconv = () => (library ??= createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite'));

let cp1252: Map<string, number> | undefined;

/** windows-1252 maps 0x80–0x9F to typographic characters; scrapers usually mean it by "Latin-1". */
function cp1252Bytes(): Map<string, number> {
  if (!cp1252) {
    cp1252 = new Map();
    for (let b = 0x80; b <= 0x9f; b++) {
      const ch = iconv().decode(Buffer.from([b]), 'windows-1252');
      if (ch !== '\uFFFD' && ch.charCodeAt(0) > 0xff) cp1252.set(ch, b);
    }
  }
  return cp1252;
}

/** The bytes that `codec` would have decoded into `text`, or undefined if it could not. */
export function bytesOf(text: string, codec: Codec): Buffer | undefined {
  if (codec === 'latin1') {
    const out: number[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const b = cp <= 0xff ? cp : cp1252Bytes().get(ch);
      if (b === undefined) return undefined;
      out.push(b);
    }
    return Buffer.from(out);
  }
  if (codec === 'utf8') return Buffer.from(text, 'utf8');
  // Big5 (HKSCS) encodes Ê and ê with a following combining mark as one pair: only such text is encoded whole.
  if (codec === 'big5' && /[\u00ca\u00ea]/.test(text)) return doubleByteBytes(text, codec);
  // Otherwise a double-byte encoding encodes each character alone: mojibake search asks for the
  // same characters over and over, so each one's bytes (one or two) are looked up once.
  const known = charBytes[codec];
  const out = Buffer.allocUnsafe(text.length * 2);
  let length = 0;
  for (const ch of text) {
    let packed = known.get(ch);
    if (packed === undefined) {
      const bytes = doubleByteBytes(ch, codec);
      packed = bytes === undefined || bytes.length > 2 ? -1 : bytes.length === 1 ? 0x10000 | bytes[0]! : 0x20000 | (bytes[0]! << 8) | bytes[1]!;
      if (bytes !== undefined && bytes.length > 2) return doubleByteBytes(text, codec); // never in GBK or Big5: encoded whole to be safe
      known.set(ch, packed);
    }
    if (packed < 0) return undefined;
    if (packed >> 16 === 1) out[length++] = packed & 0xff;
    else {
      out[length++] = (packed >> 8) & 0xff;
      out[length++] = packed & 0xff;
    }
  }
  return out.subarray(0, length);
}

/** Each character's bytes in a double-byte encoding, packed (count << 16 | bytes), or -1 when it has none. */
const charBytes: Record<'gbk' | 'big5', Map<string, number>> = { gbk: new Map(), big5: new Map() };

function doubleByteBytes(text: string, codec: 'gbk' | 'big5'): Buffer | undefined {
  const bytes = iconv().encode(text, codec);
  return iconv().decode(bytes, codec) === text ? bytes : undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes only when every byte is consumed by a valid character. */
export function decodeExact(bytes: Buffer, codec: Codec): string | undefined {
  if (bytes.length === 0) return '';
  if (codec === 'utf8') {
    try {
      return utf8.decode(bytes);
    } catch {
      return undefined;
    }
  }
  const text = iconv().decode(bytes, codec);
  if (text.includes('\uFFFD')) return undefined;
  const again = bytesOf(text, codec);
  return again !== undefined && again.equals(bytes) ? text : undefined;
}

/** Text that no real document contains: mostly controls, private use, unassigned. */
export function isClean(text: string): boolean {
  return !/[\p{Cc}\p{Co}\p{Cn}\uFFFD]/u.test(text.replace(/[\t\n]/g, ''));
}
