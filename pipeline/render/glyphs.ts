/**
 * Glyph coverage: a character none of galley's bundled fonts has is drawn by whatever the
 * reading system finds, and often as an empty box (tofu). Such characters are reported, one
 * message per character naming it, so a person can replace it or bring a font.
 */
import type { Root as HastRoot } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { facesCovering, familyPackage, type FontStack } from '../fonts/catalogue.ts';

const covered = new Map<string, boolean>();

/** True when a family of the stack (body, headings or code) has a face covering the character. */
export function hasGlyph(ch: string, stack: FontStack): boolean {
  const families = [...new Set([...stack.serif, ...stack.sans, ...stack.mono])];
  const key = `${families.join(',')}|${ch}`;
  let known = covered.get(key);
  if (known === undefined) {
    const code = ch.codePointAt(0)!;
    known = families.some((family) => facesCovering(familyPackage(family), 400, code).length > 0);
    covered.set(key, known);
  }
  return known;
}

/** Characters nothing needs to draw: whitespace, controls, joiners and variation selectors. */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/u;

/** Warns, on `file`, about each character of the page's text and `extra` (title, byline) that no bundled font covers. */
export function warnMissingGlyphs(tree: HastRoot, file: VFile, stack: FontStack, extra: string[] = []): void {
  const seen = new Set<string>();
  const check = (text: string, place?: { line: number; column: number }) => {
    for (const ch of text) {
      if (seen.has(ch) || INVISIBLE.test(ch)) continue;
      seen.add(ch);
      if (hasGlyph(ch, stack)) continue;
      const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      const message = file.message(`No bundled font has ${ch} (${code}): it may show as an empty box`, { ruleId: 'missing-glyph', source: 'galley', ...(place ? { place } : {}) });
      message.actual = ch;
    }
  };
  for (const text of extra) check(text);
  visit(tree, 'text', (node) => {
    const start = node.position?.start;
    check(node.value, start ? { line: start.line, column: start.column } : undefined);
  });
}
