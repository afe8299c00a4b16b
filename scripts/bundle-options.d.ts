import type { BuildOptions } from 'esbuild';

export const EXTERNAL: string[];
export const BUNDLE_OPTIONS: BuildOptions & { external: string[] };
