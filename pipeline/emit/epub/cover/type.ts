/**
 * Type for the drawn cover: text shaped with galley's own fonts (fontkit) and
 * turned into glyph outlines, so the cover needs no browser and no installed font.
 * Each character takes the first family of the stack that covers it, as in CSS.
 */
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import { oncePerKey } from '../../../memo.ts';
import { facesCovering, familyPackage, fontFaces, fontPackageDir } from '../../../fonts/catalogue.ts';
import { chunkFont } from '../fonts.ts';

export type Axis = 'horizontal' | 'vertical';

export interface TextStyle {
  families: string[];
  weight: 400 | 700;
  /** px */
  size: number;
  /** px added after each character, as CSS letter-spacing. */
  letterSpacing: number;
}

/** A glyph outline (SVG path data in font units, y up) and where it goes. */
export interface PlacedGlyph {
  d: string;
  /** SVG matrix(a b c d e f) from font units to the line's own coordinates. */
  matrix: [number, number, number, number, number, number];
}

/**
 * A line set along its axis. Horizontal: x from the line's start, y from its
 * baseline. Vertical: x from the column's centre, y from the line's top.
 */
export interface SetLine {
  glyphs: PlacedGlyph[];
  /** Length along the axis, trailing letter-spacing included. */
  advance: number;
}

/** Sets lines of text in one style; made by typesetter() once the fonts are loaded. */
export interface Typesetter {
  line(text: string): SetLine;
  /** What line(text).advance is, without the outlines: breaking measures every piece of the text. */
  advance(text: string): number;
  /** CSS `line-height: normal` of the style's first font, in px. */
  normalLineHeight: number;
  /** Ascent and descent (px, descent negative) of that font, to place a baseline in a line box. */
  ascent: number;
  descent: number;
}

/**
 * Each glyph's outline as SVG path data, made once per font for the life of
 * the process: a cover sets the same glyphs at several sizes, and every book
 * sets the imprint and most of its publication line again.
 */
const outlines = new WeakMap<Font, Map<number, string>>();

function outline(font: Font, glyph: { id: number; path: { toSVG(): string } }): string {
  let byId = outlines.get(font);
  if (!byId) outlines.set(font, (byId = new Map()));
  let d = byId.get(glyph.id);
  if (d === undefined) byId.set(glyph.id, (d = glyph.path.toSVG()));
  return d;
}

const loadFont = oncePerKey(async (path) => {
  const bytes = await chunkFont(path);
  // A view, not a copy: the TrueType bytes are already kept for the EPUB's font subsets.
  return fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
});

/** The font file covering `char` in the style's stack, or undefined if none does. */
function fileFor(char: string, style: TextStyle): string | undefined {
  const code = char.codePointAt(0)!;
  for (const family of style.families) {
    const pkg = familyPackage(family);
    // Symbol families come in one weight only.
    for (const weight of style.weight === 400 ? [400] : [style.weight, 400]) {
      const faces = fontFaces(pkg, weight);
      const index = facesCovering(pkg, weight, code).find((i) => faces[i]!.file);
      if (index !== undefined) return join(fontPackageDir(pkg), faces[index]!.file!);
    }
  }
  return undefined;
}

/** Characters set upright in a vertical line; the rest turn sideways, as CSS text-orientation: mixed. */
const UPRIGHT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Hangul}\u2e80-\u2fdf\u3000-\u303f\u31c0-\u31ef\u3200-\u33ff\ufe10-\ufe1f\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6]/u;

/**
 * Loads the fonts `sample` needs in `style` and returns a typesetter for lines
 * of it. Lines may use only characters of `sample` (and spaces): the fonts are loaded up front
 * so that setting a line, tried many times while breaking, stays synchronous.
 */
export async function typesetter(style: TextStyle, axis: Axis, sample: string): Promise<Typesetter> {
  // Each character's font, looked up once: breaking sets the same characters many times.
  const fonts = new Map<string, Font>();
  for (const char of new Set(Array.from(sample.replace(/\s/gu, '') + ' '))) {
    const file = fileFor(char, style);
    if (file) fonts.set(char, await loadFont(file));
  }
  const fontOf = (char: string): Font | undefined => fonts.get(char);
  const primary = fontOf(Array.from(sample.trim())[0] ?? ' ') ?? fontOf(' ');
  if (!primary) throw new Error(`no font for the cover's ${style.families[0]}`);
  const unit = style.size / primary.unitsPerEm;

  // `glyphs` undefined: only the advance is wanted.
  const set = (text: string, glyphs?: PlacedGlyph[]): number => {
    let pen = 0;
    for (const run of runs(text, fontOf, axis)) {
      const k = style.size / run.font.unitsPerEm;
      const upright = axis === 'vertical' && run.upright;
      const shaped = run.font.layout(run.text, upright ? ['vert'] : []);
      // Vertical: a sideways run's baseline sits left of the centre, so its em box is centred.
      const typo = run.font['OS/2'] as unknown as { typoAscender: number; typoDescender: number };
      shaped.glyphs.forEach((glyph, i) => {
        const at = shaped.positions[i]!;
        const d = glyphs && outline(run.font, glyph);
        if (axis === 'horizontal') {
          if (d) glyphs.push({ d, matrix: [k, 0, 0, -k, pen + at.xOffset * k, -at.yOffset * k] });
          pen += at.xAdvance * k + style.letterSpacing;
        } else if (upright) {
          // Upright CJK: one em per character, centred on the column, hanging from the typographic ascender.
          if (d) glyphs.push({ d, matrix: [k, 0, 0, -k, -(glyph.advanceWidth * k) / 2, pen + typo.typoAscender * k] });
          pen += run.font.unitsPerEm * k + style.letterSpacing;
        } else {
          const baseline = -((typo.typoAscender + typo.typoDescender) / 2) * k;
          if (d) glyphs.push({ d, matrix: [0, k, k, 0, baseline - at.yOffset * k, pen + at.xOffset * k] });
          pen += at.xAdvance * k + style.letterSpacing;
        }
      });
    }
    return pen;
  };
  return {
    line: (text) => {
      const glyphs: PlacedGlyph[] = [];
      return { glyphs, advance: set(text, glyphs) };
    },
    advance: (text) => set(text),
    ascent: primary.ascent * unit,
    descent: primary.descent * unit,
    normalLineHeight: (primary.ascent - primary.descent + primary.lineGap) * unit,
  };
}

interface Run {
  text: string;
  font: Font;
  upright: boolean;
}

/** Stretches of `text` in one font and one orientation; characters no font covers are left out. */
function runs(text: string, fontOf: (char: string) => Font | undefined, axis: Axis): Run[] {
  const out: Run[] = [];
  for (const char of Array.from(text)) {
    const font = fontOf(char);
    if (!font) continue;
    const upright = axis === 'vertical' && UPRIGHT.test(char);
    const last = out.at(-1);
    if (last && last.font === font && last.upright === upright) last.text += char;
    else out.push({ text: char, font, upright });
  }
  return out;
}
