import { defineConfig } from 'vitest/config';

// Browser tests: build a site, serve it on 127.0.0.1, drive Debian's chromium with playwright-core.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    execArgv: ['--import', 'tsx'],
    pool: 'forks',
    fileParallelism: false,
  },
});
