/** Shared shapes passed between stages. */

export type Format = 'html' | 'pdf' | 'epub';
export type Script = 'keep' | 'hant' | 'hans';
export type PageSize = 'A4' | 'A5' | 'B5' | 'Letter';
export type WritingMode = 'horizontal' | 'vertical';

/** What a document says about itself: from front matter or recovered from a scraped header. */
export interface DocumentMeta {
  title: string;
  authors: string[];
  /** ISO date, YYYY-MM-DD. */
  date?: string;
  /** HH:MM, when the source gives one. */
  time?: string;
  /** BCP 47: zh-Hant, zh-Hans, en, ... */
  lang: string;
  keywords: string[];
  publication?: string;
  issue?: string;
  source?: string;
  description?: string;
  rights?: string;
}

/** One vfile message flattened for `--report json`. */
export interface ReportEntry {
  file: string;
  line: number | null;
  column: number | null;
  rule: string | null;
  severity: 'info' | 'warning' | 'error';
  message: string;
  before?: string;
  after?: string;
}
