/**
 * opencc-js, required (not imported) on first use, so that nothing loads it
 * before a document converts or has stray characters to report
 * (script-index.ts answers the rest). Building its full converters parses
 * dictionaries into tries (most of a second on a busy machine); converterFor()
 * builds one for a given text from only the dictionary entries that occur in
 * it, with the same output, from the dictionaries of its two chains written at
 * compile time (chainsOf) and opencc's trie (its core, bundled): the module
 * itself is not loaded for it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Trie as OpenCCTrie } from 'opencc-js/core';
import { DATA_DIR, precomputed } from '../precomputed.ts';
import { mark } from '../trace.ts';
import { keysIn, sortedStarts } from './key-order.ts';

type Convert = (text: string) => string;
type Pairs = [string, string][];
export type Dict = string | Pairs;
interface Trie {
  loadDictGroup(group: Dict[]): void;
  segment(text: string): string[];
  convert(text: string): string;
}
interface Config {
  normalizationChain?: Dict[][];
  segmentation?: Dict[];
  conversionChain: Dict[][];
}
interface OpenCCModule {
  Converter(options: { from: string; to: string }): Convert;
  ConverterFactory(...groups: Dict[][]): Convert;
  Locale: { configs: Record<string, Config> };
}

let library: OpenCCModule | undefined;
const openCC = () => (library ??= createRequire(import.meta.url)('opencc-js') as OpenCCModule);

const OPTIONS = { toHant: { from: 'cn', to: 'tw', config: 's2tw' }, toHans: { from: 'tw', to: 'cn', config: 'tw2s' } };
export type Direction = keyof typeof OPTIONS;
const cache: Partial<Record<Direction, Convert>> = {};

/**
 * The dictionaries of each direction's chain, as converterFor() reads them: from
 * dist/data/opencc-chains.txt, which indexes.ts writes at compile time (writeChains:
 * a line of JSON naming each stage's dictionaries by number, then the dictionaries,
 * one a line). opencc-js's module holds every locale's dictionaries in 1.2 MB of
 * JavaScript, and loading it was the largest part of a cold run's script rule.
 */
const CHAINS = join(DATA_DIR, 'opencc-chains.txt');

type Numbered = { normalizationChain?: number[][]; segmentation?: number[]; conversionChain: number[][] };

let chains: Record<Direction, Config> | undefined;

function chainsOf(): Record<Direction, Config> {
  if (chains) return chains;
  if (!existsSync(CHAINS)) return (chains = ownConfigs());
  const [head, ...dicts] = readFileSync(CHAINS, 'utf8').split('\n');
  mark('opencc: chains read');
  const named = (list: number[]) => list.map((i) => dicts[i]!);
  const read = ({ normalizationChain, segmentation, conversionChain }: Numbered): Config => ({
    ...(normalizationChain ? { normalizationChain: normalizationChain.map(named) } : {}),
    ...(segmentation ? { segmentation: named(segmentation) } : {}),
    conversionChain: conversionChain.map(named),
  });
  const numbered = JSON.parse(head!) as Record<Direction, Numbered>;
  return (chains = { toHant: read(numbered.toHant), toHans: read(numbered.toHans) });
}

/** The two chains from opencc-js itself. */
function ownConfigs(): Record<Direction, Config> {
  const { configs } = openCC().Locale;
  return { toHant: configs[OPTIONS.toHant.config]!, toHans: configs[OPTIONS.toHans.config]! };
}

/** Writes dist/data/opencc-chains.txt (see chainsOf); nothing when a dictionary is not a string (converterFor then loads opencc-js). */
export function writeChains(): string[] {
  const configs = ownConfigs();
  const dicts: string[] = [];
  const numbers = new Map<string, number>();
  const number = (dict: Dict) => {
    if (typeof dict !== 'string') throw new Error('not a string');
    let n = numbers.get(dict);
    if (n === undefined) numbers.set(dict, (n = dicts.push(dict) - 1));
    return n;
  };
  const numbered = ({ normalizationChain, segmentation, conversionChain }: Config): Numbered => ({
    ...(normalizationChain ? { normalizationChain: normalizationChain.map((group) => group.map(number)) } : {}),
    ...(segmentation ? { segmentation: segmentation.map(number) } : {}),
    conversionChain: conversionChain.map((group) => group.map(number)),
  });
  let head: string;
  try {
    head = JSON.stringify({ toHant: numbered(configs.toHant), toHans: numbered(configs.toHans) });
  } catch {
    return [];
  }
  if (dicts.some((dict) => dict.includes('\n'))) return [];
  writeFileSync(CHAINS, [head, ...dicts].join('\n'));
  return [CHAINS];
}

/** Phrase-aware conversion to Traditional (Taiwan) or Simplified forms, the full converter; each direction built on first use. */
export function converter(direction: Direction): Convert {
  return (cache[direction] ??= openCC().Converter(OPTIONS[direction]));
}

export function converters(): { toHant: Convert; toHans: Convert } {
  return { toHant: converter('toHant'), toHans: converter('toHans') };
}

/**
 * Where each entry of a dictionary ("key value|key value|…") starts, by the
 * first two UTF-16 units of its key (one, negated, for a one-unit key): made
 * once per process, as numbers, so that indexing 50,000 entries makes no garbage.
 */
const indexes = new Map<string, Map<number, number[]>>();

const unitsKey = (text: string, at: number, pair: boolean) => (pair ? text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1) : -text.charCodeAt(at));

