/**
 * galley's own cover: publication at the head, the title balanced over as few
 * lines as fit, a rule, the authors, and the imprint at the foot, inside a
 * coloured border. Drawn as an SVG of glyph outlines, laid out here rather than
 * by a browser. A vertical book gets a vertical cover, set right to left.
 */
import type { Element } from 'xast';
import { x } from 'xastscript';
import type { DocumentMeta } from '../../../types.ts';
import { publicationLine } from '../../../render/blocks.ts';
import { fontStack } from '../../../fonts/catalogue.ts';
import { xml } from '../../../render/serialize.ts';
import { labelsFor } from '../../../locale/labels.ts';
import { balancedLines } from './lines.ts';
import { typesetter, type Axis, type PlacedGlyph, type SetLine, type TextStyle, type Typesetter } from './type.ts';

export const COVER_WIDTH = 1200;
export const COVER_HEIGHT = 1800;

const BORDER = 28;
const PAPER = '#f4efe4';
const INK = '#2b2118';
const ACCENT = '#7a2e1f';
const RULE = { length: 240, thickness: 8, margin: 60 };
/** A title that needs more lines than this at full size is set smaller. */
const TITLE_MAX_LINES = 6;
const TITLE_MIN_SIZE = 48;

/** The content box: inside the border and the padding, in px. */
const BOX: Record<Axis, { left: number; right: number; top: number; bottom: number }> = {
  horizontal: { left: BORDER + 120, right: COVER_WIDTH - BORDER - 120, top: BORDER + 150, bottom: COVER_HEIGHT - BORDER - 130 },
  vertical: { left: BORDER + 150, right: COVER_WIDTH - BORDER - 150, top: BORDER + 130, bottom: COVER_HEIGHT - BORDER - 130 },
};

/** Lines of one text, set and ready to place. */
interface Block {
  lines: SetLine[];
  /** Height of each line box (width of each column, vertically). */
  lineHeight: number;
  /** Offset of the baseline from a line box's top; unused vertically. */
  baseline: number;
  fill: string;
}

/** The extent of a block across its lines: the sum of its line boxes. */
const depth = (block: Block) => block.lines.length * block.lineHeight;

async function setBlock(text: string, style: TextStyle, axis: Axis, measure: number, fill: string, lineHeight?: number): Promise<Block> {
  const type = await typesetter(style, axis, text);
  const lines = text.trim() ? balancedLines(text, (line) => type.advance(line), measure).map((line) => type.line(line)) : [];
  const height = lineHeight ?? type.normalLineHeight;
  return { lines, lineHeight: height, baseline: baselineIn(type, height), fill };
}

/** Where CSS puts the baseline in a line box: half the leading above the ascent. */
const baselineIn = (type: Typesetter, lineHeight: number) => (lineHeight - (type.ascent - type.descent)) / 2 + type.ascent;

/** The title, at full size if it fits in TITLE_MAX_LINES, smaller until it does. */
async function setTitle(text: string, families: string[], axis: Axis, measure: number): Promise<Block> {
  for (let size = 104; ; size = Math.max(TITLE_MIN_SIZE, Math.floor(size * 0.85))) {
    const block = await setBlock(text, { families, weight: 700, size, letterSpacing: 0 }, axis, measure, INK, size * 1.25);
    if (block.lines.length <= TITLE_MAX_LINES || size === TITLE_MIN_SIZE) return block;
  }
}

