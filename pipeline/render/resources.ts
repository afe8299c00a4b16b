/**
 * A document may only load files from inside the project. Anything else a
 * renderer would fetch (file:, http:, paths that climb out) is removed here and
 * reported, before any browser or e-book library sees the markup.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Attributes through which an element loads a resource (srcdoc: a whole page with its own). */
const LOADING_ATTRIBUTES = ['src', 'srcSet', 'poster', 'data', 'href', 'xLinkHref', 'background', 'srcDoc'];
/** On these, href is a link the reader follows; on every other element (link, image, use, base, ...) it loads something. */
const LINKS = new Set(['a', 'area']);
/** url(...) and @import "..." in CSS: a style can load files too. */
const CSS_URL = /url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]*)\3/gi;

export interface GuardOptions {
  /** The project root: the only tree a document may read from. */
  root: string;
}

export interface Blocked {
  element: string;
  url: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Project-relative paths of the local files a document uses (images). */
    assets: string[];
    /** Resources a document asked for and did not get. */
    blocked: Blocked[];
  }
}

export function guardResources(options: GuardOptions) {
  return (tree: Root, file: VFile) => {
    const assets = new Set<string>(file.data.assets ?? []);
    const blocked: Blocked[] = file.data.blocked ?? [];
    const block = (node: Element, what: string, url: string) => {
      blocked.push({ element: node.tagName, url });
      const message = file.message(`blocked <${node.tagName}> ${what}="${truncate(url)}": only files inside the project may be loaded`, {
        place: node.position,
        ruleId: 'blocked-resource',
        source: 'galley',
      });
      message.actual = url;
    };
    visit(tree, 'element', (node: Element) => {
      for (const attribute of LOADING_ATTRIBUTES) {
        const value = node.properties[attribute];
        if (value == null || value === false) continue;
        if ((attribute === 'href' || attribute === 'xLinkHref') && LINKS.has(node.tagName)) continue;
        const url = Array.isArray(value) ? value.join(' ') : String(value);
        const local = attribute === 'src' ? localAsset(url, file, options.root) : undefined;
        if (local) {
          node.properties[attribute] = local;
          assets.add(local);
        } else if (!/^data:image\//i.test(url) && url !== '') {
          delete node.properties[attribute];
          block(node, attribute.toLowerCase(), url);
        }
      }
      // A refresh navigates the renderer elsewhere once the page has loaded.
      if (node.tagName === 'meta' && /refresh/i.test(String(node.properties.httpEquiv ?? ''))) {
        block(node, 'http-equiv="refresh" content', String(node.properties.content ?? ''));
        node.properties = {};
      }
      if (typeof node.properties.style === 'string') node.properties.style = scrubCss(node.properties.style, (url) => block(node, 'style', url));
      if (node.tagName === 'style') {
        for (const child of node.children) if (child.type === 'text') child.value = scrubCss(child.value, (url) => block(node, 'css', url));
      }
    });
    file.data.assets = [...assets].sort();
    file.data.blocked = blocked;
  };
}

/** The project-relative path of a relative URL that names an existing file inside the project. */
function localAsset(url: string, file: VFile, root: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || isAbsolute(url)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
  const base = file.path ? dirname(resolve(root, file.path)) : root;
  const target = resolve(base, path);
  if (!existsSync(target)) return undefined;
  // Symbolic links may point anywhere: judge where the file really is.
  const real = realpathSync(target);
  const rel = relative(realpathSync(root), real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** Empties every url() and @import in CSS that is not an inline image. */
function scrubCss(css: string, onBlocked: (url: string) => void): string {
  return css.replace(CSS_URL, (match, _q: string, url: string | undefined, _q2: string, imported: string | undefined) => {
    const target = (url ?? imported ?? '').trim();
    if (/^data:image\//i.test(target) || target === '') return match;
    onBlocked(target);
    return imported !== undefined ? '' : 'url()';
  });
}

function truncate(url: string): string {
  return url.length > 80 ? `${url.slice(0, 77)}...` : url;
}
