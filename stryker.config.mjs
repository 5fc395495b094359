// StrykerJS for `npm run mutation` (scripts/mutation.mjs picks the folders to mutate and prints the
// per-folder score). Runs the Node-level tests only (vitest.mutation.config.ts), each mutant
// against just the tests that covered it (perTest), and reuses the results of unchanged code and
// tests from the last run (incremental; the file lives under the git-ignored reports/).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', pool: 'forks' },
  coverageAnalysis: 'perTest',
  incremental: true,
  // Two cores shared: two sandboxes, one vitest worker each.
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  // The per-folder summary lists the survivors one per line; the table per file stays.
  clearTextReporter: { reportMutants: false, reportTests: false, allowEmojis: false },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  // Not needed by the Node-level tests (nor another run's sandboxes); copying them into each
  // sandbox only costs time.
  ignorePatterns: ['/.stryker-tmp*', '/dist', '/dist-*', '/release', '/test-output', '/preview-output', '/docs', '/test/e2e', '/bench'],
  cleanTempDir: 'always',
};
