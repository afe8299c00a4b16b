/**
 * GALLEY_TRACE=1: each phase of a build written to stderr as it ends, in ms
 * since the process started, to see where a cold build's time goes. Costs one
 * environment lookup when off.
 */
const on = process.env.GALLEY_TRACE === '1';

export function mark(phase: string): void {
  if (on) process.stderr.write(`galley trace ${performance.now().toFixed(0).padStart(6)} ms  ${phase}\n`);
}
