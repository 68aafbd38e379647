// Test runner settings: pinned timezone and locale so figures and dates are reproducible.
import { defineConfig } from 'vitest/config';

process.env.TZ = 'Europe/Amsterdam';
process.env.LANG = 'nl_NL.UTF-8';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
