/**
 * Fonts ship with galley through npm (@fontsource), so a PDF never depends on the
 * fonts a machine has installed. Each family's CSS is split by unicode-range, so a
 * browser loads only the pieces of the CJK fonts a document uses.
 */
import { fill } from '../render/template.ts';
import { coverageTable, covering, type FontFace } from './coverage.ts';

export { fontPackageDir, type FontFace } from './coverage.ts';

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

/** The npm package (under @fontsource/) of one of galley's font families. */
export function familyPackage(family: string): string {
  const pkg = PACKAGES[family];
  if (!pkg) throw new Error(`no font package for ${family}`);
  return pkg;
}

/**
 * The package and file (files/…) of one of galley's font files named by its
 * file name alone: each name starts with its package's (noto-sans-sc-4-400-normal.woff2).
 */
export function fontFileByName(name: string): { pkg: string; file: string } | undefined {
  if (!/^[\w-]+\.woff2$/.test(name)) return undefined;
  const pkg = FONT_PACKAGES.filter((p) => name.startsWith(`${p}-`)).sort((a, b) => b.length - a.length)[0];
  return pkg ? { pkg, file: `files/${name}` } : undefined;
}

/** Names of the font packages whose files a renderer may read. */
export const FONT_PACKAGES = Object.values(PACKAGES);

/** Every package and weight galley's stacks use, for the precomputed tables. */
export const FONT_WEIGHTS: [string, number][] = FONT_PACKAGES.flatMap((pkg) => WEIGHTS.map((weight): [string, number] => [pkg, weight]));

export function fontFaces(pkg: string, weight: number): FontFace[] {
  return coverageTable(pkg, weight).get().faces;
}

/** Indexes into fontFaces() of the faces that cover `codePoint`, in CSS order. */
export function facesCovering(pkg: string, weight: number, codePoint: number): number[] {
  return covering(coverageTable(pkg, weight).get(), codePoint);
}

/** Print waits for the real font (block); a reading page shows text at once and swaps the font in. */
export type FontDisplay = 'block' | 'swap';

/**
 * @font-face rules for a stack, with each font file's URL made by `urlFor(package, file)`,
 * and variables --font-serif, --font-sans, --font-mono for the stylesheets.
 * Given `text`, only the faces that cover one of its characters are written:
 * the rest could never be used, and a CJK family has over a hundred.
 */
export function fontFaceCss(stack: FontStack, urlFor: (pkg: string, file: string) => string, text?: string, display: FontDisplay = 'block'): string {
  const codePoints = text === undefined ? undefined : codePointsOf(text);
  const rewritten = faceRules(urlFor, display);
  const families = [...new Set([...stack.serif, ...stack.sans, ...stack.mono])];
  const rules = families.flatMap((family) => {
    const pkg = PACKAGES[family]!;
    return WEIGHTS.flatMap((weight) => {
      const coverage = coverageTable(pkg, weight).get();
      const faces = coverage.faces;
      let keep = faces;
      if (codePoints) {
        const used = new Set<number>();
        for (const code of codePoints) for (const i of covering(coverage, code)) used.add(i);
        keep = faces.filter((face, i) => !face.ranged || used.has(i));
      }
      return keep.map((face) => {
        let rule = rewritten.get(face);
        if (rule === undefined) {
          rule = face.css
            .replace(/url\(\.\/files\/([^)]+)\)/g, (_, file: string) => `url(${urlFor(pkg, `files/${file}`)})`)
            .replace(/font-display:\s*block/, `font-display: ${display}`);
          rewritten.set(face, rule);
        }
        return rule;
      });
    });
  });
  return `${rules.join('\n')}\n${stackVariables(stack)}`;
}

/** Each face's rule as written for one URL maker and display: the print pages of a build share them (the HTML page makes its own maker, which also notes the files it names). */
const written = new WeakMap<(pkg: string, file: string) => string, Map<FontDisplay, Map<FontFace, string>>>();

function faceRules(urlFor: (pkg: string, file: string) => string, display: FontDisplay): Map<FontFace, string> {
  let byDisplay = written.get(urlFor);
  if (!byDisplay) written.set(urlFor, (byDisplay = new Map()));
  let rules = byDisplay.get(display);
  if (!rules) byDisplay.set(display, (rules = new Map()));
  return rules;
}

/** The code points of `text`, read without making a string of each character (a page is long). */
function codePointsOf(text: string): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    found.add(code);
    if (code > 0xffff) i++;
  }
  return found;
}

/** CSS variables --font-serif, --font-sans and --font-mono that the stylesheets use. */
export function stackVariables(stack: FontStack): string {
  const list = (names: string[], generic: string) => [...names.map((n) => `"${n}"`), generic].join(', ');
  return `:root{--font-serif:${list(stack.serif, 'serif')};--font-sans:${list(stack.sans, 'sans-serif')};--font-mono:${list(stack.mono, 'monospace')};}`;
}

/**
 * Fills `shell` with `values`, the @font-face rules its characters need put
 * ahead of `values.css`: the page is filled once without them to learn which.
 */
export function fillWithFonts(
  shell: string,
  values: Record<string, string> & { css: string },
  stack: FontStack,
  urlFor: (pkg: string, file: string) => string,
  display: FontDisplay = 'block',
): string {
  const fonts = fontFaceCss(stack, urlFor, pageCharacters(fill(shell, values)), display);
  return fill(shell, { ...values, css: `${fonts}\n${values.css}` });
}

/**
 * Every character a page can show: its text, numeric character references and
 * CSS escapes decoded (a stylesheet's content: "\2014" is a character too).
 */
export function pageCharacters(page: string): string {
  const code = (hex: string, radix = 16) => {
    const n = parseInt(hex, radix);
    return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : '';
  };
  return page
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => code(hex))
    .replace(/&#(\d+);/g, (_, dec: string) => code(dec, 10))
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => code(hex));
}
