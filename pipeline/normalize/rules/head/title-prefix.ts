/**
 * What a site sets before a bar: before a title, its column (`深读丨…`, `城市更新｜…`) or, for a talk or
 * an interview, the speaker's name (`陈立群丨社区工作者的三项基本功`), neither of them the title (the name
 * is the author when the head names none); before an institution, the author (`周明远 | 南江师范大学教育学院`).
 */
import { sliceLine, trimLine, type Line } from '../../lines.ts';
import { isInstitutionList } from './institutions.ts';
import { isDictionaryWord, readByline, type Byline } from './names.ts';

/** Up to eight characters, then the bar (`丨` is the Han stroke sites use as one), then the title. */
const PREFIX = /^\s*([^\s丨｜|]{2,8})\s*[丨｜|]\s*(?=\S)/u;

/** The prefix's length with its bar, when what follows is a title of its own (four Han characters or words at least). */
export function titlePrefix(text: string): number | undefined {
  const match = text.includes('丨') || text.includes('｜') || text.includes('|') ? PREFIX.exec(text) : null;
  if (!match) return undefined;
  const rest = text.slice(match[0].length);
  const weight = (rest.match(/\p{Script=Han}/gu)?.length ?? 0) + (rest.match(/[A-Za-z]+/g)?.length ?? 0);
  return weight >= 4 && !/[丨｜|]/u.test(rest) ? match[0].length : undefined;
}

/** The speaker's name before the bar (a name no dictionary knows as a word), if the prefix is one. */
export function titlePrefixName(line: Line): Line | undefined {
  const length = titlePrefix(line.text);
  if (length === undefined) return undefined;
  const prefix = trimLine(sliceLine(line, 0, line.text.slice(0, length).search(/\s*[丨｜|]/u)));
  const names = readByline(prefix)?.names;
  return names?.length === 1 && names[0]!.text === prefix.text && !isDictionaryWord(prefix.text) ? names[0] : undefined;
}

/** `周明远 | 南江师范大学教育学院`, `韩立 徐雯｜南江大学公共管理学院`: names, a bar, and only institutions after it. */
export function readBarredByline(line: Line, known: string[]): Byline | undefined {
  const bar = line.text.includes('|') || line.text.includes('｜') || line.text.includes('丨') ? /\s*[丨｜|]\s*/u.exec(line.text) : null;
  if (!bar) return undefined;
  const institution = line.text.slice(bar.index + bar[0].length).trim();
  if (!isInstitutionList(institution)) return undefined;
  // The institution after the bar vouches for the names before it.
  const byline = readByline(line, 0, bar.index, known);
  if (!byline) return undefined;
  return { ...byline, affiliations: [...byline.affiliations, ...institution.split(/[\s,，;；、]+/u).filter(Boolean)] };
}
