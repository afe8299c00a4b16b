/**
 * Chromium names structure elements that others refer to (table headers) after
 * its DOM node ids, which are handed out as nodes are first painted: under load
 * a screen paint can take some before the print, so both the numbers and their
 * order change from one run to the next. They only have to be unique and
 * consistent, so they are numbered again in the order the structure tree first
 * names them (document order, the same on every run): /ID and /Headers alike,
 * and the /IDTree, a name tree, sorted again under its new keys.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFObject, PDFRef, PDFString } from 'pdf-lib';

const PATTERN = /^node(\d+)$/;

export function stableStructureIds(pdf: PDFDocument): void {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return;
  const lookup = (object: PDFObject | undefined) => (object instanceof PDFRef ? pdf.context.lookup(object) : object);
  const renamed = new Map<string, string>();
  const rename = (text: string) => {
    let name = renamed.get(text);
    if (name === undefined) renamed.set(text, (name = `node${String(renamed.size + 1).padStart(8, '0')}`));
    return name;
  };
  const seen = new Set<PDFObject>();
  // Not into pages or content (the parent and page links lead out of the tree), nor the name tree, done below. (pdf-lib keeps one PDFName per name.)
  const skip = new Set(['P', 'Pg', 'Obj', 'Stm', 'ParentTree', 'IDTree'].map((name) => PDFName.of(name)));
  const visit = (object: PDFObject | undefined) => {
    const value = lookup(object);
    if (!value || seen.has(value)) return;
    seen.add(value);
    const check = (item: PDFObject, put: (string: PDFString) => void) => {
      const text = item instanceof PDFString || item instanceof PDFHexString ? item.decodeText() : undefined;
      if (text === undefined) visit(item);
      else if (PATTERN.test(text)) put(PDFString.of(rename(text)));
    };
    if (value instanceof PDFDict) {
      for (const [key, item] of value.entries()) if (!skip.has(key)) check(item, (string) => value.set(key, string));
    } else if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) check(value.get(i), (string) => value.set(i, string));
    }
  };
  visit(root);
  const tree = lookup(root.get(PDFName.of('IDTree')));
  if (tree instanceof PDFDict) resortNameTree(tree, lookup, rename);
}

/**
 * The name tree's keys renamed, and its entries sorted by them again: each
 * leaf keeps as many entries as it had, in order, and every node's /Limits is
 * set to the keys it now spans.
 */
function resortNameTree(tree: PDFDict, lookup: (object: PDFObject | undefined) => PDFObject | undefined, rename: (text: string) => string): void {
  const leaves: PDFArray[] = [];
  const collect = (node: PDFDict) => {
    const names = lookup(node.get(PDFName.of('Names')));
    if (names instanceof PDFArray) leaves.push(names);
    const kids = lookup(node.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) if (lookup(kids.get(i)) instanceof PDFDict) collect(lookup(kids.get(i)) as PDFDict);
  };
  collect(tree);
  const entries: { key: string; value: PDFObject }[] = [];
  for (const names of leaves) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.get(i);
      const text = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : '';
      entries.push({ key: PATTERN.test(text) ? rename(text) : text, value: names.get(i + 1) });
    }
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let next = 0;
  for (const names of leaves) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const { key, value } = entries[next++]!;
      names.set(i, PDFString.of(key));
      names.set(i + 1, value);
    }
  }
  const limits = (node: PDFDict): [string, string] | undefined => {
    const spans: [string, string][] = [];
    const names = lookup(node.get(PDFName.of('Names')));
    if (names instanceof PDFArray && names.size() >= 2) {
      spans.push([(names.get(0) as PDFString).decodeText(), (names.get(names.size() - 2) as PDFString).decodeText()]);
    }
    const kids = lookup(node.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) {
      for (let i = 0; i < kids.size(); i++) {
        const kid = lookup(kids.get(i));
        const span = kid instanceof PDFDict ? limits(kid) : undefined;
        if (span) spans.push(span);
      }
    }
    if (!spans.length) return undefined;
    const span: [string, string] = [spans[0]![0], spans.at(-1)![1]];
    // The root of a name tree has no /Limits; every other node that had them gets its new span.
    const own = lookup(node.get(PDFName.of('Limits')));
    if (own instanceof PDFArray && own.size() === 2) {
      own.set(0, PDFString.of(span[0]));
      own.set(1, PDFString.of(span[1]));
    }
    return span;
  };
  limits(tree);
}
