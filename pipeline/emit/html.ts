/** The standalone HTML page: images and formula fonts inlined as data URIs so the one file is the whole page. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../config/index.ts';
import { screenPage, type RenderedDocument } from '../render/index.ts';
import { KATEX_FONTS } from '../render/math.ts';
import type { Template } from '../render/template.ts';
import { mediaType } from './media-types.ts';

const dataUri = (path: string) => `data:${mediaType(path)};base64,${readFileSync(path).toString('base64')}`;

export function renderHtml(doc: RenderedDocument, template: Template, settings: Settings, root: string): string {
  return screenPage(doc, template, settings, {
    asset: (path) => dataUri(join(root, path)),
    katexFont: (file) => dataUri(join(KATEX_FONTS, file)),
  });
}
