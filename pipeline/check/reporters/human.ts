/** The report people read: one line per document and output, diffs under the failures, a total. */
import { summarize, type CheckResult, type OutputCheck } from '../types.ts';

const MARK = { passed: '✓', failed: '✗', written: '+', updated: '↻' } as const;

export function summaryLine(output: OutputCheck): string {
  const head = `${MARK[output.status]} ${output.source} ${output.format}`;
  return output.message ? `${head}: ${output.message}` : head;
}

export function humanReport(result: CheckResult): string {
  const lines: string[] = [];
  for (const output of result.outputs) {
    lines.push(summaryLine(output));
    if (output.status === 'failed' && output.diff) lines.push(indent(output.diff), '');
  }
  for (const error of result.errors) lines.push(error.line);
  const counts = summarize(result.outputs);
  const parts = [`${counts.passed} passed`, `${counts.failed} failed`];
  if (counts.written) parts.push(`${counts.written} written`);
  if (counts.updated) parts.push(`${counts.updated} updated`);
  lines.push('', parts.join(', '));
  if (counts.failed && result.outputs.some((o) => o.diff || o.images.length)) {
    lines.push('If the changes are intended, run "galley check --update" and commit the snapshots.');
  }
  return `${lines.join('\n')}\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
