/**
 * What a site sets before a title behind a bar: its column (`深读丨…`, `城市更新｜…`) or, for a talk or
 * an interview, the speaker's name (`陈立群丨社区工作者的三项基本功`). Neither is the title; the name is
 * the author when the head names none.
 */
import { sliceLine, trimLine, type Line } from '../../lines.ts';
import { isDictionaryWord, readByline } from './names.ts';

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
