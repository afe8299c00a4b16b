/** Progress: a redrawn bar on a terminal, plain lines in logs and CI. */
import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, type ProgressEvent } from '../../pipeline/batch/progress.ts';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, columns: 100, write: (chunk: string) => chunks.push(chunk) > 0 } as unknown as NodeJS.WritableStream & { chunks: string[] };
}

const event = (source: string, extra: Partial<ProgressEvent> = {}): ProgressEvent => ({ source, line: `${source} → out/x.pdf`, failed: false, cached: false, ...extra });

describe('progress', () => {
  it('prints one [n/N] line per document when not on a terminal', () => {
    const out = stream(false);
    const progress = createProgress({ stream: out, env: {} });
    progress.update(event('a.md'), 1, 2);
    progress.update(event('b.md'), 2, 2);
    progress.finish();
    expect(out.chunks.join('')).toBe('[1/2] a.md → out/x.pdf\n[2/2] b.md → out/x.pdf\n');
  });

  it('prints plain lines in CI even on a terminal, and nothing when lines are off', () => {
    const ci = stream(true);
    createProgress({ stream: ci, env: { CI: 'true' } }).update(event('a.md'), 1, 1);
    expect(ci.chunks.join('')).toBe('[1/1] a.md → out/x.pdf\n');
    const quiet = stream(false);
    createProgress({ stream: quiet, env: {}, lines: false }).update(event('a.md'), 1, 1);
    expect(quiet.chunks).toEqual([]);
  });

  it('draws a bar with counts, time left and the current file on a terminal, and clears it at the end', () => {
    const out = stream(true);
    let now = 0;
    const progress = createProgress({ stream: out, env: {}, now: () => now });
    for (let done = 1; done <= 3; done++) {
      now += 1000;
      progress.update(event(`doc-${done}.md`), done, 10);
    }
    const frame = out.chunks.at(-1)!;
    expect(frame).toMatch(/^\r\x1b\[2K/);
    expect(frame).toContain('3/10');
    expect(frame).toContain('0:07 left');
    expect(frame).toContain('doc-3.md');
    expect(frame).not.toContain('\n');
    progress.finish();
    expect(out.chunks.at(-1)).toBe('\r\x1b[2K');
  });

  it('keeps failures on screen above the bar', () => {
    const out = stream(true);
    const progress = createProgress({ stream: out, env: {}, now: () => 0 });
    progress.update(event('bad.md', { failed: true, line: 'bad.md: failed' }), 1, 2);
    expect(out.chunks.join('')).toContain('bad.md: failed\n');
  });

  it("prints a document's report between updates: after its line, or above a cleared bar", () => {
    const plain = stream(false);
    const lines = createProgress({ stream: plain, env: {} });
    lines.update(event('a.md'), 1, 2);
    lines.print('a.md\n  1:1  warning  repaired');
    expect(plain.chunks.join('')).toBe('[1/2] a.md → out/x.pdf\na.md\n  1:1  warning  repaired\n');
    const tty = stream(true);
    let now = 0;
    const bar = createProgress({ stream: tty, env: {}, now: () => now });
    now = 1000;
    bar.update(event('a.md'), 1, 2);
    expect(tty.chunks.at(-1)).toContain('1/2');
    bar.print('a.md\n  1:1  warning  repaired');
    expect(tty.chunks.at(-2)).toBe('\r\x1b[2K');
    expect(tty.chunks.at(-1)).toBe('a.md\n  1:1  warning  repaired\n');
  });

  it('formats durations', () => {
    expect(formatDuration(7)).toBe('0:07');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});
