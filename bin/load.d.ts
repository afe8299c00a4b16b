/** Types of load.js, for the TypeScript that imports it (the benchmark, the tests). */
export function runsCompiled(): boolean;
export function loadCli(): Promise<{ main(args: string[]): Promise<number> }>;
