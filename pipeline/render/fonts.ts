/**
 * Fonts ship with galley through npm (@fontsource), so a PDF never depends on the
 * fonts a machine has installed. Each family's CSS is split by unicode-range, so a
 * browser loads only the pieces of the CJK fonts a document uses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface FontStack {
  serif: string[];
  sans: string[];
  mono: string[];
}

/** npm package (under @fontsource/) of each family. */
const PACKAGES: Record<string, string> = {
  'Noto Serif': 'noto-serif',
  'Noto Sans': 'noto-sans',
  'Noto Sans Mono': 'noto-sans-mono',
  'Noto Serif TC': 'noto-serif-tc',
  'Noto Sans TC': 'noto-sans-tc',
  'Noto Serif SC': 'noto-serif-sc',
  'Noto Sans SC': 'noto-sans-sc',
  'Noto Sans Symbols 2': 'noto-sans-symbols-2',
};

/** Last resort for arrows and marks, so fewer glyphs fall through to a system font. */
const SYMBOLS = ['Noto Sans Symbols 2'];

const WEIGHTS = [400, 700];

/** CJK families come first for Chinese so that shared punctuation (“”、。) is full-width. */
export function fontStack(lang: string): FontStack {
  const stack = (serif: string[], sans: string[]): FontStack => ({
    serif: [...serif, ...SYMBOLS],
    sans: [...sans, ...SYMBOLS],
    mono: ['Noto Sans Mono', ...sans, ...SYMBOLS],
  });
  if (/^zh-(Hans|CN|SG)/i.test(lang)) return stack(['Noto Serif SC', 'Noto Serif'], ['Noto Sans SC', 'Noto Sans']);
  if (/^zh/i.test(lang)) return stack(['Noto Serif TC', 'Noto Serif'], ['Noto Sans TC', 'Noto Sans']);
  return stack(['Noto Serif', 'Noto Serif TC'], ['Noto Sans', 'Noto Sans TC']);
}

const require = createRequire(import.meta.url);

export function fontPackageDir(pkg: string): string {
  return dirname(require.resolve(`@fontsource/${pkg}/package.json`));
}

/** Names of the font packages whose files a renderer may read. */
export const FONT_PACKAGES = Object.values(PACKAGES);

const cssCache = new Map<string, string>();

/**
 * @font-face rules for a stack, with each font file's URL made by `urlFor(package, file)`,
 * and variables --font-serif, --font-sans, --font-mono for the stylesheets.
 */
export function fontFaceCss(stack: FontStack, urlFor: (pkg: string, file: string) => string): string {
  const families = [...new Set([...stack.serif, ...stack.sans, ...stack.mono])];
  const faces = families.flatMap((family) => WEIGHTS.map((weight) => familyCss(PACKAGES[family]!, weight, urlFor)));
  return `${faces.join('\n')}\n${stackVariables(stack)}`;
}

/** CSS variables --font-serif, --font-sans and --font-mono that the stylesheets use. */
export function stackVariables(stack: FontStack): string {
  const list = (names: string[], generic: string) => [...names.map((n) => `"${n}"`), generic].join(', ');
  return `:root{--font-serif:${list(stack.serif, 'serif')};--font-sans:${list(stack.sans, 'sans-serif')};--font-mono:${list(stack.mono, 'monospace')};}`;
}

function familyCss(pkg: string, weight: number, urlFor: (pkg: string, file: string) => string): string {
  const key = `${pkg}/${weight}`;
  let css = cssCache.get(key);
  if (css === undefined) {
    const path = join(fontPackageDir(pkg), `${weight}.css`);
    // Symbol families come in one weight; the browser synthesizes bold for them.
    css = !existsSync(path) ? '' : readFileSync(path, 'utf8')
      .replace(/\/\*.*?\*\/\n?/g, '')
      // Print must wait for the real font, never lay out with a fallback.
      .replace(/font-display:\s*swap/g, 'font-display: block')
      .replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, '');
    cssCache.set(key, css);
  }
  return css.replace(/url\(\.\/files\/([^)]+)\)/g, (_, file: string) => `url(${urlFor(pkg, `files/${file}`)})`);
}
