/**
 * The snapshot folder: <snapshots>/<slug>/{html.snap, epub.snap, pdf.snap,
 * pdf-page-1.png, ...}. Text files end with a newline so git diffs stay clean.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class SnapshotFolder {
  constructor(readonly dir: string) {}

  path(name: string): string {
    return join(this.dir, name);
  }

  read(name: string): Buffer | undefined {
    const path = this.path(name);
    return existsSync(path) ? readFileSync(path) : undefined;
  }

  readText(name: string): string | undefined {
    return this.read(name)?.toString('utf8');
  }

  write(name: string, data: string | Uint8Array): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(this.path(name), data);
  }

  /** Removes page images beyond the last page, after a document got shorter. */
  removePagesAfter(count: number): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) {
      const n = Number(name.match(/^pdf-page-(\d+)\.png$/)?.[1]);
      if (n > count) rmSync(this.path(name));
    }
  }
}

export const pageName = (n: number) => `pdf-page-${n}.png`;

/** Snapshots are never written in CI unless asked (--update), as vitest does: a missing one is a failure there. */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(true|1)$/i.test(env.CI ?? '');
}
