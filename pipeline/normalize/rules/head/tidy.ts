/**
 * The head's fields once every line is read: the title again as the keywords, the title printed
 * again under its standfirst, an issue printed in parts, and affiliations printed twice.
 */
import { originAt, report, type Line, type Reporter } from '../../lines.ts';
import { removed } from '../boilerplate.ts';
import { splitAffiliations } from './classify.ts';
import type { HeaderFields } from './fields.ts';
import { RULE_ID } from './keywords.ts';
import { cleanTitle } from './title-marks.ts';

/** How many of the body's first lines may repeat the title. */
const REPEAT_REACH = 3;

/**
 * `總編周記：新聞人才孵化器` again after the dek, over the photo: a page that sets the title above
 * its standfirst and again above the text. Only a line that is the title and nothing else goes.
 */
export function dropRepeatedTitle(lines: Line[], from: number, taken: Set<number>, title: string, reporter: Reporter | undefined): void {
  let seen = 0;
  for (let i = from; i < lines.length && seen < REPEAT_REACH; i++) {
    const text = lines[i]!.text.trim();
    if (text === '' || taken.has(i)) continue;
    seen++;
    if (cleanTitle(text).title !== title) continue;
    removed(reporter, lines[i]!, 'Remove title printed again');
    taken.add(i);
  }
}

/** Letters and digits only: a title and a keyword compared whatever the width of their marks. */
const bare = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '');

/** A site that fills the keywords line with the article's title (`关键词：` and the title again): that is no keyword. */
export function dropTitleKeywords(fields: HeaderFields, reporter: Reporter | undefined): void {
  const title = fields.title && bare(fields.title.text);
  if (!title) return;
  // `关键词：5MB小字体的架构:WenQuanYi Micro Hei解析`: the title again, split at its spaces.
  const whole = fields.keywords.length > 1 && bare(fields.keywords.map((k) => k.text).join('')) === title;
  fields.keywords = fields.keywords.filter((keyword) => {
    if (!whole && bare(keyword.text) !== title) return true;
    if (reporter) report(reporter, originAt(keyword, 0), RULE_ID, `Remove keyword “${keyword.text}”: it is the page's title`, keyword.text, '', 'warning');
    return false;
  });
}

/** `【年份】2021` `【卷号】35` `【期号】第4期` printed apart are one issue, `2021年第35卷第4期`. */
export function joinIssue(fields: HeaderFields): void {
  const { year, volume } = fields;
  if (!year && !volume) return;
  const issue = fields.issue ?? '';
  const parts = [
    year && !/\d{4}/u.test(issue) ? `${year}年` : '',
    volume && !/卷/u.test(issue) ? `第${volume}卷` : '',
    issue && volume && !/^第/u.test(issue) ? `第${issue.replace(/^\D*/u, '')}` : issue,
  ];
  fields.issue = parts.join('');
  if (year && !fields.date) fields.date = year;
}

/** An affiliation's institution, without its place and postcode: what two copies of it share. */
const institution = (text: string) => text.replace(/^[.．、\s]+/u, '').split(/[,，\s]/u)[0]!;

/**
 * `陳壽根 顧國慶(.江蘇…學院,江蘇常州347;…)` above the title and `(1.江蘇…學院,江蘇常州213147;…)` below it:
 * the head printed twice, the first copy with its numbers lost. Each list is split into its
 * institutions, and of two copies of one the one with a whole postcode is kept.
 */
export function tidyAffiliations(fields: HeaderFields): void {
  const kept: string[] = [];
  for (const entry of fields.affiliations.flatMap((a) => splitAffiliations(a))) {
    const part = entry.replace(/^[.．、\s]+/u, '');
    const twin = kept.findIndex((k) => institution(k) === institution(part));
    if (twin === -1) kept.push(part);
    else if (!/\d{6}/u.test(kept[twin]!) && /\d{6}/u.test(part)) kept[twin] = part;
  }
  fields.affiliations = kept;
}
