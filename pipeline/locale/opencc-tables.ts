/**
 * opencc's dictionaries as sorted tables, written at compile time
 * (dist/data/opencc-tables.bin: offsets as 32-bit integers, keys and values as
 * UTF-16 text) and read as they are: no dictionary text to decode from UTF-8
 * and split, no order to sort or parse from JSON. Each table's keys are unique
 * (a key listed twice keeps its last entry, as opencc's trie loads a
 * dictionary) and sorted by UTF-16 units, so the entries whose key occurs in a
 * text are found by binary search (keysIn), which is how converterFor()
 * (opencc.ts) builds a converter for one text from only those entries.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from '../precomputed.ts';

/** An opencc dictionary: "key value|key value|…", or pairs. */
export type Dict = string | [string, string][];

/** A chain as opencc's configs give it: each group a list of dictionaries. */
export interface ChainConfig {
  normalizationChain?: Dict[][];
  segmentation?: Dict[];
  conversionChain: Dict[][];
}

/**
 * One dictionary, its keys unique and sorted by UTF-16 units: entry i's key is
 * text[at[2i], at[2i+1]) and its value text[at[2i+1], at[2i+2]).
 */
export interface Table {
  text: string;
  at: Int32Array;
}

/** A chain by table numbers. */
export interface Numbered {
  normalizationChain: number[][];
  segmentation?: number[];
  conversionChain: number[][];
}

/** The tables of every chain given, and each chain by table number. */
export interface Tables<D extends string> {
  tables: Table[];
  chains: Record<D, Numbered>;
}

/** A dictionary's entries with the key it keeps for each: the last one listed. */
function sortedTable(dict: Dict): Table {
  const pairs = typeof dict === 'string' ? dict.split('|').map((entry) => entry.split(' ') as [string, string]) : dict;
  const map = new Map<string, string>();
  for (const [key, value] of pairs) if (key && value !== undefined) map.set(key, value);
  // By UTF-16 units, as the search compares them (not localeCompare).
  const keys = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const at = new Int32Array(2 * keys.length + 1);
  const parts: string[] = [];
  let length = 0;
  keys.forEach((key, i) => {
    const value = map.get(key)!;
    at[2 * i] = length;
    at[2 * i + 1] = length + key.length;
    length += key.length + value.length;
    parts.push(key, value);
  });
  at[2 * keys.length] = length;
  return { text: parts.join(''), at };
}

/** Each distinct dictionary of the chains as a table, and the chains by table number. */
export function makeTables<D extends string>(configs: Record<D, ChainConfig>): Tables<D> {
  const numbers = new Map<Dict, number>();
  const tables: Table[] = [];
  const number = (dict: Dict) => {
    let n = numbers.get(dict);
    if (n === undefined) numbers.set(dict, (n = tables.push(sortedTable(dict)) - 1));
    return n;
  };
  const chains = {} as Record<D, Numbered>;
  for (const [name, { normalizationChain = [], segmentation, conversionChain }] of Object.entries(configs) as [D, ChainConfig][]) {
    chains[name] = {
      normalizationChain: normalizationChain.map((group) => group.map(number)),
      ...(segmentation ? { segmentation: segmentation.map(number) } : {}),
      conversionChain: conversionChain.map((group) => group.map(number)),
    };
  }
  return { tables, chains };
}

const FILE = join(DATA_DIR, 'opencc-tables.bin');

/**
 * The file: a 32-bit length, that many bytes of JSON (the chains, and each
 * table's entry count and text length), padded to 4 bytes; then each table's
 * offsets; then each table's text in UTF-16LE.
 */
