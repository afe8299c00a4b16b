/** `galley`: a thin command line over the public API in index.ts. */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { build, GalleyError, humanReport, JsonReportStream, normalize, reportEntries, type BuildResult, type DocumentResult, type SettingsInput } from './index.ts';
import type { Format } from './types.ts';
import { checkSettings } from './config/index.ts';
import { removePendingWrites } from './emit/write.ts';
import { parseShard } from './batch/shard.ts';
import { createProgress } from './batch/progress.ts';

const VERSION = '0.1.0';

const HELP = `galley ${VERSION}: publish scraped text and Markdown as HTML, print PDF and EPUB 3

Usage:
  galley build [FILE...] [options]   build every source in source/ (or just FILEs) into out/
  galley normalize FILE [options]    print a plain-text source repaired, as Markdown with
                                     YAML front matter; every repair is reported on stderr
  galley check [FILE...] [options]   build, then compare every output with its snapshot
                                     (test/__snapshots__/<name>/); exit 1 on a difference
  galley --help | --version

Build options:
  -f, --format LIST      outputs to write, comma-separated: html,pdf,epub (default: all)
  -o, --out DIR          output folder (default: out, or "out" in galley.config.yaml)
  -t, --template NAME    template folder under templates/ (default: default)
      --page-size SIZE   A4, A5, B5 or Letter (default: A4)
      --vertical         vertical writing (Traditional Chinese, right-to-left pages)
      --script MODE      keep, hant or hans: convert Simplified/Traditional characters
      --report FORMAT    human (default, on stderr) or json (one array of every message on
                         stdout, written as the documents finish, in document order)
  -q, --quiet            report only warnings and errors, not routine repairs
      --verbose          report every message; by default warnings and errors are listed
                         one by one and routine repairs as one line per rule with its count
      --force            rebuild every document, even those whose outputs are current
      --shard I/N        build only the I-th of N parts of the documents (for CI matrices)
      --book FILE        bind the documents a book file (YAML) names into one EPUB, PDF
                         and HTML page, named after the book file
      --debug            show stack traces

Normalize options:
      --script MODE      as above
      --report json      print every message as a JSON array on stdout, instead of the Markdown
  -q, --quiet, --verbose as above (the report goes to stderr)
  -o, --out FILE         write the Markdown to FILE instead of stdout

Check options (and the build options above):
  -u, --update           write the snapshots from these outputs (missing ones are written
                         anyway, except in CI, where CI=true makes them a failure)
      --no-build         compare the outputs already in out/ instead of building first
      --reporter NAME    human (default), junit (JUnit XML) or json
      --output-file FILE write the report to FILE instead of stdout
  Page images that differ are drawn under out/diff/; under GitHub Actions every
  failure is also printed as a workflow annotation.

Settings are read from galley.config.yaml in the working folder, then a document's
front matter, then these flags; later wins.

Exit codes: 0 success, 1 a document failed, 2 usage error or no browser for PDFs.
`;

const options = {
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  template: { type: 'string', short: 't' },
  'page-size': { type: 'string' },
  vertical: { type: 'boolean' },
  script: { type: 'string' },
  report: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  force: { type: 'boolean' },
  shard: { type: 'string' },
  book: { type: 'string' },
  debug: { type: 'boolean' },
  update: { type: 'boolean', short: 'u' },
  'no-build': { type: 'boolean' },
  reporter: { type: 'string' },
  'output-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Values = ReturnType<typeof parseCommandLine>['values'];

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new GalleyError(undefined, `${(error as Error).message.split('\n')[0]} (see galley --help)`, 2);
  }
}

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const { values, positionals } = parseCommandLine(argv);
    if (values.help) return print(HELP);
    if (values.version) return print(`${VERSION}\n`);
    const [command, ...files] = positionals;
    switch (command) {
      case 'build':
        return await runBuild(files, values);
      case 'normalize':
        return await runNormalize(files, values);
      case 'check':
        return await (await import('./check/cli.ts')).runCheck(files, {
          update: values.update,
          reporter: values.reporter,
          outputFile: values['output-file'],
          noBuild: values['no-build'],
          settings: settingsFrom(values),
        });
      case undefined:
        process.stdout.write(HELP);
        return 2;
      default:
        throw new GalleyError(undefined, `unknown command "${command}" (see galley --help)`, 2);
    }
  } catch (error) {
    return fail(error, debug);
  }
}

