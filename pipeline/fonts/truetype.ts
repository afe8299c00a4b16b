/**
 * WOFF2 to TrueType, one font at a time. wawoff2 (under fontverter) returns a
 * view of its WebAssembly memory, which its next call overwrites: two
 * conversions in flight handed each other's bytes on, and a book or a cover
 * failed with "Unknown font format" depending on timing.
 */
import fontverter from 'fontverter';

let previous: Promise<unknown> = Promise.resolve();

export function trueType(font: Uint8Array): Promise<Uint8Array> {
  // fontverter copies the view before it returns; nothing else converts meanwhile.
  const converted = previous.then(async () => new Uint8Array(await fontverter.convert(font, 'truetype')));
  previous = converted.catch(() => undefined);
  return converted;
}
