/**
 * Scores `galley normalize` of each scraped fixture against what a careful editor reads in it
 * (its YAML): each metadata field exact, and nothing of the page's head, no classification
 * line, converter pinyin or mojibake left in the body.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VFile } from 'vfile';
import YAML from 'yaml';
import { normalizePlainText } from '../../pipeline/normalize/index.ts';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/scraped');
export const FIELDS = ['title', 'authors', 'date', 'publication', 'issue', 'keywords', 'lang', 'abstract', 'doi', 'affiliations', 'titleEn'] as const;

export interface Expected {
  title: string;
  authors?: string[];
  abstract?: string;
  doi?: string;
  absent: string[];
  keep: string[];
  [field: string]: unknown;
}

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
}

export function expected(name: string): Expected {
  return YAML.parse(readFileSync(join(FIXTURES, `${name}.yaml`), 'utf8')) as Expected;
}

/** Patterns that must never remain in a normalized body, whatever the page. */
export const BODY_DAMAGE: Array<[string, RegExp]> = [
  ['classification line', /^(?:[[〔【]?\s*)?(?:中[图圖]分[类類][号號]|文[献獻][标標][识識][码碼]|文章[编編][号號]|DOI\b)/imu],
  ['site chrome', /设为首页|設為首頁|加入收藏|APP下[载載]|^TOP$|[浏瀏][览覽][:：]\s*\d+次|^\s*[?？]\s*$/mu],
  ['pinyin annotation', /\p{Script=Han}\s*[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[1-5]?[)）]/u],
  ['mojibake signature', /[\u0080-\u00ff\ufffd]|\p{Script=Han}\?|\?\p{Script=Han}|鶎|狱h/u],
];

function same(field: string, want: unknown, got: unknown): boolean {
  if (field === 'keywords') return JSON.stringify([...((want as string[]) ?? [])].sort()) === JSON.stringify([...((got as string[]) ?? [])].sort());
  return JSON.stringify(want ?? null) === JSON.stringify(got ?? null);
}

export interface Score {
  name: string;
  fields: number;
  exact: number;
  misses: string[];
  bodyProblems: string[];
}

export function score(name: string): Score {
  const want = expected(name);
  const file = new VFile({ path: join(FIXTURES, `${name}.txt`), value: readFileSync(join(FIXTURES, `${name}.txt`), 'utf8') });
  const { markdown, meta } = normalizePlainText(file, { script: 'keep' });
  const body = markdown.slice(markdown.indexOf('\n---\n') + 5);
  const result: Score = { name, fields: 0, exact: 0, misses: [], bodyProblems: [] };
  for (const field of FIELDS) {
    if (!(field in want)) continue;
    result.fields++;
    const got = (meta as unknown as Record<string, unknown>)[field];
    if (same(field, want[field], field === 'keywords' || field === 'authors' ? got ?? [] : got)) result.exact++;
    else result.misses.push(`${field}: want ${JSON.stringify(want[field])}, got ${JSON.stringify(got)}`);
  }
  for (const text of want.absent) if (body.includes(text)) result.bodyProblems.push(`left in the body: ${text}`);
  for (const text of want.keep) if (!body.includes(text)) result.bodyProblems.push(`lost from the body: ${text}`);
  for (const [what, pattern] of BODY_DAMAGE) {
    const hit = pattern.exec(body);
    if (hit) result.bodyProblems.push(`${what} left in the body: ${hit[0]}`);
  }
  return result;
}
