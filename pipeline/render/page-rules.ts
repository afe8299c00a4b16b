/**
 * The @page rules of the print page: size and margins from the settings, the
 * running title and the page number in Chromium's own margin boxes.
 *
 * Margin boxes live in the page context, which inherits nothing from the
 * document: a var() from :root is unset there and Chromium then drops the
 * whole box. So the font family is written out here rather than in print.css.
 */
import type { Settings } from '../config/index.ts';
import type { DocumentMeta } from '../types.ts';
import type { FontStack } from '../fonts/catalogue.ts';

/** Page sizes as width and height, for the text area's extent. */
const SIZES: Record<Settings['pageSize'], [string, string]> = {
  A4: ['210mm', '297mm'],
  A5: ['148mm', '210mm'],
  B5: ['176mm', '250mm'],
  Letter: ['8.5in', '11in'],
};

/**
 * The page rules of a document, or of a bound book (`parts`): each chapter
 * then starts a page of its own (a right-hand one with `recto`) and runs its
 * own title in the header of its pages after the first, through a named page per chapter.
 */
export function pageRules(meta: DocumentMeta, settings: Settings, stack: FontStack, parts: { title: string }[] = []): string {
  const family = [...stack.sans.map((name) => cssString(name)), 'sans-serif'].join(', ');
  const title = cssString(meta.title);
  // Margin boxes take the page's writing mode. A vertical book runs its title
  // down the outer (right) margin and keeps the folio upright at the foot;
  // a horizontal one centres the title at the head.
  const vertical = settings.writingMode === 'vertical';
  const head = vertical ? 'right-top' : 'top-center';
  const folio = vertical ? ' text-combine-upright: all;' : '';
  // Chromium has no :first for a named page, and a page name given to the
  // chapter's opening blocks alone would break the page after them. So each
  // chapter counts its own pages, and the header is that count in a counter
  // style that writes nothing for 1 and the chapter's title for the rest.
  const chapters = parts.map((part, index) => {
    const n = index + 1;
    return `.content > section.book-part:nth-of-type(${n}) { page: part-${n}; }
@counter-style galley-part-${n}-head { system: fixed; symbols: ""; fallback: galley-part-${n}-title; }
@counter-style galley-part-${n}-title { system: cyclic; symbols: ${cssString(part.title)}; }
@page part-${n} { counter-increment: galley-part-${n}; @${head} { content: counter(galley-part-${n}, galley-part-${n}-head); font-family: ${family}; } }`;
  });
  return [
    `@page {
  size: ${settings.pageSize};
  margin: ${settings.margin};
  @${head} { content: ${title}; font-family: ${family}; }
  @bottom-center { content: counter(page); font-family: ${family};${folio} }
}
@page :first {
  @${head} { content: none; }
  @bottom-center { content: none; }
}
:root { --page-block-size: ${textBlockSize(settings)}; }`,
    ...(parts.length ? [BOOK_PAGES.replaceAll('HEAD', head), ...chapters] : []),
  ].join('\n');
}

/** Chapters open a page; a blank page before one (emit/pdf/recto.ts) has neither header nor folio. */
const BOOK_PAGES = `.content > section.book-part { break-before: page; }
.blank-page { page: blank; block-size: 1px; }
@page blank { @HEAD { content: none; } @bottom-center { content: none; } }`;

/** The text area's extent along the lines' progression: what an image may fill without being cut. */
function textBlockSize(settings: Settings): string {
  const [width, height] = SIZES[settings.pageSize];
  const m = settings.margin.trim().split(/\s+/);
  const [top, right, bottom, left] = [m[0]!, m[1] ?? m[0]!, m[2] ?? m[0]!, m[3] ?? m[1] ?? m[0]!];
  return settings.writingMode === 'vertical' ? `calc(${width} - ${right} - ${left})` : `calc(${height} - ${top} - ${bottom})`;
}

/**
 * A CSS string literal, safe inside a <style> element: every character CSS
 * gives a meaning in a string (quote, backslash, line breaks including the form
 * feed), every other control character, and `<` (which could close the element)
 * written as a hex escape, which a following space ends.
 */
function cssString(value: string): string {
  return `"${value.replace(/[\u0000-\u001f\u007f"\\<>]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}
