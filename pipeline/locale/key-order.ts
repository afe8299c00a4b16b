/**
 * Finding which entries of an opencc dictionary ("key value|key value|…") have
 * a key that occurs in a text, by binary search over the entries sorted by
 * key. The order is computed at compile time for the large dictionaries
 * (opencc.ts), so a run neither indexes nor splits their 50,000 entries.
 */

/** Where each entry of `dict` starts, sorted by key (UTF-16 code units), then by place. */
export function sortedStarts(dict: string): number[] {
  const entries: [key: string, start: number][] = [];
  for (let start = 0; start < dict.length; ) {
    const space = dict.indexOf(' ', start);
    entries.push([dict.slice(start, space), start]);
    const bar = dict.indexOf('|', space);
    start = bar < 0 ? dict.length : bar + 1;
  }
  entries.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x - y));
  return entries.map(([, start]) => start);
}

/** Each sorted entry's key length, made once per order: finding a key's end is a scan of the dictionary. */
const keySizes = new WeakMap<number[], Int32Array>();

function sizesOf(dict: string, order: number[]): Int32Array {
  let sizes = keySizes.get(order);
  if (!sizes) {
    sizes = new Int32Array(order.length);
    for (let i = 0; i < order.length; i++) sizes[i] = dict.indexOf(' ', order[i]!) - order[i]!;
    keySizes.set(order, sizes);
  }
  return sizes;
}

/**
 * The starts of the entries of `dict` whose whole key is spelled in `text` somewhere; `order` is sortedStarts(dict).
 * From each place in the text, the keys that begin with its next units are one run of the order,
 * narrowed unit by unit: each step is a binary search over the run left by the one before.
 */
export function keysIn(dict: string, order: number[], text: string): Set<number> {
  const found = new Set<number>();
  const sizes = sizesOf(dict, order);
  /** The first entry of [lo, hi) whose unit at `k` is at least `unit` (every key there is longer than k). */
  const firstAtLeast = (lo: number, hi: number, k: number, unit: number) => {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dict.charCodeAt(order[mid]! + k) < unit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let at = 0; at < text.length; at++) {
    let lo = 0;
    let hi = order.length;
    for (let length = 0; at + length < text.length; ) {
      const unit = text.charCodeAt(at + length);
      lo = firstAtLeast(lo, hi, length, unit);
      hi = firstAtLeast(lo, hi, length, unit + 1);
      if (lo === hi) break;
      length++;
      // Keys equal to text[at, at + length) sort first in the run: a key sorts after its prefixes.
      while (lo < hi && sizes[lo] === length) found.add(order[lo++]!);
    }
  }
  return found;
}
