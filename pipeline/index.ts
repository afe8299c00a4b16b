/** galley's public API: what the CLI is made of, for programs to use directly. */
import { VFile } from 'vfile';
import { loadConfig, resolveSettings, type SettingsInput } from './config/index.ts';
import { readSource } from './read/index.ts';
import { GalleyError } from './errors.ts';
import { sourceKind } from './batch/sources.ts';
import type { CheckOptions, CheckResult } from './check/index.ts';

export { build, type BuildOptions, type BuildResult, type DocumentCallback, type DocumentResult } from './batch/index.ts';
export { GalleyError } from './errors.ts';
export type { CheckOptions, CheckResult, CheckStatus, OutputCheck } from './check/index.ts';
export { reportEntries, humanReport, JsonReportStream } from './report.ts';
export type { DocumentMeta, Format, ReportEntry } from './types.ts';
export type { Settings, SettingsInput } from './config/index.ts';

export interface NormalizeResult {
  /** The repaired document as Markdown with YAML front matter. */
  markdown: string;
  /** The messages: one per repair, with rule id and position. */
  file: VFile;
}

/** Repairs a scraped plain-text source into Markdown; Markdown sources are refused (they need no repair). */
export async function normalize(path: string, options: { root?: string; display?: string; settings?: SettingsInput } = {}): Promise<NormalizeResult> {
  const display = options.display ?? path;
  if (sourceKind(path) === 'markdown') throw new GalleyError(display, 'is Markdown already: normalize repairs plain-text sources');
  const settings = resolveSettings([loadConfig(options.root ?? process.cwd()), options.settings ?? {}]);
  const file = await readSource(path, display);
  // Loaded on use: its converters and tables are the heaviest part of galley to load.
  const { normalizeProcessor } = await import('./process/normalize.ts');
  const markdown = String(await normalizeProcessor(settings).process(file));
  return { markdown, file };
}

/** Compares outputs with their snapshots (see check/); loaded on use, like every heavy stage. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  return (await import('./check/index.ts')).check(options);
}
