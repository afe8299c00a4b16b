/**
 * A worker thread of the text pool (text-pool.ts): takes one document at a
 * time, runs its text stages (read, parse, normalize, enrich, render) and
 * sends back what the emitters need. Its own thread, so that the batch can stop
 * a document that takes too long, or the whole build on Ctrl-C, mid-parse.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { asGalleyError } from '../errors.ts';
import type { EpubJob } from '../emit/epub/index.ts';
import { prepareDocument } from '../process/document.ts';
import { reportStagesTo } from '../process/stage.ts';
import { saveMessage } from './replay.ts';
import type { TextJob, TextReply } from './text-pool.ts';

reportStagesTo(new Int32Array(workerData.stage as SharedArrayBuffer));

parentPort!.on('message', async (job: TextJob | 'close') => {
  // The build is done: the thread ends as a program does, its exit handlers run.
  if (job === 'close') return parentPort!.close();
  if (job.kind === 'epub') return makeEpub(job.id, job.epub);
  let reply: TextReply;
  try {
    const { file, settings, rendered } = await prepareDocument(job.source, job.layers, job.root);
    reply = { id: job.id, file: { data: file.data, messages: file.messages.map(saveMessage) }, settings, rendered, heap: getHeapStatistics().total_heap_size };
  } catch (error) {
    const failure = asGalleyError(error, job.source.display);
    reply = { id: job.id, error: { file: failure.file, message: failure.message, exitCode: failure.exitCode} };
  }
  try {
    parentPort!.postMessage(reply);
  } catch (error) {
    // Something on the document that cannot be copied to the batch (a plugin's function, say).
    parentPort!.postMessage({ id: job.id, error: { file: job.source.display, message: `could not be passed on: ${(error as Error).message}`, exitCode: 1} } satisfies TextReply);
  }
});

declare const GALLEY_BUNDLE: boolean | undefined;

/**
 * The e-book module. In the bundle it is an ES module of its own (dist/lazy/epub.js, see
 * scripts/compile.js), not part of this thread's script: a thread that makes no e-book never parses it.
 */
const EPUB_MODULE = typeof GALLEY_BUNDLE !== 'undefined' && GALLEY_BUNDLE ? './lazy/epub.js' : new URL('../emit/epub/index.ts', import.meta.url).href;

/** An e-book (text-pool.ts, epub): its bytes are moved to the batch, not copied. */
async function makeEpub(id: number, job: EpubJob): Promise<void> {
  try {
    const { renderEpub } = (await import(EPUB_MODULE)) as typeof import('../emit/epub/index.ts');
    const made = await renderEpub(job);
    const epub = made.byteOffset === 0 && made.byteLength === made.buffer.byteLength ? made : made.slice();
    parentPort!.postMessage({ id, epub, heap: getHeapStatistics().total_heap_size } satisfies TextReply, [epub.buffer as ArrayBuffer]);
  } catch (error) {
    // As the batch would have read it had the book been made there (asGalleyError, with no file: the batch names it).
    const failure = asGalleyError(error, undefined);
    parentPort!.postMessage({ id, error: { file: failure.file, message: failure.message, exitCode: failure.exitCode } } satisfies TextReply);
  }
}

// Loaded: a document's time starts now, not while the thread loads the parsers.
parentPort!.postMessage('ready');
