/**
 * A preview session: builds the document, keeps the last good snapshot, and
 * builds again when the source, the config or a template file changes. One
 * build runs at a time; changes during a build make exactly one more.
 */
import { join, resolve } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { templatesDir } from '../batch/index.ts';
import { CONFIG_FILE } from '../config/index.ts';
import { buildSnapshot, type Snapshot, type Target } from './snapshot.ts';

export interface State {
  /** Counts good builds: the page reloads its panes when it changes. */
  version: number;
  building: boolean;
  snapshot?: Snapshot;
  /** Why the latest build failed (the snapshot is then the last good one). */
  error?: string;
}

/** Editors write a file in several steps; one build follows the last of them. */
const SETTLE_MS = 120;

export class PreviewSession {
  state: State = { version: 0, building: false };
  private readonly listeners = new Set<(state: State) => void>();
  private watchers: FSWatcher[] = [];
  private watched = new Set<string>();
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly target: Target) {}

  /** Builds once, then watches what the build read, the templates and the config file. */
  async start(): Promise<void> {
    if (this.target.file) this.watched.add(resolve(this.target.file));
    await this.rebuild();
    const root = resolve(this.target.root);
    const config = join(root, CONFIG_FILE);
    const files = watch([...this.watched, templatesDir(root), ...(this.target.book ? [resolve(this.target.book)] : [])], { ignoreInitial: true });
    // The config file may not exist yet: its folder is watched, for it alone.
    const settings = watch(root, { ignoreInitial: true, depth: 0, ignored: (path) => resolve(path) !== root && resolve(path) !== config });
    this.watchers = [files, settings];
    for (const watcher of this.watchers) watcher.on('all', () => this.changed());
    await Promise.all(this.watchers.map((watcher) => new Promise<void>((ready) => watcher.once('ready', () => ready()))));
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
    const outcome = await buildSnapshot(this.target);
    for (const source of outcome.sources) {
      if (this.watched.has(source)) continue;
      this.watched.add(source);
      this.watchers[0]?.add(source);
    }
    if (outcome.snapshot) this.update({ building: false, snapshot: outcome.snapshot, error: outcome.error, version: this.state.version + 1 });
    else this.update({ building: false, error: outcome.error });
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
