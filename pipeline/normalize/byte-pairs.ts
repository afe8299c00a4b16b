/**
 * What each pair of bytes decodes to in GBK and Big5, for the one-byte-off mojibake search
 * (shifted.ts), which asks it for every lead byte against a trail and every dropped pair
 * between two characters. Decoding each pair through iconv on first use took a scraped page's
 * first normalize about a third of its time; `npm run compile` writes the table to dist/data/.
 */
import { decodeExact, iconv, isClean } from './encodings.ts';
import { precomputed } from '../precomputed.ts';

export type DoubleByte = 'gbk' | 'big5';

/** Lead bytes of double-byte characters (0x81–0xFE): pairs led by a lower byte are two single-byte characters, decoded on demand. */
const FIRST_LEAD = 0x81;

/** The pair's character when its two bytes make one clean one (two UTF-16 units at most: Big5-HKSCS has a few pairs of code points). */
function decodePair(codec: DoubleByte, lead: number, trail: number): string | undefined {
  const ch = decodeExact(Buffer.from([lead, trail]), codec);
  return ch !== undefined && ch.length > 0 && ch.length <= 2 && isClean(ch) ? ch : undefined;
}

interface PairTable {
  /** By (lead - 0x81) * 256 + trail: the character, or '' for none. */
  gbk: string[];
  big5: string[];
  /** GBK pairs (lead << 8 | trail) that decode to a private-use character: a page shows nothing for them. */
  dropped: number[];
}

export const pairTable = precomputed('byte-pairs', (): PairTable => {
  const table: PairTable = { gbk: [], big5: [], dropped: [] };
  for (let lead = FIRST_LEAD; lead <= 0xfe; lead++) {
    for (let trail = 0; trail <= 0xff; trail++) {
      for (const codec of ['gbk', 'big5'] as const) table[codec].push(decodePair(codec, lead, trail) ?? '');
      const cp = iconv().decode(Buffer.from([lead, trail]), 'gbk').codePointAt(0) ?? 0;
      if (trail >= 0x40 && trail <= 0xfe && cp >= 0xe000 && cp <= 0xf8ff) table.dropped.push((lead << 8) | trail);
    }
  }
  return table;
});

/** Pairs led by a single-byte character, as they are asked for. */
const singleLed = new Map<number, string | null>();

/** One character from two bytes, when they make a clean one. */
export function pairChar(codec: DoubleByte, lead: number, trail: number): string | undefined {
  if (lead >= FIRST_LEAD && lead <= 0xfe) return pairTable.get()[codec][(lead - FIRST_LEAD) * 256 + trail] || undefined;
  const key = (codec === 'gbk' ? 0x10000 : 0) | (lead << 8) | trail;
  let ch = singleLed.get(key);
  if (ch === undefined) singleLed.set(key, (ch = decodePair(codec, lead, trail) ?? null));
  return ch ?? undefined;
}

/** The dropped pairs, by pair and by lead byte, made from the table on first use. */
let dropped: { pairs: Uint8Array; leads: Uint8Array } | undefined;

function droppedTables(): { pairs: Uint8Array; leads: Uint8Array } {
  if (!dropped) {
    dropped = { pairs: new Uint8Array(65536), leads: new Uint8Array(256) };
    for (const key of pairTable.get().dropped) {
      dropped.pairs[key] = 1;
      dropped.leads[key >> 8] = 1;
    }
  }
  return dropped;
}

/** Whether GBK decodes the pair to a private-use character. */
export function isDropped(lead: number, trail: number): boolean {
  return droppedTables().pairs[(lead << 8) | trail] === 1;
}

/** Whether some dropped pair starts with this byte: the rest of the pairs led by it need no look. */
export function leadsDropped(lead: number): boolean {
  return droppedTables().leads[lead] === 1;
}
