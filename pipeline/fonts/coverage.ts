/**
 * Which of a font package's faces cover which characters, from the
 * unicode-range of each @font-face rule in its CSS: a CJK family is split into
 * about a hundred files, and a document loads, embeds or shapes only the ones
 * its characters need. Precomputed per package and weight (precomputed.ts), so
 * a run reads the answer instead of parsing the stylesheets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { precomputed, type Precomputed } from '../precomputed.ts';

/** One @font-face rule of a package's CSS. */
export interface FontFace {
  /** The rule, its url() still relative to the package (./files/…). */
  css: string;
  /** The woff2 file it names, relative to the package. */
  file?: string;
  /** It has a unicode-range: it covers only the characters of its segments (absent: everything). */
  ranged?: true;
}

/**
 * Read by each run that lays out text (four CJK tables for a page), so kept
 * small: the segments say what the unicode-ranges said, and a segment covered
 * by one face (nearly all) names it by its index rather than in a list.
 */
export interface Coverage {
  faces: FontFace[];
  /** Disjoint code point segments, sorted: starts[i]..ends[i] is covered by the faces covers[i] (CSS order). */
  starts: number[];
  ends: number[];
  covers: (number | number[])[];
}

const require = createRequire(import.meta.url);

const packageDirs = new Map<string, string>();

/**
 * Kept once found: a page asks for each of its 40 to 90 font files, and Node
 * does not cache a path resolved through a package's exports.
 */
export function fontPackageDir(pkg: string): string {
  let dir = packageDirs.get(pkg);
  if (dir === undefined) packageDirs.set(pkg, (dir = dirname(require.resolve(`@fontsource/${pkg}/package.json`))));
  return dir;
}

function parseRanges(range: string): [number, number][] {
  return range.split(',').map((part): [number, number] => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(lo!, 16), parseInt(hi ?? lo!, 16)];
  });
}

/** A package's faces in one weight, read from its CSS. Symbol families come in one weight only. */
function readCoverage(pkg: string, weight: number): Coverage {
  const path = join(fontPackageDir(pkg), `${weight}.css`);
  const css = existsSync(path) ? readFileSync(path, 'utf8').replace(/\/\*.*?\*\/\n?/g, '') : '';
  const rules = [...css.matchAll(/@font-face\s*\{[^}]*\}/g)].map(([rule]) => rule);
  const ranges = rules.map((rule) => {
    const range = rule.match(/unicode-range:\s*([^;]+);/)?.[1];
    return range ? parseRanges(range) : undefined;
  });
  const faces = rules.map((rule, i): FontFace => {
    const file = rule.match(/url\(\.\/(files\/[\w.-]+\.woff2)\)/)?.[1];
    return {
      // Print must wait for the real font, never lay out with a fallback.
      css: rule.replace(/font-display:\s*swap/g, 'font-display: block').replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, ''),
      ...(file ? { file } : {}),
      ...(ranges[i] ? { ranged: true as const } : {}),
    };
  });
  // A sweep over the ranges' ends: between two consecutive boundaries the covering faces do not change.
  const events = new Map<number, number[]>();
  const at = (code: number, change: number) => events.set(code, [...(events.get(code) ?? []), change]);
  ranges.forEach((list, i) => {
    for (const [lo, hi] of list ?? []) {
      at(lo, i + 1);
      at(hi + 1, -(i + 1));
    }
  });
  const boundaries = [...events.keys()].sort((a, b) => a - b);
  const active = new Map<number, number>();
  const coverage: Coverage = { faces, starts: [], ends: [], covers: [] };
  boundaries.forEach((lo, b) => {
    for (const change of events.get(lo)!) {
      const face = Math.abs(change) - 1;
      const count = (active.get(face) ?? 0) + Math.sign(change);
      if (count) active.set(face, count);
      else active.delete(face);
    }
    if (!active.size || b + 1 === boundaries.length) return;
    const hi = boundaries[b + 1]! - 1;
    const faceList = [...active.keys()].sort((x, y) => x - y);
    const covers = faceList.length === 1 ? faceList[0]! : faceList;
    const last = coverage.covers.length - 1;
    // Adjacent segments with the same faces are one.
    if (last >= 0 && coverage.ends[last] === lo - 1 && String(coverage.covers[last]) === String(covers)) coverage.ends[last] = hi;
    else {
      coverage.starts.push(lo);
      coverage.ends.push(hi);
      coverage.covers.push(covers);
    }
  });
  return coverage;
}

const tables = new Map<string, Precomputed<Coverage>>();

/** The coverage table of one package and weight. */
export function coverageTable(pkg: string, weight: number): Precomputed<Coverage> {
  const key = `fonts/${pkg}-${weight}`;
  let table = tables.get(key);
  if (!table) tables.set(key, (table = precomputed(key, () => readCoverage(pkg, weight))));
  return table;
}

/** Indexes into coverage.faces of the faces that cover `code`, in CSS order. */
export function covering(coverage: Coverage, code: number): number[] {
  const { starts, ends, covers } = coverage;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! > code) hi = mid - 1;
    else if (ends[mid]! < code) lo = mid + 1;
    else {
      const faces = covers[mid]!;
      return typeof faces === 'number' ? [faces] : faces;
    }
  }
  return [];
}
