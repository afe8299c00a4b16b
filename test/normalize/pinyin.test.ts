import { describe, expect, it } from 'vitest';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { applyPinyin, findPinyin, isRomanization, readingsOf, toneless } from '../../pipeline/normalize/rules/pinyin.ts';
import { punctuationEdits } from '../../pipeline/normalize/rules/punctuation.ts';
import { applyTo, reporterFor } from './helpers.ts';

function run(...texts: string[]) {
  const joined = texts.join('\n');
  const reporter = reporterFor(joined);
  let offset = 0;
  const lines = texts.map((t) => {
    const line = makeLine(t, offset);
    offset += t.length + 1;
    return line;
  });
  applyPinyin(lines, reporter);
  return { texts: lines.map((l) => l.text), messages: reporter.file.messages };
}

describe('pinyin rule', () => {
  it('compares readings without tones, digits or case', () => {
    expect(toneless('lǜ')).toBe('lu');
    expect(toneless('Xiang1')).toBe('xiang');
    expect(readingsOf('長')).toEqual(expect.arrayContaining(['chang', 'zhang']));
    expect(readingsOf('a')).toEqual([]);
  });

  it('removes a reading of the character before it, in either kind of parentheses', () => {
    const { texts } = run('推進農(nóng)業(yè)現代化，堅持綠（lǜ）色發展', '長(zhang3)老與長（cháng）江');
    expect(texts).toEqual(['推進農業現代化，堅持綠色發展', '長老與長江']);
  });

  it('keeps parentheses that are not a reading of the character before', () => {
    for (const text of ['數據庫(CNKI)', '主席(Chairman)說', '中(xiāng)國', '函數f(x)', '第(2)項', '(ān)開頭']) {
      expect(run(text).texts).toEqual([text]);
    }
  });

  it('removes toneless readings only on a page that also has toned ones', () => {
    expect(run('我們的(de)辦法').texts).toEqual(['我們的(de)辦法']);
    expect(run('我們的(de)辦法', '提高質(zhì)量').texts).toEqual(['我們的辦法', '提高質量']);
  });

  it('reports each removal and one warning for the document', () => {
    const { messages } = run('鄉(xiāng)村治(zhì)理', '國(guó)家');
    const removals = messages.filter((m) => m.fatal !== false);
    const warnings = messages.filter((m) => m.fatal === false);
    expect(removals.map((m) => m.actual)).toEqual(['(xiāng)', '(zhì)', '(guó)']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.reason).toMatch(/^3 converter pinyin annotations removed \(the first: 鄉\(xiāng\)\)/);
    expect(warnings[0]!.line).toBe(1);
  });

  it('finds the place of each annotation', () => {
    expect(findPinyin('服務(wù)')).toEqual([{ start: 2, end: 6, reads: '務', toned: true }]);
  });

  it('leaves a toned syllable it does not remove to punctuation as found, parentheses unwidened', () => {
    expect(isRomanization('xiāng')).toBe(true);
    expect(isRomanization('English')).toBe(false);
    expect(applyTo('中(xiāng)國', punctuationEdits)).toBe('中(xiāng)國');
    expect(applyTo('主席(Chairman)說', punctuationEdits)).toBe('主席（Chairman）說');
  });
});
