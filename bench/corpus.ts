/**
 * A deterministic corpus for the benchmark: documents made from the two samples
 * in source/ by mixing, repeating and truncating their paragraphs. The same seed
 * always gives the same files, so figures from two runs compare like with like.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SAMPLES = resolve(import.meta.dirname, '../source');

/** mulberry32: a small, well-known 32-bit generator; enough to vary a corpus. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CorpusOptions {
  count: number;
  seed?: number;
  /** Share of plain-text (scraped Chinese) documents; the rest are Markdown. */
  textShare?: number;
}

export interface CorpusFile {
  path: string;
  kind: 'markdown' | 'text';
  /** Pages aimed at; the real count depends on the layout. */
  pages: number;
}

/** Characters that fill about one A4 page in the default template. */
const CHARS_PER_PAGE = { markdown: 1500, text: 850 };

/** Writes `count` sources into `root/source/` (plus the sample's image) and returns them. */
export function writeCorpus(root: string, options: CorpusOptions): CorpusFile[] {
  const random = seeded(options.seed ?? 1);
  const dir = join(root, 'source');
  mkdirSync(dir, { recursive: true });
  cpSync(join(SAMPLES, 'images'), join(dir, 'images'), { recursive: true });
  const markdown = markdownParts(readFileSync(join(SAMPLES, 'galley-proofs.md'), 'utf8'));
  const text = textParts(readFileSync(join(SAMPLES, 'jiceng-dangwu-sikao.txt'), 'utf8'));
  const files: CorpusFile[] = [];
  const width = String(options.count).length;
  for (let n = 1; n <= options.count; n++) {
    const kind = random() < (options.textShare ?? 0.5) ? 'text' : 'markdown';
    // Most real collections are short articles with a tail of long ones.
    const pages = 1 + Math.floor(19 * random() ** 2);
    const budget = pages * CHARS_PER_PAGE[kind];
    const name = `doc-${String(n).padStart(width, '0')}.${kind === 'text' ? 'txt' : 'md'}`;
    const body = kind === 'text' ? textDocument(text, n, budget, random) : markdownDocument(markdown, n, budget, random);
    writeFileSync(join(dir, name), body);
    files.push({ path: join(dir, name), kind, pages });
  }
  return files;
}

function pick<T>(items: T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Cuts a paragraph short at a sentence end, as scrapers often do. */
function truncate(paragraph: string, random: () => number, stops: RegExp): string {
  if (random() > 0.25) return paragraph;
  const ends = [...paragraph.matchAll(stops)].map((m) => m.index! + m[0].length);
  const keep = ends.filter((end) => end < paragraph.length * 0.8);
  return keep.length ? paragraph.slice(0, pick(keep, random)) : paragraph;
}

interface MarkdownParts {
  frontMatter: string;
  blocks: string[];
  footnote: string;
}

function markdownParts(source: string): MarkdownParts {
  const end = source.indexOf('\n---\n', 4);
  const frontMatter = source.slice(4, end);
  const rest = source.slice(end + 5).trim();
  const blocks = rest.split(/\n{2,}/);
  const footnote = blocks.filter((b) => b.startsWith('[^')).join('\n\n');
  return { frontMatter, blocks: blocks.filter((b) => !b.startsWith('[^') && !b.startsWith('# ')), footnote };
}

function markdownDocument(parts: MarkdownParts, n: number, budget: number, random: () => number): string {
  const title = `Reading a Galley Proof, part ${n}`;
  const frontMatter = parts.frontMatter
    .replace(/^title: .*$/m, `title: ${title}`)
    .replace(/^date: .*$/m, `date: 2025-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`);
  const out = [`---\n${frontMatter}\n---`, `# ${title}`];
  let size = 0;
  // Walk the sample in order from a random place, wrapping, so sections keep their shape.
  let at = Math.floor(random() * parts.blocks.length);
  while (size < budget) {
    const block = parts.blocks[at % parts.blocks.length]!;
    const paragraph = /^[A-Za-z*]/.test(block) ? truncate(block, random, /[.!?:]\s/g) : block;
    out.push(paragraph);
    size += paragraph.length;
    at += random() < 0.8 ? 1 : 1 + Math.floor(random() * 4);
  }
  out.push(parts.footnote);
  return `${out.join('\n\n')}\n`;
}

interface TextParts {
  junk: string;
  title: string;
  header: string[];
  paragraphs: string[];
  headings: { level2: string[]; level3: string[] };
  related: string[];
}

function textParts(source: string): TextParts {
  const lines = source.split(/\r?\n/).filter((line) => line.trim());
  const related = lines.indexOf('猜你喜歡');
  const body = lines.slice(6, related);
  return {
    junk: lines[0]!,
    title: lines[1]!,
    header: lines.slice(2, 6),
    paragraphs: body.filter((l) => !/^([一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/.test(l)),
    headings: {
      level2: body.filter((l) => /^[一二三四五六七八九十]+、/.test(l)).map((l) => l.replace(/^[一二三四五六七八九十]+、/, '')),
      level3: body.filter((l) => /^\([一二三四五六七八九十]+\)/.test(l)).map((l) => l.replace(/^\([一二三四五六七八九十]+\)/, '')),
    },
    related: lines.slice(related),
  };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function numeral(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]!;
  if (n < 20) return `十${NUMERALS[n - 11]}`;
  return `${NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`;
}

function textDocument(parts: TextParts, n: number, budget: number, random: () => number): string {
  const out = [parts.junk, '', `${parts.title}之${numeral(1 + (n % 99))}`, '', ...parts.header.slice(0, 3), '', parts.header[3]!, ''];
  let size = 0;
  let section = 0;
  // The opening paragraph, then numbered sections of one to three subsections each.
  out.push(truncate(parts.paragraphs[0]!, random, /。/g), '');
  while (size < budget) {
    section++;
    out.push(`${numeral(section)}、${pick(parts.headings.level2, random)}`, '');
    const subsections = 1 + Math.floor(random() * 3);
    for (let sub = 1; sub <= subsections && size < budget; sub++) {
      out.push(`(${numeral(sub)})${pick(parts.headings.level3, random)}`, '');
      const paragraph = truncate(pick(parts.paragraphs, random), random, /。/g);
      out.push(paragraph, '');
      size += paragraph.length;
    }
  }
  if (random() < 0.7) out.push(...parts.related);
  return `${out.join('\n')}\n`;
}
