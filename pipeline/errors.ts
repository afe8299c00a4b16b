/**
 * An error the user can act on: printed as one line `galley: FILE: reason`,
 * never with a stack trace unless --debug.
 */
export class GalleyError extends Error {
  readonly file: string | undefined;
  /** 1 for bad input or a failed build, 2 for usage errors and a missing browser. */
  readonly exitCode: number;

  constructor(file: string | undefined, reason: string, exitCode = 1) {
    super(reason);
    this.name = 'GalleyError';
    this.file = file;
    this.exitCode = exitCode;
  }

  /** The one line a user sees. */
  get line(): string {
    return this.file ? `galley: ${this.file}: ${this.message}` : `galley: ${this.message}`;
  }
}

/** Wraps anything thrown while working on `file` so it carries the file name. */
export function asGalleyError(error: unknown, file: string | undefined): GalleyError {
  if (error instanceof GalleyError) return error.file || !file ? error : new GalleyError(file, error.message, error.exitCode);
  // A stack overflow in a later stage means a tree nested deeper than the recursion allows.
  if (error instanceof RangeError && /call stack/i.test(error.message)) return new GalleyError(file, 'nested too deeply to process');
  const reason = error instanceof Error ? error.message : String(error);
  return new GalleyError(file, reason.split('\n')[0] ?? reason);
}

export type BrowserFault = 'crashed' | 'timed out';

/**
 * Whether an error came from the browser dying or hanging rather than from the
 * document; such a document deserves one more try on a fresh browser.
 */
export function browserFault(error: unknown): BrowserFault | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'TimeoutError') return 'timed out';
  if (['TargetCloseError', 'ConnectionClosedError', 'ProtocolError'].includes(error.name)) return 'crashed';
  if (/target closed|session closed|connection closed|browser has disconnected|frame was detached|ERR_ABORTED/i.test(error.message)) return 'crashed';
  return undefined;
}
