import { VFile } from 'vfile';
import { normalizePlainText } from '../../pipeline/normalize/index.ts';
import { applyEdits, Locator, makeLine, splitLines, type Edit, type Reporter } from '../../pipeline/normalize/lines.ts';
import { extractHeader, headerMeta } from '../../pipeline/normalize/rules/metadata.ts';

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

/** `galley normalize`'s plain-text rules on a page made of these lines: its Markdown, metadata, messages and body (the Markdown after the front matter). */
export function normalizeLines(lines: string[], path = 'page.txt') {
  const file = new VFile({ path, value: lines.join('\n') });
  const { markdown, meta } = normalizePlainText(file, { script: 'keep' });
  return { markdown, meta, messages: file.messages, body: markdown.slice(markdown.indexOf('\n---\n') + 5) };
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

/** Reads the head of a page made of these lines and one paragraph of body. */
export const BODY = '這是正文的第一段，寫得比較長，用來說明正文是什麼樣子的，它有逗號，也有句號，長度超過六十個字，這樣才會被當作正文讀。';

export function head(lines: string[], lang = 'zh-Hant') {
  const source = [...lines, '', BODY].join('\n');
  const reporter = reporterFor(source);
  const { fields, body } = extractHeader(splitLines(source), reporter, lang);
  return {
    title: fields.title?.text,
    authors: fields.authors.map((a) => a.text),
    keywords: fields.keywords.map((k) => k.text),
    fields,
    meta: headerMeta(fields),
    body: body.map((l) => l.text).filter((t) => t !== ''),
    messages: reporter.file.messages,
  };
}


/** The Markdown body a page of these lines under a title normalizes to, and its messages. */
export function bodyOf(...lines: string[]) {
  const file = new VFile({ path: 'n.txt', value: ['文章標題', '', ...lines].join('\n') });
  const { markdown } = normalizePlainText(file, { script: 'keep' });
  return { body: markdown.slice(markdown.indexOf('---', 3) + 4).trim(), messages: file.messages };
}
