import { defineConfig } from 'vitest/config';

// Two cores on CI: at most two test files at once. End-to-end files each drive one Chromium.
export default defineConfig({
  // The effects package's two parts exist only in the renderer build (scripts/effects-parts.mjs);
  // in Node the package's own index exports the same classes.
  // The English catalogue common/i18n imports is one JSON.parse, not a module with an export per
  // key: every test file imports it afresh, and per-file start-up adds up over 126 files.
  json: { namedExports: false, stringify: true },
  resolve: {
    alias: [{ find: /^@azure\/communication-calling-effects\/(noise-suppression|background)$/, replacement: '@azure/communication-calling-effects' }],
  },
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
