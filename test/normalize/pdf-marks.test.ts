/** Marks lost in a PDF's text layer, on pages written for these tests and garbled by a mapping of our own. */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { splitLines } from '../../pipeline/normalize/lines.ts';
import { normalizePlainText } from '../../pipeline/normalize/index.ts';
import { applyPdfMarks, readSubstitution } from '../../pipeline/normalize/rules/pdf-marks.ts';
import { reporterFor } from './helpers.ts';

const PAGE = [
  '河道治理不能只靠工程。过去十年，县里修了堤防、泵站、闸门，洪水的威胁小了，河水却越来越浑。',
  '后来，县里请来了生态专家，在河岸种植芦苇、菖蒲、柳树，把硬化的岸坡改回自然的样子。',
  '两年以后，河里的鱼多了，来散步的居民也多了。有的村民在河边开起了民宿，收入比种地高出不少。',
  '专家提醒，生态修复需要时间，也需要持续的投入，不能一看到效果就撤走人手、资金。',
].join('\n');

/** The page as a PDF's text layer gives it back: each mark replaced by the symbol its code has in another encoding. */
const garble = (text: string, mapping: Record<string, string>) => [...text].map((ch) => mapping[ch] ?? ch).join('');

function repair(text: string) {
  const reporter = reporterFor(text);
  const lines = splitLines(text);
  applyPdfMarks(lines, reporter);
  return { text: lines.map((l) => l.text).join('\n'), messages: reporter.file.messages };
}

describe('marks lost in a PDF text layer', () => {
  it('reads a consistent substitution and restores the sentence mark, the comma and the enumeration comma', () => {
    for (const mapping of [
      { '，': '!', '。': '∀', '、': '#' },
      { '，': '"', '。': '!', '、': '∃' },
      { '，': '!', '。': '…', '、': '%' },
    ]) {
      const { text, messages } = repair(garble(PAGE, mapping));
      expect(text, JSON.stringify(mapping)).toBe(PAGE);
      const summary = messages.filter((m) => m.fatal === false).map((m) => m.reason);
      expect(summary).toHaveLength(3);
      const count = (mark: string) => [...PAGE].filter((ch) => ch === mark).length;
      for (const mark of ['，', '。', '、']) expect(summary).toContain(`Text from a PDF's text layer: ${mapping[mark as '，']} stands for ${mark} on this page; replaced ${count(mark)} times`);
      expect(messages.filter((m) => m.fatal !== false)).toHaveLength(count('，') + count('。') + count('、')); // one message per restored mark
    }
  });

  it('warns about a symbol it cannot read and keeps it from the other rules', () => {
    const page = PAGE.replace('十年，', '十年；').replace('小了，', '小了；').replace('多了，', '多了；').replace('时间，', '时间；') + '\n县长说：“河清了，人就回来了。”';
    const garbled = garble(page, { '，': '!', '。': '∀', '、': '#', '；': '(', '：': '∗', '“': '+', '”': '∋' });
    const file = new VFile({ path: 'a.txt', value: ['河道治理的十年', '', garbled].join('\n') });
    const { markdown } = normalizePlainText(file, { script: 'keep' });
    expect(markdown).toContain('过去十年(县里修了堤防、泵站、闸门，'); // `(` kept, not made `（`
    const warnings = file.messages.filter((m) => m.fatal === false && m.ruleId === 'punctuation').map((m) => m.reason);
    expect(warnings.filter((w) => /cannot be told; kept as found/.test(w))).toHaveLength(1);
    expect(warnings.join('\n')).toContain('( stands after Han characters 4 times');
    // `∗` after 说 once, `+` and `∋` never after Han: too little to suspect, so not named.
    expect(warnings.join('\n')).not.toMatch(/[∗+∋] stands/u);
  });

  it('leaves pages with their marks, flattened ASCII marks, English and unpunctuated verse alone', () => {
    const flattened = PAGE.replace(/，/g, ',').replace(/。/g, '.');
    const english = 'The river was cleaned over ten years! Residents came back; fish returned. '.repeat(8);
    const verse = Array.from({ length: 12 }, () => '春山空寂寂 夜雨落纷纷 溪上人家少 云间鹤自闻').join('\n');
    for (const text of [PAGE, flattened, english, verse, garble(PAGE.slice(0, 40), { '，': '!', '。': '∀' })]) {
      expect(readSubstitution(splitLines(text)), text.slice(0, 20)).toBeUndefined();
      expect(repair(text).text).toBe(text);
    }
  });

  it('repairs nothing when the sentence mark is not clear, and says what it saw', () => {
    // Every paragraph ends without a mark: nothing shows which symbol ends sentences.
    const page = PAGE.replace(/。$/gmu, '');
    const mapping = { '，': '!', '。': '∀', '、': '#' };
    const { text, messages } = repair(garble(page, mapping));
    expect(text).toBe(garble(page, mapping));
    expect(messages.map((m) => m.reason).every((r) => /cannot be told; kept as found/.test(r))).toBe(true);
    expect(messages.length).toBeGreaterThan(0);
  });
});
