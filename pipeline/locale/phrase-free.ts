/**
 * The script rule converts a short window around each stray character to the other script and
 * back with opencc, phrase by phrase. Most windows hold no phrase that changes anything beyond
 * what each character gives alone: then the round trip is a character-by-character lookup. This
 * module answers it that way, with the same output, and says when it cannot (the window holds
 * a phrase whose reading of one of its characters differs from that character's own), so that
 * opencc converts only those windows.
 *
 * Why it is exact: at every stage opencc replaces the longest dictionary key starting at each
 * position it reaches (keys and values have the same length, checked below). A character's
 * output is its own entry's value unless a longer key covering it is matched; such a key
 * changes that character differently only if it is one of the character's "deviant" keys, and
 * it can be matched only where it occurs in the text. No deviant key occurring means the
 * lookup's answer. Precomputed from opencc's dictionaries (precomputed.ts).
 */
import { chainStages, type Dict, type Direction } from './opencc.ts';
import { precomputed } from '../precomputed.ts';

/**
 * One stage of a chain: the characters whose own entry changes them (`single`: the characters,
 * then their values, one each, as two strings), and each character's deviant keys with its index
 * in them (`deviant`: "key index|key index|…"; keys hold neither a space nor a bar, as in opencc's
 * dictionaries). Strings, not objects and arrays: JSON.parse read the tables as objects in 13–17 ms, as strings in under 1.
 */
interface StageTable {
  single: [string, string];
  deviant: Record<string, string>;
}

/** Each direction's stages, or null when some entry would change a text's length (never with opencc's dictionaries). */
type Tables = Record<Direction, StageTable[]> | null;

function entries(dict: Dict): [string, string][] {
  return typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ') as [string, string]) : dict;
}

function stageTable(group: Dict[]): StageTable | undefined {
  // As opencc's trie loads a group: the group's first dictionary wins, and in one dictionary the last entry.
  const map = new Map<string, string>();
  for (const dict of [...group].reverse()) for (const [key, value] of entries(dict)) if (key && value !== undefined) map.set(key, value);
  const singles: string[] = [];
  const singleValues: string[] = [];
  for (const [key, value] of map) {
    const keys = Array.from(key);
    const values = Array.from(value);
    if (keys.length !== values.length) return undefined;
    if (keys.length === 1 && value !== key) {
      singles.push(key);
      singleValues.push(value);
    }
  }
  const deviant: Record<string, string[]> = {};
  for (const [key, value] of map) {
    const keys = Array.from(key);
    if (keys.length < 2) continue;
    const values = Array.from(value);
    keys.forEach((ch, at) => {
      if (values[at] !== (map.get(ch) ?? ch)) (deviant[ch] ??= []).push(`${key} ${at}`);
    });
  }
  return { single: [singles.join(''), singleValues.join('')], deviant: Object.fromEntries(Object.entries(deviant).map(([ch, keys]) => [ch, keys.join('|')])) };
}

export const phraseTables = precomputed('phrase-free', (): Tables => {
  const tables: Partial<Record<Direction, StageTable[]>> = {};
  for (const direction of ['toHans', 'toHant'] as const) {
    const stages = chainStages(direction).map(stageTable);
    if (stages.some((stage) => stage === undefined)) return null;
    tables[direction] = stages as StageTable[];
  }
  return tables as Record<Direction, StageTable[]>;
});

/** What a stage does to one character (by code point): its own value, and its deviant keys by the neighbour on the side they share. */
interface Entry {
  to: number;
  /** Left neighbour → deviant keys with the character's index in them (> 0). */
  left?: Map<number, [number[], number][]>;
  /** Right neighbour → deviant keys in which the character comes first. */
  right?: Map<number, [number[], number][]>;
}

/**
 * A stage ready for lookups, by code point: each character's entry is made the first time the
 * character is met (null for one the stage leaves alone), so a short text pays for few.
 */
class Stage {
  /** By code point: an array for the Basic Multilingual Plane (read for every character of every window), a map above it. */
  private readonly bmp: (Entry | null | undefined)[] = new Array(0x10000);
  private readonly astral = new Map<number, Entry | null>();
  /** The characters whose own entry changes them, with their values. */
  private readonly single = new Map<number, number>();
  constructor(private readonly table: StageTable) {
    const values = Array.from(table.single[1], (c) => c.codePointAt(0)!);
    Array.from(table.single[0], (c, i) => this.single.set(c.codePointAt(0)!, values[i]!));
  }

