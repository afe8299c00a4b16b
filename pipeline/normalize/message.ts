/**
 * The message of one repair, made cheaply. A long scraped page reports a hundred thousand
 * repairs (every flattened comma), and file.message() builds each as an Error through
 * VFileMessage's constructor: a sixth of normalize's time, and the garbage collector's work
 * to move them. A repair's message is a VFileMessage (instanceof, the same fields in the same
 * order, as file.message() and report() used to leave them; `stack` is the prototype's empty
 * one, as an Error's own is not enumerable) built as a plain object with that prototype.
 */
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';

/**
 * An object literal, not `new`: V8 tracks a literal's allocation site and, seeing that its
 * objects live to the end (a page's messages are kept until it is reported), allocates them
 * in the old generation at once instead of copying each twice through the young one.
 */
function repairMessage(file: VFile, reason: string, place: { line: number; column: number }, ruleId: string, fatal: false | undefined, actual: string | undefined, expected: string[] | undefined): VFileMessage {
  const position = `${place.line}:${place.column}`;
  return {
    __proto__: VFileMessage.prototype,
    ancestors: undefined,
    cause: undefined,
    column: place.column,
    fatal,
    file: file.path ?? '',
    message: reason,
    line: place.line,
    name: file.path ? `${file.path}:${position}` : position,
    place,
    reason,
    ruleId,
    source: 'galley',
    actual,
    expected,
    note: undefined,
    url: undefined,
  } as unknown as VFileMessage;
}

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
  const message = repairMessage(file, reason, place, ruleId, info ? undefined : false, actual, expected === undefined ? undefined : expectedList(file, expected));
  file.messages.push(message);
  return message;
}
