/**
 * vitest setup file: each test file gets a temp folder of its own (TMPDIR, which
 * os.tmpdir(), the CLI's child processes and Chromium's profiles all follow),
 * removed when the file's tests end, so a run leaves nothing behind in /tmp and
 * a small disk is not filled by the suite's projects and outputs.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const outer = tmpdir();
mkdirSync(outer, { recursive: true });
const own = mkdtempSync(join(outer, 'galley-suite-'));
process.env.TMPDIR = own;

afterAll(() => {
  process.env.TMPDIR = outer;
  rmSync(own, { recursive: true, force: true });
});
