/**
 * markup: a scraper that copies a page's source instead of its text leaves HTML behind —
 * character references (`&ldquo;`, `&nbsp;`, `&#12290;`) and tags (`<br>`, `<p>`,
 * `<span style="…">`). Left alone they are printed as written, and the punctuation rule would
 * even widen a reference's `;`. References are decoded and presentational tags removed; a
 * reference that names nothing and a `<word>` that is not such a tag stay as found.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { applyEdits, type Edit, type Line, type Reporter } from '../lines.ts';

export const RULE_ID = 'markup';

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;
/** Tags that carry no text of their own: line breaks, paragraphs, inline styling. */
const TAG = /<\/?(?:br|p|div|span|font|strong|b|em|i|u|center|section|article|wbr|nobr|img)(?:\s+[a-z-]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+))?)*\s*\/?>/giu;
const EAST_ASIAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

function decode(match: RegExpExecArray): string | undefined {
  const [, decimal, hex, name] = match;
  if (name !== undefined) {
    const named = decodeNamedCharacterReference(name);
    // A space written as &nbsp; is a space; the text keeps no no-break spaces of a page's layout.
    return named === false ? undefined : named === '\u00a0' ? ' ' : named;
  }
  const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}

/** Edits decoding references and removing tags. */
export function markupEdits(text: string): Edit[] {
  if (!text.includes('&') && !text.includes('<')) return [];
  const edits: Edit[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    let replacement = decode(match);
    if (replacement === undefined) continue;
    const before = text[match.index - 1] ?? '';
    const after = text[match.index + match[0].length] ?? '';
    // `。&nbsp;供需`: a space between two East Asian characters is no space at all.
    if (replacement === ' ' && EAST_ASIAN.test(before) && EAST_ASIAN.test(after)) replacement = '';
    edits.push({ start: match.index, end: match.index + match[0].length, replacement, reason: `Decode HTML reference ${match[0]}` });
  }
  for (const match of text.matchAll(TAG)) {
    edits.push({ start: match.index, end: match.index + match[0].length, replacement: '', reason: `Remove HTML tag ${match[0].slice(0, 40)}` });
  }
  return edits.sort((a, b) => a.start - b.start);
}

export function applyMarkup(line: Line, reporter: Reporter | undefined): void {
  const edits = markupEdits(line.text);
  if (edits.length) applyEdits(line, edits, reporter, RULE_ID, 'info');
}
