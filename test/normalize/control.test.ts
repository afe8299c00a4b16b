import { describe, expect, it } from 'vitest';
import { makeLine } from '../../pipeline/normalize/lines.ts';
import { applyControl, invisibleEdits, nfcEdits } from '../../pipeline/normalize/rules/control.ts';
import { applyTo, reporterFor } from './helpers.ts';

describe('control rule', () => {
  it('removes zero-width and control characters', () => {
    expect(applyTo('中\u200B文\u0007\uFEFF', invisibleEdits)).toBe('中文');
    expect(applyTo('a\u0085b\u2060c', invisibleEdits)).toBe('abc');
  });

  it('removes unpaired surrogates but keeps pairs', () => {
    expect(applyTo('a\uD800b\uDC00c😀', invisibleEdits)).toBe('abc😀');
  });

  it('keeps tabs, newlines and joiners inside emoji sequences', () => {
    expect(applyTo('a\tb\nc', invisibleEdits)).toBe('a\tb\nc');
    const family = '👨\u200D👩\u200D👧';
    expect(applyTo(family, invisibleEdits)).toBe(family);
    expect(applyTo('中\u200D文', invisibleEdits)).toBe('中\u200D文'); // between letters: may be intended
    expect(applyTo('。\u200D，', invisibleEdits)).toBe('。，');
  });

  it('composes to NFC, never NFKC', () => {
    expect(applyTo('cafe\u0301', nfcEdits)).toBe('café');
    expect(applyTo('\u1100\u1161', nfcEdits)).toBe('가');
    expect(applyTo('，：（）１２', nfcEdits)).toBe('，：（）１２'); // NFKC would flatten these
    expect(nfcEdits('already composed é 中文')).toEqual([]);
  });

  it('reports each removal at its original place', () => {
    const text = 'ab\n中\u200B文';
    const reporter = reporterFor(text);
    const line = makeLine('中\u200B文', 3);
    applyControl(line, reporter);
    expect(line.text).toBe('中文');
    const [message] = reporter.file.messages;
    expect(message).toMatchObject({ line: 2, column: 2, ruleId: 'control', source: 'galley', actual: '\u200B', expected: [''] });
  });
});
