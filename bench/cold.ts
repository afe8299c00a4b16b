/**
 * Cold starts, one process per run as a user meets them: one document to HTML
 * against `node -e 0` and `galley --version`, and to PDF against the raw
 * Chromium floor for the same page (floor-one.mjs) and, when it is installed
 * beside galley, md-to-pdf. The document is the sample article normalized to
 * Markdown. Runs are interleaved and repeated; each figure is a ratio of
 * medians taken in the same run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { writePrintPages } from './floor.ts';

const GALLEY = resolve(import.meta.dirname, '..');
const BIN = join(GALLEY, 'bin/galley.js');

export interface ColdFigure {
  name: string;
  ms: number;
  against?: { name: string; ratio: number; goal: number };
}

/** Wall time of one process, in ms; throws when it fails. */
function timed(command: string, args: string[], cwd: string): number {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, CI: '1' } });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${run.stderr.slice(-500)}`);
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** md-to-pdf installed beside galley (its node_modules, the folder above, or PATH), if it is. */
function mdToPdf(): string | undefined {
  const candidates = [join(GALLEY, 'node_modules/.bin/md-to-pdf'), join(GALLEY, '../node_modules/.bin/md-to-pdf'), ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'md-to-pdf'))];
  return candidates.find((path) => existsSync(path));
}

export async function benchCold(work: string, browser: string, repeats: number): Promise<{ figures: ColdFigure[]; notes: string[] }> {
  const dir = join(work, 'cold');
  mkdirSync(join(dir, 'source'), { recursive: true });
  const normalized = spawnSync(process.execPath, [BIN, 'normalize', join(GALLEY, 'source/jiceng-dangwu-sikao.txt')], { encoding: 'utf8' });
  writeFileSync(join(dir, 'source/article.md'), normalized.stdout);
  cpSync(join(GALLEY, 'templates'), join(dir, 'templates'), { recursive: true });
  const [page] = await writePrintPages(dir, join(dir, 'print'));
  const md = mdToPdf();
  const notes = md ? [] : ['md-to-pdf: not installed beside galley (npm install md-to-pdf in a folder above it, or on PATH), skipped'];
  const times: Record<string, number[]> = {};
  const add = (name: string, ms: number) => (times[name] ??= []).push(ms);
  for (let run = 0; run < repeats; run++) {
    add('node -e 0', timed(process.execPath, ['-e', '0'], dir));
    add('galley --version', timed(process.execPath, [BIN, '--version'], dir));
    add('html', timed(process.execPath, [BIN, 'build', 'source/article.md', '--format', 'html', '--out', `out-html-${run}`], dir));
    add('floor', timed(process.execPath, [join(GALLEY, 'bench/floor-one.mjs'), page!, join(dir, `floor-${run}.pdf`), browser], dir));
    add('pdf', timed(process.execPath, [BIN, 'build', 'source/article.md', '--format', 'pdf', '--out', `out-pdf-${run}`], dir));
    if (md) {
      const copy = join(dir, `md-${run}`);
      mkdirSync(copy, { recursive: true });
      cpSync(join(dir, 'source/article.md'), join(copy, 'article.md'));
      add('md-to-pdf', timed(md, ['article.md', '--launch-options', JSON.stringify({ executablePath: browser, args: ['--no-sandbox'] })], copy));
    }
  }
  const m = Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
  const figures: ColdFigure[] = [
    { name: 'node -e 0', ms: m['node -e 0']! },
    { name: 'galley --version', ms: m['galley --version']!, against: { name: 'node -e 0', ratio: m['galley --version']! / m['node -e 0']!, goal: 2 } },
    { name: '1 document to HTML', ms: m.html!, against: { name: 'node -e 0', ratio: m.html! / m['node -e 0']!, goal: 4 } },
    { name: 'Chromium floor, 1 PDF', ms: m.floor! },
    { name: '1 document to PDF', ms: m.pdf!, against: { name: 'the Chromium floor', ratio: m.pdf! / m.floor!, goal: 1.15 } },
  ];
  if (m['md-to-pdf']) {
    figures.push({ name: 'md-to-pdf, 1 document', ms: m['md-to-pdf'] });
    figures.push({ name: '1 document to PDF', ms: m.pdf!, against: { name: 'md-to-pdf', ratio: m.pdf! / m['md-to-pdf'], goal: 0.9 } });
  }
  return { figures, notes };
}
