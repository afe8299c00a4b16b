/** Types of load.js, for the TypeScript that imports it (the benchmark). */
export function compiledIsCurrent(): boolean;
export function loadCli(): Promise<{ main(args: string[]): Promise<number> }>;
