/** Runs `galley preview` on a throwaway project as a user would, and talks to it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { ROOT } from '../helpers/build.ts';

export interface Preview {
  url: string;
  port: number;
  child: ChildProcess;
  stderr: () => string;
  stop: () => Promise<void>;
}

export function startPreview(cwd: string, args: string[]): Promise<Preview> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/galley.js'), 'preview', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  return new Promise((ready, fail) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr);
      if (match) {
        ready({
          url: match[0],
          port: Number(match[1]),
          child,
          stderr: () => stderr,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGINT');
            }),
        });
      }
    });
    child.once('exit', (code) => fail(new Error(`galley preview exited with ${code}: ${stderr}`)));
  });
}

export interface Answer {
  status: number;
  body: string;
}

/** A raw request: the path goes out exactly as written (no URL normalization, unlike fetch). */
export function raw(options: { host: string; port: number; path: string; method?: string; headers?: Record<string, string> }): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request({ host: options.host, port: options.port, path: options.path, method: options.method ?? 'GET', headers: options.headers, timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode!, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', fail);
    req.end();
  });
}