  get(code: number): Entry | null {
    let entry = code < 0x10000 ? this.bmp[code] : this.astral.get(code);
    if (entry === undefined) {
      const to = this.single.get(code);
      const deviant = this.table.deviant[String.fromCodePoint(code)];
      entry = to === undefined && deviant === undefined ? null : { to: to ?? code };
      for (const item of deviant?.split('|') ?? []) {
        const space = item.lastIndexOf(' ');
        const at = Number(item.slice(space + 1));
        const chars = Array.from(item.slice(0, space), (c) => c.codePointAt(0)!);
        const side = at > 0 ? (entry!.left ??= new Map()) : (entry!.right ??= new Map());
        const neighbour = at > 0 ? chars[at - 1]! : chars[1]!;
        const list = side.get(neighbour);
        if (list) list.push([chars, at]);
        else side.set(neighbour, [[chars, at]]);
      }
      if (code < 0x10000) this.bmp[code] = entry;
      else this.astral.set(code, entry);
    }
    return entry;
  }
}

let stages: Record<Direction, Stage[]> | null | undefined;

function loaded(): Record<Direction, Stage[]> | null {
  if (stages === undefined) {
    const tables = phraseTables.get();
    stages = tables && { toHans: tables.toHans.map((t) => new Stage(t)), toHant: tables.toHant.map((t) => new Stage(t)) };
  }
  return stages;
}

/** Whether one of the keys occurs in the first `length` codes of `text` with its character at index `i`. */
function occurs(keys: [number[], number][] | undefined, text: Int32Array, length: number, i: number): boolean {
  if (!keys) return false;
  for (const [key, at] of keys) {
    const start = i - at;
    if (start < 0 || start + key.length > length) continue;
    let k = 0;
    while (k < key.length && text[start + k] === key[k]) k++;
    if (k === key.length) return true;
  }
  return false;
}

/** Ideographic description characters (U+2FF0–U+2FFF): opencc skips the sequence they open, unconverted. */
const isIds = (code: number) => code >= 0x2ff0 && code <= 0x2fff;

/**
 * Two buffers the stages write in turn, grown as needed: a long page converts tens of
 * thousands of windows, and an array per stage per window was a tenth of normalize's garbage.
 */
let buffers: Int32Array[] = [new Int32Array(64), new Int32Array(64)];

/** The window's code points in the first buffer (a string window has one UTF-16 unit per character). */
function load(window: string | string[]): Int32Array {
  if (buffers[0]!.length < window.length) buffers = [new Int32Array(window.length * 2), new Int32Array(window.length * 2)];
  const codes = buffers[0]!;
  if (typeof window === 'string') for (let i = 0; i < window.length; i++) codes[i] = window.charCodeAt(i);
  else for (let i = 0; i < window.length; i++) codes[i] = window[i]!.codePointAt(0)!;
  return codes;
}

/**
 * `window` (its characters) converted through `directions` in turn, as opencc's converters
 * would convert it, or undefined when a phrase in it might change the answer. The codes come
 * back as a view of a buffer that the next call overwrites: read them before converting another window.
 */
export function phraseFreeConvert(window: string | string[], directions: Direction[]): Int32Array | undefined {
  const chains = loaded();
  if (!chains) return undefined;
  const length = window.length;
  let text: Int32Array = load(window);
  for (let i = 0; i < length; i++) if (isIds(text[i]!)) return undefined;
  let out = buffers[1]!;
  for (const direction of directions) {
    for (const stage of chains[direction]) {
      for (let i = 0; i < length; i++) {
        const code = text[i]!;
        const entry = stage.get(code);
        if (!entry) {
          out[i] = code;
          continue;
        }
        if (entry.left && i > 0 && occurs(entry.left.get(text[i - 1]!), text, length, i)) return undefined;
        if (entry.right && i + 1 < length && occurs(entry.right.get(text[i + 1]!), text, length, i)) return undefined;
        out[i] = entry.to;
      }
      [text, out] = [out, text];
    }
  }
  return text.subarray(0, length);
}