/** The cover of `meta` as an SVG document. */
export async function coverSvg(meta: DocumentMeta, axis: Axis): Promise<string> {
  const stack = fontStack(meta.lang);
  const box = BOX[axis];
  const measure = axis === 'horizontal' ? box.right - box.left : box.bottom - box.top;
  const blocks = {
    publication: await setBlock(publicationLine(meta), { families: stack.serif, weight: 400, size: 40, letterSpacing: 4.8 }, axis, measure, ACCENT),
    title: await setTitle(meta.title, stack.serif, axis, measure),
    authors: await setBlock(meta.authors.join(labelsFor(meta.lang).authorSeparator), { families: stack.serif, weight: 400, size: 52, letterSpacing: 0 }, axis, measure, INK),
    imprint: await setBlock('galley', { families: stack.sans, weight: 400, size: 30, letterSpacing: 9 }, axis, measure, ACCENT),
  };
  const marks = axis === 'horizontal' ? horizontal(blocks) : vertical(blocks);
  const svg = x('svg', { xmlns: 'http://www.w3.org/2000/svg', width: COVER_WIDTH, height: COVER_HEIGHT, viewBox: `0 0 ${COVER_WIDTH} ${COVER_HEIGHT}` }, [
    rect(0, 0, COVER_WIDTH, COVER_HEIGHT, ACCENT),
    rect(BORDER, BORDER, COVER_WIDTH - 2 * BORDER, COVER_HEIGHT - 2 * BORDER, PAPER),
    ...marks,
  ]);
  return xml(svg);
}

type Blocks = Record<'publication' | 'title' | 'authors' | 'imprint', Block>;

/** Publication at the top, imprint at the bottom, title, rule and authors centred in the space between. */
function horizontal({ publication, title, authors, imprint }: Blocks): Element[] {
  const box = BOX.horizontal;
  const rule = RULE.margin * 2 + RULE.thickness;
  const middle = depth(title) + rule + depth(authors);
  const gap = (box.bottom - box.top - depth(publication) - middle - depth(imprint)) / 2;
  const titleTop = box.top + depth(publication) + gap;
  const ruleTop = titleTop + depth(title) + RULE.margin;
  return [
    ...rows(publication, box.left, box.top),
    ...rows(title, box.left, titleTop),
    rect(box.left, ruleTop, RULE.length, RULE.thickness, ACCENT),
    ...rows(authors, box.left, ruleTop + RULE.thickness + RULE.margin),
    ...rows(imprint, box.left, box.bottom - depth(imprint)),
  ];
}

/** Columns from the right: publication, title, rule, authors, then the imprint at the foot. */
function vertical({ publication, title, authors, imprint }: Blocks): Element[] {
  const box = BOX.vertical;
  let right = box.right;
  const next = (block: Block) => {
    const marks = columns(block, right, box.top);
    right -= depth(block);
    return marks;
  };
  const marks = [...next(publication), ...next(title)];
  right -= RULE.margin + RULE.thickness;
  marks.push(rect(right, box.top, RULE.thickness, RULE.length, ACCENT));
  right -= RULE.margin;
  marks.push(...next(authors));
  const imprintLength = Math.max(0, ...imprint.lines.map((line) => line.advance));
  marks.push(...columns(imprint, right, box.bottom - imprintLength));
  return marks;
}

/** Horizontal lines of a block, its first line box's top at `top`. */
function rows(block: Block, left: number, top: number): Element[] {
  return block.lines.map((line, i) => glyphGroup(line.glyphs, left, top + i * block.lineHeight + block.baseline, block.fill));
}

/** Vertical lines of a block, right to left from `right`, each starting at `top`. */
function columns(block: Block, right: number, top: number): Element[] {
  return block.lines.map((line, i) => glyphGroup(line.glyphs, right - (i + 0.5) * block.lineHeight, top, block.fill));
}

function glyphGroup(glyphs: PlacedGlyph[], left: number, top: number, fill: string): Element {
  const paths = glyphs.map(({ d, matrix: [a, b, c, dd, e, f] }) => x('path', { transform: `matrix(${[a, b, c, dd, e + left, f + top].map(num).join(' ')})`, d }));
  return x('g', { fill }, paths);
}

function rect(left: number, top: number, width: number, height: number, fill: string): Element {
  return x('rect', { x: left ? num(left) : undefined, y: top ? num(top) : undefined, width: num(width), height: num(height), fill });
}

/** Numbers written to a fixed precision, so the same cover is the same text. */
const num = (n: number) => String(Math.round(n * 1000) / 1000);
