/**
 * The title block's lists (authors, translators, keywords) are separated by CSS, in the
 * document's language: 、 and ； in Chinese, `, ` and `; ` in English. Every output's stylesheet
 * must say both, or an English e-book reads `Li Wei、Maria Gonzalez`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build.ts';

const sheet = (name: string) => readFileSync(join(ROOT, 'templates/default', name), 'utf8');

/** The content a rule gives `selector`, read from the stylesheet's text. */
function contentOf(css: string, selector: string): string | undefined {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[,}\\n])\\s*${escaped}\\s*(?:,[^{]*)?\\{[^}]*content:\\s*"([^"]*)"`, 'm').exec(css)?.[1];
}

describe('list separators of the title block', () => {
  for (const name of ['epub.css', 'print.css']) {
    it(`${name}: Chinese and English separators for authors and keywords`, () => {
      const css = sheet(name);
      expect(contentOf(css, '.authors .author + .author::before')).toBe('、');
      expect(contentOf(css, ':lang(en) .authors .author + .author::before')).toBe(', ');
      expect(contentOf(css, '.keywords .keyword + .keyword::before')).toBe('；');
      expect(contentOf(css, ':lang(en) .keywords .keyword + .keyword::before')).toBe('; ');
    });
  }
  it('screen.css: English authors with a comma', () => {
    expect(contentOf(sheet('screen.css'), ':lang(en) .authors .author + .author::before')).toBe(', ');
  });
});
