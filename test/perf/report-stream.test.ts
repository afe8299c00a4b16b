/**
 * `--report json` streams its array while the build runs, in document order,
 * so a long build does not hold every message until the end. The text is
 * exactly what one JSON.stringify of all entries would print.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonReportStream } from '../../pipeline/index.ts';
import type { ReportEntry } from '../../pipeline/types.ts';
import { galley } from '../check/helpers.ts';
import { markdown, REPO, tempProject } from './project.ts';

const entry = (file: string, n: number): ReportEntry => ({
  file,
  line: n,
  column: null,
  rule: 'rule',
  severity: 'info',
  message: `message ${n} with "quotes"\nand a line break`,
});

function collect() {
  const chunks: string[] = [];
  return { chunks, stream: new JsonReportStream((text) => chunks.push(text)) };
}

describe('the JSON report stream', () => {
  it('prints what JSON.stringify prints, in document order, whatever order documents finish in', () => {
    const docs = [[entry('a', 1), entry('a', 2)], [], [entry('c', 3)], [entry('d', 4)]];
    const { chunks, stream } = collect();
    stream.add(2, docs[2]!);
    stream.add(0, docs[0]!);
    // The first document is out as soon as it is done; the third waits for the second.
    expect(JSON.parse(`${chunks.join('')}]`)).toEqual(docs[0]);
    stream.add(3, docs[3]!);
    stream.add(1, docs[1]!);
    stream.end();
    expect(chunks.join('')).toBe(`${JSON.stringify(docs.flat(), null, 2)}\n`);
  });

  it('prints an empty array when there is nothing to report', () => {
    const { chunks, stream } = collect();
    stream.add(0, []);
    stream.end();
    expect(chunks.join('')).toBe('[]\n');
  });

  it('closes the array with what it has when a document never reported', () => {
    const { chunks, stream } = collect();
    stream.add(1, [entry('b', 1)]);
    stream.end();
    expect(JSON.parse(chunks.join(''))).toEqual([entry('b', 1)]);
  });
});

describe('galley build --report json', () => {
  const article = readFileSync(join(REPO, 'source/jiceng-dangwu-sikao.txt'), 'utf8');
  const root = tempProject({
    'source/a.txt': article.slice(0, 3000),
    'source/b.md': markdown('Beta'),
    'source/c.txt': article,
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('prints one array of every message, document by document, on a build and on its no-op rebuild', async () => {
    const first = await galley(root, ['build', '--format', 'html', '--report', 'json']);
    expect(first.code, first.stderr).toBe(0);
    const entries = JSON.parse(first.stdout) as ReportEntry[];
    const files = entries.map((e) => e.file);
    expect(new Set(files)).toEqual(new Set(['source/a.txt', 'source/c.txt']));
    // Grouped by document, in the build's order.
    expect(files).toEqual([...files].sort());
    expect(files.filter((f) => f === 'source/c.txt').length).toBeGreaterThan(100);

    const again = await galley(root, ['build', '--format', 'html', '--report', 'json']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(first.stdout);
  });
});
