/** Throwaway galley projects and the real CLI run inside them, as CI runs it. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'bin/galley.js');

/** A project folder: galley.config.yaml, the given files (paths relative to it), the bundled templates. */
export function makeProject(files: Record<string, string | Uint8Array>, config = 'formats: [html]\n'): string {
  const dir = mkdtempSync(join(tmpdir(), 'galley-robust-'));
  writeFileSync(join(dir, 'galley.config.yaml'), config);
  symlinkSync(join(ROOT, 'templates'), join(dir, 'templates'));
  mkdirSync(join(dir, 'source'));
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stderr lines of the form `galley: ...`. */
  errors: string[];
}

export function galley(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, errors: run.stderr.split('\n').filter((line) => line.startsWith('galley: ')) };
}

/** The CLI as a child process, for tests that signal it mid-build. */
export function galleyProcess(cwd: string, args: string[]) {
  return spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A stack trace has lines like `    at fn (file:1:2)`. */
export const STACK_LINE = /^\s+at .+[:(]/m;

export const OK_DOC = '# A good document\n\nIt builds whatever its neighbours do.\n';
