/** Unified diffs of text snapshots, as `git diff` shows them. */
import { createTwoFilesPatch } from 'diff';

export function unifiedDiff(name: string, expected: string, actual: string): string {
  const patch = createTwoFilesPatch(`${name} (snapshot)`, `${name} (new)`, expected, actual, undefined, undefined, { context: 3 });
  // Drop the "====" banner line: the file header lines say the same.
  return patch.split('\n').filter((line) => !/^={10,}$/.test(line)).join('\n').trimEnd();
}
