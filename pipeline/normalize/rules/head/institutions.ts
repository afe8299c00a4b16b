/**
 * Institutions, as affiliations name them: universities, schools, institutes, party schools,
 * hospitals, offices. Bylines and affiliation lines both need to tell an institution from a name.
 */

/** Words that make a text an institution's name. */
export const INSTITUTION = /大学|大學|学院|學院|研究所|研究院|研究中心|中心|党校|黨校|科学院|科學院|委员会|委員會|学校|學校|医院|醫院|公司|集团|集團|协会|協會|出版社|[部局厅廳处處]$|办公室|辦公室|图书馆|圖書館/u;

/** How an institution's name ends (`…大学公共管理学院`, `…研究所`, `…学系`). */
const INSTITUTION_END = /(?:大学|大學|学院|學院|研究所|研究院|研究中心|中心|党校|黨校|科学院|科學院|[学學]系|学校|學校|医院|醫院|图书馆|圖書館|委员会|委員會|[学學]部)$/u;

/** A line that is nothing but institutions' names (`國立成功大學老年學研究所`, `甲大学；乙学院`). */
export function isInstitutionList(text: string): boolean {
  const parts = text.trim().split(/[\s,，;；、]+/u).filter(Boolean);
  return parts.length > 0 && parts.length <= 4 && [...text.trim()].length <= 60 && parts.every((p) => INSTITUTION_END.test(p) && [...p].length >= 4);
}

/** Where an institution's name may end inside a longer text (`…学院教授`): the same words, and offices. */
const INSTITUTION_ENDS = new RegExp(`(?:${INSTITUTION_END.source.slice(3, -2)}|(?<=\\p{Script=Han})系(?![统統列数數])|政府|[局厅廳](?![长長])|公司|集[团團]|出版社|[报報]社|[杂雜][志誌]社|[协協][会會])`, 'gu');

/** `南江农业大学经济管理学院教授` → `南江农业大学经济管理学院`: the text up to its last institution word, if any. */
export function institutionOf(text: string): string | undefined {
  let end = -1;
  for (const match of text.matchAll(INSTITUTION_ENDS)) end = match.index + match[0].length;
  const name = end > 0 ? text.slice(0, end).trim() : '';
  return [...name].length >= 4 ? name : undefined;
}
