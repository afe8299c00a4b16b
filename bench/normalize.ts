/**
 * normalize on large scraped texts: the sample article's body repeated up to
 * 5 MB, damage included. Time should grow linearly with size; the figure that
 * says so is the CPU time per MB at each size as a ratio of the smallest size's.
 *
 * The code measured is bundled as the CLI's is (scripts/bundle-options.js) and
 * run in a process of its own: tsx's per-module transform (each closure wrapped
 * to keep its name, among others) is not what a user runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { BUNDLE_OPTIONS } from '../scripts/bundle-options.js';
import { normalizePlainText } from '../pipeline/normalize/index.ts';

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

/** The figures, measured in a child process running this module's bundle (bench/normalize-child.ts). */
export async function benchNormalize(root: string): Promise<NormalizeFigure[]> {
  const { build } = await import('esbuild');
  // Inside the checkout: the bundle finds galley's folder, its tables and node_modules as dist/ does.
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  const dir = mkdtempSync(join(root, 'node_modules/.cache/galley-bench-'));
  try {
    const outfile = join(dir, 'normalize.js');
    await build({ ...BUNDLE_OPTIONS, external: [...BUNDLE_OPTIONS.external, 'esbuild'], absWorkingDir: root, entryPoints: [join(root, 'bench/normalize-child.ts')], outfile });
    return JSON.parse(execFileSync(process.execPath, [outfile, root], { encoding: 'utf8' })) as NormalizeFigure[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs of each size; the figure is their median, steadier on a shared machine than one run. */
const RUNS = 3;

export function measureNormalize(root: string, sizes = [0.625, 1.25, 2.5, 5]): NormalizeFigure[] {
  const sample = readFileSync(join(root, 'source/jiceng-dangwu-sikao.txt'), 'utf8');
  // Warm up outside the measurement, on the largest text: past some length a build loads opencc's full converters (locale/opencc.ts), once.
  normalizePlainText(new VFile({ path: 'warmup.txt', value: scrapedText(sample, sizes.at(-1)! * MB) }), { script: 'keep' });
  const figures: NormalizeFigure[] = [];
  for (const megabytes of sizes) {
    const text = scrapedText(sample, megabytes * MB);
    const runs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const file = new VFile({ path: `bench-${megabytes}mb.txt`, value: text });
      // CPU time, not wall time: normalize is single-threaded, and CPU time does
      // not count what other processes on a busy machine take.
      const start = process.cpuUsage();
      normalizePlainText(file, { script: 'keep' });
      const used = process.cpuUsage(start);
      runs.push((used.user + used.system) / 1e6);
    }
    const seconds = runs.sort((a, b) => a - b)[RUNS >> 1]!;
    const actual = Buffer.byteLength(text) / MB;
    figures.push({ megabytes: actual, seconds, secondsPerMb: seconds / actual, ratio: 0 });
  }
  for (const figure of figures) figure.ratio = figure.secondsPerMb / figures[0]!.secondsPerMb;
  return figures;
}
