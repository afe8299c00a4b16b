/** `galley init`: a new project that builds as it is, and a second run that touches nothing. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../pipeline/config/index.ts';
import { configText, EXAMPLES } from '../../pipeline/init/config-text.ts';
import { ROOT } from '../helpers/build.ts';

const galley = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/galley.js'), ...args], { cwd, encoding: 'utf8' });

const FILES = ['galley.config.yaml', 'source/welcome.md', 'source/yuelanshi-kaifang.txt', '.gitignore', '.github/workflows/publish.yml', 'package.json'];

function listing(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = `${statSync(path).mtimeMs} ${readFileSync(path, 'base64')}`;
    }
  };
  walk(dir);
  return files;
}

describe('galley init', () => {
  it('writes a project into an empty folder that galley build builds, both examples, exit 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-init-'));
    const run = galley(dir, 'init');
    expect(run.status, run.stderr).toBe(0);
    for (const file of FILES) {
      expect(existsSync(join(dir, file)), file).toBe(true);
      expect(run.stdout).toContain(`wrote ${file}`);
    }
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^out\/$/m);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies.galley).toBeTruthy();
    expect(YAML.parse(readFileSync(join(dir, '.github/workflows/publish.yml'), 'utf8')).jobs.publish.steps.map((s: { run?: string }) => s.run)).toContain('npx galley build');
    const build = galley(dir, 'build');
    expect(build.status, build.stderr.split('\n').filter((line) => line.startsWith('galley:')).join('\n') || build.stderr).toBe(0);
    for (const name of ['welcome', 'yuelanshi-kaifang']) {
      for (const format of ['html', 'pdf', 'epub']) expect(existsSync(join(dir, 'out', `${name}.${format}`)), `${name}.${format}`).toBe(true);
    }
    // The plain-text example is a scraped text: it has things to repair, and they were repaired.
    expect(build.stderr).toMatch(/yuelanshi-kaifang\.txt[\s\S]*punctuation/);
    const page = readFileSync(join(dir, 'out/yuelanshi-kaifang.html'), 'utf8');
    expect(page).toContain('<h1 class="title">社區閱覽室開放的幾點安排</h1>');
    expect(page).toMatch(/<h2[^>]*>一、開放時間<\/h2>/);
    expect(page).toContain('開放，上午九點');
    expect(page).not.toContain('猜你喜歡');
  });

  it('run twice, the second run changes nothing and says so', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'galley-init-')), 'new project');
    expect(galley(tmpdir(), 'init', dir).status).toBe(0);
    const before = listing(dir);
    const again = galley(tmpdir(), 'init', dir);
    expect(again.status).toBe(0);
    expect(listing(dir)).toEqual(before);
    expect(again.stdout).not.toContain('wrote');
    expect(again.stdout).toMatch(/nothing to write/);
    for (const file of FILES) expect(again.stdout).toContain(`kept ${join(dir, file)}`);
  });

  it('never writes over a file of the folder, and says what it kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-init-'));
    writeFileSync(join(dir, '.gitignore'), 'mine\n');
    writeFileSync(join(dir, 'package.json'), '{ "name": "mine", "private": true }\n');
    mkdirSync(join(dir, 'source'));
    writeFileSync(join(dir, 'source/welcome.md'), '# Mine\n');
    const run = galley(dir, 'init', '.');
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('mine\n');
    expect(readFileSync(join(dir, 'source/welcome.md'), 'utf8')).toBe('# Mine\n');
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe('{ "name": "mine", "private": true }\n');
    expect(run.stdout).toMatch(/kept .*\.gitignore/);
    expect(run.stdout).toMatch(/package\.json does not list galley/);
    expect(run.stdout).toContain('wrote galley.config.yaml');
  });

  it('refuses a DIR that is a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'galley-init-'));
    writeFileSync(join(dir, 'plain'), '');
    const run = galley(dir, 'init', 'plain');
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('galley: plain: is not a folder');
  });
});

describe('the galley.config.yaml it writes', () => {
  const text = configText();

  it('names every setting galley has, each with a comment, all at their defaults', () => {
    const keys = Object.keys(settingsSchema.shape);
    const lines = text.split('\n').filter((line) => /^# \w+: /.test(line));
    expect(lines.map((line) => line.match(/^# (\w+):/)![1])).toEqual(keys);
    for (const line of lines) expect(line, line).toMatch(/ {2,}# \S/);
    const uncommented = YAML.parse(lines.map((line) => line.slice(2)).join('\n'));
    // Strict: a key galley does not know fails here.
    const parsed = settingsSchema.parse(uncommented);
    const defaults: Record<string, unknown> = settingsSchema.parse({});
    for (const key of keys.filter((k) => !(k in EXAMPLES))) expect(parsed[key as keyof typeof parsed], key).toEqual(defaults[key]);
  });

  it('is a valid config as written: galley reads it as no settings at all', () => {
    expect(YAML.parse(text)).toBeNull();
  });
});

describe('galley --help', () => {
  it('tells about preview and init', () => {
    const help = galley(ROOT, '--help').stdout;
    expect(help).toMatch(/galley preview \[FILE\]/);
    expect(help).toMatch(/galley init \[DIR\]/);
    expect(help).toMatch(/--port N/);
    expect(help).toMatch(/--open/);
  });
});
