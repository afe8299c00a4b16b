/**
 * A document's messages as the cache keeps them, and back: a no-op build
 * replays them so that it reports exactly what the full build reported.
 */
import { VFile } from 'vfile';

type VFileMessage = VFile['messages'][number];

export interface SavedMessage {
  reason: string;
  place?: VFileMessage['place'];
  ruleId?: string;
  source?: string;
  fatal?: boolean | null;
  actual?: string;
  expected?: string[];
  note?: string;
  url?: string;
}

export function saveMessage(message: VFileMessage): SavedMessage {
  const saved: SavedMessage = { reason: message.reason };
  if (message.place) saved.place = message.place;
  if (message.ruleId) saved.ruleId = message.ruleId;
  if (message.source) saved.source = message.source;
  if (message.fatal !== undefined) saved.fatal = message.fatal;
  if (message.actual !== undefined) saved.actual = message.actual;
  if (message.expected !== undefined) saved.expected = message.expected;
  if (message.note !== undefined) saved.note = message.note;
  if (message.url !== undefined) saved.url = message.url;
  return saved;
}

/** A VFile carrying the saved messages, as the build that wrote them left them. */
export function replay(path: string, messages: SavedMessage[]): VFile {
  const file = new VFile({ path });
  // A message is an Error: capturing a stack nobody reads was most of a no-op build's time.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const saved of messages) replayMessage(file, saved);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return file;
}

function replayMessage(file: VFile, saved: SavedMessage): void {
  const message = file.message(saved.reason, { place: saved.place, ruleId: saved.ruleId, source: saved.source });
  message.fatal = saved.fatal;
  if (saved.actual !== undefined) message.actual = saved.actual;
  if (saved.expected !== undefined) message.expected = saved.expected;
  if (saved.note !== undefined) message.note = saved.note;
  if (saved.url !== undefined) message.url = saved.url;
}
