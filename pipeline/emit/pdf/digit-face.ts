/**
 * The contents' digits as a font of the PDF, without a font library at run
 * time: the metrics of each cut digit font (glyphs, advances, descriptor
 * values) are measured once, at compile time (digits.ts), and the font is
 * embedded as the Type 0 / CIDFontType2 font with Identity-H encoding that
 * pdf-lib's own embedder writes, from those numbers.
 */
import { createHash } from 'node:crypto';
import { PDFHexString, PDFRawStream, PDFString, type PDFContext, type PDFDocument, type PDFRef } from 'pdf-lib';

/** A digit font's metrics, in thousandths of an em. */
export interface DigitFace {
  name: string;
  /** Glyph id and advance width of 0 to 9. */
  glyphs: number[];
  widths: number[];
  bbox: [number, number, number, number];
  italicAngle: number;
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  /** FontDescriptor /Flags (PDF 1.7, 9.8.2). */
  flags: number;
}

/** The cut font and its metrics. */
export interface Digits {
  bytes: Uint8Array;
  face: DigitFace;
}

/** Measures a cut digit font with fontkit (at compile time, or when dist/data has no metrics). */
export async function measureDigits(bytes: Uint8Array): Promise<DigitFace> {
  const { default: fontkit } = await import('@pdf-lib/fontkit');
  const font = fontkit.create(bytes);
  const scale = 1000 / font.unitsPerEm;
  const run = font.layout('0123456789', { tnum: true });
  const familyClass = font['OS/2']?.sFamilyClass ?? 0;
  const flags = (font.post.isFixedPitch ? 1 : 0) | (familyClass >= 1 && familyClass <= 7 ? 2 : 0) | 4 | (familyClass === 10 ? 8 : 0) | (font.head.macStyle.italic ? 64 : 0);
  const { minX, minY, maxX, maxY } = font.bbox;
  return {
    name: font.postscriptName ?? 'Digits',
    glyphs: run.glyphs.map((glyph) => glyph.id),
    widths: run.positions.map((position) => position.xAdvance * scale),
    bbox: [minX * scale, minY * scale, maxX * scale, maxY * scale],
    italicAngle: font.italicAngle,
    ascent: font.ascent * scale,
    descent: font.descent * scale,
    capHeight: (font.capHeight || font.ascent) * scale,
    xHeight: (font.xHeight || 0) * scale,
    flags,
  };
}

export interface EmbeddedDigits {
  ref: PDFRef;
  /** Width of `text` (digits) at `size`, in points. */
  width: (text: string, size: number) => number;
  /** `text` (digits) as the font's glyph ids. */
  encode: (text: string) => PDFHexString;
}

/** Each font's streams, deflated once per process: the same bytes go into every document. */
const deflated = new WeakMap<Digits, Map<string, Uint8Array>>();

/** `contents` as a FlateDecode stream, as context.flateStream() makes it, deflated only the first time `digits` needs it. */
function flateOnce(context: PDFContext, digits: Digits, name: string, contents: Uint8Array | string, dict: Record<string, number> = {}): PDFRawStream {
  const streams = deflated.get(digits) ?? new Map<string, Uint8Array>();
  deflated.set(digits, streams);
  const known = streams.get(name);
  if (known) return context.stream(known, { ...dict, Filter: 'FlateDecode' });
  const stream = context.flateStream(contents, dict);
  streams.set(name, stream.contents);
  return stream;
}

export function embedDigits(pdf: PDFDocument, font: Digits): EmbeddedDigits {
  const { bytes, face } = font;
  const { context } = pdf;
  // A subset's name carries a six-letter tag (PDF 1.7, 9.6.4), here fixed by the font.
  const tag = [...createHash('sha256').update(face.name).digest().subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join('');
  const baseFont = `${tag}+${face.name}`;
  const file = context.register(flateOnce(context, font, 'file', bytes, { Length1: bytes.length }));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: face.flags,
      FontBBox: face.bbox,
      ItalicAngle: face.italicAngle,
      Ascent: face.ascent,
      Descent: face.descent,
      CapHeight: face.capHeight,
      XHeight: face.xHeight,
      StemV: 0,
      FontFile2: file,
    }),
  );
  const widths = face.glyphs.map((glyph, digit) => [glyph, face.widths[digit]!] as const).sort(([a], [b]) => a - b);
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      CIDToGIDMap: 'Identity',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: widths.flatMap(([glyph, width]) => [glyph, [width]]),
    }),
  );
  const hex4 = (n: number) => n.toString(16).padStart(4, '0');
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000><ffff>',
    'endcodespacerange',
    `${widths.length} beginbfchar`,
    ...face.glyphs.map((glyph, digit) => `<${hex4(glyph)}> <${hex4(0x30 + digit)}>`),
    'endbfchar',
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  const ref = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: context.register(flateOnce(context, font, 'toUnicode', toUnicode)),
    }),
  );
  const digits = (text: string) => [...text].map((c) => c.charCodeAt(0) - 0x30);
  return {
    ref,
    width: (text, size) => (digits(text).reduce((sum, d) => sum + face.widths[d]!, 0) * size) / 1000,
    encode: (text) => PDFHexString.of(digits(text).map((d) => hex4(face.glyphs[d]!)).join('')),
  };
}
