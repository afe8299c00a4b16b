/**
 * The standalone HTML page: images and formula fonts inlined as data URIs so
 * the one file is the whole page. With selfContained: true it carries its
 * text font too, cut down to the characters it uses (the e-book's subsets), so
 * it reads the same on a machine with no Chinese font.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../config/index.ts';
import { fontStack, pageCharacters } from '../fonts/catalogue.ts';
import { screenPage, type RenderedDocument } from '../render/index.ts';
import { KATEX_FONTS } from '../render/math.ts';
import type { Template } from '../render/template.ts';
import { mediaType } from './media-types.ts';

const dataUri = (path: string) => `data:${mediaType(path)};base64,${readFileSync(path).toString('base64')}`;

export async function renderHtml(doc: RenderedDocument, template: Template, settings: Settings, root: string): Promise<string> {
  const page = screenPage(doc, template, settings, {
    asset: (path) => dataUri(join(root, path)),
    katexFont: (file) => dataUri(join(KATEX_FONTS, file)),
  });
  return settings.selfContained ? withTextFont(page, doc.meta.lang) : page;
}

/** The page with @font-face rules for the subsets of its characters, each family put last in the stacks before the generic one. */
async function withTextFont(page: string, lang: string): Promise<string> {
  const { subsetCjkFont } = await import('./epub/fonts.ts');
  const subset = await subsetCjkFont(pageCharacters(page), lang);
  if (subset.fonts.length === 0) return page;
  const faces = subset.fonts.map(
    (font, i) => `@font-face{font-family:"${subset.families[i]}";src:url(data:font/ttf;base64,${Buffer.from(font.data).toString('base64')}) format("truetype");}`,
  );
  const stack = fontStack(lang);
  const list = (names: string[], generic: string) => [...names, ...subset.families].map((n) => `"${n}"`).concat(generic).join(',');
  const variables = `:root{--font-serif:${list(stack.serif, 'serif')};--font-sans:${list(stack.sans, 'sans-serif')};--font-mono:${list(stack.mono, 'monospace')};}`;
  return page.replace('</head>', `<style>\n${faces.join('\n')}\n${variables}\n</style>\n</head>`);
}
