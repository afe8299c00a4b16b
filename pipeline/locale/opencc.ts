/**
 * opencc-js, required (not imported) on first use, so that nothing loads it
 * before a document converts or has stray characters to report
 * (script-index.ts answers the rest). Building its full converters parses
 * dictionaries into tries (most of a second on a busy machine); converterFor()
 * builds one for a given text from only the dictionary entries that occur in
 * it, with the same output, from the sorted tables of its two chains written
 * at compile time (opencc-tables.ts) and opencc's trie (its core, bundled):
 * the module itself is not loaded for it.
 */
import { createRequire } from 'node:module';
import { Trie as OpenCCTrie } from 'opencc-js/core';
import { mark } from '../trace.ts';
import { entryOf, keysIn, makeTables, readTables, writeTables, type ChainConfig, type Dict, type Table, type Tables } from './opencc-tables.ts';

export type { Dict };
type Convert = (text: string) => string;
type Pairs = [string, string][];
interface Trie {
  loadDictGroup(group: Pairs[]): void;
  segment(text: string): string[];
  convert(text: string): string;
}
interface OpenCCModule {
  Converter(options: { from: string; to: string }): Convert;
  ConverterFactory(...groups: Dict[][]): Convert;
  Locale: { configs: Record<string, ChainConfig> };
}

let library: OpenCCModule | undefined;
const openCC = () => (library ??= createRequire(import.meta.url)('opencc-js') as OpenCCModule);

const OPTIONS = { toHant: { from: 'cn', to: 'tw', config: 's2tw' }, toHans: { from: 'tw', to: 'cn', config: 'tw2s' } };
export type Direction = keyof typeof OPTIONS;
const cache: Partial<Record<Direction, Convert>> = {};

let tables: Tables<Direction> | undefined;

/** The tables of both directions' chains: as npm run compile wrote them, or made from opencc-js in a checkout never compiled. */
function chainTables(): Tables<Direction> {
  if (!tables) {
    tables = readTables<Direction>() ?? makeTables(ownConfigs());
    mark('opencc: tables read');
  }
  return tables;
}

/** The two chains from opencc-js itself. */
function ownConfigs(): Record<Direction, ChainConfig> {
  const { configs } = openCC().Locale;
  return { toHant: configs[OPTIONS.toHant.config]!, toHans: configs[OPTIONS.toHans.config]! };
}

/** Writes dist/data/opencc-tables.bin (see chainTables). */
export function writeChainTables(): string[] {
  return [writeTables(makeTables(ownConfigs()))];
}

/** Phrase-aware conversion to Traditional (Taiwan) or Simplified forms, the full converter; each direction built on first use. */
export function converter(direction: Direction): Convert {
  return (cache[direction] ??= openCC().Converter(OPTIONS[direction]));
}

export function converters(): { toHant: Convert; toHans: Convert } {
  return { toHant: converter('toHant'), toHans: converter('toHans') };
}

/** The entries of `table` whose key occurs in `text`. */
function entriesIn(table: Table, text: string): Pairs {
  return keysIn(table, text).map((entry) => entryOf(table, entry));
}

/**
 * A converter for `text` (and any part of it): opencc's own chain for the
 * direction (Locale.configs), its segmentation and first conversion stage
 * loaded with only the entries whose keys occur in the text. Longest-match
 * conversion never uses any other entry there, so the output is the full
 * converter's; later stages, which read the first stage's output, keep their
 * (small) dictionaries whole.
 */
export function converterFor(direction: Direction, text: string): Convert {
  // A long build converts enough text, document after document, for the full converter to pay
  // for itself: from then on it is used. One long text does not: it is scanned once either way.
  if (cache[direction] || converted[direction] > FULL_AFTER) return converter(direction);
  converted[direction] += text.length;
  const { tables, chains } = chainTables();
  const config = chains[direction];
  const of = (numbers: number[]) => numbers.map((n) => tables[n]!);
  // Normalization too, from the entries whose keys occur in the text: what they write is all it can write.
  const normalEntries = config.normalizationChain.map((group) => of(group).map((table) => entriesIn(table, text)));
  const normalTries = normalEntries.map((group) => trie(group));
  const normalize = (s: string) => normalTries.reduce((out, stage) => stage.convert(out), s);
  const normalValues = normalEntries.map(valuesOf).join('');
  const normal = normalize(text);
  // Segmentation and the first stage share their largest dictionaries (STPhrases): each is searched once.
  const found = new Map<Table, Pairs>();
  const inNormal = (table: Table) => found.get(table) ?? found.set(table, entriesIn(table, normal)).get(table)!;
  const segmentation = config.segmentation && trie(of(config.segmentation).map(inNormal));
  const firstEntries = of(config.conversionChain[0]!).map(inNormal);
  const chain = [trie(firstEntries)];
  // A later stage reads only characters of the text, of normalization and of the stages before it:
  // its entries spelled with any other character can never match, and are left out.
  let reach = new Set(text + normal + normalValues + valuesOf(firstEntries));
  for (const group of config.conversionChain.slice(1)) {
    const entries = of(group).map((table) => entriesWithin(table, reach));
    chain.push(trie(entries));
    reach = new Set([...reach, ...valuesOf(entries)]);
  }
  return (s) => {
    const input = normalize(s);
    const segments = segmentation ? segmentation.segment(input) : [input];
    return chain.reduce((parts, stage) => parts.map((part) => stage.convert(part)), segments).join('');
  };
}

/**
 * The direction's chain as opencc runs it, stage by stage: its normalization groups, then its
 * conversion groups, each a group of dictionaries (segmentation only splits the text, so it is left out).
 */
export function chainStages(direction: Direction): Dict[][] {
  const config = openCC().Locale.configs[OPTIONS[direction].config]!;
  return [...(config.normalizationChain ?? []), ...config.conversionChain];
}

/** Characters given to converterFor() in this process, by direction; past FULL_AFTER the full converter is built for the next. */
const converted: Record<Direction, number> = { toHant: 0, toHans: 0 };
const FULL_AFTER = 30_000;

/** The entries of `table` whose key is made only of characters in `reach`. */
function entriesWithin(table: Table, reach: Set<string>): Pairs {
  const { text, at } = table;
  const pairs: Pairs = [];
  for (let entry = 0; 2 * entry + 1 < at.length; entry++) {
    let inside = true;
    for (const ch of text.slice(at[2 * entry], at[2 * entry + 1])) if (!reach.has(ch)) inside = false;
    if (inside) pairs.push(entryOf(table, entry));
  }
  return pairs;
}

function valuesOf(groups: Pairs[]): string {
  return groups.map((pairs) => pairs.map(([, value]) => value).join('')).join('');
}

function trie(group: Pairs[]): Trie {
  const made: Trie = new OpenCCTrie();
  made.loadDictGroup(group);
  return made;
}

/**
 * Simplified to Hong Kong forms, built anew on each call and not kept: it is
 * wanted once, and its dictionaries hold 40 MB that every full garbage
 * collection of a long build would otherwise walk again.
 */
export function hongKongConverter(): Convert {
  return openCC().Converter({ from: 'cn', to: 'hk' });
}