export function writeTables(tables: Tables<string>, path = FILE): string {
  const head = Buffer.from(JSON.stringify({ chains: tables.chains, sizes: tables.tables.map(({ text, at }) => [at.length, text.length]) }));
  const headBytes = 4 + Math.ceil(head.length / 4) * 4;
  const parts: Buffer[] = [Buffer.alloc(headBytes)];
  parts[0]!.writeUInt32LE(head.length, 0);
  head.copy(parts[0]!, 4);
  for (const { at } of tables.tables) parts.push(Buffer.from(at.buffer, at.byteOffset, at.byteLength));
  for (const { text } of tables.tables) parts.push(Buffer.from(text, 'utf16le'));
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

/** The tables written by writeTables(), or undefined when there is no such file. */
export function readTables<D extends string>(path = FILE): Tables<D> | undefined {
  if (!existsSync(path)) return undefined;
  const file = readFileSync(path);
  const length = file.readUInt32LE(0);
  const { chains, sizes } = JSON.parse(file.toString('utf8', 4, 4 + length)) as { chains: Record<D, Numbered>; sizes: [number, number][] };
  // One aligned copy of the offsets: a file's Buffer may start anywhere in its memory.
  let offset = 4 + Math.ceil(length / 4) * 4;
  const count = sizes.reduce((sum, [entries]) => sum + entries, 0);
  const all = new Int32Array(count);
  new Uint8Array(all.buffer).set(file.subarray(offset, offset + count * 4));
  offset += count * 4;
  let from = 0;
  const tables = sizes.map(([entries, units]): Table => {
    const at = all.subarray(from, from + entries);
    from += entries;
    const text = file.toString('utf16le', offset, offset + units * 2);
    offset += units * 2;
    return { text, at };
  });
  return { tables, chains };
}

/** Entries of a table from this size on are found through an index by first unit (only STPhrases: the rest take a few steps). */
const INDEXED = 10_000;

const firstUnits = new WeakMap<Table, Int32Array>();

/** starts[u]: the first entry whose key begins with a unit of at least u (0 ≤ u ≤ 0x10000). */
function firstUnitIndex({ text, at }: Table): Int32Array {
  const count = (at.length - 1) / 2;
  const starts = new Int32Array(0x10001).fill(count);
  let unit = -1;
  for (let entry = 0; entry < count; entry++) {
    const first = text.charCodeAt(at[2 * entry]!);
    if (first === unit) continue;
    starts.fill(entry, unit + 1, first + 1);
    unit = first;
  }
  return starts;
}

/**
 * The entries of `table` whose whole key is spelled in `text` somewhere, in table order.
 * From each place in the text, the keys that begin with its next units are one run of the
 * table, narrowed unit by unit: each step is a binary search over the run left by the one before.
 */
export function keysIn(table: Table, text: string): number[] {
  const { text: units, at } = table;
  const count = (at.length - 1) / 2;
  const index = count >= INDEXED ? (firstUnits.get(table) ?? firstUnits.set(table, firstUnitIndex(table)).get(table)!) : undefined;
  const found = new Set<number>();
  /** The first entry of [lo, hi) whose unit at `k` is at least `unit` (every key there is longer than k). */
  const firstAtLeast = (lo: number, hi: number, k: number, unit: number) => {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (units.charCodeAt(at[2 * mid]! + k) < unit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let from = 0; from < text.length; from++) {
    let lo = 0;
    let hi = count;
    if (index) {
      const unit = text.charCodeAt(from);
      lo = index[unit]!;
      hi = index[unit + 1]!;
    }
    for (let length = index ? 1 : 0; lo < hi; ) {
      // Keys equal to text[from, from + length) sort first in the run: a key sorts after its prefixes.
      if (length > 0 && at[2 * lo + 1]! - at[2 * lo]! === length) found.add(lo++);
      if (from + length >= text.length) break;
      const unit = text.charCodeAt(from + length);
      lo = firstAtLeast(lo, hi, length, unit);
      hi = firstAtLeast(lo, hi, length, unit + 1);
      length++;
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** Entry `entry` of a table as a pair. */
export function entryOf({ text, at }: Table, entry: number): [string, string] {
  return [text.slice(at[2 * entry], at[2 * entry + 1]), text.slice(at[2 * entry + 1], at[2 * entry + 2])];
}
