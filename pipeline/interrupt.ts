/**
 * What a build must stop before the process exits on Ctrl-C or SIGTERM: its
 * text threads, its report (the browser is killed by the exit itself, see
 * emit/browser/spawn.ts). Each part registers what undoes it while it runs;
 * the CLI's signal handler calls `interrupt()` and then exits.
 */
const handlers = new Set<() => unknown>();
let started = false;

/** Whether a signal has started stopping the build: then its handler, not the build's end, gives the exit code. */
export const interrupting = (): boolean => started;

/** Registers `handler` until the returned function is called. */
export function onInterrupt(handler: () => unknown): () => void {
  handlers.add(handler);
  return () => handlers.delete(handler);
}

/** Runs every handler, waiting at most `ms` for those that return a promise. */
export async function interrupt(ms = 500): Promise<void> {
  started = true;
  const all = [...handlers].map(async (handler) => handler());
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.allSettled(all), new Promise((done) => (timer = setTimeout(done, ms)))]);
  clearTimeout(timer);
}
