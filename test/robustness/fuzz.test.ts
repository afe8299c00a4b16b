/**
 * Property tests: read (decode), normalize and parse take random and
 * adversarial text without throwing anything but a GalleyError (refused input)
 * and without hanging (vitest's per-test timeout, not a timing assertion).
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { GalleyError } from '../../pipeline/errors.ts';
import { normalizePlainText } from '../../pipeline/normalize/index.ts';
import { parseMarkdown } from '../../pipeline/parse/index.ts';
import { decode } from '../../pipeline/read/index.ts';

const TIMEOUT = 600_000;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Runs `work`; a GalleyError is an accepted outcome (refused input), anything else fails the property. */
function refusedOr<T>(work: () => T): T | GalleyError {
  try {
    return work();
  } catch (error) {
    if (error instanceof GalleyError) return error;
    throw error;
  }
}

/** Any UTF-16 code units, lone surrogates included. */
const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 400 }).map((units) => String.fromCharCode(...units));
const chinese = fc.array(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { minLength: 1, maxLength: 80 }).map((cps) => String.fromCodePoint(...cps));
const anyText = fc.oneof(codeUnits, fc.string({ unit: 'binary', maxLength: 400 }), chinese, fc.string({ maxLength: 400 }));

/** Markdown pieces, piled up at random: nesting, fences, HTML, front matter, tables. */
const markdownToken = fc.constantFrom(
  '>', '> ', '- ', '* ', '1. ', '  ', '\t', '\n', '\n\n', '#', '# ', '```', '~~~', '---', '***', '|', '| a | b |\n|---|---|\n',
  '[', ']', '(', ')', '![', '*', '_', '**', '`', '<', '>', '<div>', '</div>', '<script>', '<!--', '-->', '&amp;', '&#x0;',
  '\\', '[^1]', '[^1]: ', 'http://x.invalid', '~~', '\u3000', '一、', '（一）', '。', '\uFEFF', '\uD800', '\uDC00', '\r', '\0',
);
const markdown = fc.oneof(
  fc.array(fc.oneof(markdownToken, fc.string({ maxLength: 20 })), { maxLength: 300 }).map((parts) => parts.join('')),
  anyText,
);

/** Inputs known to break parsers: deep nesting, huge lines. */
const ADVERSARIAL = [
  '>'.repeat(10_000) + ' deep',
  Array.from({ length: 10_000 }, () => '>').join('\n'),
  Array.from({ length: 10_000 }, (_, i) => '  '.repeat(i) + '- item').join('\n'),
  '- '.repeat(10_000) + 'x',
  '1. '.repeat(5_000) + 'x',
  '*'.repeat(20_000) + 'x' + '*'.repeat(20_000),
  '['.repeat(20_000) + 'x' + ']'.repeat(20_000) + '(y)',
  '<div>'.repeat(10_000) + 'x' + '</div>'.repeat(10_000),
  '`'.repeat(10_000) + 'x',
  'a'.repeat(2_000_000),
  '中文'.repeat(500_000),
  `---\n${'a: &a [*a]\n'.repeat(100)}---\n`,
  `---\nx: ${'['.repeat(5_000)}\n---\n`,
  '\uD800\uDC00\uDC00\uD800x\uDFFF'.repeat(10_000),
];

describe('read: decode', () => {
  it('random bytes decode or are refused with a GalleyError; the text is well formed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const result = refusedOr(() => decode(bytes, 'fuzz.txt'));
        if (!(result instanceof GalleyError)) expect(result.text).not.toMatch(LONE_SURROGATE);
        else expect(result.line).toMatch(/^galley: fuzz\.txt: [^\n]+$/);
      }),
      { numRuns: 500 },
    );
  }, TIMEOUT);

  it('text in mixed encodings (UTF-8, UTF-16, GB18030, Big5 pieces) decodes or is refused', () => {
    const piece = fc.tuple(anyText, fc.constantFrom('utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5')).map(([text, enc]) => iconv.encode(text, enc));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (pieces) => {
        const result = refusedOr(() => decode(Buffer.concat(pieces), 'mixed.txt'));
        if (!(result instanceof GalleyError)) expect(result.text).not.toMatch(LONE_SURROGATE);
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it('well-encoded Chinese comes back as it was, whatever the encoding', () => {
    // Sentences of real words, long enough to tell GB18030 from Big5 (a few characters can read as either, or as UTF-8).
    const HANT = ['基層', '黨務', '工作', '目前', '我國', '思考', '新形勢', '面臨', '挑戰', '研究', '，', '。', '的', '是', '社會', '發展'];
    const HANS = ['基层', '党务', '问题', '我国', '社会', '发展', '工作', '的', '是', '，', '。'];
    const sentence = (words: string[]) => fc.array(fc.constantFrom(...words), { minLength: 12, maxLength: 40 }).map((w) => w.join(''));
    // Big5 holds only Traditional characters.
    const sample = fc.oneof(
      fc.tuple(fc.oneof(sentence(HANT), sentence(HANS)), fc.constantFrom('utf-8', 'gb18030')),
      fc.tuple(sentence(HANT), fc.constant('big5')),
    );
    fc.assert(
      fc.property(sample, ([text, enc]) => {
        expect(decode(iconv.encode(text, enc)).text).toBe(text);
      }),
      { numRuns: 200 },
    );
  }, TIMEOUT);
});

describe('normalize', () => {
  it('repairs any text without throwing', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const { markdown: out } = normalizePlainText(new VFile({ path: 'fuzz.txt', value: text }), { script: 'keep' });
        expect(typeof out).toBe('string');
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it.each(ADVERSARIAL.map((text) => [text.slice(0, 24), text]))('adversarial text: %j', (_, text) => {
    const result = refusedOr(() => normalizePlainText(new VFile({ path: 'evil.txt', value: text }), { script: 'hant' }));
    expect(result).toBeDefined();
  }, TIMEOUT);
});

describe('parse', () => {
  it('parses any Markdown, or refuses it with a GalleyError', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const result = refusedOr(() => parseMarkdown(new VFile({ path: 'fuzz.md', value: text })));
        if (!(result instanceof GalleyError)) expect(result.tree.type).toBe('root');
      }),
      { numRuns: 300 },
    );
  }, TIMEOUT);

  it.each(ADVERSARIAL.map((text) => [text.slice(0, 24), text]))('adversarial Markdown: %j', (_, text) => {
    const result = refusedOr(() => parseMarkdown(new VFile({ path: 'evil.md', value: text })));
    if (result instanceof GalleyError) expect(result.line).toMatch(/^galley: evil\.md: [^\n]+$/);
  }, TIMEOUT);

  it('normalized text always parses (the plain-text path end to end)', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const { markdown: out } = normalizePlainText(new VFile({ path: 'fuzz.txt', value: text }), { script: 'keep' });
        refusedOr(() => parseMarkdown(new VFile({ path: 'fuzz.txt', value: out })));
      }),
      { numRuns: 200 },
    );
  }, TIMEOUT);
});
