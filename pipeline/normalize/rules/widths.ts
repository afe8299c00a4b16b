/**
 * Marks and letters in the wrong width, part of the punctuation rule (run first, so the other
 * marks see them as they will be): the half-width and small forms of Chinese marks that legacy
 * encodings and some converters leave (`｡` `､` `﹐` `﹔`) take their full forms, and full-width
 * Latin letters and digits (`２０２３年`, `ＧＤＰ`, `５．２％`) become ASCII, as Chinese
 * typesetting sets them; the point between two such digits goes with them.
 */
import type { Edit } from '../lines.ts';

/** Each half-width or small form, and the full-width mark it stands for. */
const FULL_FORMS: Record<string, string> = {
  '｡': '。', '､': '、', '｢': '「', '｣': '」',
  '﹐': '，', '﹑': '、', '﹒': '。', '﹔': '；', '﹕': '：', '﹖': '？', '﹗': '！', '﹙': '（', '﹚': '）', '﹝': '〔', '﹞': '〕',
};
const SMALL_OR_HALF = /[｡､｢｣﹐﹑﹒﹔﹕﹖﹗﹙﹚﹝﹞]/gu;
/** Full-width digits and Latin letters, with a full-width point inside a number (`５．２`). */
const WIDE_ALPHANUMERIC = /[０-９Ａ-Ｚａ-ｚ]+(?:．[０-９]+)*/gu;

const narrow = (run: string) => run.replace(/[０-９Ａ-Ｚａ-ｚ．]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

export function widthEdits(text: string): Edit[] {
  if (!/[\uff10-\uff5a\uff61-\uff64\ufe50-\ufe5e]/u.test(text)) return [];
  const edits: Edit[] = [];
  for (const match of text.matchAll(SMALL_OR_HALF)) {
    edits.push({ start: match.index, end: match.index + 1, replacement: FULL_FORMS[match[0]]!, reason: `Use the full form ${FULL_FORMS[match[0]]} of a Chinese mark` });
  }
  for (const match of text.matchAll(WIDE_ALPHANUMERIC)) {
    edits.push({ start: match.index, end: match.index + match[0].length, replacement: narrow(match[0]), reason: 'Use ASCII letters and digits, not full-width ones' });
  }
  return edits;
}
