/** The commands of the CLI (cli.ts parses the arguments): build, normalize, check, preview and init, over the public API. */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import type { BuildResult, DocumentResult, SettingsInput } from './index.ts';
import type { Format } from './types.ts';
import type { Values } from './options.ts';
import { GalleyError } from './errors.ts';
import { removePendingWrites, writeAtomic } from './emit/write.ts';
import { interrupt, onInterrupt } from './interrupt.ts';
import supportsColor from 'supports-color';

export async function runCommand(command: string, files: string[], values: Values, debug: boolean): Promise<number> {
  try {
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
      case 'init': {
        if (files.length > 1) throw new GalleyError(undefined, 'init takes at most one DIR (see galley --help)', 2);
        const { init, describeInit } = await import('./init/index.ts');
        const target = files[0] ?? '.';
        process.stdout.write(describeInit(target, init(target)));
        return 0;
      }
      case 'preview':
        return await (await import('./preview/cli.ts')).runPreview(files, {
          book: values.book,
          port: values.port,
          open: values.open,
          settings: settingsFrom(values),
        });
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
  if (values['browser-endpoint']) settings.browser = values['browser-endpoint'];
  // A number the config schema then checks; anything else stays a string and is refused there.
  if (values.timeout !== undefined) settings.timeout = (/^\d+(\.\d+)?$/.test(values.timeout) ? Number(values.timeout) : values.timeout) as number;
  if (values.report && !['human', 'json'].includes(values.report)) {
    throw new GalleyError(undefined, `--report must be human or json, not "${values.report}"`, 2);
  }
  return settings;
}

/** Lets the text and book threads end as programs do, once the build is done. */
async function closeThreads(): Promise<void> {
  const { textPool, bookPool } = await import('./batch/text-pool.ts');
  await Promise.all([textPool.close(), bookPool.close()]);
}

async function runBuild(files: string[], values: Values): Promise<number> {
  const settings = settingsFrom(values);
  const [{ build, humanReport, JsonReportStream, reportEntries }, { checkSettings }, { parseShard }, { createProgress }] = await Promise.all([
    import('./index.ts'),
    import('./config/index.ts'),
    import('./batch/shard.ts'),
    import('./batch/progress.ts'),
  ]);
  if (settings.out) settings.out = relative(process.cwd(), settings.out) || '.';
  const json = values.report === 'json';
  // Colors as stderr shows them, decided here: a thread's stderr is no terminal.
  const report = { quiet: values.quiet, verbose: values.verbose, color: stderrColor() };
  const progress = createProgress({ lines: !json });
  if (values.book && files.length) throw new GalleyError(undefined, '--book takes no FILEs: the book names its own chapters', 2);
  // Each document's messages are taken as it finishes, so memory does not grow with the collection:
  // a person sees them then, and --report json streams them as one array, in document order.
  const stream = json ? new JsonReportStream((text) => process.stdout.write(text)) : undefined;
  const finish = () => {
    progress.finish();
    // Whatever happened, stdout holds a whole JSON array.
    stream?.end();
  };
  const interrupted = onInterrupt(finish);
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
      // Each document's report is formatted on its text thread while this one writes the outputs.
      ...(json ? {} : { report }),
      onDocument: (doc, done, total, index) => {
        progress.update({ source: doc.source, line: describe(doc), failed: Boolean(doc.error), cached: Boolean(doc.cached) }, done, total);
        if (stream) stream.add(index, doc.file ? reportEntries([doc.file]) : []);
        else if (doc.file && !doc.cached) {
          const text = doc.report ?? humanReport([doc.file], report);
          if (text) progress.print(text);
        }
      },
    });
  } finally {
    interrupted();
    finish();
    await closeThreads();
  }
  for (const hint of result.hints ?? []) process.stderr.write(`galley: hint: ${hint}\n`);
  const failures = [...result.errors, ...result.documents.flatMap((d) => (d.error ? [d.error] : []))];
  for (const error of failures) process.stderr.write(`${error.line}\n`);
  if (failures.some((e) => e.exitCode === 1)) return 1;
  return failures.length ? 2 : 0;
}

function describe(doc: DocumentResult): string {
  if (doc.error) return `${doc.source}: failed`;
  if (doc.chapterOf) return `${doc.source}: a chapter of ${doc.chapterOf}`;
  const outputs = Object.values(doc.outputs).map((p) => relative(process.cwd(), p!));
  return `${doc.source} → ${outputs.join(', ') || 'nothing'}${doc.cached ? ' (up to date)' : ''}`;
}

async function runNormalize(files: string[], values: Values): Promise<number> {
  if (files.length !== 1) throw new GalleyError(undefined, 'normalize takes exactly one FILE (see galley --help)', 2);
  const settings = settingsFrom(values);
  const { normalize, humanReport, reportEntries } = await import('./index.ts');
  if (values.out && sameFile(files[0]!, values.out)) throw new GalleyError(values.out, 'is the source itself: normalize never writes over its input (choose another --out)', 2);
  const { markdown, file } = await normalize(files[0]!, { settings: { script: settings.script } });
  if (values.out) await writeAtomic(values.out, markdown);
  if (values.report === 'json') {
    process.stdout.write(`${JSON.stringify(reportEntries([file]), null, 2)}\n`);
    return 0;
  }
  if (!values.out) process.stdout.write(markdown);
  const report = humanReport([file], { quiet: values.quiet, verbose: values.verbose });
  if (report) process.stderr.write(`${report}\n`);
  return 0;
}

/** The same file by any name: a link, a relative path, a hard link. */
function sameFile(a: string, b: string): boolean {
  const [x, y] = [statSync(a, { throwIfNoEntry: false }), statSync(b, { throwIfNoEntry: false })];
  return Boolean(x && y && x.dev === y.dev && x.ino === y.ino);
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

/**
 * An interrupted build stops at once (its text threads and browser with it),
 * leaves no half-written outputs behind, and closes its JSON report.
 */
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // Both at once, so the wait for writes under way and for the text threads adds up to half a second, not one.
    void Promise.allSettled([removePendingWrites(), interrupt()]).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  });
}

/** Whether the report on stderr is in color, as vfile-reporter decides it (supports-color). */
function stderrColor(): boolean {
  return Boolean(supportsColor.stderr && supportsColor.stderr.hasBasic);
}
