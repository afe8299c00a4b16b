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

/** The starts of the entries of `dict` whose whole key is spelled in `text` somewhere; `order` is sortedStarts(dict). */
export function keysIn(dict: string, order: number[], text: string): Set<number> {
  const found = new Set<number>();
  /** The key at `start` against text[at, at + length): negative when it sorts before, 0 when equal. */
  const compare = (start: number, at: number, length: number) => {
    const size = dict.indexOf(' ', start) - start;
    for (let k = 0; k < size && k < length; k++) {
      const d = dict.charCodeAt(start + k) - text.charCodeAt(at + k);
      if (d !== 0) return d;
    }
    return size - length;
  };
  for (let at = 0; at < text.length; at++) {
    for (let length = 1; at + length <= text.length; length++) {
      // The first key not sorted before text[at, at + length).
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compare(order[mid]!, at, length) < 0) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < order.length && compare(order[i]!, at, length) === 0; i++) found.add(order[i]!);
      // No key goes on from that text: none is longer and starts with it.
      if (lo === order.length || !startsWith(dict, order[lo]!, text, at, length)) break;
    }
  }
  return found;
}

/** Whether the key at `start` begins with text[at, at + length). */
function startsWith(dict: string, start: number, text: string, at: number, length: number): boolean {
  if (dict.indexOf(' ', start) - start < length) return false;
  for (let k = 0; k < length; k++) if (dict.charCodeAt(start + k) !== text.charCodeAt(at + k)) return false;
  return true;
}
