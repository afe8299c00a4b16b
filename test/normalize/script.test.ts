import { describe, expect, it } from 'vitest';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { applyScript, findStrayScript, findStrayScripts } from '../../pipeline/normalize/rules/script.ts';
import { scrapedPages } from '../helpers/pages.ts';
import { reporterFor } from './helpers.ts';

const TEXT = '基層干部有助于發展,并采取措施';

describe('script rule', () => {
  it('finds Simplified characters in Traditional text', () => {
    expect(findStrayScript(TEXT, 'zh-Hant').map((s) => [s.found, s.converted])).toEqual([
      ['干', '幹'],
      ['于', '於'],
      ['并采', '並採'],
    ]);
  });

  it('does not flag correct Traditional variants or characters valid in both scripts', () => {
    expect(findStrayScript('衣裏的爲人著作', 'zh-Hant')).toEqual([]); // opencc would rewrite 裏→裡
    expect(findStrayScript('更加注重規定制度,了解若干問題,台灣', 'zh-Hant')).toEqual([]);
    expect(findStrayScript('基層干部', 'zh')).toEqual([]);
    expect(findStrayScript('English only', 'zh-Hant')).toEqual([]);
  });

  it('finds Traditional characters in Simplified text', () => {
    expect(findStrayScript('我们的發展', 'zh-Hans').map((s) => s.found)).toEqual(['發']);
  });

  it('reports one message per occurrence with keep', () => {
    const reporter = reporterFor(TEXT);
    const line = makeLine(TEXT, 0);
    applyScript([line], 'zh-Hant', 'keep', reporter);
    expect(line.text).toBe(TEXT);
    expect(reporter.file.messages.map((m) => [m.column, m.actual, m.expected])).toEqual([
      [3, '干', ['幹']],
      [7, '于', ['於']],
      [11, '并采', ['並採']],
    ]);
  });

  it('converts phrase by phrase when the target is the document script', () => {
    const reporter = reporterFor(TEXT);
    const line = makeLine(TEXT, 0);
    applyScript([line], 'zh-Hant', 'hant', reporter);
    expect(line.text).toBe('基層幹部有助於發展,並採取措施');
    expect(reporter.file.messages).toHaveLength(3);
    const other = makeLine(TEXT, 0);
    applyScript([other], 'zh-Hant', 'hans', undefined);
    expect(other.text).toBe(TEXT); // no whole-document conversion here
  });

  it('finds the same strays in a whole document at once as line by line', () => {
    // One converter is built for all of a document's windows: it must answer each as one made for that line alone.
    // All the pages at once have thousands of strays, and their windows are looked up where the phrase-free
    // tables can answer them; a line alone has too few for that (fewer than 256), and opencc converts them all.
    const lines = scrapedPages.flatMap((page) => page.split('\n'));
    for (const lang of ['zh-Hant', 'zh-Hans']) {
      const together = findStrayScripts(lines, lang);
      expect(together.flat().length).toBeGreaterThan(2000);
      expect(together).toEqual(lines.map((line) => findStrayScript(line, lang)));
    }
  });
});
