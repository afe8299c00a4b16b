/**
 * The book thread (text-pool.ts, bookPool): makes e-books and finishes printed
 * PDFs, one at a time, beside the thread that drives the browser and writes
 * the outputs. Their bytes are moved back to it, not copied.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { asGalleyError } from '../errors.ts';
import type { BookJob, TextReply } from './text-pool.ts';
import { owned } from './transfer.ts';

parentPort!.on('message', async (job: BookJob | 'close') => {
  if (job === 'close') return parentPort!.close();
  try {
    const bytes = owned(
      job.kind === 'epub'
        ? await (await import('../emit/epub/index.ts')).renderEpub(job.epub)
        : await (await import('../emit/pdf/metadata.ts')).finishPrinted(job.pdf),
    );
    const heap = getHeapStatistics().total_heap_size;
    const made = (job.kind === 'epub' ? { id: job.id, epub: bytes, heap } : { id: job.id, pdf: bytes, heap }) satisfies TextReply;
    parentPort!.postMessage(made, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    // As the batch would have read it had this been done there (asGalleyError, with no file: the batch names it).
    const failure = asGalleyError(error, undefined);
    parentPort!.postMessage({ id: job.id, error: { file: failure.file, message: failure.message, exitCode: failure.exitCode } } satisfies TextReply);
  }
});

parentPort!.postMessage('ready');
