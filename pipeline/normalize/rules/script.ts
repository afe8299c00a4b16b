/**
 * script: scraped Traditional Chinese often carries Simplified characters (于, 并, 干部, 采取)
 * left by conversion tools or copy-editing, and vice versa. They are reported one by one; with
 * `script: 'hant'` (or 'hans' for a Simplified document) they are converted phrase by phrase
 * with opencc-js (its phrase tables: words correct in the document's script are never touched). Only characters that belong to the other script are touched: converting the
 * whole text would also rewrite correct characters to opencc's preferred variants (裏 → 裡).
 */
import type { Script } from '../../types.ts';
import { applyEdits, isKept, originAt, report, type Edit, type Line, type Reporter } from '../lines.ts';
import { converterFor, type Direction } from '../../locale/opencc.ts';
import { phraseFreeConvert } from '../../locale/phrase-free.ts';
import { scriptMarks, SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from '../../locale/script-index.ts';

export const RULE_ID = 'script';

/** Written both ways in Traditional usage (台灣 / 臺灣): never a stray. */
const BOTH_SCRIPTS = new Set(['台']);

export interface StraySpan {
  start: number;
  end: number;
  found: string;
  converted: string;
}

/** Characters of context on each side that phrase conversion sees (opencc's phrases are shorter). */
const WINDOW = 8;

const SURROGATE = /[\uD800-\uDFFF]/;

/** Stray characters within WINDOW of each other, and the text around them that phrase conversion sees. */
interface Window {
  k: number;
  last: number;
  from: number;
  window: string | string[];
  text: string;
}

/** One text's strays, by code point index, and their conversions as far as they are known. */
interface Strays {
  original: string | string[];
  strays: number[];
  converted: string[];
  pending: Window[];
}

/**
 * Below this many strays in the texts, every window is converted by opencc: the phrase-free
 * lookup's tables take a cold process longer to load (10 ms or so) than opencc takes for a
 * few hundred windows, while a long text with thousands of strays is mostly looked up.
 */
const LOOKUP_FROM = 256;

/** The strays of one text, none converted yet; undefined when it has none. */
function straysIn(text: string, docLang: 'zh-Hant' | 'zh-Hans'): Strays | undefined {
  // Characters of the other script by themselves (script-index.ts): without one, there is nothing to report and no converter to load.
  // A character that opencc leaves alone on its own (了, 注, 制) is correct in both scripts and
  // changes only inside some phrase; its greedy phrase matching misfires across word
  // boundaries (更加注重 → 加註), so only characters that are Simplified/Traditional by
  // themselves are reported. Phrase conversion still picks their replacement (若干 stays).
  const other = docLang === 'zh-Hant' ? SIMPLIFIED_ONLY : TRADITIONAL_ONLY;
  const marks = scriptMarks();
  // Strays by code point index, found by char codes: most lines have none, and no array of characters is made for them.
  const strays: number[] = [];
  let count = 0;
  for (let i = 0; i < text.length; i++, count++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (marks[code] === other && !BOTH_SCRIPTS.has(String.fromCodePoint(code))) strays.push(count);
  }
  if (strays.length === 0) return undefined;
  // Code points: the text itself when it has one UTF-16 unit per character (nearly always).
  const original: string | string[] = count === text.length ? text : Array.from(text);
  return { original, strays, converted: [], pending: [] };
}

/**
 * The windows around a text's strays, each converted where the phrase-free lookup can answer
 * (with `lookup`), else left pending for opencc.
 */
function windowsOf(found: Strays, directions: Direction[], lookup: boolean): Strays {
  const { original, strays, converted, pending } = found;
  // Phrase conversion of a window around each stray, not of the whole line: a long line costs no more.
  // Through the other script and back, phrase by phrase: a word already right in the document's
  // script comes back as it was (显著 in Simplified text stays; converting 著 alone gives 着).
  for (let k = 0; k < strays.length; ) {
    let last = k;
    while (last + 1 < strays.length && strays[last + 1]! - strays[last]! <= 2 * WINDOW) last++;
    const from = Math.max(0, strays[k]! - WINDOW);
    const window = original.slice(from, Math.min(original.length, strays[last]! + WINDOW + 1));
    // Looked up character by character where no phrase in the window can change the answer (phrase-free.ts).
    const out = lookup ? phraseFreeConvert(window, directions) : undefined;
    if (out) for (let j = k; j <= last; j++) converted[j] = String.fromCodePoint(out[strays[j]! - from]!);
    else pending.push({ k, last, from, window, text: typeof window === 'string' ? window : window.join('') });
    k = last + 1;
  }
  return found;
}

/**
 * The windows the lookup could not answer, converted by opencc: one converter per direction
 * for all of them, holding only the dictionary entries found in them (converterFor), so that
 * neither a short document nor a long one loads the full dictionaries.
 */
function convertPending(texts: Strays[], directions: Direction[]): void {
  const pending = texts.flatMap((strays) => strays.pending.map((window) => ({ strays, window })));
  if (pending.length === 0) return;
  const toOther = converterFor(directions[0]!, pending.map(({ window }) => window.text).join('\n'));
  const middles = pending.map(({ window }) => toOther(window.text));
  const toDoc = converterFor(directions[1]!, middles.join('\n'));
  pending.forEach(({ strays: { original, strays, converted }, window: { k, last, from, window } }, w) => {
    const back = toDoc(middles[w]!);
    const out = SURROGATE.test(back) ? Array.from(back) : back;
    for (let j = k; j <= last; j++) {
      const i = strays[j]!;
      converted[j] = out.length === window.length ? out[i - from]! : original[i]!;
    }
  });
}

/** Runs of converted strays as spans of the text (UTF-16 indices). */
function spansOf({ original, strays, converted }: Strays): StraySpan[] {
  const spans: StraySpan[] = [];
  let open: StraySpan | undefined;
  let offset = 0;
  let at = 0;
  for (const [j, i] of strays.entries()) {
    for (; at < i; at++) offset += original[at]!.length;
    const ch = original[i]!;
    const to = converted[j]!;
    if (to === ch) continue;
    if (open && open.end === offset) {
      open.end += ch.length;
      open.found += ch;
      open.converted += to;
    } else {
      open = { start: offset, end: offset + ch.length, found: ch, converted: to };
      spans.push(open);
    }
  }
  return spans;
}

/** Spans of characters from the other script in each text, with their phrase-aware conversion. */
export function findStrayScripts(texts: string[], docLang: string): StraySpan[][] {
  if (docLang !== 'zh-Hant' && docLang !== 'zh-Hans') return texts.map(() => []);
  const directions: Direction[] = docLang === 'zh-Hant' ? ['toHans', 'toHant'] : ['toHant', 'toHans'];
  const found = texts.map((text) => straysIn(text, docLang));
  const lookup = found.reduce((count, strays) => count + (strays?.strays.length ?? 0), 0) >= LOOKUP_FROM;
  for (const strays of found) if (strays) windowsOf(strays, directions, lookup);
  convertPending(found.filter((strays) => strays !== undefined), directions);
  return found.map((strays) => (strays ? spansOf(strays) : []));
}

export function findStrayScript(text: string, docLang: string): StraySpan[] {
  return findStrayScripts([text], docLang)[0]!;
}

/**
 * A message's text from its parts, as one flat string: a template literal makes a rope of
 * a dozen pieces, and a long page keeps tens of thousands of these messages.
 */
const flat = (...parts: string[]) => parts.join('');

function context(text: string, span: StraySpan): string {
  return flat(text.slice(Math.max(0, span.start - 2), span.start), span.found, text.slice(span.end, span.end + 2));
}

/** Reports stray characters in the lines; converts them when the target script is the document's own. */
export function applyScript(lines: Line[], docLang: string, target: Script, reporter: Reporter | undefined): void {
  const found = findStrayScripts(
    lines.map((line) => line.text),
    docLang,
  );
  const own = docLang === 'zh-Hant' ? 'Traditional' : 'Simplified';
  const other = docLang === 'zh-Hant' ? 'Simplified' : 'Traditional';
  const convert = (docLang === 'zh-Hant' && target === 'hant') || (docLang === 'zh-Hans' && target === 'hans');
  lines.forEach((line, n) => {
    const spans = found[n]!.filter((span) => !isKept(line, span.start) && !isKept(line, span.end - 1));
    if (spans.length === 0) return;
    if (!convert) {
      if (reporter) {
        for (const span of spans) {
          report(reporter, originAt(line, span.start), RULE_ID, flat(other, ' ', span.found, ' in ', own, ' text (in “', context(line.text, span), '”; ', own, ': ', span.converted, ')'), span.found, span.converted, 'warning');
        }
      }
      return;
    }
    const edits: Edit[] = spans.map((span) => ({
      start: span.start,
      end: span.end,
      replacement: span.converted,
      reason: flat('Convert ', other, ' ', span.found, ' to ', own, ' ', span.converted, ' (in “', context(line.text, span), '”)'),
    }));
    applyEdits(line, edits, reporter, RULE_ID, 'warning');
  });
}
