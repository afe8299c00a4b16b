/**
 * mojibake: scrapers decode bytes with the wrong encoding, or one byte off, and the text that
 * reaches us is readable garbage. When the bytes are still all there, re-encoding the garbage
 * and decoding it the right way gives the text back. Candidates are generated from a few
 * mechanical hypotheses (UTF-8 read as GBK/Big5, GBK/Big5 read as Latin-1, GBK and Big5 swapped,
 * a double-byte text decoded one byte off) and scored with the character-frequency model; the
 * text is changed only when one candidate is clearly better than what is there. Otherwise the
 * text is kept and a warning lists what it might have been.
 */
import iconv from 'iconv-lite';
import { charScore, textScore } from '../freq.ts';
import { report, applyEdits, originAt, type Edit, type Line, type Reporter } from '../lines.ts';

export const RULE_ID = 'mojibake';

type Codec = 'gbk' | 'big5' | 'latin1' | 'utf8';

interface Candidate {
  replacement: string;
  how: string;
  gain: number;
}

export interface MojibakeFinding {
  start: number;
  end: number;
  /** Set when the repair is clear; otherwise only a warning with candidates. */
  replacement?: string;
  reason: string;
  candidates: string[];
}

/** Minimum score gain over the found text before we rewrite anything. */
const CLEAR_GAIN = 8;
/** How much the best candidate must beat the runner-up to be "one clear reading". */
const CLEAR_MARGIN = 3;

// windows-1252 maps 0x80–0x9F to typographic characters; scrapers usually mean it by "Latin-1".
const CP1252_BYTES = new Map<string, number>();
for (let b = 0x80; b <= 0x9f; b++) {
  const ch = iconv.decode(Buffer.from([b]), 'windows-1252');
  if (ch !== '\uFFFD' && ch.charCodeAt(0) > 0xff) CP1252_BYTES.set(ch, b);
}

/** The bytes that `codec` would have decoded into `text`, or undefined if it could not. */
export function bytesOf(text: string, codec: Codec): Buffer | undefined {
  if (codec === 'latin1') {
    const out: number[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const b = cp <= 0xff ? cp : CP1252_BYTES.get(ch);
      if (b === undefined) return undefined;
      out.push(b);
    }
    return Buffer.from(out);
  }
  if (codec === 'utf8') return Buffer.from(text, 'utf8');
  const bytes = iconv.encode(text, codec);
  return iconv.decode(bytes, codec) === text ? bytes : undefined;
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
  const text = iconv.decode(bytes, codec);
  if (text.includes('\uFFFD')) return undefined;
  const again = bytesOf(text, codec);
  return again !== undefined && again.equals(bytes) ? text : undefined;
}

/** Text that no real document contains: mostly controls, private use, unassigned. */
function isClean(text: string): boolean {
  return !/[\p{Cc}\p{Co}\p{Cn}\uFFFD]/u.test(text.replace(/[\t\n]/g, ''));
}

/** Non-ASCII characters that real Chinese text rarely contains. */
function hasSuspicious(text: string): boolean {
  for (const ch of text) if (ch.charCodeAt(0) >= 0x80 && charScore(ch) < 0) return true;
  return false;
}

/** Whole-run re-decodings: (how the garbage was produced) → (how to read its bytes). */
const RUN_HYPOTHESES: Array<[Codec, Codec, string]> = [
  ['gbk', 'utf8', 'UTF-8 text decoded as GBK'],
  ['big5', 'utf8', 'UTF-8 text decoded as Big5'],
  ['latin1', 'gbk', 'GBK text decoded as Latin-1'],
  ['latin1', 'big5', 'Big5 text decoded as Latin-1'],
  ['latin1', 'utf8', 'UTF-8 text decoded as Latin-1'],
  ['gbk', 'big5', 'Big5 text decoded as GBK'],
  ['big5', 'gbk', 'GBK text decoded as Big5'],
];

function runCandidates(run: string, hypotheses = RUN_HYPOTHESES): Candidate[] {
  const found: Candidate[] = [];
  const base = textScore(run);
  for (const [wrong, right, how] of hypotheses) {
    let text: string | undefined;
    const bytes = bytesOf(run, wrong);
    if (bytes) text = decodeExact(bytes, right);
    else if (right === 'utf8' && run.endsWith('\uFFFD')) text = withLostLastByte(run.slice(0, -1), wrong);
    if (text === undefined || text === run || !isClean(text.replace(/\uFFFD$/, ''))) continue;
    found.push({ replacement: text, how, gain: textScore(text) - base });
  }
  return found;
}

