/**
 * Navigation: the EPUB 3 navigation document (nested table of contents and
 * landmarks) and, for older readers, the NCX, both from the one contents tree.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Element as XastElement } from 'xast';
import { x } from 'xastscript';
import { contentsList, type ContentsNode } from '../../render/contents.ts';
import { stringifyXhtml, stringifyXml } from '../../render/serialize.ts';

export { nestEntries, type ContentsNode as NavNode } from '../../render/contents.ts';

export interface Landmark {
  type: 'cover' | 'toc' | 'titlepage' | 'bodymatter';
  href: string;
  text: string;
}

export interface NavDocument {
  lang: string;
  title: string;
  /** Heading of the table of contents, in the book's language. */
  contentsLabel: string;
  tree: ContentsNode[];
  landmarks: Landmark[];
}

/** An EPUB XHTML document: the html element with its namespaces, a head with the title and the stylesheet. */
export function xhtmlPage(lang: string, title: string, body: Element): Element {
  const line = () => ({ type: 'text' as const, value: '\n' });
  const head = h('head', [line(), h('meta', { charSet: 'UTF-8' }), line(), h('title', title), line(), h('link', { rel: 'stylesheet', type: 'text/css', href: 'style.css' }), line()]);
  return h('html', { xmlns: 'http://www.w3.org/1999/xhtml', 'xmlns:epub': 'http://www.idpf.org/2007/ops', lang, 'xml:lang': lang }, [line(), head, line(), body, line()]);
}

export function navXhtml(nav: NavDocument): string {
  const landmarks = h(
    'ol',
    nav.landmarks.map((landmark) => h('li', [h('a', { 'epub:type': landmark.type, href: landmark.href }, landmark.text)])),
  );
  const body = h('body', [
    '\n',
    h('nav', { 'epub:type': 'toc', id: 'toc' }, ['\n', h('h1', nav.contentsLabel), '\n', contentsList(nav.tree), '\n']),
    '\n',
    h('nav', { 'epub:type': 'landmarks', id: 'landmarks', hidden: true }, ['\n', landmarks, '\n']),
    '\n',
  ]);
  return stringifyXhtml(xhtmlPage(nav.lang, nav.contentsLabel, body));
}

export interface NcxDocument {
  identifier: string;
  lang: string;
  title: string;
  authors: string[];
  tree: ContentsNode[];
}

export function ncxXml(ncx: NcxDocument): string {
  let order = 0;
  const depth = (nodes: ContentsNode[]): number => (nodes.length ? 1 + Math.max(...nodes.map((n) => depth(n.children))) : 0);
  const points = (nodes: ContentsNode[]): XastElement[] =>
    nodes.map((node) => {
      const n = ++order;
      return x('navPoint', { id: `navpoint-${n}`, playOrder: String(n) }, [
        x('navLabel', [x('text', node.text)]),
        x('content', { src: node.href }),
        ...points(node.children),
      ]);
    });
  const meta = (name: string, content: string) => x('meta', { name, content });
  const root = x('ncx', { xmlns: 'http://www.daisy.org/z3986/2005/ncx/', version: '2005-1', 'xml:lang': ncx.lang }, [
    x('head', [
      meta('dtb:uid', ncx.identifier),
      meta('dtb:depth', String(Math.max(1, depth(ncx.tree)))),
      meta('dtb:totalPageCount', '0'),
      meta('dtb:maxPageNumber', '0'),
    ]),
    x('docTitle', [x('text', ncx.title)]),
    ...ncx.authors.map((author) => x('docAuthor', [x('text', author)])),
    x('navMap', points(ncx.tree)),
  ]);
  return stringifyXml([root]);
}
