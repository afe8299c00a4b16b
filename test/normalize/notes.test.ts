import { describe, expect, it } from 'vitest';
import { bodyOf as normalize } from './helpers.ts';

describe('notes rule', () => {
  it('makes circled marks with their note lines Markdown footnotes', () => {
    const { body, messages } = normalize('城市社區的治理結構①值得研究，鄉鎮也是②。', '第二段沒有注。', '①作者在某市的調查記錄。', '②同上，第三章。');
    expect(body).toBe('城市社區的治理結構[^1]值得研究，鄉鎮也是[^2]。\n\n第二段沒有注。\n\n[^1]: 作者在某市的調查記錄。\n\n[^2]: 同上，第三章。');
    expect(messages.filter((m) => m.ruleId === 'notes' && m.fatal !== false)).toHaveLength(4);
  });

  it('makes glued note numbers footnotes when their notes follow, numbered from 1, header removed', () => {
    const { body } = normalize('這一點十分突出。1黨組織的作用在於，2它連接群眾。', '注釋：', '1 參見某出版社2019年版，第12頁。', '2. 同上，第15頁。');
    expect(body).toBe('這一點十分突出。[^1]黨組織的作用在於，[^2]它連接群眾。\n\n[^1]: 參見某出版社2019年版，第12頁。\n\n[^2]: 同上，第15頁。');
  });

  it('keeps marks whose note is not on the page, with a warning', () => {
    const { body, messages } = normalize('社區治理①需要居民參與②。');
    expect(body).toBe('社區治理①需要居民參與②。');
    const warning = messages.find((m) => m.ruleId === 'notes');
    expect(warning?.fatal).toBe(false);
    expect(warning?.reason).toMatch(/① ②.*no note text/);
  });

  it('leaves counts, dates, circled list items and numbered headings alone', () => {
    const lines = ['會議在去年召開。1月份又開了一次，3個單位參加。', '①加強組織建設', '②完善監督制度', '1.基本情況', '情況說明。'];
    const { body, messages } = normalize(...lines);
    expect(body).toContain('會議在去年召開。1月份又開了一次，3個單位參加。');
    expect(body).toContain('①加強組織建設');
    expect(body).toContain('## 1.基本情況');
    expect(body).not.toContain('[^');
    expect(messages.filter((m) => m.ruleId === 'notes')).toEqual([]);
  });

  it('does not take glued numbers for notes unless they count up from 1', () => {
    const { body } = normalize('結果如下。5黨員同意，這是事實。', '5 這一行不是注。');
    expect(body).not.toContain('[^');
  });
});

describe('note numbers after a word', () => {
  it('become footnotes when their note lines are on the page', () => {
    const { body } = normalize('要點是突出。1黨的領導是根本。有學者對此做了總結2，並得出三點結論。', '1 參見某某：《鄉村治理研究》，2019年。', '2 同上，第45頁。');
    expect(body).toBe('要點是突出。[^1]黨的領導是根本。有學者對此做了總結[^2]，並得出三點結論。\n\n[^1]: 參見某某：《鄉村治理研究》，2019年。\n\n[^2]: 同上，第45頁。');
  });
  it('stay as written when no note line starts with them: a count is no note', () => {
    const { body } = normalize('我們訪談了村民12，幹部3。', '結論寫在最後。');
    expect(body).toBe('我們訪談了村民12，幹部3。\n\n結論寫在最後。');
  });
});
