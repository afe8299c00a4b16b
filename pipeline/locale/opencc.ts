/** One lazily built set of opencc-js converters: building them parses dictionaries, so do it once. */
import * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;
let cache: { toHant: Convert; toHans: Convert } | undefined;

export function converters(): { toHant: Convert; toHans: Convert } {
  cache ??= {
    toHant: OpenCC.Converter({ from: 'cn', to: 'tw' }),
    toHans: OpenCC.Converter({ from: 'tw', to: 'cn' }),
  };
  return cache;
}

/**
 * Simplified to Hong Kong forms, built anew on each call and not kept: it is
 * wanted once, and its dictionaries hold 40 MB that every full garbage
 * collection of a long build would otherwise walk again.
 */
export function hongKongConverter(): Convert {
  return OpenCC.Converter({ from: 'cn', to: 'hk' });
}
