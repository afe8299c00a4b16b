/** The check reporters, by the name --reporter takes. */
import type { CheckResult } from '../types.ts';
import { humanReport } from './human.ts';
import { jsonReport } from './json.ts';
import { junitReport } from './junit.ts';

export { githubAnnotations, inGitHubActions } from './github.ts';
export { humanReport, summaryLine } from './human.ts';
export { jsonReport } from './json.ts';
export { junitReport } from './junit.ts';

export const REPORTERS = { human: humanReport, json: jsonReport, junit: junitReport } satisfies Record<string, (r: CheckResult) => string>;
export type ReporterName = keyof typeof REPORTERS;
