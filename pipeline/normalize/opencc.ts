/** One lazily built set of opencc-js converters: building them parses dictionaries, so do it once. */
import * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;
let cache: { toHant: Convert; toHans: Convert; toHk: Convert } | undefined;

export function converters(): { toHant: Convert; toHans: Convert; toHk: Convert } {
  cache ??= {
    toHant: OpenCC.Converter({ from: 'cn', to: 'tw' }),
    toHans: OpenCC.Converter({ from: 'tw', to: 'cn' }),
    toHk: OpenCC.Converter({ from: 'cn', to: 'hk' }),
  };
  return cache;
}
