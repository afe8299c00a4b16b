/**
 * The contents' digit font is deflated once per process and the same bytes
 * go into every PDF: each document still gets a font file that inflates to
 * the cut digits and a ToUnicode map of the ten digits, and the documents of
 * a build are the same bytes whichever was embedded first.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { digitsOf } from '../../pipeline/emit/pdf/digits.ts';
import { embedDigits } from '../../pipeline/emit/pdf/digit-face.ts';

async function documentWithDigits(digits: NonNullable<Awaited<ReturnType<typeof digitsOf>>>) {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.addPage();
  const embedded = embedDigits(pdf, digits);
  return { pdf, embedded, bytes: await pdf.save({ useObjectStreams: false }) };
}

/** The inflated contents of the stream at `key` of `dict`. */
function inflated(pdf: PDFDocument, dict: PDFDict, key: string): Buffer {
  const stream = pdf.context.lookup(dict.get(PDFName.of(key)) as PDFRef);
  if (!(stream instanceof PDFRawStream)) throw new Error(`${key} is not a stream`);
  expect(stream.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'));
  return inflateSync(stream.contents);
}

describe('the contents digit font', () => {
  for (const key of ['noto-sans/400', 'noto-serif/700']) {
    it(`is embedded whole in every document (${key})`, async () => {
      const digits = (await digitsOf(key))!;
      expect(digits).toBeDefined();
      const [first, second, third] = [await documentWithDigits(digits), await documentWithDigits(digits), await documentWithDigits(digits)];
      expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
      expect(Buffer.from(third.bytes).equals(Buffer.from(first.bytes))).toBe(true);
      for (const { bytes } of [first, third]) {
        const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
        const font = pdf.context.lookup(first.embedded.ref, PDFDict);
        const cid = pdf.context.lookup(font.lookup(PDFName.of('DescendantFonts'), PDFArray).get(0) as PDFRef, PDFDict);
        const descriptor = pdf.context.lookup(cid.get(PDFName.of('FontDescriptor')) as PDFRef, PDFDict);
        expect(inflated(pdf, descriptor, 'FontFile2').equals(Buffer.from(digits.bytes))).toBe(true);
        const cmap = inflated(pdf, font, 'ToUnicode').toString('latin1');
        expect(cmap).toContain('10 beginbfchar');
        for (let digit = 0; digit < 10; digit++) expect(cmap).toContain(` <${(0x30 + digit).toString(16).padStart(4, '0')}>`);
      }
    });
  }
});
