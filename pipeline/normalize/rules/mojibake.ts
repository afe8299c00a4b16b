/**
 * mojibake: scrapers decode bytes with the wrong encoding, or one byte off, and the text that
 * reaches us is readable garbage. When the bytes are still all there, re-encoding the garbage
 * and decoding it the right way gives the text back. Candidates are generated from a few
 * mechanical hypotheses (UTF-8 read as GBK/Big5/Latin-1, GBK/Big5 read as Latin-1, GBK and Big5
 * swapped, GB18030 read as UTF-8, a double-byte text decoded one byte off: ../shifted.ts) and
 * scored with the character-frequency model; the text is changed only when one candidate is
 * clearly better than what is there. Otherwise the text is kept, marked so that no later rule
 * rewrites it, and a warning lists what it might have been.
 */
import { isHan } from '../chars.ts';
import { charScore, countImprobable, mayHoldMojibake, textScore } from '../freq.ts';
import { bytesOf, decodeExact, isClean, type Codec } from '../encodings.ts';
import { applyEdits, keep, originAt, report, type Edit, type Line, type Reporter } from '../lines.ts';
import { shiftedCandidates, type Candidate } from '../shifted.ts';

export const RULE_ID = 'mojibake';

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
/** Extra gain asked per byte a candidate invents: choosing bytes freely buys score. */
const PER_INVENTED_BYTE = 2;

/** Non-ASCII characters real Chinese text rarely has, or an ASCII letter alone between two. */
function hasSuspicious(text: string): boolean {
  const chars = Array.from(text);
  return chars.some((ch, i) => {
    if (ch.charCodeAt(0) >= 0x80) return charScore(ch) < 0;
    return /[A-Za-z]/.test(ch) && (chars[i - 1]?.charCodeAt(0) ?? 0) >= 0x80 && (chars[i + 1]?.charCodeAt(0) ?? 0) >= 0x80;
  });
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
  ['utf8', 'gbk', 'GB18030 text decoded as UTF-8'],
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
    found.push({ replacement: text, how, gain: textScore(text) - base, end: run.length, invented: 0 });
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
  return isClean(text.slice(0, -1)) ? text : undefined;
}

/** A rare character in a reading is a sign it is still wrong: such a reading is only a candidate. */
function rare(text: string): boolean {
  for (const ch of text) if (ch.charCodeAt(0) >= 0x80 && ch !== '\uFFFD' && charScore(ch) < 0) return true;
  return false;
}

function decide(candidates: Candidate[]): { best?: Candidate; plausible: Candidate[] } {
  const net = (c: Candidate) => c.gain - PER_INVENTED_BYTE * c.invented;
  const sorted = [...candidates].sort((a, b) => net(b) - net(a));
  // A guessed alignment or lead byte that gives a rare character is still a guess.
  if (sorted[0] && sorted[0].guessed && rare(sorted[0].replacement)) return { plausible: sorted.filter((c) => net(c) > 0) };
  const plausible = sorted.filter((c) => net(c) > 0);
  const best = plausible[0];
  if (!best || net(best) < CLEAR_GAIN) return { plausible };
  const rival = plausible.find((c) => c.replacement !== best.replacement);
  if (rival && net(best) - net(rival) < CLEAR_MARGIN) return { plausible };
  return { best, plausible };
}

/**
 * `â€™`, `â€œ`, `Ã©`, `Â©`: UTF-8 read as Windows-1252, the commonest mojibake of Western text.
 * The frequency model knows Chinese, not this; but bytes that happen to form valid UTF-8 and
 * give punctuation or accented Latin letters are a reading no real text competes with.
 */
function westernReading(run: string): Candidate | undefined {
  if (!/^[\u00c2-\u00f4]/u.test(run)) return undefined;
  const candidate = runCandidates(run, [['latin1', 'utf8', 'UTF-8 text decoded as Windows-1252']])[0];
  return candidate && /^[\u00a0-\u024f\u2010-\u2044\u20ac\u2122]+$/u.test(candidate.replacement) ? candidate : undefined;
}

const UNRECOVERABLE = /(?:锟斤拷)+|(?:烫){3,}|(?:屯){3,}|\uFFFD+/g;
const LATIN_RUN = /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122@-~]+/g;
/** LATIN_RUN's non-ASCII characters: a line with fewer than two has no run worth decoding. */
const LATIN_HIGH = /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g;

function twoLatinHigh(text: string): boolean {
  LATIN_HIGH.lastIndex = 0;
  return LATIN_HIGH.test(text) && LATIN_HIGH.test(text);
}
const MAX_RUN = 400;

