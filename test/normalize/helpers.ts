import { VFile } from 'vfile';
import { applyEdits, Locator, makeLine, type Edit, type Reporter } from '../../pipeline/normalize/lines.ts';

/** Applies a rule's edits to a string, as the pipeline would. */
export function applyTo(text: string, edits: (text: string) => Edit[]): string {
  const line = makeLine(text, 0);
  applyEdits(line, edits(text), undefined, 'test', 'info');
  return line.text;
}

export function reporterFor(text: string): Reporter & { file: VFile } {
  const file = new VFile({ path: 'test.txt', value: text });
  const locator = new Locator(text);
  return { file, locate: (offset) => locator.place(offset) };
}

/** What the sample article's scraped header says, once it is read right. */
export const SAMPLE_HEADER = {
  title: '新形勢下做好基層黨務工作的幾點思考',
  authors: ['劉勝'],
  date: '2024-03-09',
  time: '09:06',
  publication: '中國軍轉民',
  issue: '2024年3期',
  keywords: ['黨務工作', '基層干部', '責任感'],
};
