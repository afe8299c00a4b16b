/** A long build collects its garbage now and then, so its peak memory does not climb with its length. */
import { describe, expect, it } from 'vitest';
import { periodicCollection } from '../../pipeline/batch/memory.ts';

describe('periodicCollection', () => {
  it('runs a full collection every 20 documents', () => {
    const collect = periodicCollection();
    let garbage: number[][] | undefined = Array.from({ length: 50 }, () => new Array(200_000).fill(1.5));
    expect(garbage.length).toBe(50);
    garbage = undefined;
    const before = process.memoryUsage().heapUsed;
    for (let n = 0; n < 19; n++) collect();
    const early = process.memoryUsage().heapUsed;
    collect();
    const after = process.memoryUsage().heapUsed;
    // 50 arrays of 200,000 doubles: 80 MB, gone only once the 20th document asks.
    expect(before - early).toBeLessThan(20 * 2 ** 20);
    expect(before - after).toBeGreaterThan(60 * 2 ** 20);
  });
});
