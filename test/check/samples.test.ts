/**
 * The samples against their committed snapshots (test/__snapshots__/), through
 * the same check() that `galley check` runs: both built fresh into a temporary
 * folder, so this also proves the page images compare within tolerance across
 * two renders. After an intended change, regenerate them with
 * `npx galley check --update` and review the diff in git.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../pipeline/index.ts';
import { summaryLine } from '../../pipeline/check/reporters/index.ts';
import { ARTICLE, GUIDE, ROOT } from '../helpers/build.ts';

describe('sample snapshots', () => {
  it('every output of both samples matches its committed snapshot', async () => {
    const out = mkdtempSync(join(tmpdir(), 'galley-samples-'));
    // ci: a missing snapshot fails here rather than being written into the repository.
    const result = await check({ root: ROOT, files: [ARTICLE, GUIDE], settings: { out }, ci: true, update: false });
    expect(result.errors.map((e) => e.line)).toEqual([]);
    const problems = result.outputs.filter((o) => o.status !== 'passed').map((o) => [summaryLine(o), o.diff].filter(Boolean).join('\n'));
    expect(problems.join('\n\n'), 'intended? run "npx galley check --update" and commit test/__snapshots__/').toBe('');
    expect(result.outputs.map((o) => `${o.slug} ${o.format}`).sort()).toEqual([
      'galley-proofs epub',
      'galley-proofs html',
      'galley-proofs pdf',
      'jiceng-dangwu-sikao epub',
      'jiceng-dangwu-sikao html',
      'jiceng-dangwu-sikao pdf',
    ]);
    rmSync(out, { recursive: true, force: true });
  });
});
