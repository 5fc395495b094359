import { defineConfig } from 'vitest/config';

// Two cores on CI: at most two test files at once. End-to-end files each drive one Chromium.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
    globalSetup: ['./test/support/global-setup.ts'],
    setupFiles: ['./test/support/load-locales.ts'],
    // electron-store imports electron; in plain Node that import must not try to fetch a binary.
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
  },
});
