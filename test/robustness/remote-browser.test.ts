/**
 * A browser elsewhere: a real Chromium started on its own with
 * --remote-debugging-port stands for a browser container or fleet, and galley
 * prints through it (`browser:` in galley.config.yaml, or --browser-endpoint)
 * under the same rules as its own browser: JavaScript off, every request
 * answered by galley or refused. The remote browser is left running.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { PNG } from 'pngjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../pipeline/emit/browser/index.ts';
import { ROOT } from '../helpers/build.ts';
import { makeProject } from './project.ts';

const BIN = join(ROOT, 'bin/galley.js');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#36c"/></svg>';

function galley(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: '1' } });
}

const pdfText = (path: string) => spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' }).stdout;

describe.skipIf(!findBrowser())('printing on a remote browser', () => {
  let chromium: ChildProcess;
  let profile: string;
  let endpoint: string;
  let port: number;
  // A server the documents name: nothing may ever reach it.
  let probe: Server;
  let probeHits = 0;

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'galley-remote-'));
    chromium = spawn(findBrowser()!, ['--headless', '--no-sandbox', '--disable-gpu', '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
    endpoint = await new Promise<string>((done, fail) => {
      let text = '';
      chromium.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
        const found = /DevTools listening on (ws:\/\/\S+)/.exec(text);
        if (found) done(found[1]!);
      });
      chromium.on('exit', (code) => fail(new Error(`chromium exited (${code}): ${text}`)));
    });
    port = Number(new URL(endpoint).port);
    probe = createServer((_, response) => {
      probeHits++;
      response.end('no');
    });
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  });

  afterAll(async () => {
    if (chromium && chromium.exitCode === null) {
      const exited = new Promise((done) => chromium.once('exit', done));
      chromium.kill('SIGKILL');
      await exited;
    }
    probe?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const targets = async () => ((await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { url: string }[]).map((t) => t.url);

  it('builds PDFs through the endpoint in galley.config.yaml, serving every file itself', async () => {
    const probeUrl = `http://127.0.0.1:${(probe.address() as { port: number }).port}`;
    const dir = makeProject(
      {
        'source/remote.md': `# Remote\n\nPrinted on a browser galley did not launch.\n\n![a blue box](box.svg)\n\n![from the network](${probeUrl}/image.png)\n`,
        // Raw HTML let through: its script must not run, its stylesheet must not be fetched.
        'source/scripted.md': `# Scripted\n\n<p id="target">Script did not run.</p>\n\n<script>document.getElementById('target').textContent = 'SCRIPT RAN';</script>\n\n<link rel="stylesheet" href="${probeUrl}/style.css">\n`,
        'source/box.svg': SVG,
      },
      `formats: [pdf, html]\ntrusted: true\nbrowser: ${endpoint}\n`,
    );
    const run = galley(dir, ['build']);
    expect(run.status, run.stderr).toBe(0);
    expect(pdfText(join(dir, 'out/remote.pdf'))).toContain('Printed on a browser galley did not launch.');
    // The script is in the page (trusted: true lets it through), so only the browser's setting keeps it from running.
    expect(readFileSync(join(dir, 'out/scripted.html'), 'utf8')).toContain("textContent = 'SCRIPT RAN'");
    const scripted = pdfText(join(dir, 'out/scripted.pdf'));
    expect(scripted).toContain('Script did not run.');
    expect(scripted).not.toContain('SCRIPT RAN');
    expect(probeHits).toBe(0);
    // The image came from galley: the page it printed shows it in blue.
    const png = join(dir, 'page');
    spawnSync('pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '1', '-singlefile', join(dir, 'out/remote.pdf'), png]);
    const { data } = PNG.sync.read(readFileSync(`${png}.png`));
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 90 && data[i + 1]! > 70 && data[i + 1]! < 140 && data[i + 2]! > 170) blue++;
    expect(blue).toBeGreaterThan(20);
    // The remote browser still runs, and galley left none of its pages open in it.
    expect(chromium.exitCode).toBeNull();
    expect((await targets()).filter((url) => url.startsWith('http://galley.invalid'))).toEqual([]);
  });

  it('takes the endpoint from --browser-endpoint too', () => {
    const dir = makeProject({ 'source/flag.md': '# Flag\n\nEndpoint from the command line.\n' }, 'formats: [pdf]\n');
    const run = galley(dir, ['build', '--browser-endpoint', endpoint]);
    expect(run.status, run.stderr).toBe(0);
    expect(pdfText(join(dir, 'out/flag.pdf'))).toContain('Endpoint from the command line.');
  });

  it('a dead endpoint: one line saying so, exit 2, and the outputs that need no browser', () => {
    const dir = makeProject({ 'source/a.md': '# A\n\nText.\n', 'source/b.md': '# B\n\nText.\n' }, 'formats: [pdf, html]\n');
    const dead = 'ws://127.0.0.1:9/devtools/browser/none';
    const run = galley(dir, ['build', '--browser-endpoint', dead]);
    expect(run.status).toBe(2);
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('galley:'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^galley: cannot reach the browser at ws:\/\/127\.0\.0\.1:9\/devtools\/browser\/none: /);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(dir, 'out/a.html'))).toBe(true);
    expect(existsSync(join(dir, 'out/a.pdf'))).toBe(false);
  });

  it('refuses an endpoint that is not a WebSocket URL, naming the config file', () => {
    const dir = makeProject({ 'source/a.md': '# A\n' }, 'browser: http://127.0.0.1:9222\n');
    const run = galley(dir, ['build']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^galley: galley\.config\.yaml: browser: must be a DevTools endpoint/);
  });
});
