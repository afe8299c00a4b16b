/**
 * Property (issue 17): any front matter either builds an EPUB that EPUBCheck
 * accepts, or is refused with one line naming the document. fast-check makes
 * the front matter (titles and names with control characters, noncharacters,
 * CSS and markup; values of every YAML kind; dates that are and are not days);
 * one build makes every EPUB, and one EPUBCheck run (one JVM) checks them all.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { build } from '../../pipeline/index.ts';
import { epubcheckMany } from '../helpers/epub.ts';
import { makeProject } from './project.ts';

const nasty = fc.constantFrom('\u0001', '\uFFFE', '\f', '\u0000', '\u200B', '<', '&', '"', '}', '\\', '</style>', '@page{', ']]>', '\u{1F600}', '\uFDD0', '\u0085', '中', 'é');
const text = fc.array(fc.oneof(nasty, fc.string({ maxLength: 6 })), { maxLength: 6 }).map((parts) => parts.join(''));
const value = fc.oneof(
  text,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', 'b'), text, { maxKeys: 2 }),
);
const date = fc.oneof(
  { weight: 4, arbitrary: fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) },
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  text,
);
const frontMatter = fc.record(
  {
    title: fc.oneof({ weight: 6, arbitrary: text }, value),
    authors: fc.oneof({ weight: 6, arbitrary: fc.array(text, { maxLength: 3 }) }, value),
    date,
    lang: fc.oneof({ weight: 6, arbitrary: fc.constantFrom('zh-Hant', 'en', 'zh-Hans', 'ja', 'zh-Hant-TW') }, text),
    keywords: fc.oneof(fc.array(text, { maxLength: 3 }), text),
    publication: fc.oneof({ weight: 6, arbitrary: text }, value),
    description: text,
    rights: text,
  },
  { requiredKeys: [] },
);

describe('any front matter', () => {
  it('builds an EPUB EPUBCheck accepts, or is refused with one line', async () => {
    const samples = fc.sample(frontMatter, { numRuns: 24, seed: 17 });
    const files: Record<string, string> = {};
    samples.forEach((data, i) => {
      files[`source/doc-${String(i).padStart(2, '0')}.md`] = `---\n${YAML.stringify(data)}---\n\n## Section\n\nBody text ${i}.\n`;
    });
    // Markup XML treats specially, stated once whatever the seed draws.
    files['source/doc-markup.md'] = `---\n${YAML.stringify({ title: 'a ]]> b <c> & d', authors: [']]>'], description: '<!-- ]]> -->' })}---\n\nBody ]]> text.\n`;
    const dir = makeProject(files, 'formats: [epub]\n');
    const result = await build({ root: dir });
    const built: string[] = [];
    for (const doc of result.documents) {
      if (doc.error) {
        expect(doc.error.line, doc.source).toMatch(new RegExp(`^galley: ${doc.source}: [^\\n]+$`));
        expect(existsSync(join(dir, 'out', `${doc.slug}.epub`)), doc.source).toBe(false);
      } else {
        built.push(doc.outputs.epub!);
      }
    }
    // Most generated front matter is fine: the property is not vacuous.
    const refused = result.documents.filter((doc) => doc.error).map((doc) => doc.error!.line);
    expect(built.length, refused.join('\n')).toBeGreaterThan(samples.length / 3);
    const reports = epubcheckMany(built);
    for (const path of built) {
      const report = reports.get(path)!;
      expect(report.errors + report.fatals + report.warnings, `${path}\n${report.messages.join('\n')}`).toBe(0);
    }
  });
});
