import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { applyMojibake, findMojibake, looksLikeMojibake, repairValue } from '../../pipeline/normalize/rules/mojibake.ts';
import { bodyOf, reporterFor } from './helpers.ts';

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

const FLAT: Record<string, string> = { '，': ',', '；': ';', '：': ':', '？': '?', '！': '!' };

/** GBK text decoded one byte off, as a page shows it: private-use pairs print as nothing, marks flattened. */
function offByOne(original: string): string {
  const bytes = iconv.encode(original, 'gbk');
  const shown = iconv.decode(bytes.subarray(1), 'gbk').replace(/[\ue000-\uf8ff]/g, '');
  return '?' + shown.replace(/[，；：？！]/g, (c) => FLAT[c]!);
}

describe('mojibake disguised as punctuation', () => {
  it('restores a one-byte-off run whose misread pair was dropped and whose marks were flattened', () => {
    expect(repaired('基層?;A不牢,地動山搖?!边M入新時代')).toBe('基層。基礎不牢,地動山搖。”進入新時代');
    // The same damage made from a sentence of our own.
    const garbled = offByOne('。基礎設施還不完善');
    expect(garbled).toBe('?;A設施還不完善');
    expect(repaired(`城市${garbled}`)).toBe('城市。基礎設施還不完善');
  });

  it('restores a misread mark pair and a letter between Han characters', () => {
    expect(offByOne('。”進一步')).toBe('?!边M一步');
    expect(repaired(`他說${offByOne('。”進一步')}`)).toBe('他說。”進一步');
    expect(repaired(`工作${offByOne('；提高服務質量')}`)).toBe('工作；提高服務質量');
  });

  it('keeps a run it cannot read for sure, warns with candidates, and no later rule touches it', async () => {
    const { normalizePlainText } = await import('../../pipeline/normalize/index.ts');
    const { VFile } = await import('vfile');
    const garbled = offByOne('。社會經濟發展很快'); // two pairs dropped: bytes are gone
    const file = new VFile({ path: 'x.txt', value: `標題\n\n他說${garbled},對` });
    const { markdown } = normalizePlainText(file, { script: 'hant' });
    expect(markdown).toContain(`他說${garbled.slice(0, 6)}`);
    const warning = file.messages.find((m) => m.ruleId === 'mojibake');
    expect(warning?.reason).toMatch(/^Possible mojibake .*candidates: /);
    const touched = file.messages.filter((m) => (m.ruleId === 'punctuation' || m.ruleId === 'script') && (m.column ?? 0) >= 3 && (m.column ?? 0) < 9);
    expect(touched).toEqual([]);
  });
});

describe('mojibake in names and short values', () => {
  it('repairs a GBK name read as Latin-1', () => {
    for (const name of ['王崇', '李明', '我們']) {
      const garbled = iconv.decode(iconv.encode(name, 'gbk'), 'latin1');
      expect(repaired(garbled)).toBe(name);
      expect(looksLikeMojibake(garbled)).toBe(true);
    }
  });

  it('repairs GB18030 bytes that happened to be valid UTF-8', () => {
    const bytes = iconv.encode('鲁迅', 'gb18030');
    const shown = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(shown).toBe('³Ѹ');
    expect(repaired(`作者${shown}`)).toBe('作者鲁迅');
  });

  it('tells suspected values from clean ones, and repairs values for the head reader', () => {
    for (const clean of ['劉勝', '中國軍轉民', 'café naïve', 'Ärger über Öl', 'Keywords: a, b']) expect(looksLikeMojibake(clean)).toBe(false);
    expect(repairValue('Íõ³ç')).toEqual({ text: '王崇', repaired: true, suspect: false, candidates: [] });
    expect(repairValue('劉勝')).toMatchObject({ text: '劉勝', repaired: false, suspect: false });
    expect(repairValue('锟斤拷')).toMatchObject({ suspect: true });
    // Rare characters alone are a name, not a misreading: 曹俊 would read 变玊 as Big5 bytes.
    for (const name of ['曹俊', '龔鵬', '蔣璐']) expect(looksLikeMojibake(name), name).toBe(false);
  });
});

describe('UTF-8 read as Windows-1252 in Western text', () => {
  it('repairs the classic runs and nothing else', () => {
    const repaired = (text: string) => repairValue(text).text;
    expect(repaired('It isnâ€™t here')).toBe('It isn’t here');
    expect(repaired('â€œQuotedâ€\u009d text')).toBe('“Quoted” text');
    expect(repaired('cafÃ© and naÃ¯ve')).toBe('café and naïve');
    expect(repaired('Â© 2021')).toBe('© 2021');
    // Latin-1 text that is meant: a lone accented letter is no UTF-8 sequence.
    expect(repaired('Ångström über façade')).toBe('Ångström über façade');
  });
});

describe('a character that lost its first byte', () => {
  it('keeps `?` and the letter left of it between Chinese characters, warns, and the punctuation rule leaves them', () => {
    const { body, messages } = bodyOf('在漢語裡,主語?s略語是很常見的現象,為什麼會這樣?因為漢語重意合。');
    expect(body).toBe('在漢語裡，主語?s略語是很常見的現象，為什麼會這樣？因為漢語重意合。');
    const warning = messages.find((m) => m.ruleId === 'mojibake');
    expect(warning?.reason).toMatch(/lost its first byte/);
    expect(warning?.column).toBe(8);
  });
  it('takes a question mark before a capital or a space for a question mark', () => {
    expect(findMojibake('是不是?A隊贏了')).toEqual([]);
    expect(findMojibake('是不是? 我們再看')).toEqual([]);
  });
});
