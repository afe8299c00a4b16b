/** Builds the samples once per test file into a temporary folder. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type BuildResult, type SettingsInput } from '../../pipeline/index.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTICLE = join(ROOT, 'source/jiceng-dangwu-sikao.txt');
export const GUIDE = join(ROOT, 'source/galley-proofs.md');

export async function buildInto(files: string[], settings: SettingsInput = {}): Promise<{ out: string; result: BuildResult }> {
  const out = mkdtempSync(join(tmpdir(), 'galley-test-'));
  const result = await build({ root: ROOT, files, settings: { ...settings, out } });
  return { out, result };
}
