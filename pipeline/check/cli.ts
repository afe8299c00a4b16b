/** `galley check`: the command line over check(), its reporters and its exit code. */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { checkSettings, type SettingsInput } from '../config/index.ts';
import { GalleyError } from '../errors.ts';
import { check } from './index.ts';
import { githubAnnotations, inGitHubActions, REPORTERS, summaryLine, type ReporterName } from './reporters/index.ts';

export interface CheckCommand {
  update?: boolean;
  /** human (default), junit or json. */
  reporter?: string;
  /** Write the reporter's output here instead of stdout. */
  outputFile?: string;
  noBuild?: boolean;
  settings: SettingsInput;
}

export async function runCheck(files: string[], command: CheckCommand): Promise<number> {
  const reporter = (command.reporter ?? 'human') as ReporterName;
  if (!(reporter in REPORTERS)) {
    throw new GalleyError(undefined, `--reporter must be human, junit or json, not "${command.reporter}"`, 2);
  }
  const settings = { ...command.settings };
  if (settings.out) settings.out = relative(process.cwd(), settings.out) || '.';
  // Progress goes where the report does not: stdout for people, stderr when stdout carries XML or JSON.
  const machineOnStdout = reporter !== 'human' && !command.outputFile;
  const progress = reporter === 'human' && !command.outputFile ? undefined : (line: string) => process.stderr.write(`${line}\n`);
  const result = await check({
    files,
    settings: checkSettings(settings, 'command line', 2),
    build: !command.noBuild,
    update: command.update ?? false,
    onOutput: progress ? (output) => progress(summaryLine(output)) : undefined,
  });
  const report = REPORTERS[reporter](result);
  if (command.outputFile) writeFileSync(command.outputFile, report);
  else process.stdout.write(report);
  if (inGitHubActions()) {
    // The runner reads workflow commands from stdout; keep them out of an XML or JSON report there.
    const annotations = githubAnnotations(result);
    (machineOnStdout ? process.stderr : process.stdout).write(annotations);
  }
  if (result.outputs.some((o) => o.status === 'failed') || result.errors.some((e) => e.exitCode === 1)) return 1;
  return result.errors.length ? 2 : 0;
}
