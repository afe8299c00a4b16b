/**
 * GALLEY_TRACE=1: each phase of a build written to stderr as it ends, in ms
 * since the process started, with the process's resident memory and the
 * calling thread's heap, to see where a build's time and memory go. Costs one
 * environment lookup when off.
 */
const on = process.env.GALLEY_TRACE === '1';

export function mark(phase: string): void {
  if (!on) return;
  const { rss, heapUsed } = process.memoryUsage();
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0).padStart(5)} MB`;
  process.stderr.write(`galley trace ${performance.now().toFixed(0).padStart(6)} ms  rss ${mb(rss)}  heap ${mb(heapUsed)}  ${phase}\n`);
}
