/**
 * Chromium started by galley itself, before puppeteer is loaded: the launch
 * (most of a second) then runs while puppeteer's modules load and the text
 * stages work, and puppeteer connects over the DevTools pipe once it is ready.
 * The command line is the one puppeteer's own launch would use; npm run
 * compile records puppeteer's default arguments in dist/data/ (indexes.ts),
 * and a checkout never compiled asks puppeteer for them first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { ConnectionTransport } from 'puppeteer-core';
import { DATA_DIR } from '../../precomputed.ts';

/** galley's own switches, after puppeteer's defaults. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--font-render-hinting=none',
  '--disable-quic',
  // Nothing a page names is ever looked up, not even by DNS prefetching.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

const ARGS_FILE = join(DATA_DIR, 'chromium-args.json');

/** puppeteer's launch arguments for a headless Chromium with galley's switches (no profile, no pipe). */
export async function chromiumArgs(): Promise<string[]> {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.defaultArgs({ headless: true, args: [...CHROMIUM_ARGS] });
}

async function launchArgs(): Promise<string[]> {
  return existsSync(ARGS_FILE) ? (JSON.parse(await readFile(ARGS_FILE, 'utf8')) as string[]) : chromiumArgs();
}

export interface Chromium {
  process: ChildProcess;
  transport: ConnectionTransport;
  /** Kills the browser and every process it started, and waits for it to be gone. */
  kill(): Promise<void>;
}

/** Starts Chromium with `profile` as its user data folder, DevTools on a pipe (file descriptors 3 and 4). */
export async function spawnChromium(executablePath: string, profile: string): Promise<Chromium> {
  const args = [...(await launchArgs()), '--remote-debugging-pipe', `--user-data-dir=${profile}`];
  // A group of its own, so that killing it kills its renderers too.
  const child = spawn(executablePath, args, { detached: true, stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };
  // Whatever ends galley ends its browser.
  process.once('exit', killGroup);
  child.once('exit', () => process.off('exit', killGroup));
  child.on('error', () => undefined);
  const { transport, end } = pipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
  // The pipe may close after the process has gone: puppeteer must not send into it meanwhile, where no answer would ever come.
  void exited.then(end);
  return {
    process: child,
    transport,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) killGroup();
      await exited;
      end();
    },
  };
}

/** DevTools messages over a pipe: JSON, each ended by a NUL byte. */
function pipeTransport(write: Writable, read: Readable): { transport: ConnectionTransport; end: () => void } {
  let pending: Buffer[] = [];
  let closed = false;
  const transport: ConnectionTransport = {
    send(message) {
      if (closed) return;
      write.write(message);
      write.write('\0');
    },
    close() {
      closed = true;
      read.removeAllListeners('data');
    },
  };
  read.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; start = end + 1, end = chunk.indexOf(0, start)) {
      pending.push(chunk.subarray(start, end));
      const message = Buffer.concat(pending).toString('utf8');
      pending = [];
      // Later, as puppeteer's own pipe does: a message is never handled inside another's handler.
      setImmediate(() => transport.onmessage?.(message));
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });
  const end = () => {
    if (closed) return;
    closed = true;
    transport.onclose?.();
  };
  read.on('close', end);
  read.on('error', end);
  write.on('error', () => undefined);
  return { transport, end };
}