/**
 * UTF-8 read as a double-byte encoding loses the last byte of an odd-length tail: the decoder
 * saw a lone lead byte and wrote U+FFFD. The characters before it are recoverable; the last one
 * is not (its final byte is gone), so it stays U+FFFD.
 */
function withLostLastByte(run: string, wrong: Codec): string | undefined {
  const bytes = bytesOf(run, wrong);
  if (!bytes) return undefined;
  const text = new TextDecoder('utf-8').decode(bytes);
  const replacements = text.match(/\uFFFD/g)?.length ?? 0;
  if (replacements !== 1 || !text.endsWith('\uFFFD')) return undefined;
  const head = text.slice(0, -1);
  return isClean(head) ? text : undefined;
}

const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** The span as decoded, and as decoded before a later step flattened full-width punctuation. */
function widthVariants(span: string): string[] {
  const wide = span.replace(/[,;:?!()]/g, (c) => FULL_WIDTH[c]!);
  return wide === span ? [span] : [span, wide];
}

const leadCache = new Map<string, string | null>();

/** The most plausible character whose trail byte is `trail`, over every possible lead byte. */
function bestLeadFor(codec: 'gbk' | 'big5', trail: number): string | undefined {
  const key = `${codec}:${trail}`;
  let cached = leadCache.get(key);
  if (cached === undefined) {
    cached = null;
    let best = -Infinity;
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      const ch = decodeExact(Buffer.from([lead, trail]), codec);
      if (ch === undefined || ch.length === 0 || !isClean(ch)) continue;
      const score = charScore(ch);
      if (score > best) {
        best = score;
        cached = ch;
      }
    }
    leadCache.set(key, cached);
  }
  return cached ?? undefined;
}

/**
 * A double-byte text decoded one byte off: the lead byte of the first character was lost (the
 * decoder or a later step wrote `?` or U+FFFD for it), so each following character was read from
 * the trail byte of one character and the lead byte of the next, until an ASCII byte resynchronised
 * the decoder. Re-encode what follows the marker, restore the most plausible lost lead byte, and
 * decode again.
 */
function shiftedCandidates(text: string, marker: number): Array<Candidate & { end: number }> {
  const found: Array<Candidate & { end: number }> = [];
  const limit = Math.min(text.length, marker + 1 + 16);
  for (let end = marker + 2; end <= limit; end++) {
    const span = text.slice(marker + 1, end);
    if (/\s/.test(span)) break;
    for (const codec of ['gbk', 'big5'] as const) {
      for (const variant of widthVariants(span)) {
        const bytes = bytesOf(variant, codec);
        if (!bytes || bytes.length < 2) continue;
        const rest = decodeExact(bytes.subarray(1), codec);
        if (rest === undefined || !isClean(rest)) continue;
        const first = bestLeadFor(codec, bytes[0]!);
        if (first === undefined) continue;
        // Trim what the candidate leaves unchanged at the end: that part was already in sync.
        // Compare with the variant, so restoring flattened punctuation is no reason to repair.
        const seen = text[marker] + variant;
        let replacement = first + rest;
        let cut = seen.length;
        while (cut > 1 && replacement.length > 1 && replacement.at(-1) === seen[cut - 1]) {
          replacement = replacement.slice(0, -1);
          cut--;
        }
        if (found.some((c) => c.end === marker + cut && c.replacement === replacement)) continue;
        const original = seen.slice(0, cut);
        found.push({
          replacement,
          end: marker + cut,
          how: `${codec.toUpperCase()} text decoded one byte off (lost lead byte shown as ${JSON.stringify(text[marker])})`,
          gain: textScore(replacement) - textScore(original),
        });
      }
    }
  }
  return found;
}

function decide(candidates: Candidate[]): { best?: Candidate; plausible: Candidate[] } {
  const sorted = [...candidates].sort((a, b) => b.gain - a.gain);
  const plausible = sorted.filter((c) => c.gain > 0);
  const best = plausible[0];
  if (!best || best.gain < CLEAR_GAIN) return { plausible };
  const rival = plausible.find((c) => c.replacement !== best.replacement);
  if (rival && best.gain - rival.gain < CLEAR_MARGIN) return { plausible };
  return { best, plausible };
}

const UNRECOVERABLE = /(?:锟斤拷)+|(?:烫){3,}|(?:屯){3,}|\uFFFD+/g;
const RUN = /[^\x00-\x7f]+/g;
const LATIN_RUN = /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122@-~]+/g;
const MAX_RUN = 400;
/** Bounds the work on pathological lines (a long run of `?`-separated garbage). */
const MAX_MARKERS = 64;

