/**
 * One Chromium per build, found on the system (never downloaded) or reached at
 * a DevTools endpoint (`browser: ws://…`), and a bounded number of pages
 * rendering at once. Pages run with JavaScript off and the network closed:
 * every request is answered from memory or refused, on a remote browser too.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, ConnectOptions, HTTPRequest, Page } from 'puppeteer-core';
import { profilePrefix, removeStaleProfiles } from './profiles.ts';
import { Semaphore } from './semaphore.ts';
import { spawnChromium, type Chromium } from './spawn.ts';
import { GalleyError } from '../../errors.ts';
import { mark } from '../../trace.ts';
import { browserSource, INSTALL_HINT, type BrowserSource } from './find.ts';

export { browserIdentity, browserSource, findBrowser, INSTALL_HINT, type BrowserSource } from './find.ts';

/** The origin documents are served from; nothing is ever fetched from it for real. */
export const ORIGIN = 'http://galley.invalid';

export interface Response {
  contentType: string;
  body: Uint8Array | string;
  /** The same URL always gets these bytes (font files): the page may keep them for the next document. */
  immutable?: boolean;
}

/** Answers a URL under ORIGIN, or returns undefined to refuse it. */
export type Resolver = (url: URL) => Promise<Response | undefined> | Response | undefined;

/**
 * puppeteer's connect (what `puppeteer.connect` calls), without the launchers,
 * browser downloader and proxy agents its main module loads as well: about a
 * fifth of the code, and with the bundle (scripts/compile.js) one file instead
 * of some 240.
 */
const loadConnect = (): Promise<Connect> =>
  // Its declarations are a second copy of the public types, alike but not the same to TypeScript.
  import('puppeteer-core/internal/common/BrowserConnector.js').then((module) => module._connectToBrowser as unknown as Connect);
type Connect = (options: ConnectOptions) => Promise<Browser>;

/** How long a page may take to close, or a hung browser to answer, before it is given up on. */
const PROBE_MS = 5000;

/**
 * Documents a page shows before it is closed and replaced. A renderer's memory
 * grows with the documents it has shown (measured: three renderers from 313 MB
 * to 545 MB over 400 documents); a fresh page only fetches its fonts again.
 */
export const PAGE_LIFETIME = 100;

/**
 * The build's one browser. If it dies (crash, killed) it is relaunched for the
 * next page; if it stops answering it is killed first. All documents share it.
 */
export class BrowserSession {
  /** Called with each page before it renders; for fault tests and tools that watch the renderer. */
  onPage?: (page: Page) => void;
  private current: Promise<Browser>;
  /**
   * Pages kept open between documents. Each keeps the fonts it loaded in its
   * renderer's memory cache, so a font is fetched and decoded once per page,
   * not once per document.
   */
  private readonly idle: Record<PageUse, Page[]> = { print: [], cover: [] };
  /** The request handler of the document each page is rendering now. */
  private readonly handlers = new WeakMap<Page, (request: HTTPRequest) => void>();
  /** Documents each page has shown. */
  private readonly shown = new WeakMap<Page, number>();
  private latest?: Browser;
  /** On a remote browser: the context galley's pages live in, closed with the session. */
  private readonly contexts = new WeakMap<Browser, BrowserContext>();
  private readonly profiles: string[] = [];
  /** The Chromium processes galley started, by the browser connected to each. */
  private readonly spawned = new WeakMap<Browser, Chromium>();
  private readonly blankTaken = new WeakSet<Browser>();
  /** The page being set up ahead of the first document (launch's `warm`). */
  private warming?: Promise<void>;

  private constructor(
    private readonly source: BrowserSource,
    private readonly slots: Semaphore,
    private readonly protocolTimeout: number,
  ) {
    this.current = this.start();
  }

