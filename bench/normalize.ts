/**
 * `galley normalize` on large scraped texts: the sample article's body repeated
 * up to 5 MB, damage included, read from a file, repaired and written as
 * Markdown by the command's own processor. Time should grow linearly with size;
 * the figure that says so is the CPU time per MB at each size as a ratio of the
 * smallest size's.
 *
 * The code measured is bundled as the CLI's is (scripts/bundle-options.js) and
 * run in a process of its own: tsx's per-module transform (each closure wrapped
 * to keep its name, among others) is not what a user runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE_OPTIONS } from '../scripts/bundle-options.js';
import { normalize } from '../pipeline/index.ts';

const MB = 1024 * 1024;

/** The sample, header kept once, body repeated until the text reaches `bytes`. */
export function scrapedText(sample: string, bytes: number): string {
  const lines = sample.split('\n');
  const bodyStart = lines.findIndex((line) => line.startsWith('目前'));
  const bodyEnd = lines.findIndex((line) => line.startsWith('猜你喜歡'));
  const header = lines.slice(0, bodyStart).join('\n');
  const body = lines.slice(bodyStart, bodyEnd).join('\n');
  const tail = lines.slice(bodyEnd).join('\n');
  const parts = [header];
  let size = Buffer.byteLength(header);
  const step = Buffer.byteLength(body);
  while (size + step < bytes) {
    parts.push(body);
    size += step;
  }
  parts.push(tail);
  return parts.join('\n');
}

export interface NormalizeFigure {
  megabytes: number;
  seconds: number;
  secondsPerMb: number;
  /** secondsPerMb relative to the smallest size: 1.0 is perfectly linear. */
  ratio: number;
}

export interface NormalizeFigures {
  sizes: NormalizeFigure[];
  /** The first run in the process, on the largest text: what one `galley normalize` of it costs. */
  first: NormalizeFigure;
}

/** The figures, measured in a child process running this module's bundle (bench/normalize-child.ts). */
export async function benchNormalize(root: string): Promise<NormalizeFigures> {
  const { build } = await import('esbuild');
  // Inside the checkout: the bundle finds galley's folder, its tables and node_modules as dist/ does.
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, 'node_modules/.cache/galley-bench-'));
  try {
    const outfile = join(dir, 'normalize.js');
    await build({ ...BUNDLE_OPTIONS, external: [...BUNDLE_OPTIONS.external, 'esbuild'], absWorkingDir: root, entryPoints: [join(root, 'bench/normalize-child.ts')], outfile });
    return JSON.parse(execFileSync(process.execPath, [outfile, root], { encoding: 'utf8' })) as NormalizeFigures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs of each size; the figure is their median, steadier on a shared machine than one run. */
const RUNS = 3;

export async function measureNormalize(root: string, sizes = [0.625, 1.25, 2.5, 5]): Promise<NormalizeFigures> {
  const sample = readFileSync(join(root, 'source/jiceng-dangwu-sikao.txt'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'galley-normalize-'));
  try {
    const files = sizes.map((megabytes) => {
      const path = join(dir, `bench-${megabytes}mb.txt`);
      writeFileSync(path, scrapedText(sample, megabytes * MB));
      return { path, megabytes: statSync(path).size / MB };
    });
    // What `galley normalize FILE` runs: the source read and decoded, the repairs, the Markdown written.
    const once = async (path: string) => {
      // CPU time, not wall time: normalize is single-threaded, and CPU time does
      // not count what other processes on a busy machine take.
      const start = process.cpuUsage();
      await normalize(path, { root: dir });
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1e6;
    };
    // The first run, on the largest text, pays for loading what the repairs need (the script
    // converters, the encoding tables, the compiled code); the sizes are measured after it.
    const largest = files.at(-1)!;
    const firstSeconds = await once(largest.path);
    const figures: NormalizeFigure[] = [];
    for (const { path, megabytes } of files) {
      const runs: number[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await once(path));
      const seconds = runs.sort((a, b) => a - b)[RUNS >> 1]!;
      figures.push({ megabytes, seconds, secondsPerMb: seconds / megabytes, ratio: 0 });
    }
    for (const figure of figures) figure.ratio = figure.secondsPerMb / figures[0]!.secondsPerMb;
    const first = { megabytes: largest.megabytes, seconds: firstSeconds, secondsPerMb: firstSeconds / largest.megabytes, ratio: firstSeconds / largest.megabytes / figures[0]!.secondsPerMb };
    return { sizes: figures, first };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
