/** `--shard i/n`: the parts of a collection are disjoint and together make the full build. */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseShard, selectShard, shardOf } from '../../pipeline/batch/shard.ts';
import { build, type BuildResult } from '../../pipeline/index.ts';
import { markdown, REPO, tempProject } from './project.ts';

const run = promisify(execFile);

/** Twenty documents, in nested folders, two of them with names slugified alike ("a-b", "a-b-c"). */
function project(): string {
  const files: Record<string, string> = {
    'source/a b.md': markdown('A B one'),
    'source/nested/a-b c.md': markdown('A B two'),
  };
  for (let n = 1; n <= 18; n++) files[`source/${n % 3 ? '' : 'part/'}doc-${n}.md`] = markdown(`Document ${n}`);
  return tempProject(files);
}

const outputs = (result: BuildResult) =>
  Object.fromEntries(result.documents.map((d) => [d.source, Object.values(d.outputs).map((p) => p!.split('/').pop())]));

describe('--shard', () => {
  let root: string;
  let full: BuildResult;

  beforeAll(async () => {
    root = project();
    full = await build({ root, settings: { formats: ['html'], out: 'out/full' } });
  });

  it('builds, over 1/3, 2/3 and 3/3, exactly the documents of a full build, each once, under the same names', async () => {
    expect(full.documents).toHaveLength(20);
    const parts = [];
    for (let index = 1; index <= 3; index++) {
      parts.push(await build({ root, shard: { index, count: 3 }, settings: { formats: ['html'], out: `out/${index}` } }));
    }
    const built = parts.flatMap((part) => part.documents.map((d) => d.source));
    expect(built.length).toBe(20);
    expect(new Set(built).size).toBe(20);
    expect(new Set(built)).toEqual(new Set(full.documents.map((d) => d.source)));
    // A document's output name is its own, whatever part it falls in.
    const merged = Object.assign({}, ...parts.map(outputs));
    expect(merged).toEqual(outputs(full));
    for (const part of parts) expect(part.documents.length).toBeGreaterThan(0);
    // And the same bytes.
    for (const [index, part] of parts.entries()) {
      for (const doc of part.documents) {
        const name = `${doc.slug}.html`;
        expect(readFileSync(join(root, `out/${index + 1}`, name), 'utf8')).toBe(readFileSync(join(root, 'out/full', name), 'utf8'));
      }
    }
  });

  it('works from the command line, and the three parts write the full set of files', async () => {
    const cli = join(REPO, 'bin/galley.js');
    await Promise.all(
      [1, 2, 3].map((index) => run(process.execPath, [cli, 'build', '--shard', `${index}/3`, '--format', 'html', '--out', 'out/cli'], { cwd: root })),
    );
    expect(readdirSync(join(root, 'out/cli')).filter((f) => f.endsWith('.html')).sort()).toEqual(
      readdirSync(join(root, 'out/full')).filter((f) => f.endsWith('.html')).sort(),
    );
  });

  it('refuses a malformed shard with a usage error', async () => {
    const cli = join(REPO, 'bin/galley.js');
    const bad = ['0/3', '4/3', 'x'];
    const errors = await Promise.all(bad.map((shard) => run(process.execPath, [cli, 'build', '--shard', shard, '--format', 'html'], { cwd: root }).catch((e) => e)));
    for (const [n, error] of errors.entries()) {
      expect(error.code, bad[n]).toBe(2);
      expect(error.stderr, bad[n]).toContain('--shard must be i/n');
    }
  });
});

describe('shard assignment', () => {
  it('parses i/n', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(() => parseShard('6/5')).toThrow(/--shard/);
  });

  it('is a stable function of the path: adding documents moves no other document', () => {
    const before = Array.from({ length: 200 }, (_, n) => `source/doc-${n}.md`);
    const after = [...before, ...Array.from({ length: 50 }, (_, n) => `source/new-${n}.md`)].sort();
    for (let index = 1; index <= 4; index++) {
      const shard = { index, count: 4 };
      const old = selectShard(before, shard, (p) => p);
      expect(selectShard(after, shard, (p) => p).filter((p) => before.includes(p)).sort()).toEqual(old.sort());
    }
  });

  it('spreads documents roughly evenly', () => {
    const counts = [0, 0, 0, 0];
    for (let n = 0; n < 4000; n++) counts[shardOf(`source/doc-${n}.md`, 4) - 1]!++;
    for (const count of counts) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });
});
