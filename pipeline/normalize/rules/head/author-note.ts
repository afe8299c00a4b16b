/**
 * The note at the end of an article saying who its author is: `（作者系南江大学经济管理学院教授）`,
 * `（作者为…副教授）`, `(作者分别系…教授、…讲师)`, `作者简介：王明，…研究员。`. It is the author's
 * biography, and the institutions it names are the affiliations; both go to front matter.
 */
import { sliceLine, trimLine, type Line } from '../../lines.ts';
import type { Field } from './labels.ts';
import { institutionOf } from './institutions.ts';

/** The note, bracketed (with no sentence inside) or a labelled line of one or two sentences. */
const AUTHOR_NOTE = /^\s*(?:[（(]\s*((?:本文)?作者(?:分[别別])?[系为為是][^（()）。！？]{2,80})\s*[。.]?\s*[)）]|((?:本文)?作者(?:分[别別])?[系为為][^（()）。！？]{2,60}[。.]?)|作者[简簡]介\s*[:：]\s*([^（()）]{2,120}?[。.]?))\s*$/u;

/** What a note says its author is, at its end: a rank, a role, a calling. */
const WHO = /(?:教授|[讲講]师|[讲講]師|研究[员員]|博士(?:生|后|後|研究生)?|[硕碩]士(?:生|研究生)?|研究生|[学學]者|院[长長]|主任|[书書][记記]|[记記]者|[编編][辑輯]|[评評][论論][员員]|媒[体體]人|[专專]家|律[师師]|[医醫]生|教[师師]|校[长長]|局[长長]|作家|工程[师師]|[干幹]部|委[员員]|成[员員]|[会會][长長]|理事|[顾顧][问問]|[导導][师師]|[学學]生)$/u;

/** The note's biography and affiliations as head fields, or undefined when the line is not one. */
export function readAuthorNote(line: Line): Field[] | undefined {
  if (!line.text.includes('作者')) return undefined;
  const match = AUTHOR_NOTE.exec(line.text);
  const text = match?.[1] ?? match?.[2] ?? match?.[3];
  if (!match || text === undefined || (match[3] !== undefined && (text.match(/[。.]/gu)?.length ?? 0) > 2)) return undefined;
  // `作者系统地分析了…`: a note says what the author is, so it ends with a rank, a role or an institution.
  const said = text.replace(/[。.]$/u, '');
  if (match[3] === undefined && !WHO.test(said) && institutionOf(said) !== said) return undefined;
  const at = line.text.indexOf(text);
  const note = trimLine(sliceLine(line, at, at + text.length));
  const fields: Field[] = [{ kind: 'biography', label: '', value: note }];
  // `作者分别系甲大学教授、乙学院讲师`: one institution for each author.
  const who = /^(?:本文)?作者(?:分[别別])?[系为為是]/u.exec(note.text)?.[0].length ?? 0;
  let from = who;
  for (const part of note.text.slice(who).split(/[、，,；;]/u)) {
    const name = institutionOf(part);
    const start = note.text.indexOf(part, from);
    from = start + part.length;
    if (name) fields.push({ kind: 'affiliation', label: '', value: trimLine(sliceLine(note, start, start + name.length)) });
  }
  return fields;
}
