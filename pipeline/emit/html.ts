/** The standalone HTML page: images inlined as data URIs so the one file is the whole page. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../config/index.ts';
import { screenPage, type RenderedDocument } from '../render/index.ts';
import type { Template } from '../render/template.ts';
import { mediaType } from './media-types.ts';

export function renderHtml(doc: RenderedDocument, template: Template, settings: Settings, root: string): string {
  return screenPage(doc, template, settings, (path) => {
    const data = readFileSync(join(root, path));
    return `data:${mediaType(path)};base64,${data.toString('base64')}`;
  });
}