  /**
   * `timeout`: the seconds a document's step may take (settings.timeout); no protocol call is cut shorter.
   * `warm`: a page for that use is set up as soon as the browser is connected, while the first
   * document is still in its text stages (a tenth of a second or more of DevTools calls).
   */
  static async launch(options: { concurrency: number; source?: BrowserSource; executablePath?: string; timeout?: number; warm?: PageUse }): Promise<BrowserSession> {
    const source = options.source ?? (options.executablePath ? { executablePath: options.executablePath } : browserSource({}));
    if (!source) throw new GalleyError(undefined, INSTALL_HINT, 2);
    // puppeteer's default of 180 s cut a long print short, reported as a crash; the step's own timeout decides.
    const protocolTimeout = Math.max(180, (options.timeout ?? 0) + 30) * 1000;
    const session = new BrowserSession(source, new Semaphore(options.concurrency), protocolTimeout);
    const browser = await session.current;
    if (options.warm) session.warm(browser, options.warm);
    return session;
  }

  private warm(browser: Browser, use: PageUse): void {
    this.warming = this.setUpPage(browser, use).then(
      (page) => void this.idle[use].push(page),
      // A browser that fails here fails the first document's own call the same way.
      () => undefined,
    );
  }

  private async start(): Promise<Browser> {
    if ('endpoint' in this.source) return this.connect(await loadConnect(), this.source.endpoint);
    removeStaleProfiles();
    const profile = await mkdtemp(join(tmpdir(), profilePrefix()));
    this.profiles.push(profile);
    // Chromium first, then puppeteer (a good part of a second to load), which connects to it once both are up.
    mark('browser: spawn');
    const chromium = await spawnChromium(this.source.executablePath, profile);
    const connect = await loadConnect();
    mark('browser: puppeteer loaded');
    let browser: Browser;
    try {
      browser = await connect({ transport: chromium.transport, defaultViewport: { width: 800, height: 600 }, protocolTimeout: this.protocolTimeout });
    } catch (error) {
      await chromium.kill();
      throw error;
    }
    this.spawned.set(browser, chromium);
    this.latest = browser;
    mark('browser: connected');
    return browser;
  }

  /** A running browser, at its DevTools endpoint; its pages go in a context of galley's own. */
  private async connect(connect: Connect, endpoint: string): Promise<Browser> {
    let browser: Browser;
    try {
      browser = await connect({ browserWSEndpoint: endpoint, protocolTimeout: PROBE_MS * 6 });
    } catch (error) {
      throw new GalleyError(undefined, `cannot reach the browser at ${endpoint}: ${(error as Error).message.split('\n')[0]}`, 2);
    }
    this.contexts.set(browser, await browser.createBrowserContext());
    this.latest = browser;
    return browser;
  }

  /** The running browser, relaunched if the last one died. */
  private async browser(): Promise<Browser> {
    const current = this.current;
    const browser = await current.catch(() => undefined);
    if (browser?.connected) return browser;
    // Several pages may notice at once; the first one relaunches, the rest wait for it.
    if (this.current === current) this.current = this.start();
    return this.current;
  }

  get connected(): boolean {
    return this.latest?.connected ?? false;
  }

  /** An idle page of `browser` kept for `use`, or a new one: JavaScript off, every request to the current document's handler. */
  private async page(browser: Browser, use: PageUse): Promise<Page> {
    const warming = this.warming;
    this.warming = undefined;
    await warming;
    const idle = this.idle[use];
    for (let page = idle.pop(); page; page = idle.pop()) {
      if (!page.isClosed() && page.browser() === browser) return page;
    }
    return this.setUpPage(browser, use);
  }

