/**
 * The text stages of a build on worker threads: a few threads, started as
 * documents need them and reused, each taking one document at a time. A thread
 * can be stopped wherever it is, which the build's own thread cannot do to a
 * parse it runs itself: a document that takes longer than the timeout fails
 * alone with one line (the stage it was in, the limit), and Ctrl-C stops the
 * build at once rather than when the parse ends.
 *
 * The same threads make the e-books (`epub`): the build's own thread drives
 * the browser and writes the outputs, and making an e-book there (its cover's
 * glyphs, its font subsets, its zip) had it busy nearly all of a build's time
 * while the text threads waited.
 */
import { availableParallelism } from 'node:os';
import type { Settings } from '../config/index.ts';
import { GalleyError } from '../errors.ts';
import { onInterrupt } from '../interrupt.ts';
import type { DocumentSource, Layers, PreparedDocument } from '../process/document.ts';
import type { RenderedDocument } from '../render/index.ts';
import type { ReportOptions } from '../report.ts';
import { stageIn } from '../process/stage.ts';
import { replay, type SavedMessage } from './replay.ts';
import type { EpubJob } from '../emit/epub/index.ts';
import type { FinishJob } from '../emit/pdf/metadata.ts';
import { owned } from './transfer.ts';
import { spawnThread, takeEarlyThread, type Thread as RawThread, type WorkerModule } from './threads.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A document's text stages (text-worker.ts); with `report`, its report for a person is formatted after them (LaterReply). */
export type TextJob = { id: number; kind: 'text'; source: DocumentSource; layers: Layers; root: string; report?: ReportOptions };
/** An e-book to make, or a printed PDF to finish (book-worker.ts). */
export type BookJob = { id: number; kind: 'epub'; epub: EpubJob } | { id: number; kind: 'pdf'; pdf: FinishJob };

/** A failure, as it crosses to the build's thread (asGalleyError's reading of it). */
export interface ThreadError {
  file: string | undefined;
  message: string;
  exitCode: number;
}

export type TextReply =
  /** `heap`: the thread's heap after the document, in bytes (see RETIRE_HEAP). */
  | { id: number; file: { data: Record<string, unknown>; messages: SavedMessage[] }; settings: Settings; rendered: RenderedDocument; heap: number }
  | { id: number; epub: Uint8Array; heap: number }
  | { id: number; pdf: Uint8Array; heap: number }
  | { id: number; error: ThreadError };

/** A document's human report (humanReport), sent after its text job's reply; `messages`: how many it reports. */
export type LaterReply = { id: number; report: string; messages: number };

/** A prepared document; `report`, when asked for, settles once its thread has formatted it (undefined if it could not). */
export type PreparedText = PreparedDocument & { report?: Promise<LaterReply | undefined> };

type Thread = RawThread<TextReply>;

/**
 * A thread's heap above which it is ended after its document rather than kept
 * for the next. V8 gives back little of a heap once grown: 10,000 headings
 * leave a thread holding over 300 MB, which the build would carry, idle, while
 * the browser prints. A new thread costs the loading of the parsers, well
 * under a second, and only documents that large pay it.
 */
const RETIRE_HEAP = 256 * 2 ** 20;

/**
 * One pool per process, shared by its builds: a thread costs the loading of
 * the parsers, paid once. Idle threads do not keep the process alive.
 */
class TextPool {
  private readonly idle: Thread[] = [];
  private readonly all = new Set<Thread>();
  private readonly waiting: (() => void)[] = [];
  /** A thread started ahead of the first document (warm), not yet taken. */
  private early: Thread | undefined;
  private next = 0;
  private interrupted = false;
  private sharp: Promise<void> | undefined;

  constructor(
    private readonly size: number,
    private readonly module: WorkerModule,
  ) {}

  /** How many threads the pool runs at most. */
  get threads(): number {
    return this.size;
  }

