/**
 * build({ report }): each document's report for a person is formatted on its text thread while
 * the build's thread writes the outputs. It must be the text humanReport gives for the document's
 * file, with the options asked for, and it must not be used once the build's thread has added a
 * message of its own (then the caller formats the file).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, humanReport } from '../../pipeline/index.ts';
import { copyTemplate, markdown, tempProject } from './project.ts';

/** Traditional text with Simplified characters in it (script warnings), full-width fixes (routine repairs), and one without any message. */
const SOURCES = {
  'source/mixed.md': `---\ntitle: 基層工作\nlang: zh-Hant\n---\n\n# 基層工作\n\n基層干部必須采取措施,服務于人民。對于違反規定的黨員干部,要嚴肅處理。\n`,
  'source/simplified.md': `---\ntitle: 基层工作\nlang: zh-Hans\n---\n\n# 基层工作\n\n這些干部的工作于是開始了。\n`,
  'source/plain.md': markdown('Plain', 'Nothing to repair here.'),
};

describe('the report formatted on the text thread', () => {
  for (const options of [{}, { quiet: true }, { verbose: true }, { color: true }, { color: false, verbose: true }]) {
    it(`is humanReport of the document's file (${JSON.stringify(options)})`, async () => {
      const root = tempProject(SOURCES);
      copyTemplate(root, 'default');
      const result = await build({ root, settings: { formats: ['html'] }, report: options });
      expect(result.documents).toHaveLength(3);
      for (const doc of result.documents) {
        expect(doc.error, doc.source).toBeUndefined();
        expect(doc.report, doc.source).toBe(humanReport([doc.file!], options));
      }
      const mixed = result.documents.find((doc) => doc.source === 'source/mixed.md')!;
      expect(mixed.report).toContain('Simplified 干 in Traditional text');
      expect(mixed.report!.includes('\u001B[')).toBe(options.color === true);
      expect(result.documents.find((doc) => doc.source === 'source/plain.md')!.report).toBe('');
    });
  }

  it('is not given when the build added a message after the text stages, nor when none was asked for', async () => {
    const root = tempProject(SOURCES);
    copyTemplate(root, 'default');
    // A file where the build cache's folder should be: recording fails, and says so on the document.
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out/.galley-cache'), '');
    const failing = await build({ root, settings: { formats: ['html'] }, report: {} });
    for (const doc of failing.documents) {
      expect(doc.error, doc.source).toBeUndefined();
      expect(doc.file!.messages.some((m) => m.ruleId === 'build-cache'), doc.source).toBe(true);
      expect(doc.report, doc.source).toBeUndefined();
    }
    const unasked = await build({ root, settings: { formats: ['html'], out: 'other' } });
    for (const doc of unasked.documents) {
      expect(doc.report, doc.source).toBeUndefined();
    }
  });
});
