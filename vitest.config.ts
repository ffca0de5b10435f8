import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Eleventy loads `.eleventy.ts` and TS templates through tsx.
    execArgv: ['--import', 'tsx'],
    pool: 'forks',
  },
});
