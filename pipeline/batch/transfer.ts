/**
 * Bytes handed between the build's thread and a text thread are moved (their
 * buffer transferred), not copied: a PDF or an e-book is a megabyte or more.
 */

/** Bytes that own their whole buffer, so that moving the buffer moves nothing else. */
export function owned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}
