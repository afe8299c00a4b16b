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

/**
 * Writes a build's entries as one JSON array, the same text as
 * JSON.stringify(all, null, 2), while the build runs. Documents finish out of
 * order; each one's entries wait only for the documents before it, so memory
 * holds the documents in flight rather than every message of the collection.
 */
export class JsonReportStream {
  private next = 0;
  private readonly waiting = new Map<number, ReportEntry[]>();
  private started = false;

  constructor(private readonly write: (text: string) => void) {}

  /** The entries of the document at `index` in the build's order. */
  add(index: number, entries: ReportEntry[]): void {
    this.waiting.set(index, entries);
    for (let ready = this.waiting.get(this.next); ready; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next++);
      this.emit(ready);
    }
  }

  /** Closes the array; entries still waiting (a document never reported) go out in order first. */
  end(): void {
    for (const index of [...this.waiting.keys()].sort((a, b) => a - b)) this.emit(this.waiting.get(index)!);
    this.waiting.clear();
    this.write(this.started ? '\n]\n' : '[]\n');
  }

  private emit(entries: ReportEntry[]): void {
    if (!entries.length) return;
    // JSON strings hold no raw line breaks, so indenting every line nests the entry in the array.
    const text = entries.map((entry) => `  ${JSON.stringify(entry, null, 2).replaceAll('\n', '\n  ')}`).join(',\n');
    this.write(`${this.started ? ',\n' : '[\n'}${text}`);
    this.started = true;
  }
}
