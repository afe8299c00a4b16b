import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI's bundle, made from these sources: the CLI tests run it as users do.
    globalSetup: ['test/helpers/compile.ts'],
    // A temp folder per test file, removed after it.
    setupFiles: ['test/helpers/temp.ts'],
    // Real Chromium and EPUBCheck runs take seconds each.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Most suites launch a browser; more than two at a time only adds contention on a small machine.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
