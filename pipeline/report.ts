/** Messages as people read them (vfile-reporter) and as CI reads them (JSON). */
import type { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { ReportEntry } from './types.ts';

export function reportEntries(files: VFile[]): ReportEntry[] {
  return files.flatMap((file) =>
    file.messages.map((message) => {
      const entry: ReportEntry = {
        file: file.path,
        line: message.line ?? null,
        column: message.column ?? null,
        rule: message.ruleId ?? null,
        severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
        message: message.reason,
      };
      if (message.actual !== undefined) entry.before = message.actual;
      if (message.expected?.length) entry.after = message.expected.join(' | ');
      return entry;
    }),
  );
}

export function humanReport(files: VFile[], options: { quiet?: boolean } = {}): string {
  const withMessages = files.filter((file) => file.messages.length);
  if (!withMessages.length) return '';
  return reporter(withMessages, { quiet: options.quiet ?? false });
}
