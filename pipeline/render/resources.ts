/**
 * What a document may load, decided the same way for what is rendered and for
 * what is written (HTML, EPUB), with or without `trusted`: an <img> may show an
 * image file inside the project (see images.ts) or an inline raster image;
 * nothing else is fetched: no network, no file outside the project, no
 * document in a frame, no media, no srcset, no CSS url(). Each refusal is a
 * warning with its position, and is removed before any browser or e-book
 * library sees the markup.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { INLINE_IMAGE, scrubCss } from './css-guard.ts';
import { imageRefusal } from './images.ts';

/** Attributes through which an element loads a resource (srcdoc: a whole page with its own). */
const LOADING_ATTRIBUTES = ['src', 'srcSet', 'imageSrcSet', 'poster', 'data', 'href', 'xLinkHref', 'background', 'srcDoc', 'ping', 'lowSrc', 'dynSrc', 'codeBase', 'archive', 'longDesc'];
/** On these, href is a link the reader follows; on every other element (link, image, use, base, ...) it loads something. */
const LINKS = new Set(['a', 'area']);

export interface GuardOptions {
  /** The project root: the only tree a document may read from. */
  root: string;
  /** Folders inside the project never read from (the out folder, which holds the cache). */
  exclude?: string[];
}

export interface Blocked {
  element: string;
  url: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Project-relative paths of the local files a document uses (images). */
    assets: string[];
    /** Project-relative paths of files a document referred to that did not exist: creating one changes the document. */
    missing: string[];
    /** Resources a document asked for and did not get. */
    blocked: Blocked[];
  }
}

type Local = { path: string } | { missing: string } | { refused: string } | undefined;

export function guardResources(options: GuardOptions) {
  const realRoot = realpathSync(options.root);
  const excluded = (options.exclude ?? []).map((dir) => relative(options.root, dir).split(sep).join('/')).filter((d) => d && !d.startsWith('..'));
  return (tree: Root, file: VFile) => {
    const assets = new Set<string>(file.data.assets ?? []);
    const missing = new Set<string>(file.data.missing ?? []);
    const blocked: Blocked[] = file.data.blocked ?? [];
    const block = (node: Element, what: string, url: string, why = 'only images inside the project may be loaded') => {
      blocked.push({ element: node.tagName, url });
      const message = file.message(`blocked <${node.tagName}> ${what}="${truncate(url)}": ${why}`, { place: node.position, ruleId: 'blocked-resource', source: 'galley' });
      message.actual = url;
    };
    visit(tree, 'element', (node: Element) => {
      for (const attribute of LOADING_ATTRIBUTES) {
        const value = node.properties[attribute];
        if (value == null || value === false) continue;
        if ((attribute === 'href' || attribute === 'xLinkHref') && LINKS.has(node.tagName)) {
          // A link the reader follows stays; a `%` that starts no escape (`#%zz`) is escaped, as a browser reads it, so the URL is valid.
          if (typeof value === 'string' && /%(?![0-9a-f]{2})/i.test(value)) node.properties[attribute] = value.replace(/%(?![0-9a-f]{2})/gi, '%25');
          continue;
        }
        const url = Array.isArray(value) ? value.join(' ') : String(value);
        if (url === '') continue;
        const image = node.tagName === 'img' && attribute === 'src';
        if (image && (INLINE_IMAGE.test(url) || /^data:image\/svg\+xml[;,]/i.test(url))) continue;
        if (attribute === 'poster' && INLINE_IMAGE.test(url)) continue;
        const local = image ? localImage(url, file, options.root, realRoot, excluded) : undefined;
        if (local && 'path' in local) {
          node.properties[attribute] = local.path;
          assets.add(local.path);
          continue;
        }
        delete node.properties[attribute];
        if (local && 'missing' in local) missing.add(local.missing);
        block(node, attribute.toLowerCase(), url, local && 'missing' in local ? 'no such file' : local && 'refused' in local ? local.refused : undefined);
      }
      // A refresh navigates the renderer elsewhere once the page has loaded.
      if (node.tagName === 'meta' && /refresh/i.test(String(node.properties.httpEquiv ?? ''))) {
        block(node, 'http-equiv="refresh" content', String(node.properties.content ?? ''));
        node.properties = {};
      }
      if (typeof node.properties.style === 'string') node.properties.style = scrubCss(node.properties.style, (url) => block(node, 'style', url), true);
      if (node.tagName === 'style') {
        for (const child of node.children) if (child.type === 'text') child.value = scrubCss(child.value, (url) => block(node, 'css', url));
      }
    });
    file.data.assets = [...assets].sort();
    file.data.missing = [...missing].sort();
    file.data.blocked = blocked;
  };
}

/** A relative URL naming an image inside the project: its project-relative path, or why it is not one. */
function localImage(url: string, file: VFile, root: string, realRoot: string, excluded: string[]): Local {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || isAbsolute(url)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.split(/[?#]/)[0]!);
  } catch {
    return { refused: 'malformed URL' };
  }
  const base = file.path ? dirname(resolve(root, file.path)) : root;
  const target = resolve(base, path);
  const written = relative(root, target);
  if (written.startsWith('..') || isAbsolute(written)) return undefined;
  if (!existsSync(target)) return { missing: written.split(sep).join('/') };
  // Symbolic links may point anywhere: judge where the file really is, and what it is called on the way.
  const rel = relative(realRoot, realpathSync(target));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  const posix = rel.split(sep).join('/');
  const refusal = imageRefusal(target, written.split(sep).join('/'), excluded) ?? imageRefusal(target, posix, excluded);
  return refusal ? { refused: refusal } : { path: posix };
}

function truncate(url: string): string {
  return url.length > 80 ? `${url.slice(0, 77)}...` : url;
}
