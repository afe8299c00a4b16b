/**
 * Starting a worker thread of the pools (text-pool.ts): the thread, the memory
 * through which it says which stage it is in, and its replies routed to the
 * job it is on. A module of its own, importing only Node's, so that the CLI can
 * start the text thread as soon as it knows the command is a build (cli.ts),
 * before it loads the pools and the build: the thread loads the text stages on
 * the other core meanwhile, and the pool takes it over when it warms up.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PACKAGE_ROOT } from '../package-root.ts';

declare const GALLEY_BUNDLE: boolean | undefined;

export type WorkerModule = 'text-worker' | 'book-worker';

/** A thread's reply to its job: `id` names the job. */
export interface Reply {
  id: number;
}

export interface Thread<R extends Reply = Reply> {
  worker: Worker;
  stage: Int32Array;
  /** Settles when the thread has loaded its modules (or failed to). */
  ready: Promise<void>;
  /** The job it is working on. */
  job?: { id: number; settle: (reply: R | Error) => void };
  /** Replies that come after a job's own (a document's report), by job id: undefined if the thread died first. */
  later: Map<number, (reply: Reply | undefined) => void>;
  /** Has run a job: it ends as a program does; one that never did is simply stopped. */
  used?: boolean;
  /** Told when the thread dies (an error, an exit); until a pool sets it, `died` keeps why. */
  onDeath?: (why: string) => void;
  died?: string;
}

/** A worker's module: its bundle beside the CLI's, or its source loaded through tsx. */
function workerUrl(module: WorkerModule): URL {
  if (typeof GALLEY_BUNDLE !== 'undefined' && GALLEY_BUNDLE) return pathToFileURL(join(PACKAGE_ROOT, `dist/${module}.js`));
  const tsx = pathToFileURL(join(dirname(createRequire(join(PACKAGE_ROOT, 'package.json')).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const source = pathToFileURL(join(PACKAGE_ROOT, `pipeline/batch/${module}.ts`)).href;
  const code = `import { tsImport } from ${JSON.stringify(tsx)};\nawait tsImport(${JSON.stringify(source)}, import.meta.url);\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** Starts a thread running `module`: its replies go to its job, its death to `onDeath` (or is kept until a pool sets one). */
export function spawnThread<R extends Reply>(module: WorkerModule): Thread<R> {
  const stage = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerUrl(module), { workerData: { stage: stage.buffer } });
  let loaded!: () => void;
  let failed!: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => ((loaded = resolve), (failed = reject)));
  // A failed start is the first job's error, not an unhandled rejection.
  ready.catch(() => undefined);
  const thread: Thread<R> = { worker, stage, ready, later: new Map() };
  worker.on('message', (reply: R | 'ready') => {
    if (reply === 'ready') loaded();
    else if (thread.job?.id === reply.id) thread.job.settle(reply);
    else thread.later.get(reply.id)?.(reply);
  });
  const died = (why: string) => {
    failed(new Error(why));
    thread.job?.settle(new Error(why));
    for (const settle of thread.later.values()) settle(undefined);
    thread.died ??= why;
    thread.onDeath?.(why);
  };
  worker.on('error', (error) => died(`the text stages failed: ${error.message.split('\n')[0]}`));
  worker.on('exit', (code) => died(`the text stages stopped (exit code ${code})`));
  return thread;
}

/** The text thread started ahead of its pool (startTextThread), until the pool takes it. */
let early: Thread | undefined;

/**
 * Starts the text thread now, ahead of the pool that will use it (the CLI calls
 * this for a build). It keeps no process alive until a job is given to it.
 */
export function startTextThread(): Thread {
  if (!early) {
    early = spawnThread('text-worker');
    early.worker.unref();
  }
  return early;
}

/** The thread startTextThread() started, once: the pool's to use from then on. */
export function takeEarlyThread<R extends Reply>(): Thread<R> | undefined {
  const thread = early;
  early = undefined;
  return thread as Thread<R> | undefined;
}
