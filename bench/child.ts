/**
 * Runs the galley CLI in this process and, when it is done, writes the process's
 * peak resident memory and the build's own time to GALLEY_BENCH_STATS, so the
 * benchmark measures galley alone, not the benchmark around it.
 */
import { writeFileSync } from 'node:fs';

const started = performance.now();
const { main } = await import('../pipeline/cli.ts');
const loaded = performance.now();
const code = await main(process.argv.slice(2));
const stats = {
  code,
  /** Kilobytes, as getrusage reports it. */
  maxRSS: process.resourceUsage().maxRSS,
  loadMs: loaded - started,
  runMs: performance.now() - loaded,
  /** CPU time of galley's own process (user + system), not the browser's. */
  cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
};
if (process.env.GALLEY_BENCH_STATS) writeFileSync(process.env.GALLEY_BENCH_STATS, JSON.stringify(stats));
process.exitCode = code;
