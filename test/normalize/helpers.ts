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
