/**
 * Runaway input (issue 17): documents built to be as costly as their kind
 * allows, each on its own in a fresh process, all formats. Each must either be
 * built within 60 s and 1 GB of galley's memory, or refused within 5 s (one
 * line, exit 1). Cases are the and, for each input budget, one just
 * under the limit (the costliest document galley still builds) and one just over.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface Measured {
  ms: number;
  rssMB: number;
  treeMB: number;
  code: number;
  stderr?: string;
}

export type RunGalley = (cwd: string, args: string[]) => Promise<Measured>;

const paragraphs = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i)).join('\n\n');
const table = (rows: number) => `| a | b | c | d |\n|---|---|---|---|\n${'| 1 | 2 | 3 | 4 |\n'.repeat(rows)}`;
const footnotes = (count: number) => paragraphs(count, (i) => `Text[^n${i}].\n\n[^n${i}]: Note ${i}.`);
const headings = (count: number) => paragraphs(count, (i) => `## Heading ${i + 1}\n\nA line under heading ${i + 1}.`);
const nested = (depth: number) => Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');

/** name → the document's Markdown. */
const CASES: [string, () => string][] = [
  ['5 MB table (issue)', () => table(Math.ceil((5 * 1024 * 1024) / 18))],
  ['table, 49,000 cells', () => table(9_800)],
  ['100,000 footnotes (issue)', () => footnotes(100_000)],
  ['4,900 footnotes', () => footnotes(4_900)],
  ['10,000 headings (issue)', () => headings(10_000)],
  ['10,400 headings', () => headings(10_400)],
  ['48 kB of *a _ (issue)', () => '*a _'.repeat(12_000)],
  ['48 kB of *a _, 1,998 marks a paragraph', () => paragraphs(12, () => '*a _'.repeat(999))],
  ['1,000 nested list items', () => nested(1_000)],
  ['list items nested 32 deep', () => nested(32)],
  ['21 MB of text', () => 'A plain sentence of the body text.\n\n'.repeat(Math.ceil((21 * 1024 * 1024) / 36))],
];

const BUILD = { ms: 60_000, mb: 1024 };
const REFUSE_MS = 5_000;

/** Prints each case's line as it is measured (a case may take minutes). */
export async function benchRunaway(work: string, galley: RunGalley, print: (line: string) => void): Promise<void> {
  print(`runaway input, one document a process, all formats (bound: built within ${BUILD.ms / 1000} s and ${BUILD.mb} MB, or refused within ${REFUSE_MS / 1000} s):`);
  let met = 0;
  for (const [name, make] of CASES) {
    const dir = join(work, `runaway-${CASES.findIndex(([n]) => n === name)}`);
    mkdirSync(join(dir, 'source'), { recursive: true });
    symlinkSync(resolve(import.meta.dirname, '../templates'), join(dir, 'templates'));
    // The time limit stays above the bound, so a case that misses it is seen missing it.
    writeFileSync(join(dir, 'galley.config.yaml'), 'timeout: 300\n');
    writeFileSync(join(dir, 'source/doc.md'), `# ${name}\n\n${make()}\n`);
    const run = await galley(dir, ['build']);
    const stderr = run.stderr ?? '';
    const refusal = stderr.split('\n').filter((line) => line.startsWith('galley: '));
    const built = run.code === 0;
    // A refusal is a limit named before the build; a browser that failed or a stage that timed out is not one.
    const refused = refusal.length === 1 && run.code === 1 && !/not written|timed out|crashed/.test(refusal[0]!);
    const outcome = built ? 'built' : refused ? `refused: ${refusal[0]!.replace(/^galley: source\/doc\.md: /, '')}` : `failed (exit ${run.code}): ${refusal.join(' / ') || stderr.trim().split('\n').pop()}`;
    const ok = built ? run.ms <= BUILD.ms && run.rssMB <= BUILD.mb : refused && run.ms <= REFUSE_MS;
    if (ok) met++;
    print(`  ${name.padEnd(40)} ${(run.ms / 1000).toFixed(1).padStart(6)} s  peak RSS ${run.rssMB.toFixed(0).padStart(5)} MB (with the browser ${run.treeMB.toFixed(0)} MB PSS)  ${ok ? 'meets the bound' : 'MISSES the bound'}  ${outcome}`);
    rmSync(dir, { recursive: true, force: true });
  }
  print(`  ${met} of ${CASES.length} cases meet the bound`);
}
