/** `galley preview`: picks the document, starts the session and the server, and prints where it is. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { findSources, namedSources } from '../batch/sources.ts';
import { loadConfig, resolveSettings, type SettingsInput } from '../config/index.ts';
import { GalleyError } from '../errors.ts';
import { startServer } from './server.ts';
import { PreviewSession } from './session.ts';

export interface PreviewOptions {
  book?: string;
  port?: string;
  open?: boolean;
  settings: SettingsInput;
}

export async function runPreview(files: string[], options: PreviewOptions): Promise<number> {
  const root = process.cwd();
  if (files.length > 1 || (options.book && files.length)) throw new GalleyError(undefined, 'preview takes one FILE or --book FILE (see galley --help)', 2);
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new GalleyError('--port', `must be a port number, not "${options.port}"`, 2);
  const file = options.book ? undefined : pickFile(files[0], root);
  const session = new PreviewSession({ root, file, book: options.book && resolve(options.book), settings: options.settings });
  let server;
  try {
    server = await startServer(session, port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GalleyError('--port', code === 'EADDRINUSE' ? `port ${port} is in use` : (error as Error).message, 2);
  }
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
  process.stderr.write(`galley preview: ${url} (Ctrl-C to stop)\n`);
  session.onChange((state) => {
    if (state.building) return;
    process.stderr.write(state.error ? `${state.error}\n` : `galley preview: built ${state.snapshot?.source} (${state.snapshot?.repairs} messages)\n`);
  });
  await session.start();
  if (options.open) openBrowser(url);
  return new Promise((done) => server.on('close', () => done(0)));
}

/** The named source, else the first one galley would build. */
function pickFile(named: string | undefined, root: string): string {
  if (named !== undefined) {
    const { sources, errors } = namedSources([resolve(named)], root);
    if (errors[0]) throw errors[0];
    if (sources.length !== 1) throw new GalleyError(named, 'preview shows one document: name a file, not a folder', 2);
    return sources[0]!.path;
  }
  const settings = resolveSettings([loadConfig(root)]);
  return findSources(resolve(root, settings.sources), root)[0]!.path;
}

function openBrowser(url: string): void {
  const [command, ...args] = process.platform === 'darwin' ? ['open'] : process.platform === 'win32' ? ['cmd', '/c', 'start', '""'] : ['xdg-open'];
  const child = spawn(command!, [...args, url], { detached: true, stdio: 'ignore' });
  child.on('error', () => process.stderr.write(`galley preview: could not open a browser; open ${url}\n`));
  child.unref();
}
