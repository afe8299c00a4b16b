/** Atomic writes: an interrupted write leaves neither a temp file nor a partial output. */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
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

  it('removePendingWrites() returns only once the writes under way have given up, so the exit that follows leaves no temp file', async () => {
    // A module of its own: the test above has already interrupted the shared one.
    vi.resetModules();
    const { removePendingWrites, writeAtomic } = await import('../../pipeline/emit/write.ts');
    const dir = mkdtempSync(join(tmpdir(), 'galley-write-'));
    const settled: boolean[] = [];
    const writes = Array.from({ length: 8 }, (_, i) =>
      writeAtomic(join(dir, `doc-${i}.pdf`), new Uint8Array(1024 * 1024).fill(i)).then(
        () => (settled[i] = true),
        () => (settled[i] = true),
      ),
    );
    await removePendingWrites(60_000);
    // Checked at once, as the signal handler's exit would come at once.
    expect(settled.filter(Boolean)).toHaveLength(8);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await Promise.all(writes);
  });
});
