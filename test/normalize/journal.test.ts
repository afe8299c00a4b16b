/** The journal line of a page's head, in the forms journals and databases print it. */
import { describe, expect, it } from 'vitest';
import { makeLine, splitLines } from '../../pipeline/normalize/lines.ts';
import { isPublicationLine, readPublication } from '../../pipeline/normalize/rules/head/journal.ts';
import { extractHeader } from '../../pipeline/normalize/rules/metadata.ts';

const BODY = '社區的讀書會每月聚一次，成員輪流帶一本書來分享，討論的內容從地方歷史到家庭教育都有，已經持續了將近十年之久。';

function head(lines: string[]) {
  const { fields, body } = extractHeader(splitLines([...lines, '', BODY].join('\n')), undefined, 'zh-Hant');
  return {
    title: fields.title?.text,
    authors: fields.authors.map((a) => a.text),
    publication: fields.publication?.text,
    issue: fields.issue,
    date: fields.date,
    body: body.map((l) => l.text).filter((t) => t !== '' && t !== BODY),
  };
}

const read = (text: string) => {
  const value = readPublication(makeLine(text, 0));
  return { publication: value?.publication?.text, issue: value?.issue, date: value?.date?.date };
};

describe('journal lines', () => {
  it('reads the name, the issue, a month and a date, leaving pages out', () => {
    expect(read('《社區發展季刊》第168期,2019年12月')).toEqual({ publication: '社區發展季刊', issue: '第168期（2019年12月）', date: undefined });
    expect(read('《城乡规划》2021年第4期')).toEqual({ publication: '城乡规划', issue: '2021年第4期', date: undefined });
    expect(read('《城乡规划》，2021年第4期，第33-41页')).toEqual({ publication: '城乡规划', issue: '2021年第4期', date: undefined });
    expect(read('社區發展季刊 第168期 2019年12月')).toEqual({ publication: '社區發展季刊', issue: '第168期（2019年12月）', date: undefined });
    expect(read('《人文地理》2018年5月號')).toEqual({ publication: '人文地理', issue: '2018年5月號', date: undefined });
    expect(read('《人文地理》第33卷第2期（2018年4月）')).toEqual({ publication: '人文地理', issue: '第33卷第2期（2018年4月）', date: undefined });
    expect(read('《人文地理》2018年4月20日 第2期')).toEqual({ publication: '人文地理', issue: '第2期', date: '2018-04-20' });
  });

  it('does not take a sentence with an issue number for a journal line', () => {
    for (const text of ['2020年7月，第3期工程完工', '第二期培訓班共有30期學員', '社區在2019年第3期的通訊中寫道，居民很滿意']) {
      expect(isPublicationLine(text), text).toBe(false);
    }
  });

  it('takes the journal line out of the body, also after an author-first head', () => {
    const h = head(['許雅雯', '社區讀書會的十年', '《社區發展季刊》第168期,2019年12月']);
    expect(h).toEqual({ title: '社區讀書會的十年', authors: ['許雅雯'], publication: '社區發展季刊', issue: '第168期（2019年12月）', date: undefined, body: [] });
    const labelled = head(['社區讀書會的十年', '刊名：社區發展季刊 卷期：第168期', '作者：許雅雯']);
    expect(labelled).toMatchObject({ publication: '社區發展季刊', issue: '第168期', authors: ['許雅雯'], body: [] });
    const dated = head(['社區讀書會的十年', '許雅雯', '《社區發展季刊》2019年12月20日 第168期']);
    expect(dated).toMatchObject({ publication: '社區發展季刊', issue: '第168期', date: '2019-12-20', authors: ['許雅雯'], body: [] });
  });
});
