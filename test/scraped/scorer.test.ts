/**
 * The scraped fixtures (test/fixtures/scraped/, pages written for galley in the layouts real
 * sites use) normalized and compared with what a careful editor reads in each (its YAML).
 */
import { describe, expect, it } from 'vitest';
import { expected, fixtureNames, score, type Score } from './score.ts';

const names = fixtureNames();
const scores: Score[] = names.map(score);

describe('scraped fixtures', () => {
  it('are at least 30, in both scripts', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    const langs = names.map((n) => expected(n).lang);
    expect(langs.filter((l) => l === 'zh-Hans').length).toBeGreaterThanOrEqual(10);
    expect(langs.filter((l) => l === 'zh-Hant').length).toBeGreaterThanOrEqual(10);
  });

  it('get at least 95% of their metadata fields exactly right', () => {
    const fields = scores.reduce((n, s) => n + s.fields, 0);
    const exact = scores.reduce((n, s) => n + s.exact, 0);
    const misses = scores.flatMap((s) => s.misses.map((m) => `${s.name}: ${m}`));
    expect(exact / fields, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  for (const s of scores) {
    it(`${s.name}: leaves no head, classification line, pinyin or mojibake in the body and keeps its text`, () => {
      expect(s.bodyProblems).toEqual([]);
    });
  }
});