  private async setUpPage(browser: Browser, use: PageUse): Promise<Page> {
    const page = (await this.blankPage(browser)) ?? (await (this.contexts.get(browser) ?? browser).newPage());
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const handler = this.handlers.get(page);
      if (handler) handler(request);
      else void request.abort('blockedbyclient').catch(() => undefined);
    });
    return page;
  }

  /**
   * The blank tab a Chromium galley started opens with, the first time it is
   * asked for: its renderer is already running, where a new page starts one.
   */
  private async blankPage(browser: Browser): Promise<Page | undefined> {
    if (!this.spawned.has(browser) || this.blankTaken.has(browser)) return undefined;
    this.blankTaken.add(browser);
    const pages = await browser.pages();
    return pages.length === 1 && pages[0]!.url() === 'about:blank' ? pages[0] : undefined;
  }

  /** Runs `work` on a page kept for `use`, whose every request goes through `resolve`. */
  async withPage<T>(resolve: Resolver, onBlocked: (url: string) => void, work: (page: Page) => Promise<T>, use: PageUse = 'print'): Promise<T> {
    return this.slots.run(async () => {
      const browser = await this.browser();
      const page = await this.page(browser, use);
      let reusable = false;
      try {
        this.handlers.set(page, (request) => void answer(request, resolve, onBlocked));
        this.onPage?.(page);
        const result = await work(page);
        reusable = true;
        return result;
      } catch (error) {
        // A timeout may mean the browser itself hangs: then kill it, so the next page gets a fresh one.
        if ((error as Error)?.name === 'TimeoutError' && !(await answers(browser))) await this.spawned.get(browser)?.kill();
        throw error;
      } finally {
        this.handlers.delete(page);
        const shown = (this.shown.get(page) ?? 0) + 1;
        this.shown.set(page, shown);
        // A page that failed may be in any state: it is closed, never reused.
        if (reusable && browser.connected && shown < PAGE_LIFETIME) this.idle[use].push(page);
        else await within(page.close(), PROBE_MS);
      }
    });
  }

  async close(): Promise<void> {
    const browser = await this.current.catch(() => undefined);
    const context = browser && this.contexts.get(browser);
    // A remote browser is someone else's: only galley's context is closed, then the connection.
    if (context) await within(context.close().finally(() => browser!.disconnect()), PROBE_MS);
    else if (browser) {
      // Every output is written by now, and the profile is removed below: nothing is lost by not
      // waiting for a graceful shutdown, which takes a fifth of a second.
      void browser.disconnect().catch(() => undefined);
      await this.spawned.get(browser)?.kill();
    }
    await Promise.all(this.profiles.map((profile) => rm(profile, { recursive: true, force: true })));
  }

  /** For fault tests: the current browser process, to kill it mid-build. */
  get process() {
    return (this.latest && this.spawned.get(this.latest)?.process) ?? null;
  }
}

/** Whether `promise` fulfils within `ms`: a hung browser never answers at all. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<boolean>((done) => (timer = setTimeout(() => done(false), ms)));
  try {
    return await Promise.race([promise.then(() => true, () => false), expired]);
  } finally {
    clearTimeout(timer);
  }
}

const answers = (browser: Browser) => within(browser.version(), PROBE_MS);

async function answer(request: HTTPRequest, resolve: Resolver, onBlocked: (url: string) => void): Promise<void> {
  const raw = request.url();
  try {
    const url = new URL(raw);
    // Browsers ask for an icon on their own; it is not the document's doing.
    if (url.origin === ORIGIN && url.pathname === '/favicon.ico') {
      await request.respond({ status: 404, body: '' });
      return;
    }
    const response = url.origin === ORIGIN ? await resolve(url) : undefined;
    if (response) {
      // Only immutable responses may be kept; the document itself is never reused.
      const headers = { 'Cache-Control': response.immutable ? 'public, max-age=31536000, immutable' : 'no-store' };
      await request.respond({ status: 200, contentType: response.contentType, headers, body: response.body as Buffer });
      return;
    }
  } catch {
    // An unparsable URL is refused like any other.
  }
  if (!raw.startsWith('data:')) onBlocked(raw);
  await request.abort('blockedbyclient').catch(() => undefined);
}

/**
 * What a page is kept for. Only cover pages are ever brought to the front to be
 * shot; print pages stay in the background, where Chromium does not composite
 * them. A print page that had been in front was painted again for every
 * document it printed: measured, a fifth more CPU for a PDF and EPUB build.
 */
export type PageUse = 'print' | 'cover';
