/**
 * `npm run bench`: galley's speed and memory on a generated corpus, against the
 * raw Chromium floor measured in the same run (timings on a shared machine move
 * with its load; a ratio taken minutes apart compares less than it seems).
 *
 *   npm run bench                       200 documents
 *   npm run bench -- --docs 50          a smaller corpus
 *   npm run bench -- --large 1000       also a 1000-document build, for its time and peak memory
 *   npm run bench -- --rounds 3         paired rounds of the floor and the two builds (default 3)
 *   npm run bench -- --keep             keep the temp folder to look at
 *   npm run bench -- --cold-only        only the cold starts of one document (--repeats N, default 7)
 *   npm run bench -- --batch-only       the cold starts and the builds, not normalize or the runaway inputs
 *   npm run bench -- --normalize-only   only normalize on one scraped text grown to 5 MB
 *   npm run bench -- --runaway-only     only the runaway inputs (runaway.ts), each against its bound
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveSettings, loadConfig } from '../pipeline/config/index.ts';
import { findBrowser } from '../pipeline/emit/browser/index.ts';
import { writeCorpus } from './corpus.ts';
import { printFloor, writePrintPages, type FloorRun } from './floor.ts';
import { treeCpu, treeMemoryMB } from './tree.ts';
import { benchNormalize } from './normalize.ts';
import { benchCold } from './cold.ts';
import { benchRunaway } from './runaway.ts';
import { runsCompiled } from '../bin/load.js';

/** Runs the CLI as bin/galley.js does (the compiled copy when current), reporting its own figures. */
const CHILD = resolve(import.meta.dirname, 'child.mjs');

interface Run {
  /** Wall time of the galley process, startup included. */
  ms: number;
  /** Time from galley's modules loaded to the end of the command. */
  runMs: number;
  /** Peak resident memory of the galley process, in MB. */
  rssMB: number;
  /** Peak memory of galley and its browser together (proportional set size, sampled), in MB. */
  treeMB: number;
  /** CPU time of the galley process, browser excluded, in ms. */
  cpuMs: number;
  /** CPU time of the browser it started (sampled, tree.ts), in ms. */
  browserCpuMs: number;
  /** Share of the process's life its main thread was busy (event loop utilization), 0 to 1. */
  busy: number;
  code: number;
  /** What it printed there (kept for the runaway cases, which judge the refusal). */
  stderr?: string;
}

/** Outputs written after `since` (ms since the epoch): on a no-op build there are none. */
function writtenSince(dir: string, since: number): number {
  return readdirSync(dir).filter((name) => !name.startsWith('.') && statSync(join(dir, name)).mtimeMs > since).length;
}

