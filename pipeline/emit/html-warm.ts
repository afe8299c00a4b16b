/**
 * A throwaway HTML page, rendered while a build's first document is still in
 * its text stages: the first page a process renders compiles the serializer,
 * the template filling and the font rules as it goes (33–58 ms for the sample
 * article where the next took 16–25 ms), and that first page is otherwise the
 * real one, after the text stages, with the build waiting for it.
 */
import type { Element, Root } from 'hast';
import type { Settings } from '../config/index.ts';
import type { TocEntry } from '../enrich/index.ts';
import { titleBlock } from '../render/blocks.ts';
import { contentsNav } from '../render/contents.ts';
import type { RenderedDocument } from '../render/index.ts';
import type { Template } from '../render/template.ts';
import type { DocumentMeta } from '../types.ts';
import { renderHtml, type HtmlPage } from './html.ts';

const text = (value: string) => ({ type: 'text' as const, value });
const element = (tagName: string, properties: Element['properties'], ...children: Element['children']): Element => ({ type: 'element', tagName, properties, children });

/** A small document with what most pages have: headings, a paragraph with marks and a link, a list, a table, a note. */
function warmDocument(lang: string): RenderedDocument {
  const meta: DocumentMeta = { title: '排版 Galley', authors: ['王曉東'], lang, keywords: ['排版', 'HTML'], date: '2024-05-06', description: '一段文字。' };
  const toc: TocEntry[] = ['一', '二', '三'].map((n, i) => ({ depth: 2, id: `s${i}`, text: `第${n}節` }));
  const hast: Root = {
    type: 'root',
    children: [
      ...toc.map((entry) => element('h2', { id: entry.id }, text(entry.text))),
      element('p', {}, text('段落，'), element('strong', {}, text('粗體')), text(' and '), element('em', {}, text('emphasis')), element('a', { href: '#s0' }, text('連結')), element('sup', {}, element('a', { href: '#fn-1', id: 'fnref-1', dataFootnoteRef: true }, text('1')))),
      element('ul', {}, element('li', {}, text('一')), element('li', {}, element('code', {}, text('code')))),
      element('table', {}, element('tbody', {}, element('tr', {}, element('td', {}, text('表')), element('td', { align: 'right' }, text('1'))))),
      element('section', { dataFootnotes: true, className: ['footnotes'] }, element('ol', {}, element('li', { id: 'fn-1' }, element('p', {}, text('註。'))))),
    ],
  };
  return { meta, toc, hast, assets: [], titleBlock: titleBlock(meta), ...(contentsNav(toc, lang, 'auto') ? { contents: contentsNav(toc, lang, 'auto') } : {}) };
}

/** Renders the throwaway page for `template` (a linked page only: a self-contained one would cut fonts). */
export async function warmHtml(template: Template, settings: Settings, root: string): Promise<HtmlPage | undefined> {
  if (settings.selfContained) return undefined;
  return renderHtml(warmDocument('zh-Hant'), template, settings, root);
}
