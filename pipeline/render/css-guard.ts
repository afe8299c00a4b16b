/**
 * Everything in CSS that loads a resource: url(), @import, and the strings in
 * image-set(), cross-fade(), image() and src(). The CSS is first normalized by
 * a real CSS parser (lightningcss), so escapes (`u\72l(`) and comments cannot
 * hide a URL from the scan that follows; only inline raster images pass.
 */
import { createRequire } from 'node:module';

let library: typeof import('lightningcss') | undefined;
/** A native addon, required on first use: CSS with nothing that could load a resource never needs it. */
const lightningcss = () => (library ??= createRequire(import.meta.url)('lightningcss') as typeof import('lightningcss'));

/** Inline raster images load nothing else; an inline SVG document could. */
export const INLINE_IMAGE = /^data:image\/(?:png|jpeg|gif|webp)[;,]/i;

const URL_FUNCTIONS = new Set(['url', 'image-set', '-webkit-image-set', 'cross-fade', '-webkit-cross-fade', 'image', 'src', 'element', '-moz-element']);

/** The CSS with every loading reference emptied; `onBlocked` hears each one. */
export function scrubCss(css: string, onBlocked: (url: string) => void, attribute = false): string {
  if (!/[(@\\]/.test(css)) return css;
  let normal: string;
  try {
    const code = Buffer.from(css);
    const { transform, transformStyleAttribute } = lightningcss();
    normal = attribute
      ? transformStyleAttribute({ code, errorRecovery: true }).code.toString()
      : transform({ filename: 'style.css', code, errorRecovery: true }).code.toString();
  } catch {
    onBlocked('(CSS that does not parse)');
    return '';
  }
  return scan(normal, onBlocked);
}

/** Walks normalized CSS, tracking the function each string is an argument of. */
function scan(css: string, onBlocked: (url: string) => void): string {
  let out = '';
  const functions: string[] = [];
  let importing = false;
  let i = 0;
  const check = (url: string) => {
    if (url === '' || INLINE_IMAGE.test(url)) return true;
    onBlocked(url);
    return false;
  };
  while (i < css.length) {
    const rest = css.slice(i);
    const string = rest.match(/^(["'])((?:\\[\s\S]|(?!\1)[^\\])*)\1/);
    if (string) {
      const isUrl = importing || URL_FUNCTIONS.has(functions.at(-1) ?? '');
      out += isUrl && !check(string[2]!) ? '""' : string[0];
      i += string[0].length;
      continue;
    }
    const url = rest.match(/^url\(\s*([^"')\s]*)\s*\)/i);
    if (url) {
      out += check(url[1]!) ? url[0] : 'url("")';
      i += url[0].length;
      continue;
    }
    const call = rest.match(/^(-?[a-z][a-z0-9-]*)\(/i);
    if (call) {
      functions.push(call[1]!.toLowerCase());
      out += call[0];
      i += call[0].length;
      continue;
    }
    if (/^@import\b/i.test(rest)) importing = true;
    const char = css[i]!;
    if (char === '(') functions.push('');
    else if (char === ')') functions.pop();
    else if (char === ';' || char === '{') importing = false;
    out += char;
    i += 1;
  }
  return out;
}
