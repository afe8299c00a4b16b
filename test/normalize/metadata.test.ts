import { describe, expect, it } from 'vitest';
import { splitLines } from '../../pipeline/normalize/lines.ts';
import { extractHeader, segmentKeywords } from '../../pipeline/normalize/rules/metadata.ts';
import { reporterFor, SAMPLE_HEADER } from './helpers.ts';

function header(source: string) {
  const reporter = reporterFor(source);
  const { fields, body } = extractHeader(splitLines(source), reporter);
  return {
    title: fields.title?.text,
    authors: fields.authors.map((a) => a.text),
    date: fields.date,
    time: fields.time,
    publication: fields.publication?.text,
    issue: fields.issue,
    keywords: fields.keywords.map((k) => k.text),
    body: body.map((l) => l.text).filter((t) => t !== ''),
    messages: reporter.file.messages,
  };
}

const BODY = '基層黨務工作很重要,基層干部要有責任感。黨務工作需要基層干部的責任感。';

describe('metadata rule', () => {
  it('reads the sample header', () => {
    const h = header(['新形勢下做好基層黨務工作的幾點思考', '', '2024-03-09 09:06劉勝', '中國軍轉民 2024年3期', '關鍵詞:黨務工作基層干部責任感', '', '劉勝', '', BODY].join('\n'));
    expect(h).toMatchObject({ ...SAMPLE_HEADER, body: [BODY] });
    expect(h.messages.map((m) => m.ruleId)).toEqual(['metadata', 'metadata', 'metadata', 'metadata', 'metadata', 'boilerplate']);
    expect(h.messages.find((m) => m.reason.startsWith('Move date'))).toMatchObject({ line: 3, column: 1, actual: '2024-03-09 09:06劉勝' });
  });

  it('splits keywords on separators when there are some', () => {
    expect(header(`標題\n关键词：黨務工作；基層干部；責任感\n${BODY}`).keywords).toEqual(['黨務工作', '基層干部', '責任感']);
    expect(header(`標題\n關鍵詞: 黨務工作, 基層干部、責任感\n${BODY}`).keywords).toEqual(['黨務工作', '基層干部', '責任感']);
    expect(header(`Title\nKeywords: machine learning, typesetting\nBody text.`).keywords).toEqual(['machine learning', 'typesetting']);
    expect(header(`標題\n關鍵詞：黨務工作 基層干部 責任感\n${BODY}`).keywords).toEqual(['黨務工作', '基層干部', '責任感']);
  });

  it('segments run-together keywords by what recurs in the body', () => {
    expect(segmentKeywords('黨務工作基層干部責任感', BODY)).toEqual(['黨務工作', '基層干部', '責任感']);
    expect(segmentKeywords('黨務工作基層干部責任感', '完全無關的正文。')).toBeUndefined();
  });

  it('keeps unsplittable keywords whole and warns', () => {
    const h = header('標題\n關鍵詞:甲乙丙丁戊己庚辛\n無關的正文內容。');
    expect(h.keywords).toEqual(['甲乙丙丁戊己庚辛']);
    expect(h.messages.some((m) => m.reason.includes('no separators'))).toBe(true);
  });

  it('reads other date and author forms', () => {
    expect(header('Title\n2023年5月7日 作者：王明、李華\nBody.')).toMatchObject({ date: '2023-05-07', authors: ['王明', '李華'] });
    expect(header('Title\nAuthor: Ada Lovelace\nBody.')).toMatchObject({ authors: ['Ada Lovelace'] });
    expect(header('標題\n《中國軍轉民》2024年第3期\n正文。')).toMatchObject({ publication: '中國軍轉民', issue: '2024年第3期' });
  });

  it('does not take body lines for header lines', () => {
    const h = header('標題\n2024年是重要的一年,我們做了很多工作。\n另一段。');
    expect(h.date).toBeUndefined();
    expect(h.body).toEqual(['2024年是重要的一年,我們做了很多工作。', '另一段。']);
    expect(header('2024-03-09 09:06劉勝\n正文。').title).toBeUndefined();
    expect(header('這是一個完整的句子，它不是標題。\n正文。').title).toBeUndefined();
  });
});
