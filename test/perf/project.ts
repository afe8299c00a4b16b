/** Small throwaway projects for the cache and shard tests: sources, templates and config in a temp folder. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');

export function tempProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'galley-perf-'));
  for (const [path, text] of Object.entries(files)) writeFile(root, path, text);
  return root;
}

export function writeFile(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** Copies the bundled default template into the project under `name`. */
export function copyTemplate(root: string, name: string): void {
  cpSync(join(REPO, 'templates/default'), join(root, 'templates', name), { recursive: true });
}

export function markdown(title: string, body = 'A paragraph of text.', frontMatter = ''): string {
  return `---\ntitle: ${title}\nlang: en\n${frontMatter}---\n\n# ${title}\n\n${body}\n`;
}
