/**
 * The preview's HTTP server, on the loopback address only. It answers from a
 * fixed table of routes and from memory: the preview's own assets and the
 * document's snapshot, never a path of the file system. Other hosts (DNS
 * rebinding), methods other than GET and HEAD, and paths that try to climb are
 * refused before any route is looked at.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fontFile } from '../emit/origin.ts';
import { mediaType } from '../emit/media-types.ts';
import { FONT_PACKAGES, fontFileByName } from '../fonts/catalogue.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import type { PreviewSession, State } from './session.ts';
import { shellHtml } from './shell.ts';

interface Body {
  type: string;
  data: string | Uint8Array;
}

const CLIENT = join(PACKAGE_ROOT, 'pipeline', 'preview', 'client');
const asset = (name: string, type: string) => (): Body => ({ type, data: readFileSync(join(CLIENT, name)) });

/** What the page may load: itself, inline styles (the published page has them) and data: images and fonts. */
const POLICY = "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'";

type Route = () => Body | undefined | Promise<Body | undefined>;

function routes(session: PreviewSession): Record<string, Route> {
  const snapshot = () => session.state.snapshot;
  return {
    '/': () => ({ type: 'text/html; charset=utf-8', data: shellHtml(session.state) }),
    '/assets/preview.js': asset('preview.js', 'text/javascript; charset=utf-8'),
    '/assets/preview.css': asset('preview.css', 'text/css; charset=utf-8'),
    '/state.json': () => ({ type: 'application/json', data: JSON.stringify(publicState(session.state)) }),
    '/page.html': () => (snapshot() ? { type: 'text/html; charset=utf-8', data: snapshot()!.html } : undefined),
    '/print.pdf': () => (snapshot()?.pdf ? { type: 'application/pdf', data: snapshot()!.pdf! } : undefined),
    '/panel.html': () => (snapshot() ? { type: 'text/html; charset=utf-8', data: snapshot()!.panel } : undefined),
    '/fonts.css': () => ({ type: 'text/css; charset=utf-8', data: snapshot()?.fonts ?? '' }),
  };
}

/**
 * galley's own font files: by package and file name, as the PDF renderer serves
 * them, or by file name alone, as the published page names its copies (fonts/NAME).
 */
async function font(path: string): Promise<Body | undefined> {
  const match = /^\/fonts\/([\w-]+)\/(files\/[\w-]+(?:\.[\w-]+)*\.woff2)$/.exec(path);
  const named = /^\/fonts\/([^/]+)$/.exec(path);
  const found = match && FONT_PACKAGES.includes(match[1]!) ? { pkg: match[1]!, file: match[2]! } : named ? fontFileByName(named[1]!) : undefined;
  if (!found) return undefined;
  return fontFile(found.pkg, found.file).then((data) => ({ type: mediaType(found.file), data }), () => undefined);
}

/** What the page's script is told after each build. */
export function publicState(state: State) {
  const { snapshot } = state;
  return { version: state.version, pageVersion: state.pageVersion, pdfVersion: state.pdfVersion, building: state.building, printing: state.printing, error: state.error ?? null, title: snapshot?.title ?? null, source: snapshot?.source ?? null, pdf: Boolean(snapshot?.pdf), repairs: snapshot?.repairs ?? 0 };
}

export function startServer(session: PreviewSession, port: number): Promise<Server> {
  const table = routes(session);
  const server = createServer(async (request, response) => {
    const refusal = refuse(request, server);
    if (refusal) return send(response, refusal[0], { type: 'text/plain; charset=utf-8', data: `${refusal[1]}\n` }, request.method === 'HEAD');
    const path = new URL(request.url!, 'http://127.0.0.1').pathname;
    if (path === '/events') return events(session, request, response);
    const body = await (table[path] ?? (() => font(path)))();
    if (!body) return send(response, 404, { type: 'text/plain; charset=utf-8', data: 'not found\n' }, request.method === 'HEAD');
    send(response, 200, body, request.method === 'HEAD');
  });
  return new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      ready(server);
    });
  });
}

/** A status and a reason when the request is refused, before any route is looked at. */
function refuse(request: IncomingMessage, server: Server): [number, string] | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return [405, 'only GET and HEAD'];
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowed.includes((request.headers.host ?? '').toLowerCase())) return [403, 'this host is not served'];
  const raw = request.url ?? '';
  // Origin-form only: "/path?query". Absolute URLs, "*" and "//host" forms are not the preview's.
  if (!raw.startsWith('/') || raw.startsWith('//')) return [403, 'not a path of the preview'];
  const path = raw.split(/[?#]/)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return [403, 'not a path of the preview'];
  }
  if (decoded.split(/[/\\]/).some((part) => part === '..' || part === '.') || /[\\\0]/.test(decoded)) return [403, 'not a path of the preview'];
  return undefined;
}

function send(response: ServerResponse, status: number, body: Body, head: boolean): void {
  const data = typeof body.data === 'string' ? Buffer.from(body.data) : body.data;
  response.writeHead(status, {
    'content-type': body.type,
    'content-length': data.byteLength,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': POLICY,
    ...(status === 405 ? { allow: 'GET, HEAD' } : {}),
  });
  response.end(head ? undefined : data);
}

/** Server-sent events: the state after every change, so the page reloads its panes by itself. */
function events(session: PreviewSession, request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  if (request.method === 'HEAD') return void response.end();
  const push = (state: State) => response.write(`data: ${JSON.stringify(publicState(state))}\n\n`);
  push(session.state);
  const stop = session.onChange(push);
  // A comment now and then keeps idle connections open through proxies and sleep.
  const beat = setInterval(() => response.write(': beat\n\n'), 15_000);
  request.on('close', () => {
    stop();
    clearInterval(beat);
  });
}
