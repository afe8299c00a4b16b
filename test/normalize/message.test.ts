import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { reporter } from 'vfile-reporter';
import { addRepairMessage } from '../../pipeline/normalize/message.ts';

/** What file.message() gives for the same repair, with the fields report() sets after it. */
function throughVFile(file: VFile, info: boolean): VFileMessage {
  const place = { line: 3, column: 7 };
  const message = info ? file.info('Use full-width ，', place) : file.message('Use full-width ，', place);
  message.ruleId = 'punctuation';
  message.source = 'galley';
  message.actual = ',';
  message.expected = ['，'];
  return message;
}

describe('repair messages', () => {
  for (const info of [false, true]) {
    it(`are the message file.${info ? 'info' : 'message'}() makes, field for field`, () => {
      const made = new VFile({ path: 'page.txt' });
      const expected = throughVFile(new VFile({ path: 'page.txt' }), info);
      const message = addRepairMessage(made, 'Use full-width ，', { line: 3, column: 7 }, 'punctuation', info, ',', '，');
      expect(made.messages).toEqual([message]);
      expect(message).toBeInstanceOf(VFileMessage);
      expect(message).toBeInstanceOf(Error);
      expect(Object.keys(message)).toEqual(Object.keys(expected));
      expect(JSON.stringify(message)).toBe(JSON.stringify(expected));
      expect(String(message)).toBe(String(expected));
      expect(message.fatal).toBe(expected.fatal);
      expect(message.stack).toBe('');
    });
  }

  it('read the same in the reporter, with and without a path', () => {
    for (const path of ['page.txt', undefined]) {
      const made = new VFile({ path });
      addRepairMessage(made, 'Use full-width ，', { line: 3, column: 7 }, 'punctuation', false, ',', '，');
      const through = new VFile({ path });
      throughVFile(through, false);
      expect(reporter(made)).toBe(reporter(through));
      expect(made.messages[0]!.name).toBe(through.messages[0]!.name);
    }
  });

  it('share one frozen list per replacement within a file', () => {
    const file = new VFile({ path: 'page.txt' });
    const a = addRepairMessage(file, 'r', { line: 1, column: 1 }, 'punctuation', true, ',', '，');
    const b = addRepairMessage(file, 'r', { line: 1, column: 2 }, 'punctuation', true, ',', '，');
    const c = addRepairMessage(file, 'r', { line: 1, column: 3 }, 'punctuation', true, '.', '。');
    expect(a.expected).toBe(b.expected);
    expect(c.expected).toEqual(['。']);
    expect(Object.isFrozen(a.expected)).toBe(true);
    expect(addRepairMessage(new VFile(), 'r', { line: 1, column: 1 }, 'punctuation', true, ',', '，').expected).not.toBe(a.expected);
  });
});
