/**
 * The date some pages print after the text instead of above it: a Q&A answer's
 * `编辑于 2023-11-05 14:20`, a post's `发布于 2022-03-01・IP 属地浙江`. It is the
 * article's date when the head gave none.
 */
import { readDate, type DateValue } from './labels.ts';

/** `编辑于`, `發佈於`, `更新于`: when the text was written or last changed. */
const LABEL = /^\s*(?:[编編][辑輯]|[发發][布佈表]|更新|修改)[于於]\s*/u;
/** What may follow the date: the place the post was sent from. */
const PLACE = /^\s*(?:[・·|｜]\s*)?(?:IP\s*[属屬]地\s*)?\S{0,8}\s*$/u;

/** The date of a closing `编辑于 …` line, or undefined when the line is anything more. */
export function readEndDate(text: string): DateValue | undefined {
  const label = LABEL.exec(text);
  if (!label) return undefined;
  const rest = text.slice(label[0].length);
  const date = readDate(rest);
  if (!date || date.start !== 0 || !PLACE.test(rest.slice(date.end))) return undefined;
  return date;
}
