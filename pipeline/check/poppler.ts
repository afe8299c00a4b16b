/** Runs poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm): the PDF reader check relies on. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { GalleyError } from '../errors.ts';

const run = promisify(execFile);

export const POPPLER_HINT =
  'galley check needs poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm) to read PDFs: install it with "sudo apt-get install poppler-utils" (or "brew install poppler")';

/** Runs a poppler tool and returns its stdout; TZ is fixed so dates print the same on every machine. */
export async function poppler(tool: string, args: string[], display: string): Promise<string> {
  try {
    const { stdout } = await run(tool, args, {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, TZ: 'UTC', LC_ALL: 'C.UTF-8' },
    });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new GalleyError(undefined, POPPLER_HINT, 2);
    const reason = e.stderr?.trim().split('\n').pop() || e.message.split('\n')[0];
    throw new GalleyError(display, `${tool} could not read it: ${reason}`);
  }
}
