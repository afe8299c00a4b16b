/** What a page's head fills in as it is read: each value keeps its place in the source. */
import type { Line } from '../../lines.ts';

export interface HeaderFields {
  title?: Line;
  subtitle?: Line;
  authors: Line[];
  translators: Line[];
  affiliations: string[];
  date?: string;
  time?: string;
  publication?: Line;
  /** The site a title's suffix names: the publication when the head names none. */
  site?: Line;
  issue?: string;
  keywords: Line[];
  abstract?: Line;
  english: { title?: Line; abstract?: Line; keywords: Line[] };
  /** doi, clc, documentCode, articleNumber, received, revised, accepted, funding, biography. */
  codes: Record<string, string>;
  /** `【年份】2021`, `卷号：35`: printed apart from the issue, joined to it at the end. */
  year?: string;
  volume?: string;
}
