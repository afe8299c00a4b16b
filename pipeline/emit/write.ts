/**
 * Outputs are written to a temporary file beside the target and renamed into
 * place, so out/ never holds a truncated PDF or EPUB, even if the build is killed.
 */
import { rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const pending = new Set<string>();
let interrupted = false;

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  if (interrupted) throw new Error('build interrupted');
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  pending.add(temp);
  try {
    await writeFile(temp, data);
    // The signal may have come while the data was being written: then nothing is put in place.
    if (interrupted) throw new Error('build interrupted');
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

/**
 * Removes temp files still being written and lets no write finish; called when
 * a build is interrupted. The removal is synchronous so that it is complete
 * before the process exits, whatever else listens for the signal.
 */
export async function removePendingWrites(): Promise<void> {
  interrupted = true;
  for (const temp of pending) rmSync(temp, { force: true });
}
