/**
 * One lazily built set of opencc-js converters: building them parses
 * dictionaries (about 150 ms), so it is done once, and only by a document that
 * converts or has stray characters to report (script-index.ts answers the
 * rest). Required, not imported, so that nothing loads it before then.
 */
import { createRequire } from 'node:module';

type Convert = (text: string) => string;
interface OpenCCModule {
  Converter(options: { from: string; to: string }): Convert;
}

let library: OpenCCModule | undefined;
const openCC = () => (library ??= createRequire(import.meta.url)('opencc-js') as OpenCCModule);

const OPTIONS = { toHant: { from: 'cn', to: 'tw' }, toHans: { from: 'tw', to: 'cn' } };
const cache: Partial<Record<keyof typeof OPTIONS, Convert>> = {};

/** Phrase-aware conversion to Traditional (Taiwan) or Simplified forms; each direction is built on first use. */
export function converter(direction: keyof typeof OPTIONS): Convert {
  return (cache[direction] ??= openCC().Converter(OPTIONS[direction]));
}

export function converters(): { toHant: Convert; toHans: Convert } {
  return { toHant: converter('toHant'), toHans: converter('toHans') };
}

/**
 * Simplified to Hong Kong forms, built anew on each call and not kept: it is
 * wanted once, and its dictionaries hold 40 MB that every full garbage
 * collection of a long build would otherwise walk again.
 */
export function hongKongConverter(): Convert {
  return openCC().Converter({ from: 'cn', to: 'hk' });
}