function settingsFrom(values: Values): SettingsInput {
  const settings: SettingsInput = {};
  if (values.format) settings.formats = values.format.split(',').map((f) => f.trim()) as Format[];
  if (values.out) settings.out = values.out;
  if (values.template) settings.template = values.template;
  if (values['page-size']) settings.pageSize = values['page-size'] as SettingsInput['pageSize'];
  if (values.vertical) settings.writingMode = 'vertical';
  if (values.script) settings.script = values.script as SettingsInput['script'];
  if (values.report && !['human', 'json'].includes(values.report)) {
    throw new GalleyError(undefined, `--report must be human or json, not "${values.report}"`, 2);
  }
  return settings;
}

async function runBuild(files: string[], values: Values): Promise<number> {
  const settings = settingsFrom(values);
  if (settings.out) settings.out = relative(process.cwd(), settings.out) || '.';
  const json = values.report === 'json';
  const progress = createProgress({ lines: !json });
  if (values.book && files.length) throw new GalleyError(undefined, '--book takes no FILEs: the book file names its documents', 2);
  // Each document's messages are taken as it finishes, so memory does not grow with the collection:
  // a person sees them then, and --report json streams them as one array, in document order.
  const stream = json ? new JsonReportStream((text) => process.stdout.write(text)) : undefined;
  let result: BuildResult;
  try {
    result = await build({
      files,
      book: values.book,
      settings: checkSettings(settings, 'command line', 2),
      force: values.force,
      // Only --report json repeats the messages of documents that were current.
      replayMessages: json,
      keepFiles: false,
      shard: values.shard === undefined ? undefined : parseShard(values.shard),
      onDocument: (doc, done, total, index) => {
        progress.update({ source: doc.source, line: describe(doc), failed: Boolean(doc.error), cached: Boolean(doc.cached) }, done, total);
        if (stream) stream.add(index, doc.file ? reportEntries([doc.file]) : []);
        else if (doc.file && !doc.cached) {
          const report = humanReport([doc.file], { quiet: values.quiet, verbose: values.verbose });
          if (report) progress.print(report);
        }
      },
    });
  } finally {
    progress.finish();
    // Whatever happened, stdout holds a whole JSON array.
    stream?.end();
  }
  const failures = [...result.errors, ...result.documents.flatMap((d) => (d.error ? [d.error] : []))];
  for (const error of failures) process.stderr.write(`${error.line}\n`);
  if (failures.some((e) => e.exitCode === 1)) return 1;
  return failures.length ? 2 : 0;
}

function describe(doc: DocumentResult): string {
  if (doc.error) return `${doc.source}: failed`;
  const outputs = Object.values(doc.outputs).map((p) => relative(process.cwd(), p!));
  return `${doc.source} → ${outputs.join(', ') || 'nothing'}${doc.cached ? ' (up to date)' : ''}`;
}

async function runNormalize(files: string[], values: Values): Promise<number> {
  if (files.length !== 1) throw new GalleyError(undefined, 'normalize takes exactly one FILE (see galley --help)', 2);
  const settings = settingsFrom(values);
  const { markdown, file } = await normalize(files[0]!, { settings: { script: settings.script } });
  if (values.out) writeFileSync(values.out, markdown);
  if (values.report === 'json') {
    process.stdout.write(`${JSON.stringify(reportEntries([file]), null, 2)}\n`);
    return 0;
  }
  if (!values.out) process.stdout.write(markdown);
  const report = humanReport([file], { quiet: values.quiet, verbose: values.verbose });
  if (report) process.stderr.write(`${report}\n`);
  return 0;
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}

function fail(error: unknown, debug: boolean): number {
  if (error instanceof GalleyError) {
    process.stderr.write(`${error.line}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`galley: ${message.split('\n')[0]}\n`);
  if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
}

/** An interrupted build leaves no half-written outputs behind. */
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void removePendingWrites().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}
