/**
 * The parts of a build cache key: what every document of a build shares (galley's
 * code and dependencies, the settings that shape outputs, the browser,
 * SOURCE_DATE_EPOCH), and the listing of a template folder. Files are read
 * through symbolic links, for what they hold, not what the link says.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Settings } from '../config/index.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { precomputed } from '../precomputed.ts';

/** Bumped when an entry's shape or meaning changes: older entries then miss. */
export const ENTRY_VERSION = 3;

/** Settings that change where or how fast a build runs, not what it writes. */
const NEUTRAL_SETTINGS = new Set(['out', 'sources', 'snapshots', 'concurrency', 'timeout']);

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface SharedInputs {
  settings: Settings;
  browser?: string;
  /** The users' plugins with their versions (see process/user-plugins.ts). */
  plugins?: string;
  env?: NodeJS.ProcessEnv;
}

/** Everything all documents of a build share, as one hash. */
export function sharedKey(options: SharedInputs): string {
  const settings = Object.fromEntries(
    Object.entries(options.settings)
      .filter(([name]) => !NEUTRAL_SETTINGS.has(name))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const parts = {
    entry: ENTRY_VERSION,
    galley: galleyFingerprint(),
    settings,
    browser: options.browser ? browserFingerprint(options.browser) : null,
    plugins: options.plugins ?? null,
    sourceDateEpoch: (options.env ?? process.env).SOURCE_DATE_EPOCH ?? null,
  };
  return sha256(JSON.stringify(parts));
}

let fingerprint: string | undefined;

/** Set by the bundle (scripts/compile.js): galley runs the code it was compiled from. */
declare const GALLEY_BUNDLE: boolean | undefined;

/**
 * The bundle's fingerprint is taken when it is made, from the sources it is
 * made of (reading them and every dependency's manifest cost a cold run more
 * than the build of a small document); the sources, which may have been
 * edited since, are read each time.
 */
export const bundleFingerprint = precomputed('fingerprint', () => ({ hash: computeFingerprint() }));

function galleyFingerprint(): string {
  fingerprint ??= typeof GALLEY_BUNDLE !== 'undefined' && GALLEY_BUNDLE ? bundleFingerprint.get().hash : computeFingerprint();
  return fingerprint;
}

/**
 * galley's version, its code (so a development checkout invalidates on edit),
 * the lock file and the installed versions of its direct dependencies (fonts,
 * renderers: they all shape the outputs).
 */
function computeFingerprint(): string {
  const hash = createHash('sha256');
  const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };
  hash.update(`galley ${manifest.version}\n`);
  for (const path of listFiles(join(PACKAGE_ROOT, 'pipeline'))) hash.update(`${relative(PACKAGE_ROOT, path)}\0`).update(readFileSync(path));
  const lock = join(PACKAGE_ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) hash.update(`${name}@${installedVersion(name)}\n`);
  return hash.digest('hex');
}

function installedVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** A browser upgrade changes the executable; its size and mtime say so without launching it. */
function browserFingerprint(path: string): string {
  try {
    const real = realpathSync(path);
    const info = statSync(real);
    return `${real}:${info.size}:${info.mtimeMs}`;
  } catch {
    return path;
  }
}

/**
 * Every file under `dir`, sorted, skipping dot-files, following symbolic links
 * (a folder reached twice is listed once); empty if `dir` does not exist.
 */
export function listFiles(dir: string, seen = new Set<string>()): string[] {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return [];
  }
  if (seen.has(real)) return [];
  seen.add(real);
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    const info = entry.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : entry;
    if (info?.isDirectory()) files.push(...listFiles(path, seen));
    else if (info?.isFile()) files.push(path);
  }
  return files;
}
