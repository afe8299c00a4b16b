/**
 * One Chromium per build, found on the system (never downloaded), and a bounded
 * number of pages rendering at once. Pages run with JavaScript off and the
 * network closed: every request is answered from memory or refused.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { GalleyError } from '../errors.ts';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const INSTALL_HINT =
  'no Chromium found: install one (Debian/Ubuntu: sudo apt-get install chromium) or set PUPPETEER_EXECUTABLE_PATH';

export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const path of [env.PUPPETEER_EXECUTABLE_PATH, env.CHROME_PATH]) {
    if (path) return existsSync(path) ? path : undefined;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

/** The origin documents are served from; nothing is ever fetched from it for real. */
export const ORIGIN = 'http://galley.invalid';

export interface Response {
  contentType: string;
  body: Uint8Array | string;
}

/** Answers a URL under ORIGIN, or returns undefined to refuse it. */
export type Resolver = (url: URL) => Promise<Response | undefined> | Response | undefined;

export class BrowserSession {
  private constructor(
    private readonly browser: Browser,
    private readonly profile: string,
    private readonly slots: Semaphore,
  ) {}

  static async launch(options: { concurrency: number; executablePath?: string }): Promise<BrowserSession> {
    const executablePath = options.executablePath ?? findBrowser();
    if (!executablePath) throw new GalleyError(undefined, INSTALL_HINT, 2);
    const profile = await mkdtemp(join(tmpdir(), 'galley-chromium-'));
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir: profile,
      args: [
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
      ],
    });
    return new BrowserSession(browser, profile, new Semaphore(options.concurrency));
  }

  get connected(): boolean {
    return this.browser.connected;
  }

  /** Runs `work` on a fresh page whose every request goes through `resolve`. */
  async withPage<T>(resolve: Resolver, onBlocked: (url: string) => void, work: (page: Page) => Promise<T>): Promise<T> {
    return this.slots.run(async () => {
      const page = await this.browser.newPage();
      try {
        await page.setJavaScriptEnabled(false);
        await page.setRequestInterception(true);
        page.on('request', (request) => void answer(request, resolve, onBlocked));
        return await work(page);
      } finally {
        await page.close().catch(() => undefined);
      }
    });
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await rm(this.profile, { recursive: true, force: true });
  }

  /** For fault tests: the browser process, to kill it mid-build. */
  get process() {
    return this.browser.process();
  }
}

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
      await request.respond({ status: 200, contentType: response.contentType, body: response.body as Buffer });
      return;
    }
  } catch {
    // An unparsable URL is refused like any other.
  }
  if (!raw.startsWith('data:')) onBlocked(raw);
  await request.abort('blockedbyclient').catch(() => undefined);
}

/** At most `size` tasks at once. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resume) => this.waiting.push(resume));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
