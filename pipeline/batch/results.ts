/** What a build reports: one result per document, and the errors that belong to none. */
import type { VFile } from 'vfile';
import type { Settings } from '../config/index.ts';
import type { GalleyError } from '../errors.ts';
import type { Format } from '../types.ts';

export interface DocumentResult {
  source: string;
  slug: string;
  /** Output paths by format, for the outputs written. */
  outputs: Partial<Record<Format, string>>;
  /** Files the outputs name that other documents share (the HTML page's fonts). */
  shared?: string[];
  file?: VFile;
  error?: GalleyError;
  /** The document's own settings (front matter applied), when it got that far. */
  settings?: Settings;
  /** True when the outputs were current and the document was not built again. */
  cached?: boolean;
  /** A chapter of this book: it has no outputs of its own, the book's are its. */
  chapterOf?: string;
  /** Its messages formatted for a person, as BuildOptions.report asked (humanReport of `file`). */
  report?: string;
}

/**
 * A document finished: `done` of `total` are now finished, and `index` is this
 * one's place in BuildResult.documents (documents finish out of that order).
 */
export type DocumentCallback = (result: DocumentResult, done: number, total: number, index: number) => void;

export interface BuildResult {
  documents: DocumentResult[];
  /** Errors not tied to one document's content: missing files, no browser. */
  errors: GalleyError[];
  /** Advice for the person building, e.g. that a folder of chapters could be built as one book. */
  hints?: string[];
}
