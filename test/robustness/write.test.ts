/** Atomic writes: an interrupted write leaves neither a temp file nor a partial output. */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removePendingWrites, writeAtomic } from '../../pipeline/emit/write.ts';

describe('writeAtomic', () => {
  it('writes whole files through a temp file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-write-'));
    await writeAtomic(join(dir, 'a.pdf'), new Uint8Array(1024).fill(1));
    expect(readdirSync(dir)).toEqual(['a.pdf']);
  });

  it('removePendingWrites() during a write: nothing is left, and later writes are refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-write-'));
    const writing = writeAtomic(join(dir, 'big.pdf'), new Uint8Array(64 * 1024 * 1024).fill(7));
    await new Promise((next) => setImmediate(next));
    await removePendingWrites();
    await expect(writing).rejects.toThrow('build interrupted');
    await expect(writeAtomic(join(dir, 'late.pdf'), 'x')).rejects.toThrow('build interrupted');
    expect(readdirSync(dir)).toEqual([]);
  });
});
