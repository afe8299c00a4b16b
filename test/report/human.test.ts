import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { humanReport, LISTED_PER_RULE, reportEntries } from '../../pipeline/report.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function file(): VFile {
  const f = new VFile({ path: 'doc.txt' });
  for (let i = 1; i <= 5; i++) f.info('Use full-width ， in Chinese text', { ruleId: 'punctuation', source: 'galley', place: { line: i, column: 2 } });
  f.info('Numbered line becomes a level-2 heading', { ruleId: 'structure', source: 'galley', place: { line: 9, column: 1 } });
  f.message('Possible mojibake; kept as found', { ruleId: 'mojibake', source: 'galley', place: { line: 3, column: 4 } });
  f.message('Simplified 干 in Traditional text', { ruleId: 'script', source: 'galley', place: { line: 4, column: 1 } });
  return f;
}

describe('human report', () => {
  it('lists warnings one by one and counts routine repairs per rule', () => {
    const text = humanReport([file()]);
    expect(text).toContain('Possible mojibake; kept as found');
    expect(text).toContain('Simplified 干 in Traditional text');
    expect(text).not.toContain('Use full-width');
    expect(text).toContain('  punctuation: 5 full-width marks');
    expect(text).toContain('  structure: 1 line made a heading');
    expect(text).toMatch(/2 warnings/);
  });

  it('lists every message with verbose, and no routine lines with quiet', () => {
    expect(humanReport([file()], { verbose: true }).match(/Use full-width/g)).toHaveLength(5);
    const quiet = humanReport([file()], { quiet: true });
    expect(quiet).not.toContain('punctuation');
    expect(quiet).toContain('Possible mojibake');
  });

  it('shows a file with only routine repairs as its counts, and nothing with quiet', () => {
    const f = new VFile({ path: 'calm.txt' });
    f.info('Use full-width ， in Chinese text', { ruleId: 'punctuation' });
    expect(humanReport([f])).toBe('calm.txt\nroutine repairs (1, each listed with --verbose):\n  punctuation: 1 full-width mark');
    expect(humanReport([f], { quiet: true })).toBe('');
  });

  it('lists the first warnings of each rule and counts the rest, in the totals too; verbose and JSON keep them all', () => {
    const f = new VFile({ path: 'long.txt' });
    // Made out of order: the ones listed are the first in the text.
    for (let i = 2 * LISTED_PER_RULE + 30; i >= 1; i--) f.message(`Simplified 干 in Traditional text, number ${i}`, { ruleId: 'script', source: 'galley', place: { line: i, column: 1 } });
    for (let i = 1; i <= 3; i++) f.message(`Possible mojibake ${i}`, { ruleId: 'mojibake', source: 'galley', place: { line: i, column: 5 } });
    f.message('The document cannot be read', { ruleId: 'read', source: 'galley' }).fatal = true;
    f.info('Use full-width ， in Chinese text', { ruleId: 'punctuation', place: { line: 1, column: 1 } });
    const text = humanReport([f]);
    expect(text.match(/Simplified 干/g)).toHaveLength(LISTED_PER_RULE);
    expect(text).toContain(`number ${LISTED_PER_RULE}\u0020`);
    expect(text).not.toContain(`number ${LISTED_PER_RULE + 1} `);
    expect(text.match(/Possible mojibake/g)).toHaveLength(3);
    expect(text).toContain('The document cannot be read');
    expect(text).toContain(`warnings not listed (${LISTED_PER_RULE + 30},`);
    expect(text).toContain(`  script: ${LISTED_PER_RULE + 30} more warnings`);
    expect(text).not.toMatch(/mojibake: \d+ more/);
    expect(text).toContain('  punctuation: 1 full-width mark');
    // The totals count every warning, listed or not.
    expect(text.split('\n').at(-1)).toMatch(new RegExp(`^${2 * LISTED_PER_RULE + 34} messages \\(.*1 error, .*${2 * LISTED_PER_RULE + 33} warnings\\)$`));
    expect(humanReport([f], { verbose: true }).match(/Simplified 干/g)).toHaveLength(2 * LISTED_PER_RULE + 30);
    expect(reportEntries([f])).toHaveLength(2 * LISTED_PER_RULE + 35);
  });

  it('keeps every message in the JSON entries', () => {
    expect(reportEntries([file()])).toHaveLength(8);
  });

  it('is what galley normalize prints on stderr', () => {
    const run = () =>
      spawnSync(process.execPath, ['bin/galley.js', 'normalize', 'source/jiceng-dangwu-sikao.txt'], { cwd: ROOT, env: { ...process.env, GALLEY_FROM_SOURCES: '1' }, encoding: 'utf8' });
    const plain = run();
    expect(plain.status).toBe(0);
    expect(plain.stderr).toMatch(/\n {2}punctuation: \d+ full-width marks\n/);
    expect(plain.stderr).not.toContain('Use full-width');
  });
});
