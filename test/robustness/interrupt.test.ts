/**
 * An interrupted build leaves no partial files: SIGTERM to the real CLI
 * mid-build, then out/ holds no temp file and every PDF and EPUB in it is whole.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { galleyProcess, makeProject, ROOT } from './project.ts';

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
