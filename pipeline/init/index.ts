/**
 * `galley init [DIR]`: a ready project — settings, two example sources, a
 * .gitignore, a publishing workflow and a package.json. A file that exists is
 * never written over, so a second run writes nothing and says so.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE } from '../config/index.ts';
import { GalleyError } from '../errors.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { configText } from './config-text.ts';

interface ProjectFile {
  /** Where it goes, relative to the project folder. */
  path: string;
  text: () => string;
}

const skeleton = (name: string) => () => readFileSync(join(PACKAGE_ROOT, 'pipeline', 'init', 'skeleton', name), 'utf8');

function projectFiles(dir: string): ProjectFile[] {
  return [
    { path: CONFIG_FILE, text: configText },
    { path: 'source/welcome.md', text: skeleton('source/welcome.md') },
    { path: 'source/yuelanshi-kaifang.txt', text: skeleton('source/yuelanshi-kaifang.txt') },
    // Kept without their dots in galley's tree, where they would act on galley's own repository.
    { path: '.gitignore', text: skeleton('gitignore') },
    { path: '.github/workflows/publish.yml', text: skeleton('github/workflows/publish.yml') },
    { path: 'package.json', text: () => packageJson(dir) },
  ];
}

export interface InitResult {
  written: string[];
  kept: string[];
  /** Things left for the user to do, such as a package.json of theirs that lacks galley. */
  notes: string[];
}

export function init(target: string): InitResult {
  const dir = resolve(target);
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) throw new GalleyError(target, 'is not a folder', 2);
  const result: InitResult = { written: [], kept: [], notes: [] };
  for (const file of projectFiles(dir)) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    try {
      // 'wx' fails on an existing file, so nothing is ever written over, even in a race.
      writeFileSync(path, file.text(), { flag: 'wx' });
      result.written.push(file.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new GalleyError(file.path, (error as Error).message.split('\n')[0]!);
      result.kept.push(file.path);
    }
  }
  if (result.kept.includes('package.json') && !dependsOnGalley(join(dir, 'package.json'))) {
    result.notes.push(`package.json does not list galley; add it: npm install --save-dev ${galleySpec().replace(/^\^/, 'galley@^').replace(/^file:/, '')}`);
  }
  return result;
}

function dependsOnGalley(path: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, string> | undefined>;
    return ['dependencies', 'devDependencies'].some((field) => manifest[field]?.galley !== undefined);
  } catch {
    return false;
  }
}

/** What the command prints: one line per file, then what to do next. */
export function describeInit(target: string, result: InitResult): string {
  const where = target;
  const lines = [
    ...result.written.map((path) => `wrote ${join(where, path)}`),
    ...result.kept.map((path) => `kept ${join(where, path)} (it exists; not written over)`),
    ...result.notes,
  ];
  if (!result.written.length) lines.push(`galley init: nothing to write, ${where} already has every file`);
  else {
    const cd = where === '.' ? '' : `cd ${where} && `;
    lines.push(`galley init: wrote ${result.written.length} file${result.written.length === 1 ? '' : 's'}; next: ${cd}npm install && npx galley build`);
  }
  return `${lines.join('\n')}\n`;
}

/** An installed galley is named by its version; a checkout of galley by its folder. */
function galleySpec(): string {
  const own = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return PACKAGE_ROOT.split(sep).includes('node_modules') ? `^${own.version}` : `file:${PACKAGE_ROOT}`;
}

function packageJson(dir: string): string {
  const manifest = {
    name: basename(dir).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '') || 'galley-project',
    version: '1.0.0',
    private: true,
    type: 'module',
    scripts: { build: 'galley build', preview: 'galley preview', check: 'galley check' },
    dependencies: { galley: galleySpec() },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
