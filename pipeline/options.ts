/** The command line's options, shared by the parser (cli.ts) and the commands that read them. */
import type { parseArgs } from 'node:util';

export const options = {
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
  'browser-endpoint': { type: 'string' },
  timeout: { type: 'string' },
  debug: { type: 'boolean' },
  update: { type: 'boolean', short: 'u' },
  'no-build': { type: 'boolean' },
  reporter: { type: 'string' },
  'output-file': { type: 'string' },
  port: { type: 'string' },
  open: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true }>>['values'];
