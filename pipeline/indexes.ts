/**
 * Writes every precomputed table (precomputed.ts), the contents' digit
 * fonts (emit/pdf/digits.ts) and Chromium's command line (emit/browser/spawn.ts)
 * to dist/data/: run by
 * scripts/compile.js once the bundle is made, from the bundle itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleFingerprint } from './batch/fingerprint.ts';
import { coverageTable } from './fonts/coverage.ts';
import { FONT_WEIGHTS } from './fonts/catalogue.ts';
import { scriptIndex } from './locale/script-index.ts';
import { phraseTables } from './locale/phrase-free.ts';
import { writeChainTables } from './locale/opencc.ts';
import { rankedVariants, wordVariants } from './normalize/freq.ts';
import { surnameVariants } from './normalize/rules/head/names.ts';
import { pairTable } from './normalize/byte-pairs.ts';
import { DATA_DIR, type Precomputed } from './precomputed.ts';
import { writeDigits } from './emit/pdf/digits.ts';
import { chromiumArgs } from './emit/browser/spawn.ts';

export async function writeIndexes(): Promise<string[]> {
  const tables: Precomputed<unknown>[] = [bundleFingerprint, scriptIndex, phraseTables, rankedVariants, wordVariants, surnameVariants, pairTable, ...FONT_WEIGHTS.map(([pkg, weight]) => coverageTable(pkg, weight))];
  const written = tables.map((table) => {
    const path = join(DATA_DIR, `${table.name}.json`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(table.make()));
    return path;
  });
  const args = join(DATA_DIR, 'chromium-args.json');
  writeFileSync(args, JSON.stringify(await chromiumArgs()));
  return [...written, ...writeChainTables(), args, ...(await writeDigits())];
}
