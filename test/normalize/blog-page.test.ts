/**
 * An English blog post: the dateline with its author (`Posted on … by …`) and what a blog
 * prints after the post (share buttons one per line, `Like this:`, `Filed under:`, `Tagged:`).
 * Every text here is written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { normalizeLines } from './helpers.ts';
import { isWidgetLine, trailerKind } from '../../pipeline/normalize/rules/chrome.ts';

const normalize = (lines: string[]) => normalizeLines(lines, 'post.txt');

const POST = [
  'We moved the compost bins to the north fence in May, and the smell problem went away within a week.',
  'The bins now get less sun, so the heap works more slowly, but the neighbours have stopped complaining.',
];

describe('an English blog post', () => {
  it('reads the author after the date on a blog’s dateline', () => {
    for (const dateline of ['Posted on June 2, 2023 by Ruth Okafor', 'Published 2 June 2023 by Ruth Okafor']) {
      const { meta } = normalize(['Moving the Compost Bins', dateline, ...POST]);
      expect(meta, dateline).toMatchObject({ title: 'Moving the Compost Bins', authors: ['Ruth Okafor'], date: '2023-06-02' });
    }
    // `by` followed by no name is not a byline.
    expect(normalize(['Moving the Compost Bins', 'Posted on June 2, 2023 by the allotment committee', ...POST]).meta.authors).toEqual([]);
  });

  it('takes the blog’s buttons and its filing lines off the end, and keeps the post', () => {
    const { markdown } = normalize(['Moving the Compost Bins', 'Posted on June 2, 2023 by Ruth Okafor', ...POST, 'Share this:', 'Twitter', 'Facebook', 'Like this:', 'Like Loading...', 'Filed under: Compost, Allotment', 'Tagged: bins, smells', 'Leave a comment']);
    for (const line of POST) expect(markdown).toContain(line);
    expect(markdown).not.toMatch(/Share this|Twitter|Facebook|Like|Loading|Filed under|Tagged|Leave a comment/u);
  });

  it('knows those lines only alone', () => {
    for (const text of ['Like this:', 'Loading...', 'Pinterest']) expect(isWidgetLine(text), text).toBe(true);
    for (const text of ['Facebook changed its policy again', 'I like this recipe']) expect(isWidgetLine(text), text).toBe(false);
    for (const text of ['Filed under: Compost', 'Categories: Garden, Notes', 'Posted in: Diary']) expect(trailerKind(text), text).toBe('tags');
  });
});
