/**
 * Outputs are written to temporary files beside their targets and renamed into
 * place only when every one of them was written, so out/ never holds a
 * truncated file, and a document's outputs are replaced together or not at all,
 * even if the build is killed or the disk fills.
 */
import { createHash } from 'node:crypto';
import { linkSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const pending = new Set<string>();
/** Writes under way: an interrupt waits for them to give up before its last sweep. */
const inflight = new Set<Promise<void>>();
let interrupted = false;

/** Runs `work` as a write an interrupt knows to wait for. */
async function tracked<T>(work: () => Promise<T>): Promise<T> {
  let settle!: () => void;
  const done = new Promise<void>((resolve) => (settle = resolve));
  inflight.add(done);
  try {
    return await work();
  } finally {
    inflight.delete(done);
    settle();
  }
}
let written = 0;

/** Temp names are short (a long output name leaves no room for a suffix) and unique within the process. */
const TEMP = /^\.galley-[0-9a-f]{12}\.(\d+)\.\d+\.tmp$/;

function tempPath(path: string): string {
  const tag = createHash('sha256').update(basename(path)).digest('hex').slice(0, 12);
  return join(dirname(path), `.galley-${tag}.${process.pid}.${++written}.tmp`);
}

export interface Output {
  path: string;
  data: string | Uint8Array;
}

/**
 * Writes every output, then renames them all into place; if any write or
 * rename fails, every target is left as it was (the ones already replaced are
 * put back from hard links kept for the purpose).
 */
export function publish(outputs: Output[]): Promise<void> {
  return tracked(() => publishNow(outputs));
}

async function publishNow(outputs: Output[]): Promise<void> {
  if (interrupted) throw new Error('build interrupted');
  const temps = outputs.map((output) => tempPath(output.path));
  const backups = outputs.map((output) => tempPath(output.path));
  for (const temp of [...temps, ...backups]) pending.add(temp);
  const replaced: number[] = [];
  try {
    await Promise.all(
      outputs.map(async (output, i) => {
        await mkdir(dirname(output.path), { recursive: true });
        await writeFile(temps[i]!, output.data);
      }),
    );
    // The signal may have come while the data was being written: then nothing is put in place.
    if (interrupted) throw new Error('build interrupted');
    // Synchronous from here on: no signal handler can run between two renames and leave half a set.
    for (const [i, output] of outputs.entries()) {
      let kept = true;
      try {
        linkSync(output.path, backups[i]!);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        kept = false;
      }
      renameSync(temps[i]!, output.path);
      replaced.push(kept ? i : -1 - i);
    }
  } catch (error) {
    for (const i of replaced.reverse()) {
      try {
        if (i >= 0) renameSync(backups[i]!, outputs[i]!.path);
        else rmSync(outputs[-1 - i]!.path, { force: true });
      } catch {
        // What cannot be put back stays as it is; the error below is the one to report.
      }
    }
    throw error;
  } finally {
    await Promise.all([...temps, ...backups].map((temp) => rm(temp, { force: true })));
    for (const temp of [...temps, ...backups]) pending.delete(temp);
  }
}

export function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  return publish([{ path, data }]);
}

/**
 * Writes one file into place as writeAtomic does, synchronously: no signal
 * handler can run until it is done, so there is no temp file to track (a killed
 * process leaves one, which removeStaleTemps removes).
 */
export function writeAtomicSync(path: string, data: Uint8Array): void {
  if (interrupted) throw new Error('build interrupted');
  const temp = tempPath(path);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Removes temp files in `dir` left by a galley process that no longer runs (killed with SIGKILL, say). */
export function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.match(TEMP)?.[1];
    if (pid && !alive(Number(pid))) rmSync(join(dir, name), { force: true });
  }
}

/** Whether a process still runs: only "no such process" says it is gone (another user's is alive). */
export function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes temp files still being written and lets no write finish; called when
 * a build is interrupted. The removal is synchronous so that it is complete
 * before the process exits, whatever else listens for the signal.
 */
export async function removePendingWrites(ms = 500): Promise<void> {
  interrupted = true;
  const sweep = () => {
    for (const temp of pending) rmSync(temp, { force: true });
  };
  sweep();
  // A write the thread pool had already begun can create its temp file after that sweep: wait
  // (briefly) for the writes under way to give up and clean up, then sweep again.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.allSettled([...inflight]), new Promise((done) => (timer = setTimeout(done, ms)))]);
  clearTimeout(timer);
  sweep();
}