/** Finds repairs and warnings in one line of text. */
export function findMojibake(text: string): MojibakeFinding[] {
  const findings: MojibakeFinding[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);

  // One byte off, anchored on the lost-byte marker.
  let markers = 0;
  for (let i = 0; i < text.length && markers < MAX_MARKERS; i++) {
    const marker = text[i];
    if (marker !== '?' && marker !== '\uFFFD') continue;
    const next = text[i + 1];
    if (next === undefined || /\s/.test(next)) continue;
    if (!hasSuspicious(text.slice(i + 1, i + 6).replace(/[,;:?!()]/g, ''))) continue;
    markers++;
    const candidates = shiftedCandidates(text, i);
    const { best, plausible } = decide(candidates);
    if (best) {
      const chosen = best as Candidate & { end: number };
      findings.push({ start: i, end: chosen.end, replacement: chosen.replacement, reason: `Repair mojibake: ${chosen.how}`, candidates: [] });
      taken.push([i, chosen.end]);
      i = chosen.end - 1;
    } else if (plausible.length > 0 && plausible[0]!.gain >= CLEAR_GAIN / 2 && hasSuspicious(text.slice(i, (plausible[0] as Candidate & { end: number }).end))) {
      const top = plausible[0] as Candidate & { end: number };
      findings.push({ start: i, end: top.end, reason: `Possible mojibake (${top.how}); kept as found`, candidates: unique(plausible.map((c) => c.replacement)) });
      taken.push([i, top.end]);
      i = top.end - 1;
    }
  }

  // GBK/Big5 read as Latin-1: trail bytes 0x40–0x7E show up as ASCII letters inside the run.
  for (const match of text.matchAll(LATIN_RUN)) {
    const run = match[0];
    const start = match.index;
    const high = run.match(/[^\x00-\x7f]/g)?.length ?? 0;
    if (high < 2 || run.length > MAX_RUN || !free(start, start + run.length)) continue;
    const { best } = decide(runCandidates(run, RUN_HYPOTHESES.filter(([wrong, right]) => wrong === 'latin1' && right !== 'utf8')));
    if (best) {
      findings.push({ start, end: start + run.length, replacement: best.replacement, reason: `Repair mojibake: ${best.how}`, candidates: [] });
      taken.push([start, start + run.length]);
    }
  }

  // Whole runs of non-ASCII text read with the wrong encoding.
  for (const match of text.matchAll(RUN)) {
    const run = match[0];
    const start = match.index;
    if (run.length < 2 || run.length > MAX_RUN || !free(start, start + run.length)) continue;
    let suspicious = 0;
    for (const ch of run) if (charScore(ch) < 0) suspicious++;
    if (suspicious < 2 || suspicious * 10 < Array.from(run).length * 3) continue;
    const { best, plausible } = decide(runCandidates(run));
    if (best) {
      findings.push({ start, end: start + run.length, replacement: best.replacement, reason: `Repair mojibake: ${best.how}`, candidates: [] });
      taken.push([start, start + run.length]);
    } else if (plausible.length > 0 && plausible[0]!.gain >= CLEAR_GAIN / 2) {
      findings.push({ start, end: start + run.length, reason: `Possible mojibake (${plausible[0]!.how}); kept as found`, candidates: unique(plausible.map((c) => c.replacement)) });
      taken.push([start, start + run.length]);
    }
  }

  for (const match of text.matchAll(UNRECOVERABLE)) {
    if (!free(match.index, match.index + match[0].length)) continue;
    const what = match[0].startsWith('锟')
      ? 'replacement characters (U+FFFD) that were re-encoded and decoded as GBK'
      : match[0].startsWith('\uFFFD')
        ? 'replacement characters (U+FFFD): the original bytes are gone'
        : 'uninitialised-memory filler from a C program';
    findings.push({ start: match.index, end: match.index + match[0].length, reason: `Unrecoverable mojibake: ${what}; kept as found`, candidates: [] });
  }
  return findings.sort((a, b) => a.start - b.start);
}

function unique(values: string[]): string[] {
  return [...new Set(values)].slice(0, 5);
}

/** Repairs clear cases in place; warns, keeping the text, about the rest. */
export function applyMojibake(line: Line, reporter: Reporter | undefined): void {
  const findings = findMojibake(line.text);
  const edits: Edit[] = [];
  for (const finding of findings) {
    if (finding.replacement !== undefined) {
      edits.push({ start: finding.start, end: finding.end, replacement: finding.replacement, reason: finding.reason });
    } else if (reporter) {
      const actual = line.text.slice(finding.start, finding.end);
      const hint = finding.candidates.length ? ` (candidates: ${finding.candidates.join(' / ')})` : '';
      report(reporter, originAt(line, finding.start), RULE_ID, finding.reason + hint, actual, finding.candidates[0], 'warning');
    }
  }
  applyEdits(line, edits, reporter, RULE_ID, 'warning');
}
