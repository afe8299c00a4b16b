/** The report programs read: every output's status, message, diff and diff images. */
import { summarize, type CheckResult } from '../types.ts';

export function jsonReport(result: CheckResult): string {
  const report = {
    ok: result.ok,
    summary: summarize(result.outputs),
    outputs: result.outputs,
    errors: result.errors.map((e) => ({ file: e.file ?? null, message: e.message })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