function indexOf(dict: string): Map<number, number[]> {
  let index = indexes.get(dict);
  if (!index) {
    index = new Map();
    for (let start = 0; start < dict.length; ) {
      const space = dict.indexOf(' ', start);
      const key = unitsKey(dict, start, space - start > 1);
      const list = index.get(key);
      if (list) list.push(start);
      else index.set(key, [start]);
      const bar = dict.indexOf('|', space);
      start = bar < 0 ? dict.length : bar + 1;
    }
    indexes.set(dict, index);
  }
  return index;
}

/** The starts of the entries of `dict` whose whole key is spelled in `text`, found through indexOf(). */
function indexedKeysIn(dict: string, text: string): Set<number> {
  const index = indexOf(dict);
  const found = new Set<number>();
  /** Adds the entries listed under `key` whose whole key is spelled in the text at `at`. */
  const match = (key: number, at: number) => {
    const starts = index.get(key);
    if (!starts) return;
    for (const start of starts) {
      const length = dict.indexOf(' ', start) - start;
      let k = 0;
      while (k < length && dict.charCodeAt(start + k) === text.charCodeAt(at + k)) k++;
      if (k === length) found.add(start);
    }
  };
  for (let at = 0; at < text.length; at++) {
    match(unitsKey(text, at, false), at);
    if (at + 1 < text.length) match(unitsKey(text, at, true), at);
  }
  return found;
}

/** Dictionaries entriesIn() reads that are longer than this get their key order precomputed (only STPhrases, 400,000 units). */
const LARGE = 50_000;

/**
 * The large dictionaries entriesIn() reads (the segmentation and first stage of
 * each direction), each with its entries in key order (key-order.ts): indexing
 * STPhrases took a cold run 30–50 ms. A dictionary is known by its length and
 * first characters, so another opencc's is not taken for it.
 */
export const keyOrders = precomputed('opencc-key-order', () => {
  const dicts = new Set<string>();
  for (const { config } of Object.values(OPTIONS)) {
    const { segmentation = [], conversionChain } = openCC().Locale.configs[config]!;
    for (const dict of [...segmentation, ...conversionChain[0]!]) if (typeof dict === 'string' && dict.length > LARGE) dicts.add(dict);
  }
  return [...dicts].map((dict) => ({ length: dict.length, head: dict.slice(0, 64), starts: sortedStarts(dict) }));
});

function keyOrder(dict: string): number[] | undefined {
  if (dict.length <= LARGE) return undefined;
  return keyOrders.get().find((order) => order.length === dict.length && dict.startsWith(order.head))?.starts;
}

/** The entries of `dict` whose key occurs in `text`. */
function entriesIn(dict: Dict, text: string): Pairs {
  if (typeof dict !== 'string') return dict.filter(([key]) => text.includes(key));
  const order = keyOrder(dict);
  const found = order ? keysIn(dict, order, text) : indexedKeysIn(dict, text);
  // In the dictionary's order: for a key listed twice, the trie keeps the last, as it would.
  return [...found]
    .sort((a, b) => a - b)
    .map((start): [string, string] => {
      const space = dict.indexOf(' ', start);
      const bar = dict.indexOf('|', space);
      return [dict.slice(start, space), dict.slice(space + 1, bar < 0 ? dict.length : bar)];
    });
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
  const config = chainsOf()[direction];
  // Normalization too, from the entries whose keys occur in the text: what they write is all it can write.
  const normalEntries = (config.normalizationChain ?? []).map((group) => group.map((dict) => entriesIn(dict, text)));
  const normalTries = normalEntries.map((group) => trie(group));
  const normalize = (s: string) => normalTries.reduce((out, stage) => stage.convert(out), s);
  const normalValues = normalEntries.map(valuesOf).join('');
  const normal = normalize(text);
  // Segmentation and the first stage share their largest dictionaries (STPhrases): each is searched once.
  const found = new Map<Dict, Pairs>();
  const inNormal = (dict: Dict) => found.get(dict) ?? found.set(dict, entriesIn(dict, normal)).get(dict)!;
  const segmentation = config.segmentation && trie(config.segmentation.map(inNormal));
  const firstEntries = config.conversionChain[0]!.map(inNormal);
  const chain = [trie(firstEntries)];
  // A later stage reads only characters of the text, of normalization and of the stages before it:
  // its entries spelled with any other character can never match, and are left out.
  let reach = new Set(text + normal + normalValues + valuesOf(firstEntries));
  for (const group of config.conversionChain.slice(1)) {
    const entries = group.map((dict) => entriesWithin(dict, reach));
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

/** The small dictionaries of later stages as pairs, split once per process. */
const split = new Map<string, Pairs>();

/** The entries of `dict` whose key is made only of characters in `reach` (every entry without it). */
function entriesWithin(dict: Dict, reach?: Set<string>): Pairs {
  let pairs = typeof dict === 'string' ? split.get(dict) : dict;
  if (!pairs) {
    pairs = (dict as string).split('|').map((entry) => entry.split(' ') as [string, string]);
    split.set(dict as string, pairs);
  }
  if (!reach) return pairs;
  return pairs.filter(([key]) => {
    for (const ch of key) if (!reach.has(ch)) return false;
    return true;
  });
}

function valuesOf(groups: Pairs[]): string {
  return groups.map((pairs) => pairs.map(([, value]) => value).join('')).join('');
}

function trie(group: Dict[]): Trie {
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
