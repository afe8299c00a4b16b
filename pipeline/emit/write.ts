/**
 * Outputs are written to a temporary file beside the target and renamed into
 * place, so out/ never holds a truncated PDF or EPUB, even if the build is killed.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const pending = new Set<string>();

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  pending.add(temp);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

/** Removes temp files still being written; called when a build is interrupted. */
export async function removePendingWrites(): Promise<void> {
  await Promise.all([...pending].map((temp) => rm(temp, { force: true })));
}
