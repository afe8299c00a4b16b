/**
 * `galley`: the command line. This module imports nothing of galley's own but its
 * option table, so --version and --help load nothing beyond them (the bundle keeps them one file);
 * a command loads commands.ts, and that the API, when it starts.
 */
import { parseArgs } from 'node:util';
import { options } from './options.ts';

const VERSION = '0.1.0';

const HELP = `galley ${VERSION}: publish scraped text and Markdown as HTML, print PDF and EPUB 3

Usage:
  galley build [FILE...] [options]   build every source in source/ (or just FILEs) into out/
  galley normalize FILE [options]    print a plain-text source repaired, as Markdown with
                                     YAML front matter; every repair is reported on stderr
  galley check [FILE...] [options]   build, then compare every output with its snapshot
                                     (test/__snapshots__/<name>/); exit 1 on a difference
  galley preview [FILE] [options]    serve one document's HTML page, print PDF and repairs
                                     on 127.0.0.1, rebuilt and reloaded as its files change
  galley init [DIR]                  write a new project into DIR (default: here): settings,
                                     two example sources, .gitignore, a CI workflow and a
                                     package.json; files that exist are never written over
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
      --book PATH        bind a book into one EPUB, PDF and HTML page named after it: a book
                         file (YAML), a folder with SUMMARY.md or sidebar.md listing the
                         chapters, or a plain folder (its sources in name order)
      --browser-endpoint URL
                         print on a running Chromium at this DevTools endpoint (ws://…)
                         instead of launching one ("browser" in galley.config.yaml)
      --timeout SECONDS  the time a document may take in its text stages (parse, normalize,
                         enrich, render), and again in the browser, before it fails alone
                         (default: 60, or "timeout" in galley.config.yaml)
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

Preview options (and, from the build options, --out, --template, --page-size, --vertical,
--script and --browser-endpoint):
      --book FILE        preview a book file instead of one document
      --port N           listen on port N (default: a free port, printed)
      --open             open the preview in the default browser
  FILE defaults to the first source in source/. The page shows the HTML page, the
  print PDF beside it, and every message of the document grouped by rule, each
  linked to its place in the page. Saving the source, galley.config.yaml or a
  template file rebuilds the document (only it) and the page reloads itself; a
  build error is shown and the last good outputs stay. Stop it with Ctrl-C.

Settings are read from galley.config.yaml in the working folder, then a document's
front matter, then these flags; later wins.

Exit codes: 0 success, 1 a document failed, 2 usage error or no browser for PDFs,
130 or 143 interrupted (Ctrl-C, SIGTERM: nothing half-written is left).
`;

function parse(argv: string[]) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}

export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`galley: ${(error as Error).message.split('\n')[0]} (see galley --help)\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) return print(HELP);
  if (values.version) return print(`${VERSION}\n`);
  const [command, ...files] = positionals;
  if (command === undefined) {
    process.stdout.write(HELP);
    return 2;
  }
  // The text stages' thread starts loading now, on the other core, while this one loads the build
  // (threads.ts imports only Node's modules, so the thread starts before the pools are loaded).
  if (command === 'build') void import('./batch/threads.ts').then(({ startTextThread }) => startTextThread());
  const code = await (await import('./commands.ts')).runCommand(command, files, values, argv.includes('--debug'));
  if (command === 'build') await exitWhenWritten(code);
  return code;
}

/**
 * Ends a build's process once stdout and stderr have taken all it wrote: its
 * outputs are in place, its browser and threads closed, and Node's own
 * teardown of what the build loaded (the natural end of the event loop) is
 * time a person waits for and nothing needs.
 */
async function exitWhenWritten(code: number): Promise<void> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
  // A build stopped by Ctrl-C or SIGTERM fails as its threads are stopped: the signal's handler
  // (commands.ts) ends the process with 130 or 143 once nothing is left half-written.
  if ((await import('./interrupt.ts')).interrupting()) return;
  process.exit(code);
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}
