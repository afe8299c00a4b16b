/**
 * A build stopped midway leaves no partial files. SIGTERM to the real CLI
 * mid-build: out/ holds no temp file and every PDF and EPUB in it is whole. A
 * document whose text stages never end fails alone at its time limit; Ctrl-C
 * or SIGTERM while it runs stops the build at once, its JSON report closed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { galley, galleyProcess, makeProject, OK_DOC, ROOT, STACK_LINE } from './project.ts';

describe('an interrupted build', () => {
  it('SIGTERM mid-build: exit 143, no *.tmp, no truncated PDF or EPUB', async () => {
    const article = readFileSync(join(ROOT, 'source/jiceng-dangwu-sikao.txt'));
    const files = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`source/article-${i}.txt`, article]));
    const dir = makeProject(files, 'formats: [pdf, epub]\nconcurrency: 2\n');
    const child = galleyProcess(dir, ['build']);
    let stderr = '';
    // Interrupt as soon as the first document is done: the others are rendering or being written.
    const code = await new Promise<number | null>((done) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk;
        if (/\[1\/8\]/.test(stderr) && child.signalCode === null && !child.killed) child.kill('SIGTERM');
      });
      child.on('exit', (exitCode) => done(exitCode));
    });
    expect(code).toBe(143);
    const out = readdirSync(join(dir, 'out'));
    expect(out.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const finished = out.filter((name) => /\.(pdf|epub)$/.test(name));
    // Some documents were done, not all of them.
    expect(finished.length).toBeGreaterThan(0);
    expect(finished.length).toBeLessThan(16);
    for (const name of finished) {
      const path = join(dir, 'out', name);
      if (name.endsWith('.pdf')) expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/^Pages:\s+\d+/m);
      else await expect(JSZip.loadAsync(readFileSync(path)).then((zip) => zip.file('mimetype')!.async('string'))).resolves.toBe('application/epub+zip');
    }
  });
});

/** A users' plugin that never returns on a document holding SPIN: it writes `spinning` first, so a test knows when. */
const SPIN_PLUGIN = `import { writeFileSync } from 'node:fs';
export default function spin() {
  return (tree, file) => {
    if (!String(file.value).includes('SPIN')) return;
    writeFileSync('spinning', '');
    for (;;);
  };
}
`;

function spinningProject(formats = 'html'): string {
  return makeProject(
    {
      'spin.mjs': SPIN_PLUGIN,
      'source/ok.md': OK_DOC,
      'source/other.md': '# Other\n\nIt builds too.\n',
      'source/spin.md': '# Spin\n\nSPIN\n',
    },
    `formats: [${formats}]\nremarkPlugins: [./spin.mjs]\n`,
  );
}

describe('a document whose text stages never end', () => {
  it('fails alone at its time limit, with one line naming the stage; the others build', () => {
    const dir = spinningProject('html, epub');
    // The limit is the test's: far above what the other documents take on any machine, far below forever.
    const run = galley(dir, ['build', '--timeout', '15']);
    expect(run.errors).toEqual(['galley: source/spin.md: remark plugins timed out (timeout: 15 s)']);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(readdirSync(join(dir, 'out')).filter((name) => /\.(html|epub|pdf)$/.test(name)).sort()).toEqual(['ok.epub', 'ok.html', 'other.epub', 'other.html']);
  });
});

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)('%s during a text stage that never ends', (signal, status) => {
  it(`stops the build at once: exit ${status}, a closed JSON report, no temp file, no output of the stopped document`, async () => {
    const dir = spinningProject();
    const child = galleyProcess(dir, ['build', '--report', 'json']);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    while (!existsSync(join(dir, 'spinning'))) await sleep(100);
    child.kill(signal);
    // Without the threads the build would never end; 20 s is only a bound a loaded machine cannot miss.
    const code = await Promise.race([exited, sleep(20_000).then(() => 'still running')]);
    if (code === 'still running') child.kill('SIGKILL');
    expect(code).toBe(status);
    const report = JSON.parse(stdout) as unknown[];
    expect(Array.isArray(report)).toBe(true);
    const out = existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')) : [];
    expect(out.filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(out.filter((name) => name.startsWith('spin.'))).toEqual([]);
  });
});
