/**
 * A double-byte text decoded one byte off. The lead byte of the first character was lost (the
 * decoder or a later step wrote `?` or U+FFFD for it), so each following character was read from
 * the trail byte of one character and the lead byte of the next, until an ASCII byte put the
 * decoder back in step. Two more things happen to such text on its way to us: full-width marks
 * the misreading produced (`；` from a3bb) are flattened to ASCII, and a misread pair that falls
 * in GBK's private-use area prints as nothing and is dropped (`基層?;A不牢` is `基層。基礎不牢`
 * with the pair f9b5 gone). Candidates undo all three; the caller scores and decides.
 */
import { charScore, isCommonWord, textScore } from './freq.ts';
import { isCjkPunct } from './chars.ts';
import { bytesOf, decodeExact, isClean } from './encodings.ts';
import { isDropped, leadsDropped, pairChar, type DoubleByte } from './byte-pairs.ts';

export interface Candidate {
  replacement: string;
  how: string;
  /** Score of the replacement minus the score of the text it replaces. */
  gain: number;
  /** Index just past the replaced text. */
  end: number;
  /** Bytes the candidate had to invent (a dropped pair): it needs a larger gain to be believed. */
  invented: number;
  /** The candidate guessed a lost byte or an alignment, not just another encoding. */
  guessed?: boolean;
}


const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** The span as decoded, and as decoded before a later step flattened full-width punctuation. */
export function widthVariants(span: string): string[] {
  const wide = span.replace(/[,;:?!()]/g, (c) => FULL_WIDTH[c]!);
  return wide === span ? [span] : [span, wide];
}

const leadCache = new Map<string, string | null>();

/**
 * The most plausible character whose trail byte is `trail`, over every possible lead byte. A
 * full-width mark wins a near tie: the decoder most often lost step at a mark between clauses.
 */
export function bestLeadFor(codec: DoubleByte, trail: number): string | undefined {
  const key = `${codec}:${trail}`;
  let cached = leadCache.get(key);
  if (cached === undefined) {
    cached = null;
    let best = -Infinity;
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      const ch = pairChar(codec, lead, trail);
      const score = ch === undefined ? -Infinity : charScore(ch) + (isCjkPunct(ch) ? 1 : 0);
      if (score > best) {
        best = score;
        cached = ch!;
      }
    }
    leadCache.set(key, cached);
  }
  return cached ?? undefined;
}

const gapCache = new Map<number, [number, number] | null>();

/**
 * The dropped pair (x, y) between a seen lead byte and a seen trail byte that gives the most
 * plausible characters (lead x) and (y trail), or undefined when no dropped pair fits.
 */
function bestGap(lead: number, trail: number): [number, number] | undefined {
  const key = (lead << 8) | trail;
  let cached = gapCache.get(key);
  if (cached === undefined) {
    cached = null;
    const firsts: Array<[number, string]> = [];
    const seconds: Array<[number, string]> = [];
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = pairChar('gbk', lead, b);
      if (ch) firsts.push([b, ch]);
    }
    for (let a = 0x81; a <= 0xfe; a++) {
      const ch = pairChar('gbk', a, trail);
      if (ch) seconds.push([a, ch]);
    }
    let best = -Infinity;
    for (const [x, c1] of firsts) {
      if (!leadsDropped(x)) continue;
      for (const [y, c2] of seconds) {
        // Invented bytes need evidence beyond single-character frequency: the pair must make a word.
        if (!isDropped(x, y) || !isCommonWord(c1 + c2)) continue;
        const score = textScore(c1 + c2);
        if (score > best) {
          best = score;
          cached = [x, y];
        }
      }
    }
    gapCache.set(key, cached);
  }
  return cached ?? undefined;
}

/** Where a dropped pair may have stood: between two seen characters, after the first byte. */
function gaps(variant: string, codec: DoubleByte): number[] {
  const at: number[] = [];
  let offset = 0;
  for (const ch of variant) {
    offset += bytesOf(ch, codec)?.length ?? 0;
    at.push(offset);
  }
  return at.slice(0, -1).filter((p) => p >= 2);
}