/** The next lost-byte marker (`?` or U+FFFD) at or after an index, or -1: each kind searched for once per stretch, not per character. */
function markerFinder(text: string): (from: number) => number {
  let question = text.indexOf('?');
  let replacement = text.indexOf('\uFFFD');
  return (from) => {
    if (question !== -1 && question < from) question = text.indexOf('?', from);
    if (replacement !== -1 && replacement < from) replacement = text.indexOf('\uFFFD', from);
    return question === -1 ? replacement : replacement === -1 ? question : Math.min(question, replacement);
  };
}
/**
 * `主語?s略語`: a GBK or Big5 character whose first byte was lost leaves `?` and its second byte,
 * which may be an ASCII letter or sign, between Chinese characters. A question mark is not followed
 * by one lower-case letter and a Chinese character.
 */
function lostLeadByte(text: string, at: number): boolean {
  return isHan(text[at - 1]) && /^[a-z@[\\\]^_`{|}~]$/u.test(text[at + 1] ?? '') && isHan(text[at + 2]);
}

/** Bounds the work on pathological lines (a long run of `?`-separated garbage). */
const MAX_MARKERS = 64;

/** Finds repairs and warnings in one line of text. */
export function findMojibake(text: string): MojibakeFinding[] {
  if (!mayHoldMojibake(text)) return [];
  const findings = new Findings();

  // One byte off, anchored on the lost-byte marker.
  let markers = 0;
  const marker = markerFinder(text);
  for (let i = marker(0); i !== -1 && markers < MAX_MARKERS; i = marker(i + 1)) {
    const next = text[i + 1];
    if (next === undefined || /\s/.test(next)) continue;
    const ahead = text.slice(i + 1, i + 7);
    const lostLead = lostLeadByte(text, i);
    if (!lostLead && !hasSuspicious(ahead.replace(/[,;:?!()]/g, '')) && !hasSuspicious(ahead.replace(/[,;:?!()]/g, '，'))) continue;
    markers++;
    let { best, plausible } = decide(shiftedCandidates(text, i, false));
    if (!best) ({ best, plausible } = decide(shiftedCandidates(text, i, true)));
    const top = best ?? plausible[0];
    if (top && (best || (top.gain >= CLEAR_GAIN / 2 && hasSuspicious(text.slice(i, top.end))))) {
      findings.add(i, top.end, best, plausible);
      i = top.end - 1;
    } else if (lostLead && findings.free(i, i + 2)) {
      findings.suspect(i, i + 2, 'Possible mojibake (a double-byte character that lost its first byte, leaving `?` and its second); kept as found', unique(plausible.map((c) => c.replacement)));
    }
  }

  // GBK/Big5 read as Latin-1: trail bytes 0x40–0x7E show up as ASCII letters inside the run.
  for (const match of twoLatinHigh(text) ? text.matchAll(LATIN_RUN) : []) {
    const run = match[0];
    const start = match.index;
    const high = run.match(/[^\x00-\x7f]/g)?.length ?? 0;
    if (high < 2 || run.length > MAX_RUN || !findings.free(start, start + run.length)) continue;
    const { best } = decide(runCandidates(run, RUN_HYPOTHESES.filter(([wrong, right]) => wrong === 'latin1' && right !== 'utf8')));
    if (best) findings.add(start, start + run.length, best, []);
  }

  // Whole runs of non-ASCII text read with the wrong encoding, found by char codes: no match object per run.
  for (let start = 0, end = 0; start < text.length; start = end) {
    for (end = start + 1; end < text.length && (text.charCodeAt(end) >= 0x80) === (text.charCodeAt(start) >= 0x80); end++);
    if (text.charCodeAt(start) < 0x80 || end - start < 2 || end - start > MAX_RUN || !findings.free(start, end)) continue;
    const run = text.slice(start, end);
    const western = westernReading(run);
    if (western) {
      findings.add(start, start + run.length, western, []);
      continue;
    }
    const { improbable, chars } = countImprobable(run);
    if (improbable < 2 || improbable * 10 < chars * 3) continue;
    let { best, plausible } = decide(runCandidates(run));
    let [from, to] = [start, start + run.length];
    if (!best) {
      // Good text glued to the garbage (`作者³Ѹ`): try the part from the first to the last improbable character.
      const chars = Array.from(run);
      const first = chars.findIndex((ch) => charScore(ch) < 0);
      const last = chars.length - 1 - [...chars].reverse().findIndex((ch) => charScore(ch) < 0);
      const core = chars.slice(first, last + 1).join('');
      if (core.length >= 2 && core !== run) {
        const inner = decide(runCandidates(core));
        if (inner.best || inner.plausible.length) {
          ({ best, plausible } = inner);
          from = start + chars.slice(0, first).join('').length;
          to = from + core.length;
        }
      }
    }
    // Two or three Han characters alone (a name: 曹俊) are too short to call mojibake without a clear reading.
    const shortHan = to - from <= 3 && /^\p{Script=Han}+$/u.test(text.slice(from, to));
    // Nor is a Han reading of them clear: the model scores a rare surname (孔佩) below a common pair.
    if (best && shortHan && /^\p{Script=Han}+$/u.test(best.replacement)) best = undefined;
    if (best || (!shortHan && plausible.length > 0 && plausible[0]!.gain >= CLEAR_GAIN / 2)) findings.add(from, to, best, plausible);
  }

  for (const match of text.matchAll(UNRECOVERABLE)) {
    if (!findings.free(match.index, match.index + match[0].length)) continue;
    const what = match[0].startsWith('锟')
      ? 'replacement characters (U+FFFD) that were re-encoded and decoded as GBK'
      : match[0].startsWith('\uFFFD')
        ? 'replacement characters (U+FFFD): the original bytes are gone'
        : 'uninitialised-memory filler from a C program';
    findings.list.push({ start: match.index, end: match.index + match[0].length, reason: `Unrecoverable mojibake: ${what}; kept as found`, candidates: [] });
  }
  return findings.list.sort((a, b) => a.start - b.start);
}

function unique(values: string[]): string[] {
  return [...new Set(values)].slice(0, 5);
}

/** What one line's search has found so far, and the spans it has taken. */
class Findings {
  readonly list: MojibakeFinding[] = [];
  private readonly taken: Array<[number, number]> = [];

  free(start: number, end: number): boolean {
    return this.taken.every(([a, b]) => end <= a || start >= b);
  }

  add(start: number, end: number, best: Candidate | undefined, plausible: Candidate[]): void {
    if (best) this.list.push({ start, end, replacement: best.replacement, reason: `Repair mojibake: ${best.how}`, candidates: [] });
    else this.list.push({ start, end, reason: `Possible mojibake (${plausible[0]!.how}); kept as found`, candidates: unique(plausible.map((c) => c.replacement)) });
    this.taken.push([start, end]);
  }

  /** A span kept as found and warned about, with no reading to offer. */
  suspect(start: number, end: number, reason: string, candidates: string[]): void {
    this.list.push({ start, end, reason, candidates });
    this.taken.push([start, end]);
  }
}

/** True when some of the text is suspected mojibake, repaired or not: a value not to use as it is. */
export function looksLikeMojibake(text: string): boolean {
  return findMojibake(text).length > 0;
}

/**
 * A value (a byline, a title) with its clear repairs made. `suspect` is true when some of it is
 * still suspected mojibake: the head reader should not use it as it is.
 */
export function repairValue(text: string): { text: string; repaired: boolean; suspect: boolean; candidates: string[] } {
  const findings = findMojibake(text);
  let out = text;
  for (const f of [...findings].reverse()) if (f.replacement !== undefined) out = out.slice(0, f.start) + f.replacement + out.slice(f.end);
  const open = findings.filter((f) => f.replacement === undefined);
  return { text: out, repaired: out !== text, suspect: open.length > 0, candidates: open.flatMap((f) => f.candidates) };
}

/** Repairs clear cases in place; warns about the rest, keeping the text and marking it kept. */
export function applyMojibake(line: Line, reporter: Reporter | undefined): void {
  const findings = findMojibake(line.text);
  const edits: Edit[] = [];
  for (const finding of findings) {
    if (finding.replacement !== undefined) {
      edits.push({ start: finding.start, end: finding.end, replacement: finding.replacement, reason: finding.reason });
      continue;
    }
    keep(line, finding.start, finding.end);
    if (reporter) {
      const actual = line.text.slice(finding.start, finding.end);
      const hint = finding.candidates.length ? ` (candidates: ${finding.candidates.join(' / ')})` : '';
      report(reporter, originAt(line, finding.start), RULE_ID, finding.reason + hint, actual, finding.candidates[0], 'warning');
    }
  }
  applyEdits(line, edits, reporter, RULE_ID, 'warning');
}

/** Marks suspected runs kept without repairing or reporting them (Markdown sources get no repair). */
export function keepSuspected(line: Line): void {
  for (const finding of findMojibake(line.text)) keep(line, finding.start, finding.end);
}
