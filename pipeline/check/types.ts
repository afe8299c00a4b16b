/** What a check finds, per document and output: shared by the runner and the reporters. */
import type { GalleyError } from '../errors.ts';
import type { Format } from '../types.ts';

/**
 * passed: same as the snapshot; failed: different, missing in CI, or not built;
 * written: no snapshot yet, so this output became it; updated: --update replaced it.
 */
export type CheckStatus = 'passed' | 'failed' | 'written' | 'updated';

export interface OutputCheck {
  /** The source as the user names it, e.g. source/x.md. */
  source: string;
  slug: string;
  format: Format;
  status: CheckStatus;
  /** One line: what differs, or what was written. */
  message?: string;
  /** Unified diff of the text snapshot, when it differs. */
  diff?: string;
  /** Diff images written for pages that differ. */
  images: string[];
}

export interface CheckResult {
  outputs: OutputCheck[];
  /** Problems not tied to one output: a missing browser or poppler, a named file that does not exist. */
  errors: GalleyError[];
  /** True when no output failed and there were no errors. */
  ok: boolean;
}

export function summarize(outputs: OutputCheck[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { passed: 0, failed: 0, written: 0, updated: 0 };
  for (const output of outputs) counts[output.status]++;
  return counts;
}
