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
import { cssString } from './escape.ts';
import type { FontStack } from '../fonts/catalogue.ts';

export function pageRules(meta: DocumentMeta, settings: Settings, stack: FontStack): string {
  const family = [...stack.sans.map((name) => cssString(name)), 'sans-serif'].join(', ');
  const title = cssString(meta.title);
  // Margin boxes take the page's writing mode. A vertical book runs its title
  // down the outer (right) margin and keeps the folio upright at the foot;
  // a horizontal one centres the title at the head.
  const vertical = settings.writingMode === 'vertical';
  const head = vertical ? 'right-top' : 'top-center';
  const folio = vertical ? ' text-combine-upright: all;' : '';
  return `@page {
  size: ${settings.pageSize};
  margin: ${settings.margin};
  @${head} { content: ${title}; font-family: ${family}; }
  @bottom-center { content: counter(page); font-family: ${family};${folio} }
}
@page :first {
  @${head} { content: none; }
  @bottom-center { content: none; }
}`;
}