  /**
   * A document's text stages, on a thread; they may take `timeout` seconds. `onPosted`: called
   * once the thread has the document. With `report`, the thread then formats its human report.
   */
  async prepare(source: DocumentSource, layers: Layers, root: string, timeout: number, onPosted?: () => void, report?: ReportOptions): Promise<PreparedText> {
    let later: Promise<LaterReply | undefined> | undefined;
    const expect = report && ((reply: Promise<LaterReply | undefined>) => (later = reply));
    const reply = await this.run({ kind: 'text', source, layers, root, ...(report ? { report } : {}) }, { file: source.display, seconds: timeout }, [], onPosted, expect);
    if (!('file' in reply)) throw new Error('the text stages sent no document');
    const file = replay(source.display, reply.file.messages);
    Object.assign(file.data, reply.file.data);
    return { source, file, settings: reply.settings, rendered: reply.rendered, ...(later ? { report: later } : {}) };
  }

  /**
   * An e-book made on a thread, as renderEpub makes it (galley's own drawn
   * cover: a template's cover.html needs the browser, which only this thread drives).
   */
  async epub(job: EpubJob): Promise<Uint8Array> {
    // sharp is loaded here as well: libvips must not be unloaded when a thread that used it ends.
    await (this.sharp ??= import('sharp').then(() => undefined));
    const reply = await this.run({ kind: 'epub', epub: job });
    if (!('epub' in reply)) throw new Error('the book thread sent no e-book');
    return reply.epub;
  }

  /** A printed PDF finished on a thread (metadata.ts, finishPrinted): its bytes move there and back. */
  async finishPdf(job: FinishJob): Promise<Uint8Array> {
    const pdf = owned(job.pdf);
    const reply = await this.run({ kind: 'pdf', pdf: { ...job, pdf } }, undefined, [pdf.buffer as ArrayBuffer]);
    if (!('pdf' in reply)) throw new Error('the book thread sent no PDF');
    return reply.pdf;
  }

  /**
   * Runs a job on a thread; a text job may take `timeout.seconds`, after which its thread is stopped.
   * `expect` is given the reply the thread sends after the job's own (undefined if it dies first).
   */
  private async run(
    job: DistributiveOmit<TextJob | BookJob, 'id'>,
    timeout?: { file: string; seconds: number },
    transfer: ArrayBuffer[] = [],
    onPosted?: () => void,
    expect?: (later: Promise<LaterReply | undefined>) => void,
  ): Promise<Exclude<TextReply, { error: ThreadError }>> {
    const thread = await this.take();
    const id = ++this.next;
    if (expect) {
      expect(
        new Promise((settle) =>
          thread.later.set(id, (reply) => {
            thread.later.delete(id);
            settle(reply as LaterReply | undefined);
          }),
        ),
      );
    }
    const reply = await new Promise<TextReply | Error>((settle) => {
      const timer =
        timeout &&
        setTimeout(() => {
          const stage = stageIn(thread.stage);
          this.discard(thread);
          settle(new GalleyError(timeout.file, `${stage} timed out (timeout: ${timeout.seconds} s)`));
        }, timeout.seconds * 1000);
      thread.job = {
        id,
        settle: (value) => {
          clearTimeout(timer);
          thread.job = undefined;
          settle(value);
        },
      };
      thread.used = true;
      thread.worker.ref();
      thread.worker.postMessage({ ...job, id } as TextJob | BookJob, transfer);
      onPosted?.();
    });
    // A job that failed sends nothing after its reply.
    if (reply instanceof Error || 'error' in reply) thread.later.get(id)?.(undefined);
    if (reply instanceof Error) throw reply;
    if ('heap' in reply && reply.heap > RETIRE_HEAP) this.retire(thread);
    else this.give(thread);
    if ('error' in reply) throw new GalleyError(reply.error.file, reply.error.message, reply.error.exitCode);
    return reply;
  }

