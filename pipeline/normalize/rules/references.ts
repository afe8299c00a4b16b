/**
 * references: a journal article's reference list. Its header (参考文献, References) becomes a
 * heading, so that the list is in the outline, the table of contents and the PDF's bookmarks.
 * Entries in the form of GB/T 7714, the Chinese standard for references, keep their
 * punctuation as found: the standard sets them with Western marks
 * (`王名.社会组织与社会治理[M].北京:社会科学文献出版社,2014.`), which the punctuation rule
 * would otherwise widen in some places and not others.
 */

const REFERENCES_HEADER = /^\s*(?:參考文獻|参考文献|參考資料|参考资料|引用文獻|引用文献|注釋|注释|references|bibliography|works cited)\s*[:：]?\s*$/iu;

/** GB/T 7714's document-type marks: [M] book, [J] journal article, [D] thesis, [C] proceedings… and their online forms ([EB/OL], [J/OL]). */
const TYPE_MARK = /\[(?:[ACDGJKMNPRSZ]|DB|CP|EB)(?:\/(?:OL|CD|DK|MT))?\]/u;
const YEAR = /(?:1[5-9]|20)\d\d/u;

/** An entry in GB/T 7714's form, wherever it stands (a list, a `引用本文` line): a document-type mark and a year. */
export function isStandardEntry(text: string): boolean {
  return text.includes('[') && TYPE_MARK.test(text) && YEAR.test(text);
}

/** The header of a reference list, its colon left out (`参考文献：` → `参考文献`); undefined for any other line. */
export function referencesHeader(text: string): string | undefined {
  return REFERENCES_HEADER.test(text) ? text.trim().replace(/[:：]$/u, '').trim() : undefined;
}
