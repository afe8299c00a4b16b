import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real Chromium and EPUBCheck runs take seconds each.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Suites that launch a browser share two cores; running them side by side only adds contention.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
