/**
 * Runs the galley CLI as bin/galley.js does and, when it is done, writes the
 * process's peak resident memory, CPU time and the command's own time to
 * GALLEY_BENCH_STATS, so the benchmark measures galley alone, not the
 * benchmark around it.
 */
import { writeFileSync } from 'node:fs';
import { loadCli } from '../bin/load.js';

const started = performance.now();
const { main } = await loadCli();
const loaded = performance.now();
// Taken as the process exits: a build's CLI ends the process itself once its output is written (cli.ts).
process.once('exit', (code) => {
  // How much of the command's time the main thread was busy: what a worker thread for the text stages could at most take off it.
  const busy = performance.eventLoopUtilization().utilization;
  const cpu = process.cpuUsage();
  const stats = {
    code,
    /** Kilobytes, as getrusage reports it. */
    maxRSS: process.resourceUsage().maxRSS,
    loadMs: loaded - started,
    runMs: performance.now() - loaded,
    /** CPU time of galley's own process (user + system), not the browser's. */
    cpuMs: (cpu.user + cpu.system) / 1000,
    busy,
  };
  if (process.env.GALLEY_BENCH_STATS) writeFileSync(process.env.GALLEY_BENCH_STATS, JSON.stringify(stats));
});
process.exitCode = await main(process.argv.slice(2));
