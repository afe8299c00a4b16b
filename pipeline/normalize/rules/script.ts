/**
 * script: scraped Traditional Chinese often carries Simplified characters (于, 并, 干部, 采取)
 * left by conversion tools or copy-editing, and vice versa. They are reported one by one; with
 * `script: 'hant'` (or 'hans' for a Simplified document) they are converted phrase by phrase
 * with opencc-js. Only characters that belong to the other script are touched: converting the
 * whole text would also rewrite correct characters to opencc's preferred variants (裏 → 裡).
 */
import type { Script } from '../../types.ts';
import { applyEdits, isKept, originAt, report, type Edit, type Line, type Reporter } from '../lines.ts';
import { converter } from '../../locale/opencc.ts';
import { scriptSets } from '../../locale/script-index.ts';

export const RULE_ID = 'script';

/** Written both ways in Traditional usage (台灣 / 臺灣): never a stray. */
const BOTH_SCRIPTS = new Set(['台']);

export interface StraySpan {
  start: number;
  end: number;
  found: string;
  converted: string;
}

/** Spans of characters from the other script, with their phrase-aware conversion. */
export function findStrayScript(text: string, docLang: string): StraySpan[] {
  if (docLang !== 'zh-Hant' && docLang !== 'zh-Hans') return [];
  // Characters of the other script by themselves (script-index.ts): without one, there is nothing to report and no converter to load.
  const others = docLang === 'zh-Hant' ? scriptSets().simplified : scriptSets().traditional;
  if (!Array.from(text).some((ch) => others.has(ch))) return [];
  const toDoc = converter(docLang === 'zh-Hant' ? 'toHant' : 'toHans');
  const original = Array.from(text);
  const converted = Array.from(toDoc(text));
  if (converted.length !== original.length) return [];
  const spans: StraySpan[] = [];
  let offset = 0;
  let open: StraySpan | undefined;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    const to = converted[i]!;
    // A character that the other direction would change is already in the document's script.
    // A character that opencc leaves alone on its own (了, 注, 制) is correct in both scripts and
    // changes only inside some phrase; its greedy phrase matching misfires across word
    // boundaries (更加注重 → 加註), so only characters that are Simplified/Traditional by
    // themselves are reported. Phrase conversion still picks their replacement (若干 stays).
    const stray = to !== ch && others.has(ch) && !BOTH_SCRIPTS.has(ch);
    if (stray) {
      if (open && open.end === offset) {
        open.end += ch.length;
        open.found += ch;
        open.converted += to;
      } else {
        open = { start: offset, end: offset + ch.length, found: ch, converted: to };
        spans.push(open);
      }
    }
    offset += ch.length;
  }
  return spans;
}

function context(text: string, span: StraySpan): string {
  const before = text.slice(Math.max(0, span.start - 2), span.start);
  const after = text.slice(span.end, span.end + 2);
  return `${before}${span.found}${after}`;
}

/** Reports stray characters; converts them when the target script is the document's own. */
export function applyScript(line: Line, docLang: string, target: Script, reporter: Reporter | undefined): void {
  const spans = findStrayScript(line.text, docLang).filter((span) => !isKept(line, span.start) && !isKept(line, span.end - 1));
  if (spans.length === 0) return;
  const own = docLang === 'zh-Hant' ? 'Traditional' : 'Simplified';
  const other = docLang === 'zh-Hant' ? 'Simplified' : 'Traditional';
  const convert = (docLang === 'zh-Hant' && target === 'hant') || (docLang === 'zh-Hans' && target === 'hans');
  if (!convert) {
    if (reporter) {
      for (const span of spans) {
        report(reporter, originAt(line, span.start), RULE_ID, `${other} ${span.found} in ${own} text (in “${context(line.text, span)}”; ${own}: ${span.converted})`, span.found, span.converted, 'warning');
      }
    }
    return;
  }
  const edits: Edit[] = spans.map((span) => ({
    start: span.start,
    end: span.end,
    replacement: span.converted,
    reason: `Convert ${other} ${span.found} to ${own} ${span.converted} (in “${context(line.text, span)}”)`,
  }));
  applyEdits(line, edits, reporter, RULE_ID, 'warning');
}
