/** A throwaway galley project made from test/fixtures/check, and the galley command run inside it. */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/galley.js');

/** A fresh project folder holding the fixture's source/ and nothing else: no snapshots, no out/. */
export function fixtureProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'galley-check-'));
  cpSync(join(ROOT, 'test/fixtures/check'), dir, { recursive: true });
  return dir;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `galley ARGS` in `cwd` as a user would; CI and GitHub variables are cleared unless given. */
export function galley(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base = { ...process.env };
  delete base.CI;
  delete base.GITHUB_ACTIONS;
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...base, ...env }, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}
