/** Messages as people read them (vfile-reporter) and as CI reads them (JSON). */
import { VFile } from 'vfile';
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

/** What one routine repair of each rule is, for the one-line count (`punctuation: 86 full-width marks`). */
const ROUTINE: Record<string, [string, string]> = {
  punctuation: ['full-width mark', 'full-width marks'],
  control: ['invisible or decomposed character', 'invisible or decomposed characters'],
  markup: ['HTML reference or tag', 'HTML references and tags'],
  layout: ['line break or letter spacing of the layout undone', 'line breaks and letter spacings of the layout undone'],
  metadata: ['header line moved to front matter', 'header lines moved to front matter'],
  structure: ['line made a heading', 'lines made headings'],
  pinyin: ['converter reading removed', 'converter readings removed'],
  notes: ['note made a footnote', 'notes made footnotes'],
};

function routineLine(rule: string, count: number): string {
  const [one, many] = ROUTINE[rule] ?? ['repair', 'repairs'];
  return `  ${rule}: ${count} ${count === 1 ? one : many}`;
}

type Message = VFile['messages'][number];

/** Warnings of one rule listed on the terminal for one file; the rest are counted (all of them with --verbose or in JSON). */
export const LISTED_PER_RULE = 50;

/** The first LISTED_PER_RULE warnings of each rule, in the order of the text, and how many of each are left. */
function listed(messages: Message[]): { shown: Message[]; more: Map<string, number> } {
  const byPlace = [...messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const seen = new Map<string, number>();
  const more = new Map<string, number>();
  const shown = byPlace.filter((message) => {
    if (message.fatal === true) return true;
    const rule = message.ruleId ?? 'other';
    const count = (seen.get(rule) ?? 0) + 1;
    seen.set(rule, count);
    if (count <= LISTED_PER_RULE) return true;
    more.set(rule, (more.get(rule) ?? 0) + 1);
    return false;
  });
  return { shown, more };
}

/** The reporter's last line (`⚠ 150 warnings`) with the warnings counted that were not listed. */
function withUnlisted(byline: string, unlisted: number, listedWarnings: number, errors: number): string {
  const warnings = listedWarnings + unlisted;
  return byline
    .replace(/\d+ warnings?/, `${warnings} warning${warnings === 1 ? '' : 's'}`)
    .replace(/^\d+ messages \(/, `${errors + warnings} messages (`);
}

/** How humanReport writes: `color`, ANSI colors or not (by default, whether stderr shows them). */
export interface ReportOptions {
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
}

/**
 * Messages for a person: errors one by one, warnings one by one up to LISTED_PER_RULE of each
 * rule (a long scraped text can have tens of thousands of one kind: the rest are counted, per
 * rule), routine repairs (info) as one line per rule with its count. `verbose` lists every
 * message; `quiet` leaves the routine lines out.
 */
export function humanReport(files: VFile[], options: ReportOptions = {}): string {
  const withMessages = files.filter((file) => file.messages.length);
  if (!withMessages.length) return '';
  const settings = { color: options.color };
  if (options.verbose) return reporter(withMessages, settings);
  const blocks: string[] = [];
  for (const file of withMessages) {
    const counts = new Map<string, number>();
    for (const message of file.messages) {
      if (message.fatal !== undefined && message.fatal !== null) continue;
      const rule = message.ruleId ?? 'other';
      counts.set(rule, (counts.get(rule) ?? 0) + 1);
    }
    const { shown: messages, more } = listed(file.messages.filter((message) => message.fatal === true || message.fatal === false));
    const shown = new VFile({ path: file.path });
    shown.messages = messages;
    if (!shown.messages.length && (options.quiet || !counts.size)) continue;
    const lines = shown.messages.length ? reporter([shown], settings).split('\n') : [file.path];
    const extra: string[] = [];
    if (more.size) {
      const unlisted = [...more.values()].reduce((a, b) => a + b, 0);
      const errors = messages.filter((message) => message.fatal === true).length;
      lines[lines.length - 1] = withUnlisted(lines.at(-1)!, unlisted, messages.length - errors, errors);
      const rules = [...more].sort(([a], [b]) => a.localeCompare(b)).map(([rule, count]) => `  ${rule}: ${count} more warning${count === 1 ? '' : 's'}`);
      extra.push(`warnings not listed (${unlisted}, the first ${LISTED_PER_RULE} of each rule are; all with --verbose or --report json):`, ...rules);
    }
    if (!options.quiet && counts.size) {
      const routine = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([rule, count]) => routineLine(rule, count));
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      extra.push(`routine repairs (${total}, each listed with --verbose):`, ...routine);
    }
    lines.splice(shown.messages.length ? lines.length - 2 : lines.length, 0, ...extra); // before the blank line and the totals
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
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
  private ended = false;

  constructor(private readonly write: (text: string) => void) {}

  /** The entries of the document at `index` in the build's order. */
  add(index: number, entries: ReportEntry[]): void {
    if (this.ended) return;
    this.waiting.set(index, entries);
    for (let ready = this.waiting.get(this.next); ready; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next++);
      this.emit(ready);
    }
  }

  /** Closes the array (once: later calls and entries are ignored); entries still waiting (a document never reported) go out in order first. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
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
