/** Opens an EPUB as a reading system does: unzip, find the package, read its documents. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

export interface EpubContents {
  files: string[];
  text: (name: string) => Promise<string>;
  opf: string;
  opfPath: string;
  /** The XHTML documents in spine order's container folder, as text. */
  xhtml: Record<string, string>;
}

export async function openEpub(path: string): Promise<EpubContents> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const files = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir);
  const text = (name: string) => zip.file(name)!.async('string');
  const container = await text('META-INF/container.xml');
  const opfPath = container.match(/full-path="([^"]+)"/)![1]!;
  const opf = await text(opfPath);
  const xhtml: Record<string, string> = {};
  for (const name of files.filter((f) => f.endsWith('.xhtml'))) xhtml[name] = decodeEntities(await text(name));
  return { files, text, opf, opfPath, xhtml };
}

/** Character references as a reading system resolves them, so tests compare text, not encoding. */
export function decodeEntities(xml: string): string {
  return xml
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)));
}

export interface EpubCheckMessage {
  ID: string;
  severity: string;
  message: string;
  locations: { path: string; line: number; column: number }[];
}

export interface EpubCheckReport {
  errors: number;
  warnings: number;
  fatals: number;
  /** Every message, one line each, for an assertion's failure text. */
  messages: string[];
}

/** Debian's EPUBCheck on one file, its JSON report read back. */
export function epubcheck(path: string): EpubCheckReport {
  const dir = mkdtempSync(join(tmpdir(), 'galley-epubcheck-'));
  const json = join(dir, 'report.json');
  // EPUBCheck exits 1 when it finds errors; the report says which.
  spawnSync('java', ['-jar', '/usr/share/java/epubcheck.jar', path, '--json', json], { encoding: 'utf8' });
  const report = JSON.parse(readFileSync(json, 'utf8')) as {
    checker: { nFatal: number; nError: number; nWarning: number };
    messages: EpubCheckMessage[];
  };
  rmSync(dir, { recursive: true, force: true });
  return {
    errors: report.checker.nError,
    warnings: report.checker.nWarning,
    fatals: report.checker.nFatal,
    messages: report.messages.map((m) => `${m.severity} ${m.ID} ${m.locations.map((l) => `${l.path}:${l.line}`).join(', ')}: ${m.message}`),
  };
}

/**
 * EPUBCheck over many books in one JVM (test/helpers/EpubCheckBatch.java, run from source):
 * one start of Java instead of one per book.
 */
export function epubcheckMany(paths: string[]): Map<string, EpubCheckReport> {
  const batch = join(import.meta.dirname, 'EpubCheckBatch.java');
  const run = spawnSync('java', ['-cp', '/usr/share/java/epubcheck.jar', batch, ...paths], { encoding: 'utf8', maxBuffer: 64 << 20 });
  // The library prints each book's messages to stderr and our counts to stdout, book by book.
  const messages = run.stderr.split('\n').filter((line) => /^(?:FATAL|ERROR|WARNING)/.test(line));
  const reports = new Map<string, EpubCheckReport>();
  for (const line of run.stdout.split('\n')) {
    const [tag, path, fatals, errors, warnings] = line.split('\t');
    if (tag !== 'RESULT' || !path) continue;
    reports.set(path, { fatals: Number(fatals), errors: Number(errors), warnings: Number(warnings), messages: messages.filter((m) => m.includes(path)) });
  }
  return reports;
}
