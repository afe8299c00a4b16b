/**
 * The code cache of the text thread's CommonJS bundle (pipeline/code-cache.ts):
 * used when it was made for the bundle, never when it was made for another one
 * (V8 itself compares only the source's length) or when V8 refuses it, and in
 * every case the bundle runs its own code. No timing: that is npm run bench.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCached, writeCache } from '../../pipeline/code-cache.ts';

/** A bundle as scripts/compile.js writes one: its id line first, then CommonJS that may import through __galleyImport. */
function bundle(dir: string, id: string, answer: string): string {
  const path = join(dir, 'bundle.cjs');
  const body = [
    "'use strict';",
    `function answer() { return ${JSON.stringify(answer)}; }`,
    'module.exports.answer = answer;',
    "module.exports.later = () => __galleyImport('./lazy.mjs').then((m) => m.value);",
    // Strict mode, as the ES modules bundled into it expect.
    'module.exports.strict = (function () { return this; })() === undefined;',
  ].join('\n');
  writeFileSync(path, `// code-cache ${id}\n${body}\n`);
  return path;
}

function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'galley-code-cache-'));
  writeFileSync(join(dir, 'lazy.mjs'), 'export const value = 42;\n');
  return { dir, cache: join(dir, 'bundle.cache') };
}

const CODE_CACHE = join(import.meta.dirname, '../../pipeline/code-cache.ts');

/**
 * Runs the bundle in a process of its own (in one that compiled the same source before, V8
 * answers from its own compilation cache and never reads the code cache), writing the cache
 * after when asked; returns what became of the cache and what the bundle's code gave.
 */
function run(path: string, cache: string, write = false): { cache: string; answer: string; strict: boolean; later: number } {
  const script = `
    import { runCached, writeCache } from ${JSON.stringify(pathToFileURL(CODE_CACHE).href)};
    const importer = (specifier) => import(new URL(specifier, ${JSON.stringify(pathToFileURL(path).href)}).href);
    const run = runCached(${JSON.stringify(path)}, ${JSON.stringify(cache)}, importer);
    if (${write}) writeCache(run, ${JSON.stringify(cache)});
    const { answer, strict, later } = run.exports;
    console.log(JSON.stringify({ cache: run.cache, answer: answer(), strict, later: await later() }));
  `;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout);
}

describe('the code cache of a CommonJS bundle', () => {
  it('is used when it was made for the bundle, and the bundle runs as it does without one', () => {
    const { dir, cache } = setUp();
    const path = bundle(dir, 'aaaa1111', 'A');
    expect(run(path, cache, true)).toEqual({ cache: 'none', answer: 'A', strict: true, later: 42 });
    expect(readFileSync(cache).subarray(0, 8).toString()).toBe('aaaa1111');
    // import() from the bundle goes through the importer; strict mode, as the ES modules bundled into it expect.
    expect(run(path, cache)).toEqual({ cache: 'accepted', answer: 'A', strict: true, later: 42 });
  });

  it('is not used for another bundle of the same length, which runs its own code', () => {
    const { dir, cache } = setUp();
    run(bundle(dir, 'aaaa1111', 'A'), cache, true);
    // Same length, other code and id: V8 alone would run the old bytecode.
    expect(run(bundle(dir, 'bbbb2222', 'B'), cache)).toMatchObject({ cache: 'stale', answer: 'B' });
  });

  it('falls back to compiling when V8 refuses the cache (made by another V8, say)', () => {
    const { dir, cache } = setUp();
    const path = bundle(dir, 'aaaa1111', 'A');
    run(path, cache, true);
    const damaged = readFileSync(cache);
    // V8's own header after the id: its magic number and version hash.
    damaged.fill(0x55, 8, 8 + 8);
    writeFileSync(cache, damaged);
    expect(run(path, cache)).toMatchObject({ cache: 'rejected', answer: 'A' });
  });

  it('writes no cache for a bundle without an id line', () => {
    const { dir, cache } = setUp();
    const path = join(dir, 'plain.cjs');
    writeFileSync(path, 'module.exports.x = 1;\n');
    const plain = runCached(path, cache, (specifier) => import(specifier));
    expect(plain.cache).toBe('none');
    expect(() => writeCache(plain, cache)).toThrow(/no code-cache id/);
  });
});
