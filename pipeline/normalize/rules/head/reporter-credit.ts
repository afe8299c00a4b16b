/**
 * The reporters a news story credits at the start of its first paragraph, in brackets:
 * `（记者 王明 通讯员 李华）五一前夕，…` (after its lead mark, already cut), or after a wire's dateline,
 * `新华社北京5月6日电（记者王明）…`. The names are the story's authors.
 */
import { sliceLine, trimLine, type Line } from '../../lines.ts';
import { readByline } from './names.ts';

const ROLE = '(?:本[报報台网網])?(?:特[约約])?(?:[记記]者|通[讯訊][员員]|[实實]習生|[实實]习生|[见見]習[记記]者|[见見]习[记記]者)';
/** The bracket, one or more roles each with its names, the bracket closing. */
const CREDIT = new RegExp(`^[（(]\\s*((?:${ROLE}\\s*[^\\s（()）。，！？：:]{2,4}(?:\\s*[、，,\\s]\\s*[^\\s（()）。，！？：:]{2,4})*\\s*)+)[)）]`, 'u');
const ROLES = new RegExp(ROLE, 'gu');
/** `新华社北京5月6日电`, `本报南江9月14日讯`: a wire's or a paper's dateline before the credit. */
const DATELINE = /^[\p{Script=Han}]{1,12}?\d{1,2}月\d{1,2}日(?:[电電]|[讯訊])\s*/u;

export interface ReporterCredit {
  names: Line[];
  /** Where the credit starts and ends in the line: the text the credit takes out. */
  start: number;
  end: number;
}

/** The credited reporters at the start of a paragraph, or undefined. */
export function readReporterCredit(line: Line): ReporterCredit | undefined {
  const text = line.text;
  if (!text.includes('者') && !text.includes('员') && !text.includes('員') && !text.includes('生')) return undefined;
  const lead = /^\s*/u.exec(text)![0].length;
  const dateline = DATELINE.exec(text.slice(lead))?.[0].length ?? 0;
  const start = lead + dateline;
  const match = CREDIT.exec(text.slice(start));
  if (!match) return undefined;
  const names: Line[] = [];
  const inner = sliceLine(line, start + match[0].indexOf(match[1]!), start + match[0].indexOf(match[1]!) + match[1]!.length);
  // Each role's names run to the next role.
  const roles = [...inner.text.matchAll(ROLES)];
  for (const [k, role] of roles.entries()) {
    const from = role.index + role[0].length;
    const to = roles[k + 1]?.index ?? inner.text.length;
    const part = trimLine(sliceLine(inner, from, to));
    const read = part.text === '' ? undefined : readByline(part);
    if (!read) return undefined;
    names.push(...read.names);
  }
  return names.length ? { names, start, end: start + match[0].length } : undefined;
}
