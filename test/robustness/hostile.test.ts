/**
 * Hostile documents: raw HTML that tries to read local files, reach the
 * network or run scripts. Nothing outside the project is read, nothing leaves
 * the machine, nothing runs, and the build says what it blocked; with the
 * default sanitizing and with `trusted: true` alike.
 */
import { createServer, type Server } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { build } from '../../pipeline/index.ts';
import { BrowserSession, ORIGIN } from '../../pipeline/emit/browser/index.ts';
import { makeProject, ROOT } from './project.ts';

const FIXTURE = join(ROOT, 'test/fixtures/hostile/hostile.md');
const PASSWD = readFileSync('/etc/passwd', 'utf8');
const HOSTNAME = readFileSync('/etc/hostname', 'utf8').trim();
const TOKEN = 'SECRET-OUTSIDE-THE-PROJECT-7f3a9c';

let server: Server;
let hits: string[] = [];
let port = 0;
let secretDir: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end('<svg xmlns="http://www.w3.org/2000/svg"/>');
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  port = (server.address() as { port: number }).port;
  secretDir = mkdtempSync(join(tmpdir(), 'galley-secret-'));
  writeFileSync(join(secretDir, 'secret.svg'), `<svg xmlns="http://www.w3.org/2000/svg"><text>${TOKEN}</text></svg>`);
  writeFileSync(join(secretDir, 'secret.txt'), TOKEN);
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** The fixture, plus references to a local server and to a secret file outside the project. */
function hostileProject(trusted: boolean): string {
  const extra = `
<img src="http://127.0.0.1:${port}/img.svg" alt="local server">

<iframe src="http://127.0.0.1:${port}/frame.html"></iframe>

<img src="file://${secretDir}/secret.svg" alt="secret by URL">

<img src="link/secret.svg" alt="secret through a symbolic link">

<iframe src="file://${secretDir}/secret.txt"></iframe>

<div style="background-image: url('http://127.0.0.1:${port}/style.png')">Styled.</div>

<meta http-equiv="refresh" content="0; url=http://127.0.0.1:${port}/refresh">
`;
  const dir = makeProject({ 'source/hostile.md': readFileSync(FIXTURE, 'utf8') + extra }, `formats: [html, pdf, epub]\ntrusted: ${trusted}\n`);
  symlinkSync(secretDir, join(dir, 'source/link'));
  return dir;
}

async function epubText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  return (await Promise.all(names.map((name) => zip.file(name)!.async('string')))).join('\n');
}

describe.each([false, true])('a hostile document (trusted: %s)', (trusted) => {
  let dir: string;
  let result: Awaited<ReturnType<typeof build>>;

  beforeAll(async () => {
    hits = [];
    dir = hostileProject(trusted);
    result = await build({ root: dir });
  });

  it('builds to HTML, PDF and EPUB', () => {
    const doc = result.documents[0]!;
    expect(doc.error).toBeUndefined();
    expect(Object.keys(doc.outputs).sort()).toEqual(['epub', 'html', 'pdf']);
  });

  it('reports every resource it blocked, /etc/passwd and /etc/hostname included', () => {
    const blocked = result.documents[0]!.file!.messages.filter((m) => m.ruleId === 'blocked-resource').map((m) => m.actual);
    expect(blocked).toEqual(
      expect.arrayContaining([
        'file:///etc/passwd',
        'file:///etc/hostname',
        'http://example.com/tracker.png',
        '../../../../../../etc/hostname',
        'http://example.com/bg.png',
        'http://example.com/evil.css',
        `http://127.0.0.1:${port}/img.svg`,
        `http://127.0.0.1:${port}/frame.html`,
        `file://${secretDir}/secret.svg`,
        'link/secret.svg',
        `http://127.0.0.1:${port}/style.png`,
      ]),
    );
    const lines = result.documents[0]!.file!.messages.map(String).join('\n');
    expect(lines).toMatch(/blocked <iframe> src="file:\/\/\/etc\/passwd": only images inside the project may be loaded/);
    expect(lines).toMatch(/blocked <img> src="file:\/\/\/etc\/hostname"/);
  });

  it('writes a PDF whose text holds neither file, nor anything from outside the project', () => {
    const text = execFileSync('pdftotext', [join(dir, 'out/hostile.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('visible text of the hostile document');
    expect(text).not.toContain(PASSWD.split('\n')[0]);
    expect(text).not.toContain('root:x:0:0');
    expect(text).not.toMatch(new RegExp(`\\b${HOSTNAME}\\b`));
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('SCRIPT-RAN');
  });

  it('writes an EPUB that holds neither file, nor fetched anything', async () => {
    const text = await epubText(join(dir, 'out/hostile.epub'));
    expect(text).toContain('visible text of the hostile document');
    expect(text).not.toContain('root:x:0:0');
    expect(text).not.toMatch(new RegExp(`\\b${HOSTNAME}\\b`));
    expect(text).not.toContain(TOKEN);
    expect(text).not.toMatch(/file:\/\/|127\.0\.0\.1|example\.com/);
  });

  it('sends no request to the network, from the browser or the e-book library', () => {
    expect(hits).toEqual([]);
  });

  it('keeps the HTML page free of outside files and addresses', () => {
    const html = readFileSync(join(dir, 'out/hostile.html'), 'utf8');
    expect(html).not.toContain('root:x:0:0');
    expect(html).not.toContain(Buffer.from(TOKEN).toString('base64').slice(0, 16));
    expect(html).not.toMatch(/file:\/\/|127\.0\.0\.1|example\.com/);
    // Sanitizing removes scripts; trusted sources keep them, for the reader's own browser.
    expect(html.includes('<script>')).toBe(trusted);
  });
});

describe('the renderer on its own, if markup got past the guard', () => {
  it('runs no script and lets no request out; each refused request is reported', async () => {
    hits = [];
    const session = await BrowserSession.launch({ concurrency: 1 });
    const blocked: string[] = [];
    const page = `<!DOCTYPE html><html><head><title>untouched</title>
<link rel="stylesheet" href="http://127.0.0.1:${port}/a.css"></head><body>
<script>document.title = 'SCRIPT-RAN'</script>
<img src="http://127.0.0.1:${port}/b.png"><img src="file:///etc/hostname">
<iframe src="file:///etc/passwd"></iframe><iframe srcdoc="&lt;img src='http://127.0.0.1:${port}/c.png'&gt;"></iframe>
<p>body text</p></body></html>`;
    try {
      const title = await session.withPage(
        (url) => (url.pathname === '/doc.html' ? { contentType: 'text/html', body: page } : undefined),
        (url) => blocked.push(url),
        async (p) => {
          await p.goto(`${ORIGIN}/doc.html`, { waitUntil: 'load' });
          return p.title();
        },
      );
      expect(title).toBe('untouched');
    } finally {
      await session.close();
    }
    expect(hits).toEqual([]);
    // file: URLs never become requests: Chromium refuses local files to a page served over http.
    expect(blocked.sort()).toEqual([`http://127.0.0.1:${port}/a.css`, `http://127.0.0.1:${port}/b.png`, `http://127.0.0.1:${port}/c.png`]);
  });
});

