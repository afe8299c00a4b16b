/**
 * The CLI starts the text thread as soon as it knows the command is a build
 * (threads.ts), before the pools and the build are loaded; the build's pool
 * then takes that thread over instead of starting its own. A thread that died
 * before the pool took it is replaced, and the document still builds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../pipeline/index.ts';
import { startTextThread, takeEarlyThread } from '../../pipeline/batch/threads.ts';
import { textPool } from '../../pipeline/batch/text-pool.ts';
import { copyTemplate, markdown, REPO, tempProject } from './project.ts';

function project(): string {
  const root = tempProject({ 'source/a.md': markdown('Alpha') });
  copyTemplate(root, 'default');
  return root;
}

describe('the text thread started ahead of the build', () => {
  it('is the thread the build runs its document on', async () => {
    const early = startTextThread();
    // Asked again before the build takes it: the same thread, not a second one.
    expect(startTextThread()).toBe(early);
    const root = project();
    const result = await build({ root, settings: { formats: ['html'] } });
    expect(result.documents[0]!.error).toBeUndefined();
    expect(existsSync(join(root, 'out/a.html'))).toBe(true);
    expect(early.used).toBe(true);
    // Taken by the pool: nothing is left waiting.
    expect(takeEarlyThread()).toBeUndefined();
    await textPool.close();
  });

  it('is replaced when it died before the build took it', async () => {
    const early = startTextThread();
    await early.worker.terminate();
    const root = project();
    const result = await build({ root, settings: { formats: ['html'] } });
    expect(result.documents[0]!.error).toBeUndefined();
    expect(existsSync(join(root, 'out/a.html'))).toBe(true);
    expect(early.used).toBeUndefined();
    await textPool.close();
  });
});

describe('a document given to the pool without a warm-up (a book build)', () => {
  it('keeps the process alive while the early thread loads: nothing else may be waiting', () => {
    const root = project();
    const script = join(root, 'prepare.mts');
    writeFileSync(
      script,
      [
        `import { startTextThread } from ${JSON.stringify(join(REPO, 'pipeline/batch/threads.ts'))};`,
        `import { textPool } from ${JSON.stringify(join(REPO, 'pipeline/batch/text-pool.ts'))};`,
        'startTextThread();',
        `const doc = await textPool.prepare({ path: ${JSON.stringify(join(root, 'source/a.md'))}, display: 'source/a.md', kind: 'markdown' }, { config: {}, cli: { formats: ['html'] } }, ${JSON.stringify(root)}, 60);`,
        "process.stdout.write(String(doc.rendered.meta.title));",
        'await textPool.close();',
      ].join('\n'),
    );
    // Unreferenced while it loads, the thread would let the process end here with exit code 13 (an unsettled await).
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: REPO, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('Alpha');
  });
});
