import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { applyMojibake, findMojibake } from '../../pipeline/normalize/rules/mojibake.ts';
import { reporterFor } from './helpers.ts';

function repaired(text: string): string {
  const line = makeLine(text, 0);
  applyMojibake(line, undefined);
  return line.text;
}

describe('mojibake rule', () => {
  it('restores GBK text decoded one byte off (the sample)', () => {
    expect(repaired('顯得尤為重要?;鶎狱h務工作主要包括以下幾個方面')).toBe('顯得尤為重要。基層黨務工作主要包括以下幾個方面');
  });

  it('generalizes the one-byte shift, not just the sample string', () => {
    // Build the garbage the same way for another sentence: drop the first GBK byte, decode, flatten.
    const original = '。我們認為這個問題很重要a';
    const bytes = iconv.encode(original, 'gbk');
    const garbled = '?' + iconv.decode(bytes.subarray(1), 'gbk');
    const fixed = repaired(`他說${garbled}`);
    expect(fixed).toBe(`他說${original}`);
  });

  it('repairs UTF-8 read as GBK', () => {
    expect(repaired('浣犲ソ')).toBe('你好');
    let tested = 0;
    for (const phrase of ['你好世界', '我們愛中華人民共和國', '基層黨務工作', '新形勢下做好', '經濟發展迅速']) {
      const garbled = iconv.decode(Buffer.from(phrase, 'utf8'), 'gbk');
      if (garbled.includes('\uFFFD')) continue; // some byte pairs are not GBK: then bytes were lost
      expect(repaired(garbled)).toBe(phrase);
      tested++;
    }
    expect(tested).toBeGreaterThanOrEqual(2);
    // Odd length: the last character lost its final byte; the rest comes back, the loss stays marked.
    const odd = iconv.decode(Buffer.from('中華人民共和國', 'utf8'), 'gbk');
    expect(odd.endsWith('\uFFFD')).toBe(true);
    expect(repaired(odd)).toBe('中華人民共和\uFFFD');
  });

  it('repairs GBK read as Latin-1', () => {
    expect(repaired('ÄãºÃ')).toBe('你好');
    expect(repaired(`標題:${iconv.decode(iconv.encode('基層黨務', 'gbk'), 'latin1')}`)).toBe('標題:基層黨務');
  });

  it('keeps 锟斤拷 and warns: the bytes are gone', () => {
    const reporter = reporterFor('前文锟斤拷锟斤拷後文');
    const line = makeLine('前文锟斤拷锟斤拷後文', 0);
    applyMojibake(line, reporter);
    expect(line.text).toBe('前文锟斤拷锟斤拷後文');
    expect(reporter.file.messages).toHaveLength(1);
    expect(reporter.file.messages[0]).toMatchObject({ ruleId: 'mojibake', column: 3, actual: '锟斤拷锟斤拷' });
  });

  it('reports the repair with before and after', () => {
    const text = '重要?;鶎狱h務';
    const reporter = reporterFor(text);
    applyMojibake(makeLine(text, 0), reporter);
    expect(reporter.file.messages[0]).toMatchObject({ ruleId: 'mojibake', line: 1, column: 3, actual: '?;鶎狱h', expected: ['。基層黨'] });
  });

  it('leaves ordinary text alone', () => {
    for (const text of [
      '1,000 and 3.14 https://a.b/c?x=1',
      '什么?这是真的吗',
      '新形勢下做好基層黨務工作的幾點思考',
      '基層干部“累”在哪里?——應當累在服務為民',
      'café naïve résumé',
      'Ärger über Öl',
      '鶎狱 are rare characters',
      '`code` and 中文',
    ]) {
      expect(findMojibake(text).filter((f) => f.replacement !== undefined)).toEqual([]);
      expect(repaired(text)).toBe(text);
    }
  });
});
