/**
 * Build progress on stderr. On a terminal: one line redrawn in place — a bar,
 * documents done of total, time left and the document just finished. Elsewhere
 * (pipes, log files, CI): one plain line per document, which logs keep readably.
 */
import type { WriteStream } from 'node:tty';

export interface ProgressEvent {
  /** Path of the document as the user sees it. */
  source: string;
  /** "a.md → out/a.html, out/a.pdf", "a.md: failed", ... */
  line: string;
  failed: boolean;
  cached: boolean;
}

export interface Progress {
  update(event: ProgressEvent, done: number, total: number): void;
  /** Writes a block of text (a document's report) between progress updates. */
  print(text: string): void;
  /** Clears the bar, so the report that follows starts on a clean line. */
  finish(): void;
}

export interface ProgressOptions {
  stream?: NodeJS.WritableStream;
  env?: NodeJS.ProcessEnv;
  /** Plain lines are skipped (e.g. with --report json); the bar is drawn anyway on a terminal. */
  lines?: boolean;
  now?: () => number;
}

/** CI services set CI; their logs are not terminals even when they pretend to be. */
export function isInteractive(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return (stream as WriteStream).isTTY === true && !ci && env.TERM !== 'dumb';
}

export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  if (!isInteractive(stream, env)) {
    const lines = options.lines ?? true;
    return {
      update: (event, done, total) => {
        if (lines) stream.write(`[${done}/${total}] ${event.line}\n`);
      },
      print: (text) => void stream.write(`${text}\n`),
      finish: () => undefined,
    };
  }
  return new Bar(stream as WriteStream, options.now ?? Date.now);
}

/** Redraws at most this often; a build of small documents finishes many per frame. */
const FRAME_MS = 100;

class Bar implements Progress {
  private readonly started: number;
  private lastDraw = 0;
  private built = 0;
  private builtTime = 0;
  private drawn = false;

  constructor(
    private readonly stream: WriteStream,
    private readonly now: () => number,
  ) {
    this.started = now();
  }

  update(event: ProgressEvent, done: number, total: number): void {
    const now = this.now();
    if (!event.cached) {
      this.built++;
      this.builtTime = now - this.started;
    }
    // A failure stays on screen above the bar; successes only move the bar.
    if (event.failed) {
      this.clear();
      this.stream.write(`${event.line}\n`);
    }
    if (done < total && now - this.lastDraw < FRAME_MS && !event.failed) return;
    this.lastDraw = now;
    this.draw(event.source, done, total);
  }

  print(text: string): void {
    // The bar comes back with the next update.
    this.clear();
    this.stream.write(`${text}\n`);
  }

  finish(): void {
    this.clear();
  }

  private draw(current: string, done: number, total: number): void {
    const columns = this.stream.columns || 80;
    const width = Math.max(10, Math.min(30, columns - 50));
    const filled = total ? Math.round((done / total) * width) : width;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const left = this.remaining(done, total);
    const head = `${bar} ${done}/${total}${left === undefined ? '' : ` · ${left} left`} · `;
    const room = Math.max(0, columns - head.length - 1);
    const name = current.length > room ? `…${current.slice(current.length - room + 1)}` : current;
    this.stream.write(`\r\x1b[2K${head}${name}`);
    this.drawn = true;
  }

  /** Time left from the pace of documents actually built; cache hits take no time and would skew it. */
  private remaining(done: number, total: number): string | undefined {
    if (this.built < 2 || done >= total) return undefined;
    const seconds = Math.ceil(((this.builtTime / this.built) * (total - done)) / 1000);
    return formatDuration(seconds);
  }

  private clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
