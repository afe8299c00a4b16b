/**
 * Browser profiles live in the temp folder as galley-chromium-PID-*, named
 * after the galley process that owns them. One whose process is gone (killed
 * with SIGKILL, say) is removed by the next launch. (Headless Chromium writes
 * no lock file that would say.)
 */
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alive } from '../write.ts';

const PREFIX = 'galley-chromium-';
/** A profile named without its owner, by an older galley: removed once this old. */
const UNOWNED_MS = 24 * 60 * 60 * 1000;

/** The prefix of a new profile's folder name, for mkdtemp. */
export const profilePrefix = () => `${PREFIX}${process.pid}-`;

export function removeStaleProfiles(dir = tmpdir(), now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.startsWith(PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (!stale(path, now)) continue;
      rmSync(path, { recursive: true, force: true });
    } catch {
      // Another user's profile, or one removed meanwhile: not ours to judge.
    }
  }
}

function stale(path: string, now: number): boolean {
  const pid = Number(path.slice(path.lastIndexOf(PREFIX) + PREFIX.length).match(/^(\d+)-/)?.[1]);
  if (!pid) return now - lstatSync(path).mtimeMs > UNOWNED_MS;
  return !alive(pid);
}
