/**
 * The galley.config.yaml that `galley init` writes: every setting of the
 * schema, commented out at its default, with a line on what it does. The
 * defaults come from the schema itself, so the file cannot drift from them.
 */
import YAML from 'yaml';
import { settingsSchema, type Settings } from '../config/index.ts';

/** What each setting does, in the words the file shows; a setting missing here is a type error. */
const DESCRIPTIONS: Record<keyof Settings, string> = {
  template: 'a folder under templates/ (your own, or galley\'s: default)',
  formats: 'outputs to write: html, pdf, epub',
  pageSize: 'print page size: A4, A5, B5 or Letter',
  margin: 'print margins, 1 to 4 CSS lengths (top right bottom left)',
  script: 'Chinese script: keep, hant (to Traditional) or hans (to Simplified)',
  writingMode: 'horizontal, or vertical (Traditional Chinese, right-to-left pages)',
  toc: 'table of contents: true, false, or auto (three headings or more)',
  figures: 'an image alone in its paragraph: plain, captions (a figure with its title), or numbered',
  recto: 'true: a book\'s chapters open on a right-hand page',
  sources: 'the folder of documents to build (.md, .markdown, .txt)',
  out: 'the folder outputs are written to',
  snapshots: 'where `galley check` keeps the snapshots it compares outputs with',
  trusted: 'true lets raw HTML in sources through unsanitized',
  repairs: 'Markdown repairs: report them (the text as written) or apply them',
  bibliography: 'a BibTeX (.bib) or CSL JSON file for [@key] citations',
  csl: 'citation style: gb-t-7714, apa, vancouver, harvard1, or a .csl file',
  codeTheme: 'the shiki theme of code blocks (github-light, github-dark, nord, ...)',
  lineNumbers: 'number the lines of code blocks',
  selfContained: 'the HTML page carries its text font inline (subsets of its characters), not as files in out/fonts/',
  rules: 'repair rules turned off or reported otherwise, e.g. { punctuation: off, script: info }',
  remarkPlugins: 'remark plugins run after galley\'s own: a package or ./path, or [name, options]',
  rehypePlugins: 'rehype plugins run after galley\'s own: a package or ./path, or [name, options]',
  concurrency: 'PDFs printed at once (default: the number of CPUs)',
  timeout: 'seconds a document may take in its text stages, and again in the browser, before it fails',
  browser: 'print on a running Chromium at this DevTools endpoint instead of launching one',
};

/**
 * Settings shown with an example rather than their default: one that depends
 * on the machine, and ones that have no default at all.
 */
export const EXAMPLES: Partial<Record<keyof Settings, unknown>> = { concurrency: 4, browser: 'ws://127.0.0.1:9222/devtools/browser/ID', bibliography: 'refs.bib' };

export function configText(): string {
  const defaults = settingsSchema.parse({});
  const keys = Object.keys(settingsSchema.shape) as (keyof Settings)[];
  const width = Math.max(...keys.map((key) => `# ${key}: ${value(EXAMPLES[key] ?? defaults[key])}`.length));
  const lines = keys.map((key) => {
    const setting = `# ${key}: ${value(EXAMPLES[key] ?? defaults[key])}`;
    return `${setting.padEnd(width)}   # ${DESCRIPTIONS[key]}`;
  });
  return [
    '# galley settings. Each line below is a setting at its default: remove the',
    '# leading "# " to change it. A document\'s front matter can set template,',
    '# pageSize, margin, script, writingMode and toc for itself, and command-line',
    '# flags win over both.',
    '',
    ...lines,
    '',
  ].join('\n');
}

function value(data: unknown): string {
  return YAML.stringify(data, { collectionStyle: 'flow' }).trim();
}
