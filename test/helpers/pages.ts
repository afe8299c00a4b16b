/** The scraped pages the tests have (the sample and every fixture), and a seeded random source to pick from them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.ts';

/** Deterministic pseudo-random numbers (a fixed seed: the same picks every run). */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const scraped = join(ROOT, 'test/fixtures/scraped');

/** The sample article and every scraped fixture page, as text. */
export const scrapedPages: string[] = [
  readFileSync(join(ROOT, 'source/jiceng-dangwu-sikao.txt'), 'utf8'),
  ...readdirSync(scraped).filter((name) => name.endsWith('.txt')).sort().map((name) => readFileSync(join(scraped, name), 'utf8')),
];