/** Runs `galley ARGS` in a child process in `cwd`; a failure is printed unless it is what is measured. */
async function galley(cwd: string, args: string[], quietFailures = false): Promise<Run> {
  const statsFile = join(cwd, `.bench-stats-${process.hrtime.bigint()}.json`);
  const started = performance.now();
  let treeMB = 0;
  let browserCpuMs = 0;
  const stderr = await new Promise<string>((done, fail) => {
    const child = spawn(process.execPath, [CHILD, ...args], {
      cwd,
      env: { ...process.env, GALLEY_BENCH_STATS: statsFile, CI: '1' },
      // The report goes nowhere: it is the same work in every run, and not what is measured.
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let text = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    const cpu = treeCpu(child.pid!, false);
    const sampler = setInterval(() => {
      treeMB = Math.max(treeMB, treeMemoryMB(child.pid!));
      cpu.sample();
    }, 250);
    child.on('error', fail);
    child.on('close', () => {
      clearInterval(sampler);
      browserCpuMs = cpu.ms();
      done(text);
    });
  });
  const ms = performance.now() - started;
  if (!existsSync(statsFile)) throw new Error(`galley ${args.join(' ')} did not finish:\n${stderr.slice(-2000)}`);
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { code: number; maxRSS: number; runMs: number; cpuMs: number; busy: number };
  rmSync(statsFile);
  if (stats.code !== 0 && !quietFailures) process.stderr.write(`galley ${args.join(' ')} exited with ${stats.code}:\n${stderr.split('\n').slice(-5).join('\n')}\n`);
  return { ms, runMs: stats.runMs, rssMB: stats.maxRSS / 1024, treeMB, cpuMs: stats.cpuMs, browserCpuMs, busy: stats.busy, code: stats.code, stderr };
}

function pdfPages(dir: string): number {
  let pages = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.pdf'))) {
    const info = execFileSync('pdfinfo', [join(dir, name)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    pages += Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  }
  return pages;
}

/** The middle value; of an even count, the mean of the two middle ones. */
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
};
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const memory = (run: Run) => `peak RSS ${run.rssMB.toFixed(0)} MB (galley with its browser: ${run.treeMB.toFixed(0)} MB PSS)`;
const load = () => loadavg()[0]!.toFixed(2);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '200' },
      large: { type: 'string' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      repeats: { type: 'string', default: '7' },
      rounds: { type: 'string', default: '3' },
      'cold-only': { type: 'boolean', default: false },
      'batch-only': { type: 'boolean', default: false },
      'normalize-only': { type: 'boolean', default: false },
      'runaway-only': { type: 'boolean', default: false },
    },
  });
  if (values['normalize-only']) return printNormalize();
  if (values['runaway-only']) return printRunaway();
  const count = Number(values.docs);
  const seed = Number(values.seed);
  const browser = findBrowser();
  if (!browser) throw new Error('no Chromium found: the benchmark needs one');
  const work = mkdtempSync(join(tmpdir(), 'galley-bench-'));
  const root = join(work, 'corpus');
  writeCorpus(root, { count, seed });
  const concurrency = resolveSettings([loadConfig(root)]).concurrency;
  const out = (name: string) => join(work, 'out', name);
  console.log(`galley bench: ${count} documents (seed ${seed}), ${concurrency} pages at once, load average ${load()}`);
  console.log(`corpus: ${root}`);
  console.log(`CLI: ${runsCompiled() ? 'the bundle in dist/' : 'the TypeScript sources through tsx (no bundle: npm run compile)'}`);

  // Cold processes, one document: medians of interleaved runs, as ratios.
  const cold = await benchCold(work, browser, Number(values.repeats));
  console.log(`cold starts, the sample article as Markdown (medians of ${values.repeats} interleaved runs):`);
  for (const figure of cold.figures) {
    const ratio = figure.against ? `  ${figure.against.ratio.toFixed(2)}× ${figure.against.name} (goal ≤ ${figure.against.goal}×)` : '';
    console.log(`  ${figure.name.padEnd(24)} ${s(figure.ms)}${ratio}`);
  }
  for (const note of cold.notes) console.log(`  ${note}`);
  if (values['cold-only']) {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
    return;
  }

  const first = readdirSync(join(root, 'source')).filter((f) => f.startsWith('doc-')).sort()[0]!;
  const one = await galley(root, ['build', `source/${first}`, '--out', out('one')]);
  console.log(`cold build, 1 corpus document, all formats: ${s(one.ms)}`);

  // The floor and galley's two builds take turns, round after round (the order reversed every
  // other round), so each ratio compares runs made minutes apart at most, under the same load.
  const pages = await writePrintPages(root, join(work, 'print'));
  const rounds = Number(values.rounds);
  // The floor as the issue names it (a page loaded per document), and the floor that writes each
  // document over the last as galley does (floor.ts): both, so that neither flatters either side.
  const floors: FloorRun[] = [];
  const reused: FloorRun[] = [];
  const pdfs: Run[] = [];
  const alls: Run[] = [];
  for (let round = 0; round < rounds; round++) {
    const steps = [
      async () => floors.push(await printFloor(pages, out(`floor-${round}`), concurrency, browser, 'goto')),
      async () => reused.push(await printFloor(pages, out(`reused-${round}`), concurrency, browser, 'reused')),
      async () => pdfs.push(await galley(root, ['build', '--format', 'pdf', '--out', out(`pdf-${round}`), '--report', 'json'])),
      async () => alls.push(await galley(root, ['build', '--out', out(`all-${round}`), '--report', 'json'])),
    ];
    for (const step of round % 2 ? steps.reverse() : steps) await step();
    const against = (run: Run) => `${(run.ms / floors[round]!.ms).toFixed(2)}×, ${(run.ms / reused[round]!.ms).toFixed(2)}× reused`;
    console.log(`round ${round + 1} of ${rounds}: floor ${s(floors[round]!.ms)}, floor with its pages reused ${s(reused[round]!.ms)}, PDF ${s(pdfs[round]!.ms)} (${against(pdfs[round]!)}), all formats ${s(alls[round]!.ms)} (${against(alls[round]!)}); load average ${load()}`);
  }
  const totalPages = pdfPages(out('pdf-0'));
  const rate = (ms: number) => `${(count / (ms / 1000)).toFixed(2)} docs/s, ${(totalPages / (ms / 1000)).toFixed(1)} pages/s`;
  /** The median of each round's ratio of `value` to the floor's. */
  const ratio = <T>(runs: T[], floor: FloorRun[], value: (run: T) => number, of: (run: FloorRun) => number) => median(runs.map((run, round) => value(run) / of(floor[round]!))).toFixed(2);
  const wall = (runs: Run[], floor: FloorRun[]) => ratio(runs, floor, (run) => run.ms, (run) => run.ms);
  // CPU, the browser's included: on a machine others share it moves less with their load than wall time does.
  const cpu = (runs: Run[], floor: FloorRun[]) => ratio(runs, floor, (run) => run.cpuMs + run.browserCpuMs, (run) => run.cpuMs + run.browserCpuMs);
  const typical = (runs: Run[]): Run => ({ ms: median(runs.map((r) => r.ms)), runMs: median(runs.map((r) => r.runMs)), cpuMs: median(runs.map((r) => r.cpuMs)), browserCpuMs: median(runs.map((r) => r.browserCpuMs)), busy: median(runs.map((r) => r.busy)), rssMB: Math.max(...runs.map((r) => r.rssMB)), treeMB: Math.max(...runs.map((r) => r.treeMB)), code: Math.max(...runs.map((r) => r.code)) });
  const pdf = typical(pdfs);
  const all = typical(alls);
  const floorMs = median(floors.map((run) => run.ms));
  const reusedMs = median(reused.map((run) => run.ms));
  console.log(`medians of ${rounds} paired rounds (ratios: the median of each round's ratio; memory: the highest of the rounds):`);
  console.log(`Chromium floor, ${count} PDFs:           ${s(floorMs)}  (${rate(floorMs)}); CPU ${s(median(floors.map((run) => run.cpuMs)))}, its browser's ${s(median(floors.map((run) => run.browserCpuMs)))}`);
  console.log(`the floor with its pages reused:       ${s(reusedMs)}  (${rate(reusedMs)}), ${ratio(reused, floors, (run) => run.ms, (run) => run.ms)}× the floor; CPU ${s(median(reused.map((run) => run.cpuMs)))}, its browser's ${s(median(reused.map((run) => run.browserCpuMs)))}`);
  const line = (run: Run, runs: Run[], goal: number) =>
    `${s(run.ms)}  (${rate(run.ms)}), ${wall(runs, floors)}× the floor (goal ≤ ${goal}×), ${wall(runs, reused)}× the floor with its pages reused; CPU with the browser's ${cpu(runs, floors)}× and ${cpu(runs, reused)}× the floors' (galley's own ${s(run.cpuMs)}, its browser's ${s(run.browserCpuMs)}), main thread busy ${(run.busy * 100).toFixed(0)}%; ${memory(run)}`;
  console.log(`galley --format pdf, ${count} documents: ${line(pdf, pdfs, 1.15)}`);
  console.log(`galley all formats, ${count} documents:  ${line(all, alls, 1.3)}`);

  for (const report of ['human', 'json']) {
    const before = Date.now();
    const noop = await galley(root, ['build', '--out', out(`all-${rounds - 1}`), '--report', report]);
    const written = writtenSince(out(`all-${rounds - 1}`), before);
    console.log(`no-op rebuild, ${count} documents, --report ${report}: ${s(noop.ms)} in all (process start included), ${s(noop.runMs)} after loading galley; ${written} outputs written, peak RSS ${noop.rssMB.toFixed(0)} MB`);
    if (written) console.log('  (documents were rebuilt: did galley\'s code or a dependency change during the run?)');
  }
  console.log(`${totalPages} pages in all; load average now ${load()}`);

  if (values.large) {
    const large = Number(values.large);
    const bigRoot = join(work, 'large');
    writeCorpus(bigRoot, { count: large, seed });
    // The same build as "all formats" above, on a corpus `large / count` times the size.
    const big = await galley(bigRoot, ['build', '--out', out('large'), '--report', 'json']);
    console.log(`galley all formats, ${large} documents: ${s(big.ms)}  (${(large / (big.ms / 1000)).toFixed(2)} docs/s); ${memory(big)}; at ${count} documents: ${memory(all)}`);
  }
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  if (values['batch-only']) return;

  await printNormalize();
  await printRunaway();
}

/** Each runaway input in a process of its own, against its bound. */
async function printRunaway(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'galley-runaway-'));
  try {
    await benchRunaway(work, (cwd, args) => galley(cwd, args, true), (line) => console.log(line));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `galley normalize`'s work, bundled as the CLI is, on one scraped text grown to 5 MB. */
async function printNormalize(): Promise<void> {
  const { sizes, first } = await benchNormalize(resolve(import.meta.dirname, '..'));
  for (const f of sizes) {
    console.log(`normalize ${f.megabytes.toFixed(2)} MB: ${f.seconds.toFixed(2)} s CPU (median of 3), ${(f.megabytes / f.seconds).toFixed(2)} MB/s (${f.ratio.toFixed(2)}× the smallest size's time per MB)`);
  }
  console.log(`normalize ${first.megabytes.toFixed(2)} MB, the first run in a new process (loading what it needs included): ${first.seconds.toFixed(2)} s CPU, ${(first.megabytes / first.seconds).toFixed(2)} MB/s`);
}

await main();
