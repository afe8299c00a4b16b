/** subset-font ships no types; this is the part galley calls. */
declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    preserveNameIds?: number[];
    keepFeatures?: string[];
    noLayoutClosure?: boolean;
  }
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetOptions): Promise<Buffer>;
}

/** fontverter ships no types; galley converts WOFF2 to TrueType with it. */
declare module 'fontverter' {
  const fontverter: { convert(font: Uint8Array, to: 'truetype' | 'sfnt' | 'woff' | 'woff2', from?: string): Promise<Buffer> };
  export default fontverter;
}
