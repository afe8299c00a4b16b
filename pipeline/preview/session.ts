/**
 * A preview session: builds the document, keeps the last good snapshot, and
 * builds again when the source, the config or a template file changes. One
 * build runs at a time; changes during a build make exactly one more. Each
 * build is two: the HTML page first, shown at once, then the page and the PDF
 * (printing takes seconds); a newer change skips the printing of an older one.
 */
import { join, resolve } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { templatesDir } from '../render/template.ts';
import { CONFIG_FILE } from '../config/index.ts';
import { buildSnapshot, type Snapshot, type Target } from './snapshot.ts';

export interface State {
  /** Counts the snapshots shown: the page reloads its panel when it changes. */
  version: number;
  /** Change when the HTML page, or the PDF, differs from the one shown before: that pane reloads. */
  pageVersion: number;
  pdfVersion: number;
  building: boolean;
  /** The page is new and its PDF is still being printed (the PDF shown is the one before). */
  printing: boolean;
  snapshot?: Snapshot;
  /** Why the latest build failed (the snapshot is then the last good one). */
  error?: string;
}

/** Editors write a file in several steps; one build follows the last of them. */
const SETTLE_MS = 120;

export class PreviewSession {
  state: State = { version: 0, pageVersion: 0, pdfVersion: 0, building: false, printing: false };
  private readonly listeners = new Set<(state: State) => void>();
  private watchers: FSWatcher[] = [];
  private watched = new Set<string>();
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly target: Target) {}

  /** Watches the source, the templates and the config file, then builds (a save during the first build is not missed). */
  async start(): Promise<void> {
    const root = resolve(this.target.root);
    const config = join(root, CONFIG_FILE);
    if (this.target.file) this.watched.add(resolve(this.target.file));
    const files = watch([...this.watched, templatesDir(root), ...(this.target.book ? [resolve(this.target.book)] : [])], { ignoreInitial: true });
    // The config file may not exist yet: its folder is watched, for it alone.
    const settings = watch(root, { ignoreInitial: true, depth: 0, ignored: (path) => resolve(path) !== root && resolve(path) !== config });
    this.watchers = [files, settings];
    for (const watcher of this.watchers) watcher.on('all', () => this.changed());
    await Promise.all(this.watchers.map((watcher) => new Promise<void>((ready) => watcher.once('ready', () => ready()))));
    await this.rebuild();
  }

  onChange(listener: (state: State) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A file changed: build once things settle. */
  changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.rebuild(), SETTLE_MS);
  }

  rebuild(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.rebuild();
      }
    });
    return this.running;
  }

  private async run(): Promise<void> {
    this.update({ building: true });
    const page = await this.build(false);
    if (!page.snapshot) return this.update({ building: false, printing: false, error: page.error });
    this.show({ ...page.snapshot, pdf: this.state.snapshot?.pdf }, { printing: true, error: undefined });
    if (this.again) return this.update({ building: false });
    const printed = await this.build(true);
    if (printed.snapshot) this.show(printed.snapshot, { building: false, printing: false, error: printed.error });
    else this.update({ building: false, printing: false, error: printed.error });
  }

  private async build(print: boolean) {
    const outcome = await buildSnapshot(this.target, print);
    for (const source of outcome.sources) {
      if (this.watched.has(source)) continue;
      this.watched.add(source);
      this.watchers[0]?.add(source);
    }
    return outcome;
  }

  private show(snapshot: Snapshot, change: Partial<State>): void {
    const before = this.state.snapshot;
    const samePdf = before?.pdf && snapshot.pdf && Buffer.compare(before.pdf, snapshot.pdf) === 0;
    this.update({
      ...change,
      snapshot,
      version: this.state.version + 1,
      pageVersion: this.state.pageVersion + (before?.html === snapshot.html ? 0 : 1),
      pdfVersion: this.state.pdfVersion + (samePdf || (!before?.pdf && !snapshot.pdf) ? 0 : 1),
    });
  }

  private update(change: Partial<State>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await Promise.all(this.watchers.map((watcher) => watcher.close()));
    await this.running;
  }
}
