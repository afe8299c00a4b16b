/**
 * GitHub Actions workflow commands: each failure becomes an `::error` line,
 * which the runner shows as an annotation on the run and on the source file.
 */
import type { CheckResult } from '../types.ts';

/** Annotations show a few lines; the full diff is in the log and the JUnit report. */
const MAX_DIFF_LINES = 40;

export function githubAnnotations(result: CheckResult): string {
  const lines: string[] = [];
  for (const output of result.outputs) {
    if (output.status !== 'failed') continue;
    const diff = output.diff?.split('\n') ?? [];
    const shown = diff.length > MAX_DIFF_LINES ? [...diff.slice(0, MAX_DIFF_LINES), `… ${diff.length - MAX_DIFF_LINES} more lines`] : diff;
    const message = [output.message ?? 'differs from its snapshot', ...shown].join('\n');
    lines.push(`::error file=${property(output.source)},title=${property(`galley check: ${output.format}`)}::${data(message)}`);
  }
  for (const error of result.errors) {
    const file = error.file ? `file=${property(error.file)},` : '';
    lines.push(`::error ${file}title=galley check::${data(error.message)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Escaping as the runner expects: %, CR and LF in the message; also : and , in properties. */
function data(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(value: string): string {
  return data(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const inGitHubActions = (env: NodeJS.ProcessEnv = process.env) => env.GITHUB_ACTIONS === 'true';
