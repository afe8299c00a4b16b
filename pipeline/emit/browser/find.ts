/** Which browser a build uses: the `browser` setting's endpoint, or a Chromium found on this machine (never downloaded). */
import { existsSync } from 'node:fs';

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

/** Where the build's browser comes from: a running one's DevTools endpoint, or an executable to launch. */
export type BrowserSource = { endpoint: string } | { executablePath: string };

/** The `browser` setting when there is one, else a Chromium on this machine; undefined when there is neither. */
export function browserSource(settings: { browser?: string | undefined }, env: NodeJS.ProcessEnv = process.env): BrowserSource | undefined {
  if (settings.browser) return { endpoint: settings.browser };
  const executablePath = findBrowser(env);
  return executablePath ? { executablePath } : undefined;
}

/** What identifies the browser for the build cache. */
export function browserIdentity(source: BrowserSource): string {
  return 'endpoint' in source ? source.endpoint : source.executablePath;
}
