/**
 * Table headers' structure ids (pipeline/emit/pdf/structure-ids.ts): Chromium
 * numbers them after DOM node ids, whose order changes with what was painted
 * before the print. The same structure named in another order must give the
 * same bytes, its /IDTree sorted and its /Limits right.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { stableStructureIds } from '../../pipeline/emit/pdf/structure-ids.ts';

/**
 * A table of `ids.length` header cells and one data cell that names them all,
 * the headers' ids as Chromium might have numbered them, and its name tree in
 * leaves of `perLeaf` entries, sorted by those numbers as Chromium sorts them.
 */
async function taggedPdf(ids: number[], perLeaf: number): Promise<PDFDocument> {
  // No creation and modification dates: three documents made a second apart must still compare equal.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.addPage();
  const { context } = pdf;
  const name = (n: number) => PDFString.of(`node${n}`);
  const headers = ids.map((id) => context.register(context.obj({ Type: 'StructElem', S: 'TH', ID: name(id) })));
  const cell = context.register(context.obj({ Type: 'StructElem', S: 'TD', A: { O: 'Table', Headers: ids.map(name) } }));
  const table = context.register(context.obj({ Type: 'StructElem', S: 'Table', K: [...headers, cell] }));
  const sorted = ids.map((id, i) => ({ id, ref: headers[i]! })).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const leaves: PDFRef[] = [];
  for (let at = 0; at < sorted.length; at += perLeaf) {
    const part = sorted.slice(at, at + perLeaf);
    leaves.push(context.register(context.obj({ Limits: [name(part[0]!.id), name(part.at(-1)!.id)], Names: part.flatMap((e) => [name(e.id), e.ref]) })));
  }
  const idTree = context.register(context.obj({ Kids: leaves }));
  pdf.catalog.set(PDFName.of('StructTreeRoot'), context.register(context.obj({ Type: 'StructTreeRoot', K: table, IDTree: idTree })));
  return pdf;
}

const text = (array: PDFArray) => array.asArray().map((item) => (item instanceof PDFString ? item.decodeText() : item.toString()));

describe('structure ids', () => {
  it('are the same whatever order Chromium numbered the headers in', async () => {
    const saved = [];
    for (const ids of [
      [7, 12, 30],
      [30, 12, 7],
      [12, 100, 9],
    ]) {
      const pdf = await taggedPdf(ids, 2);
      stableStructureIds(pdf);
      saved.push(Buffer.from(await pdf.save({ useObjectStreams: false })));
    }
    expect(saved[1]!.equals(saved[0]!)).toBe(true);
    expect(saved[2]!.equals(saved[0]!)).toBe(true);
  });

  it('numbers headers in document order, and the data cell names them so; the name tree is sorted, its limits right', async () => {
    const pdf = await taggedPdf([30, 12, 7, 21, 5], 2);
    stableStructureIds(pdf);
    const { context } = pdf;
    const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const table = root.lookup(PDFName.of('K'), PDFDict);
    const kids = table.lookup(PDFName.of('K'), PDFArray);
    const elements = kids.asArray().map((ref) => context.lookup(ref, PDFDict));
    const ids = elements.slice(0, 5).map((th) => th.lookup(PDFName.of('ID'), PDFString).decodeText());
    expect(ids).toEqual(['node00000001', 'node00000002', 'node00000003', 'node00000004', 'node00000005']);
    expect(text(elements[5]!.lookup(PDFName.of('A'), PDFDict).lookup(PDFName.of('Headers'), PDFArray))).toEqual(ids);
    const leaves = root.lookup(PDFName.of('IDTree'), PDFDict).lookup(PDFName.of('Kids'), PDFArray).asArray().map((ref) => context.lookup(ref, PDFDict));
    const names = leaves.flatMap((leaf) => leaf.lookup(PDFName.of('Names'), PDFArray).asArray());
    // Each key leads to the element that has it as its /ID.
    for (let i = 0; i < names.length; i += 2) {
      const key = (names[i] as PDFString).decodeText();
      expect(context.lookup(names[i + 1]!, PDFDict).lookup(PDFName.of('ID'), PDFString).decodeText()).toBe(key);
      expect(key).toBe(ids[i / 2]);
    }
    expect(leaves.map((leaf) => text(leaf.lookup(PDFName.of('Limits'), PDFArray)))).toEqual([
      ['node00000001', 'node00000002'],
      ['node00000003', 'node00000004'],
      ['node00000005', 'node00000005'],
    ]);
  });
});