/**
 * The bytes of each prefix of `text` (by UTF-16 length), as bytesOf gives them: a double-byte
 * text is encoded character by character, so a prefix's bytes begin the whole's. Text bytesOf
 * encodes whole (Big5's Ê and ê) or that splits a surrogate pair is encoded prefix by prefix.
 */
function prefixBytes(text: string, codec: DoubleByte): (length: number) => Buffer | undefined {
  if (/[\uD800-\uDFFF]/.test(text) || (codec === 'big5' && /[\u00ca\u00ea]/.test(text))) return (length) => bytesOf(text.slice(0, length), codec);
  const chunks: Buffer[] = [];
  const ends = [0];
  for (const ch of text) {
    const bytes = bytesOf(ch, codec);
    if (!bytes) break;
    chunks.push(bytes);
    ends.push(ends.at(-1)! + bytes.length);
  }
  const all = Buffer.concat(chunks);
  return (length) => (length < ends.length ? all.subarray(0, ends[length]) : undefined);
}

/** Candidates for the text after the lost-byte marker at `marker`, up to 16 characters on. */
export function shiftedCandidates(text: string, marker: number, withGaps: boolean): Candidate[] {
  const found: Candidate[] = [];
  const limit = Math.min(text.length, marker + 1 + 16);
  const add = (seen: string, decoded: string, how: string, invented: number) => {
    // Trim what the candidate leaves unchanged at the end: that part was already in step.
    // Compare with the variant, so restoring flattened punctuation is no reason to repair.
    let replacement = decoded;
    let cut = seen.length;
    while (cut > 1 && replacement.length > 1 && replacement.at(-1) === seen[cut - 1]) {
      replacement = replacement.slice(0, -1);
      cut--;
    }
    if (found.some((c) => c.end === marker + cut && c.replacement === replacement)) return;
    found.push({ replacement, end: marker + cut, how, gain: textScore(replacement) - textScore(seen.slice(0, cut)), invented, guessed: true });
  };
  // Every span is a prefix of the window: each variant of it is encoded once, and a span's bytes are a prefix of those.
  const window = text.slice(marker + 1, limit);
  const [narrow, wide = narrow] = widthVariants(window);
  const encodings = (codec: DoubleByte) => (wide === narrow ? [prefixBytes(narrow, codec)] : [prefixBytes(narrow, codec), prefixBytes(wide, codec)]);
  const encoded = { gbk: encodings('gbk'), big5: encodings('big5') };
  const howOf = (codec: DoubleByte) => `${codec.toUpperCase()} text decoded one byte off (lost lead byte shown as ${JSON.stringify(text[marker])})`;
  const hows = { gbk: howOf('gbk'), big5: howOf('big5') };
  for (let end = marker + 2; end <= limit; end++) {
    const length = end - marker - 1;
    const span = narrow.slice(0, length);
    if (/\s/.test(span)) break;
    const wideSpan = wide.slice(0, length);
    const variants = wideSpan === span ? [span] : [span, wideSpan];
    for (const codec of ['gbk', 'big5'] as const) {
      const how = hows[codec];
      for (const [v, variant] of variants.entries()) {
        const bytes = encoded[codec][v]!(length);
        if (!bytes || bytes.length < 2) continue;
        const first = bestLeadFor(codec, bytes[0]!);
        if (first === undefined) continue;
        const seen = text[marker] + variant;
        const rest = decodeExact(bytes.subarray(1), codec);
        if (rest !== undefined && isClean(rest)) add(seen, first + rest, how, 0);
        if (!withGaps || codec !== 'gbk') continue;
        for (const p of gaps(variant, codec)) {
          const gap = bestGap(bytes[p - 1]!, bytes[p]!);
          if (!gap) continue;
          const filled = decodeExact(Buffer.concat([bytes.subarray(1, p), Buffer.from(gap), bytes.subarray(p)]), codec);
          if (filled !== undefined && isClean(filled)) add(seen, first + filled, `${how}, with a private-use character dropped`, 2);
        }
      }
    }
  }
  return found;
}
