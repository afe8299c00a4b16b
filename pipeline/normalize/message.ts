/**
 * The message of one repair, made cheaply. A long scraped page reports a hundred thousand
 * repairs (every flattened comma), and file.message() builds each as an Error through
 * VFileMessage's constructor: a sixth of normalize's time, and the garbage collector's work
 * to move them. A RepairMessage is a VFileMessage (instanceof, the same fields in the same
 * order, as file.message() and report() used to leave them; `stack` is the prototype's empty
 * one, as an Error's own is not enumerable) built as a plain object.
 */
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';

class RepairMessage {
  constructor(file: VFile, reason: string, place: { line: number; column: number }, ruleId: string, fatal: false | undefined, actual: string | undefined, expected: string[] | undefined) {
    const self = this as unknown as VFileMessage;
    const position = `${place.line}:${place.column}`;
    self.ancestors = undefined;
    self.cause = undefined;
    self.column = place.column;
    self.fatal = fatal;
    self.file = file.path ?? '';
    self.message = reason;
    self.line = place.line;
    self.name = file.path ? `${file.path}:${position}` : position;
    self.place = place;
    self.reason = reason;
    self.ruleId = ruleId;
    self.source = 'galley';
    self.actual = actual;
    self.expected = expected;
    self.note = undefined;
    self.url = undefined;
  }
}
Object.setPrototypeOf(RepairMessage.prototype, VFileMessage.prototype);

/** One frozen list per replacement and file: most repairs repeat a few replacements (，。：). */
const expectedLists = new WeakMap<VFile, Map<string, string[]>>();

function expectedList(file: VFile, expected: string): string[] {
  let lists = expectedLists.get(file);
  if (!lists) expectedLists.set(file, (lists = new Map()));
  let list = lists.get(expected);
  if (!list) lists.set(expected, (list = Object.freeze([expected]) as string[]));
  return list;
}

/** Adds a repair's message to `file.messages`: a warning, or with `info` a message that is not one. */
export function addRepairMessage(
  file: VFile,
  reason: string,
  place: { line: number; column: number },
  ruleId: string,
  info: boolean,
  actual: string | undefined,
  expected: string | undefined,
): VFileMessage {
  const message = new RepairMessage(file, reason, place, ruleId, info ? undefined : false, actual, expected === undefined ? undefined : expectedList(file, expected)) as unknown as VFileMessage;
  file.messages.push(message);
  return message;
}
