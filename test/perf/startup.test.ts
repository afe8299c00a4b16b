/**
 * The CLI starts from the compiled copy npm install makes (dist/), and falls
 * back to its TypeScript sources; both run the same program.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledIsCurrent } from '../../bin/load.js';
import { ROOT } from '../helpers/build.ts';

const BIN = join(ROOT, 'bin/galley.js');

function normalizeSample(env: NodeJS.ProcessEnv) {
  const run = spawnSync(process.execPath, [BIN, 'normalize', 'source/jiceng-dangwu-sikao.txt', '--report', 'json'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('starting the CLI', () => {
  it('runs the sources through tsx when asked to (or when dist/ is older than a source)', () => {
    expect(JSON.parse(normalizeSample({ GALLEY_FROM_SOURCES: '1' })).length).toBeGreaterThan(100);
  });

  // npm install compiles dist/; a checkout edited since has none current, and this is skipped.
  it.skipIf(!compiledIsCurrent())('runs the compiled copy, which does what the sources do', () => {
    expect(normalizeSample({})).toBe(normalizeSample({ GALLEY_FROM_SOURCES: '1' }));
  });
});
