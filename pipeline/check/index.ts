/**
 * `galley check`: build (or read out/), then compare every document's every
 * output with its snapshot. The same code runs for a user at a desk, in CI,
 * and in galley's own test suite.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from '../batch/index.ts';
import { displayPath, findSources, namedSources, uniqueOutputNames } from '../batch/sources.ts';
import { loadConfig, resolveSettings, type SettingsInput } from '../config/index.ts';
import { asGalleyError, GalleyError } from '../errors.ts';
import type { Format } from '../types.ts';
import { compareText, comparePdf, type CompareContext, type Verdict } from './compare.ts';
import { epubSnapshot } from './epub.ts';
import { htmlSnapshot } from './html.ts';
import { renderPages } from './pages.ts';
import { pdfFacts } from './pdf.ts';
import { DEFAULT_LIMITS, type PixelLimits } from './pixels.ts';
import { isCI, SnapshotFolder } from './store.ts';
import type { CheckResult, OutputCheck } from './types.ts';

export type { CheckResult, CheckStatus, OutputCheck } from './types.ts';
export { summarize } from './types.ts';
export { DEFAULT_LIMITS, type PixelLimits } from './pixels.ts';
export { isCI } from './store.ts';

export interface CheckOptions {
  /** Project root: galley.config.yaml, source/, templates/. Default: the working folder. */
  root?: string;
  /** Sources to check; default: every source in the sources folder. */
  files?: string[];
  /** Settings from the command line (out, formats, template, ...), over the config file. */
  settings?: SettingsInput;
  /** false: compare what is already in out/ instead of building first. Default true. */
  build?: boolean;
  /** Replace snapshots that differ, and write missing ones, even in CI. */
  update?: boolean;
  /** In CI a missing snapshot fails instead of being written. Default: the CI environment variable. */
  ci?: boolean;
  limits?: Partial<PixelLimits>;
  /** Called as each output is checked. */
  onOutput?: (output: OutputCheck) => void;
}

interface Target {
  source: string;
  slug: string;
  outputs: Partial<Record<Format, string>>;
  error?: GalleyError;
}

export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const root = resolve(options.root ?? process.cwd());
  const cli = options.settings ?? {};
  const settings = resolveSettings([loadConfig(root), cli]);
  const outDir = resolve(root, settings.out);
  const errors: GalleyError[] = [];
  const targets: Target[] = [];

  if (options.build === false) {
    const found = options.files?.length
      ? namedSources(options.files.map((f) => resolve(f)), root)
      : { sources: findSources(resolve(root, settings.sources), root), errors: [] };
    const unique = uniqueOutputNames(found.sources);
    errors.push(...found.errors, ...unique.errors);
    for (const source of unique.sources) {
      const outputs: Partial<Record<Format, string>> = {};
      for (const format of settings.formats) {
        const path = join(outDir, `${source.slug}.${format}`);
        if (existsSync(path)) outputs[format] = path;
      }
      targets.push({ source: source.display, slug: source.slug, outputs });
    }
  } else {
    const built = await build({ root, files: options.files, settings: cli });
    errors.push(...built.errors);
    targets.push(...built.documents);
  }

  const base = {
    diffDir: join(outDir, 'diff'),
    update: options.update ?? false,
    ci: options.ci ?? isCI(),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
  };
  const snapshots = resolve(root, settings.snapshots);
  const outputs: OutputCheck[] = [];
  for (const target of targets) {
    const ctx: CompareContext = { ...base, slug: target.slug, folder: new SnapshotFolder(join(snapshots, target.slug)) };
    for (const format of settings.formats) {
      const verdict = await checkOutput(ctx, target, format, options.build === false, outDir, errors);
      const output: OutputCheck = { source: target.source, slug: target.slug, format, ...verdict };
      outputs.push(output);
      options.onOutput?.(output);
    }
  }
  return { outputs, errors, ok: errors.length === 0 && outputs.every((o) => o.status !== 'failed') };
}

async function checkOutput(
  ctx: CompareContext,
  target: Target,
  format: Format,
  noBuild: boolean,
  outDir: string,
  errors: GalleyError[],
): Promise<Verdict> {
  if (target.error) return { status: 'failed', message: `not built: ${target.error.message}`, images: [] };
  const path = target.outputs[format];
  if (!path) {
    const expected = displayPath(join(outDir, `${target.slug}.${format}`), process.cwd());
    const why = noBuild ? `${expected} not found: run galley build first, or drop --no-build` : 'not built (see the errors below)';
    return { status: 'failed', message: why, images: [] };
  }
  const display = displayPath(path, process.cwd());
  try {
    if (format === 'html') return compareText(ctx, 'html.snap', await htmlSnapshot(path));
    if (format === 'epub') return compareText(ctx, 'epub.snap', await epubSnapshot(path, display));
    const [facts, pages] = await Promise.all([pdfFacts(path, display), renderPages(path, display)]);
    return comparePdf(ctx, facts, pages);
  } catch (error) {
    // A missing tool (poppler) is the machine's problem, not the document's: report it once.
    if (error instanceof GalleyError && error.exitCode === 2) {
      if (!errors.some((e) => e.message === error.message)) errors.push(error);
      return { status: 'failed', message: `not checked: ${error.message}`, images: [] };
    }
    return { status: 'failed', message: asGalleyError(error, display).message, images: [] };
  }
}