  /**
   * Starts one thread now, before any document asks for it: a build calls
   * this as it starts, so that the thread loads the parsers on the other core
   * while this one loads the rest of galley and looks up the build cache.
   */
  warm(): void {
    if (this.all.size > 0 || this.interrupted) return;
    const thread = this.spawn();
    // Until a document takes it, it keeps no process alive, and a failed start is the first document's error.
    thread.worker.unref();
    this.early = thread;
  }

  /** Lets every idle thread end as a program does (what listens for its exit runs); a later build starts new ones. */
  async close(): Promise<void> {
    const early = this.early;
    this.early = undefined;
    const idle = this.idle.splice(0);
    await Promise.all([...idle, ...(early ? [early] : [])].map((thread) => this.end(thread, !thread.used)));
  }

  /** Stops every thread wherever it is, and starts no other: the build was interrupted. */
  async stop(): Promise<void> {
    this.interrupted = true;
    this.idle.length = 0;
    this.early = undefined;
    await Promise.all([...this.all].map((thread) => this.end(thread, true)));
    for (const wake of this.waiting.splice(0)) wake();
  }

  private async take(): Promise<Thread> {
    for (;;) {
      if (this.interrupted) throw new GalleyError(undefined, 'build interrupted');
      const ready = this.idle.pop();
      if (ready) return ready;
      const early = this.early;
      this.early = undefined;
      if (early && this.all.has(early)) {
        early.worker.ref();
        await early.ready;
        return early;
      }
      if (this.all.size < this.size) {
        const thread = this.spawn();
        // The CLI's early thread is unreferenced (threads.ts): a build waiting for it must keep the process alive.
        thread.worker.ref();
        await thread.ready;
        return thread;
      }
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
  }

  private give(thread: Thread): void {
    if (!this.all.has(thread)) return;
    thread.worker.unref();
    this.idle.push(thread);
    this.waiting.shift()?.();
  }

  private spawn(): Thread {
    // The text thread the CLI started ahead (threads.ts), if it did: it becomes this pool's first.
    const started = this.module === 'text-worker' ? takeEarlyThread<TextReply>() : undefined;
    return this.adopt(started ?? spawnThread<TextReply>(this.module));
  }

  /** A started thread becomes one of this pool's: one that dies fails its document, and the next one gets a new thread. */
  private adopt(thread: Thread): Thread {
    thread.onDeath = () => this.discard(thread);
    this.all.add(thread);
    if (thread.died !== undefined) this.discard(thread);
    return thread;
  }

  /** A thread whose heap a large document has grown: it ends, so the memory goes back to the system, and its place is free. */
  private retire(thread: Thread): void {
    void this.end(thread, false);
    this.waiting.shift()?.();
  }

  /** A thread that timed out or died: stopped, forgotten, and its place free for a new one. */
  private discard(thread: Thread): void {
    if (!this.all.delete(thread)) return;
    const at = this.idle.indexOf(thread);
    if (at >= 0) this.idle.splice(at, 1);
    void thread.worker.terminate();
    this.waiting.shift()?.();
  }

  private async end(thread: Thread, now: boolean): Promise<void> {
    this.all.delete(thread);
    thread.job?.settle(new GalleyError(undefined, 'build interrupted'));
    if (now) {
      await thread.worker.terminate();
      return;
    }
    const exited = new Promise((done) => thread.worker.once('exit', done));
    thread.worker.postMessage('close');
    // A thread some library keeps busy is not waited for.
    const late = setTimeout(() => void thread.worker.terminate(), 1000);
    await exited;
    clearTimeout(late);
  }
}

export const textPool = new TextPool(Math.max(1, availableParallelism()), 'text-worker');
/**
 * One thread for e-books and the PDFs' finishing (pdf-lib): beside the text
 * threads, so that neither waits for the other, and one, so that the fonts a
 * cover or a book's subsets parse are held once.
 */
export const bookPool = new TextPool(1, 'book-worker');
onInterrupt(() => Promise.all([textPool.stop(), bookPool.stop()]));
