/**
 * Navigation: the EPUB 3 navigation document (nested table of contents and
 * landmarks) and, for older readers, the NCX, both from the same entries.
 */
import { escapeHtml as esc } from '../../render/escape.ts';
import type { NavEntry } from './chapters.ts';

export interface NavNode {
  text: string;
  href: string;
  children: NavNode[];
}

/** Entries by depth → a tree; a level is never skipped, so every <ol> holds only <li>. */
export function nestEntries(entries: NavEntry[]): NavNode[] {
  if (entries.length === 0) return [];
  const top = Math.min(...entries.map((e) => e.depth));
  const roots: NavNode[] = [];
  const stack: NavNode[][] = [roots];
  for (const entry of entries) {
    const level = Math.min(Math.max(entry.depth - top, 0), stack.length - 1);
    stack.length = level + 1;
    const node: NavNode = { text: entry.text, href: entry.href, children: [] };
    stack[level]!.push(node);
    stack.push(node.children);
  }
  return roots;
}

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
  tree: NavNode[];
  landmarks: Landmark[];
}

export function navXhtml(nav: NavDocument, htmlAttributes = ''): string {
  const list = (nodes: NavNode[], indent: string): string =>
    `${indent}<ol>\n${nodes
      .map((node) => {
        const inner = node.children.length ? `\n${list(node.children, `${indent}  `)}\n${indent} ` : '';
        return `${indent} <li><a href="${esc(node.href)}">${esc(node.text)}</a>${inner}</li>`;
      })
      .join('\n')}\n${indent}</ol>`;
  const landmarks = nav.landmarks
    .map((l) => `  <li><a epub:type="${l.type}" href="${esc(l.href)}">${esc(l.text)}</a></li>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${esc(nav.lang)}" xml:lang="${esc(nav.lang)}"${htmlAttributes}>
<head>
<meta charset="UTF-8"/>
<title>${esc(nav.contentsLabel)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
<nav epub:type="toc" id="toc">
<h1>${esc(nav.contentsLabel)}</h1>
${list(nav.tree, '')}
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden">
<ol>
${landmarks}
</ol>
</nav>
</body>
</html>
`;
}

export interface NcxDocument {
  identifier: string;
  lang: string;
  title: string;
  authors: string[];
  tree: NavNode[];
}

export function ncxXml(ncx: NcxDocument): string {
  let order = 0;
  const depth = (nodes: NavNode[]): number => (nodes.length ? 1 + Math.max(...nodes.map((n) => depth(n.children))) : 0);
  const points = (nodes: NavNode[], indent: string): string =>
    nodes
      .map((node) => {
        const n = ++order;
        const children = node.children.length ? `\n${points(node.children, `${indent}  `)}` : '';
        return `${indent}<navPoint id="navpoint-${n}" playOrder="${n}">
${indent}  <navLabel><text>${esc(node.text)}</text></navLabel>
${indent}  <content src="${esc(node.href)}"/>${children}
${indent}</navPoint>`;
      })
      .join('\n');
  const authors = ncx.authors.map((a) => `<docAuthor><text>${esc(a)}</text></docAuthor>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${esc(ncx.lang)}">
<head>
<meta name="dtb:uid" content="${esc(ncx.identifier)}"/>
<meta name="dtb:depth" content="${Math.max(1, depth(ncx.tree))}"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text>${esc(ncx.title)}</text></docTitle>
${authors}<navMap>
${points(ncx.tree, '')}
</navMap>
</ncx>
`;
}
