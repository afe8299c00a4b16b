/**
 * `--shard i/n`: one of n disjoint parts of the documents, so a CI matrix can
 * split a large collection across machines.
 *
 * A document's part comes from a hash of its project-relative path, not from its
 * place in the sorted list: adding or removing a document then moves no other
 * document to another part, so each machine's build cache stays valid. The parts
 * are even in expectation rather than exactly; for collections large enough to
 * need sharding the difference is a few percent.
 */
import { createHash } from 'node:crypto';
import { GalleyError } from '../errors.ts';

export interface Shard {
  /** 1-based: 1 ≤ index ≤ count. */
  index: number;
  count: number;
}

/** Parses "i/n" as written on the command line. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new GalleyError(undefined, `--shard must be i/n with 1 ≤ i ≤ n, such as 1/4 (not "${text}")`, 2);
  }
  return { index, count };
}

/** The part (1-based) a document belongs to; `key` is its path relative to the project, with / separators. */
export function shardOf(key: string, count: number): number {
  const digest = createHash('sha256').update(key).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** The items of one part, in their original order. */
export function selectShard<T>(items: T[], shard: Shard | undefined, key: (item: T) => string): T[] {
  if (!shard || shard.count === 1) return items;
  return items.filter((item) => shardOf(key(item), shard.count) === shard.index);
}
