/**
 * A worker thread of the text pool (text-pool.ts): takes one document at a
 * time, runs its text stages (read, parse, normalize, enrich, render) and
 * sends back what the emitters need. Its own thread, so that the batch can stop
 * a document that takes too long, or the whole build on Ctrl-C, mid-parse.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { asGalleyError } from '../errors.ts';
import { prepareDocument } from '../process/document.ts';
import { reportStagesTo } from '../process/stage.ts';
import { replay, saveMessage } from './replay.ts';
import type { LaterReply, TextJob, TextReply } from './text-pool.ts';

reportStagesTo(new Int32Array(workerData.stage as SharedArrayBuffer));

parentPort!.on('message', async (job: TextJob | 'close') => {
  // The build is done: the thread ends as a program does, its exit handlers run.
  if (job === 'close') return parentPort!.close();
  let reply: TextReply;
  try {
    const { file, settings, rendered } = await prepareDocument(job.source, job.layers, job.root);
    // process.memoryUsage() gives this thread's heap: node:v8 would be one more module for the thread to load as it starts.
    reply = { id: job.id, file: { data: file.data, messages: file.messages.map(saveMessage) }, settings, rendered, heap: process.memoryUsage().heapTotal };
  } catch (error) {
    const failure = asGalleyError(error, job.source.display);
    reply = { id: job.id, error: { file: failure.file, message: failure.message, exitCode: failure.exitCode } };
  }
  try {
    parentPort!.postMessage(reply);
  } catch (error) {
    // Something on the document that cannot be copied to the batch (a plugin's function, say).
    parentPort!.postMessage({ id: job.id, error: { file: job.source.display, message: `could not be passed on: ${(error as Error).message}`, exitCode: 1 } } satisfies TextReply);
    return;
  }
  // The report for a person, formatted here while the build's thread writes the outputs: from the
  // messages as that thread replays them, so the text is the one it would format itself. The
  // reporter is loaded then, not with the thread: its start is on the way to every document.
  if (job.report && 'file' in reply) {
    const { messages } = reply.file;
    const { humanReport } = await import('../report.ts');
    parentPort!.postMessage({ id: job.id, report: humanReport([replay(job.source.display, messages)], job.report), messages: messages.length } satisfies LaterReply);
  }
});

// Loaded: a document's time starts now, not while the thread loads the parsers.
parentPort!.postMessage('ready');
