import { configDefaults, defineConfig } from 'vitest/config';

// The effects package's two parts exist only in the renderer build (scripts/effects-parts.mjs);
// in Node the package's own index exports the same classes.
// The English catalogue common/i18n imports is one JSON.parse, not a module with an export per
// key: every test file imports it afresh, and per-file start-up adds up over 126 files.
const vite = {
  json: { namedExports: false, stringify: true },
  resolve: {
    alias: [{ find: /^@azure\/communication-calling-effects\/(noise-suppression|background)$/, replacement: '@azure/communication-calling-effects' }],
  },
};

/** What every test file runs with (the build and the reporters are the run's, once: below). */
const perFile = {
  pool: 'forks' as const,
  testTimeout: 30_000,
  hookTimeout: 60_000,
  setupFiles: ['./test/support/load-locales.ts'],
  // electron-store imports electron; in plain Node that import must not try to fetch a binary.
  env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' },
};

const E2E = ['test/e2e/**/*.test.ts'];
// Node files that need a module registry of their own: they mock a module (vi.mock), reset the
// registry, or (boot.test.ts) load main's bundle with electron answered by the fake runtime.
const OWN_MODULES = [
  'test/main/boot.test.ts',
  'test/main/i18n/locale-files.test.ts',
  'test/renderer/calling/breakout-rooms-session.test.ts',
  'test/renderer/calling/effects-controller.test.ts',
  'test/renderer/calling/meeting-session.test.ts',
  'test/renderer/calling/test-call.test.ts',
];
const NODE = ['test/**/*.test.ts', 'test/**/*.test.tsx'];

// Two cores on CI: at most two test files at once. End-to-end files each drive one Chromium.
export default defineConfig({
  ...vite,
  test: {
    maxWorkers: 2,
    reporters: ['default', './test/support/summary-reporter.ts'],
    globalSetup: ['./test/support/global-setup.ts'],
    // The projects do not extend this config: a project that did would run the global setup (the
    // build) again.
    projects: [
      // The rest share a worker's modules, as the E2E files do: zod, the Azure clients, Fastify and
      // the code under test load once per worker, not once per file (measured: 117 → 80 CPU-s and
      // 67 → 49 s for the Node files alone). They stub globals only inside a test and undo it after.
      { ...vite, test: { ...perFile, name: 'node', include: NODE, exclude: [...configDefaults.exclude, ...E2E, ...OWN_MODULES], isolate: false } },
      { ...vite, test: { ...perFile, name: 'node-isolated', include: OWN_MODULES } },
      // A worker process runs E2E files one after another instead of a fresh process per file:
      // playwright-core (7 MB of bundles), the harness and main's modules load once per worker.
      // Measured: the Node side of 8 E2E files 14.9 → 7.2 CPU-seconds. Each file still starts its
      // own Chromium, renderer server and contexts; the support modules keep only caches (the
      // browser found, Playwright's switches, a user agent per browser). No E2E file mocks a
      // module. boot.test.ts stays isolated: it loads main's bundle into the process.
      { ...vite, test: { ...perFile, name: 'e2e', include: E2E, isolate: false } },
    ],
  },
});
