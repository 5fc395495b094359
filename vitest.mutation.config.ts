import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// The Node-level tests only, for `npm run mutation` (StrykerJS runs them once per mutant): no
// browser E2E (seconds per file), no build (the E2E and boot tests load the bundles, which are
// built from unmutated sources), no packaging. Stryker's vitest runner also narrows each run to
// the test files that import the mutated file.
export default defineConfig({
  // Per-file start-up dominates each mutant's run: see vitest.config.ts's json option and
  // test/support/load-locales.ts.
  json: base.json,
  resolve: base.resolve,
  test: {
    include: ['test/main/**/*.test.ts', 'test/server/**/*.test.ts', 'test/server/**/*.test.tsx', 'test/renderer/**/*.test.ts', 'test/common/**/*.test.ts'],
    // Boots the production bundle in Chromium.
    exclude: ['test/main/boot.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ['./test/support/load-locales.ts'],
    // electron-store imports electron; in plain Node that import must not try to fetch a binary.
    // DOORWAY_MUTATION: tests that time code skip it (instrumented code is many times slower).
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent', DOORWAY_MUTATION: '1' },
  },
});
