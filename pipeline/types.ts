/** Shared shapes passed between stages. */

export type Format = 'html' | 'pdf' | 'epub';
/** Markdown with front matter, or scraped plain text. */
export type SourceKind = 'markdown' | 'text';
export type Script = 'keep' | 'hant' | 'hans';
export type PageSize = 'A4' | 'A5' | 'B5' | 'Letter';
export type WritingMode = 'horizontal' | 'vertical';

/** What a document says about itself: from front matter or recovered from a scraped header. */
export interface DocumentMeta {
  title: string;
  authors: string[];
  /** Who translated the text (dc:contributor, role trl). */
  translators?: string[];
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
  /** From a scraped head or front matter: set under the title. */
  subtitle?: string;
  abstract?: string;
  affiliations?: string[];
  /** An English title, abstract and keywords printed after the Chinese ones. */
  titleEn?: string;
  abstractEn?: string;
  keywordsEn?: string[];
  /** Classification lines: DOI, Chinese Library Classification, document code, article number. */
  doi?: string;
  clc?: string;
  documentCode?: string;
  articleNumber?: string;
  received?: string;
  revised?: string;
  accepted?: string;
  funding?: string;
  biography?: string;
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
