/**
 * Faults in a real Chromium: killed or hung mid-build. The document that was
 * rendering is retried once on a fresh browser, then reported as failed; the
 * other documents are built.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../pipeline/index.ts';
import type { BrowserSession } from '../../pipeline/emit/browser/index.ts';
import { makeProject } from './project.ts';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#c33"/></svg>';

/** Three documents; only the victim loads victim.svg, which is how the test knows its page. */
function project(config: string): string {
  return makeProject(
    {
      'source/alpha.md': '# Alpha\n\nAlpha paragraph text.\n',
      'source/omega.md': '# Omega\n\nOmega paragraph text.\n',
      'source/victim.md': '# Victim\n\nVictim paragraph.\n\n![a red box](victim.svg)\n',
      'source/victim.svg': SVG,
    },
    config,
  );
}

/** Calls `strike` each time a page asks for the victim's image, i.e. while the victim renders. */
function onVictim(strike: (session: BrowserSession) => void) {
  return (session: BrowserSession) => {
    session.onPage = (page) => {
      page.on('request', (request) => {
        if (request.url().endsWith('/files/source/victim.svg')) strike(session);
      });
    };
  };
}

function expectOthersBuilt(dir: string, result: BuildResult) {
  for (const name of ['alpha', 'omega']) {
    const doc = result.documents.find((d) => d.slug === name)!;
    expect(doc.error, name).toBeUndefined();
    const pdf = join(dir, 'out', `${name}.pdf`);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain(`${name[0]!.toUpperCase()}${name.slice(1)} paragraph text.`);
  }
}

describe('browser faults', () => {
  it('a browser killed while a document renders: retried once on a fresh browser, then reported failed', async () => {
    const dir = project('formats: [pdf]\nconcurrency: 1\n');
    const killed: number[] = [];
    const result = await build({
      root: dir,
      onBrowser: onVictim((session) => {
        const browser = session.process!;
        if (killed.includes(browser.pid!)) return;
        killed.push(browser.pid!);
        browser.kill('SIGKILL');
      }),
    });
    // Killed on the first attempt and again on the retry, each time a different browser.
    expect(killed).toHaveLength(2);
    expect(new Set(killed).size).toBe(2);
    const victim = result.documents.find((d) => d.slug === 'victim')!;
    expect(victim.error?.line).toBe('galley: source/victim.md: PDF not written: the browser crashed, and again on retry');
    expect(victim.file!.messages.filter((m) => m.ruleId === 'browser-retry').map((m) => m.reason)).toEqual([
      'PDF: the browser crashed; retrying on a fresh browser',
    ]);
    expect(existsSync(join(dir, 'out/victim.pdf'))).toBe(false);
    expectOthersBuilt(dir, result);
  });

  it('a browser killed once: the retry succeeds and the document is built', async () => {
    const dir = project('formats: [pdf]\nconcurrency: 1\n');
    let kills = 0;
    const result = await build({ root: dir, onBrowser: onVictim((session) => void (kills++ === 0 && session.process!.kill('SIGKILL'))) });
    const victim = result.documents.find((d) => d.slug === 'victim')!;
    expect(victim.error).toBeUndefined();
    expect(victim.file!.messages.some((m) => m.ruleId === 'browser-retry')).toBe(true);
    expect(readFileSync(join(dir, 'out/victim.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expectOthersBuilt(dir, result);
  });

  it('a hung browser: the per-document timeout fires, the hung browser is replaced, then the document is reported failed', async () => {
    const dir = project('formats: [pdf]\nconcurrency: 1\ntimeout: 3\n');
    const stopped: number[] = [];
    const result = await build({
      root: dir,
      onBrowser: onVictim((session) => {
        const browser = session.process!;
        if (stopped.includes(browser.pid!)) return;
        stopped.push(browser.pid!);
        browser.kill('SIGSTOP');
      }),
    });
    expect(stopped).toHaveLength(2);
    const victim = result.documents.find((d) => d.slug === 'victim')!;
    expect(victim.error?.line).toBe('galley: source/victim.md: PDF not written: the browser timed out (timeout: 3 s), and again on retry');
    expectOthersBuilt(dir, result);
    // The hung browsers were killed, not left stopped behind the build.
    for (const pid of stopped) expect(() => process.kill(pid, 0)).toThrow();
  });

  it('the browser is let go once no document can need it, before the last PDF is finished', async () => {
    const dir = project('formats: [pdf, epub]\nconcurrency: 1\n');
    let session: BrowserSession | undefined;
    const connected: boolean[] = [];
    const result = await build({ root: dir, onBrowser: (s) => void (session = s), onDocument: () => connected.push(session!.connected) });
    // The last document is reported after its PDF was finished and written, and by then nothing held the browser.
    expect(connected.at(-1)).toBe(false);
    expect(result.documents.map((d) => d.error)).toEqual([undefined, undefined, undefined]);
    expectOthersBuilt(dir, result);
    expect(readFileSync(join(dir, 'out/victim.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
