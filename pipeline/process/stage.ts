/**
 * Which text stage a document is in, for the batch that runs it on a worker
 * thread: when the document's time is up the thread is stopped wherever it is
 * (in the middle of a parse), and the one line says which stage was too slow.
 * Written into memory the batch shares with the thread, so it can be read while
 * the thread is busy; without that memory (a document built in-process) a no-op.
 */
export const STAGES = ['read', 'parse', 'normalize', 'enrich', 'render', 'remark plugins', 'rehype plugins'] as const;
export type Stage = (typeof STAGES)[number];

let shared: Int32Array | undefined;

/** Called once by the worker thread with the memory the batch reads. */
export function reportStagesTo(memory: Int32Array): void {
  shared = memory;
}

export function enterStage(stage: Stage): void {
  if (shared) Atomics.store(shared, 0, STAGES.indexOf(stage));
}

export function stageIn(memory: Int32Array): Stage {
  return STAGES[Atomics.load(memory, 0)] ?? 'read';
}

/** A plugin that marks where the stage changes inside a processor. */
export function stageMark(stage: Stage) {
  return () => () => enterStage(stage);
}
