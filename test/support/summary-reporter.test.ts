// The closing line tells the truth: run Vitest on fixture files (one whose beforeAll throws, E2E
// files under the fixtures' test/e2e/ that all skip or partly pass) and read the line the reporter
// prints and the run's exit status.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'summary');

function runFixtures(...files: string[]) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', FIXTURES, ...files], { cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, DOORWAY_SKIP_BUILD: '1' } });
  const line = run.stdout.split('\n').find((l) => l.startsWith('tests: '));
  return { line, status: run.status };
}

it('reports a file whose beforeAll throws as a failed file', () => {
  const run = runFixtures('passes.ts', 'setup-fails.ts');
  expect(run.line).toBe('tests: 1 passed, 0 failed, 1 skipped; files: 1 failed; errors: 0');
  expect(run.status).not.toBe(0);
});

it('fails a run that included E2E files in which no E2E test passed', () => {
  const run = runFixtures('passes.ts', 'test/e2e/all-skipped.ts');
  expect(run.line).toBe('tests: 1 passed, 0 failed, 1 skipped; files: 0 failed; errors: 0; e2e: 0 passed in 1 file (failed: no end-to-end test ran)');
  expect(run.status).not.toBe(0);
});

it('passes a run in which an E2E test passed, even with other E2E tests skipped', () => {
  const run = runFixtures('passes.ts', 'test/e2e/all-skipped.ts', 'test/e2e/one-of-two.ts');
  expect(run.line).toBe('tests: 2 passed, 0 failed, 2 skipped; files: 0 failed; errors: 0; e2e: 1 passed in 2 files');
  expect(run.status).toBe(0);
});

it('leaves the E2E count out of a run with no E2E files', () => {
  const run = runFixtures('passes.ts');
  expect(run.line).toBe('tests: 1 passed, 0 failed, 0 skipped; files: 0 failed; errors: 0');
  expect(run.status).toBe(0);
});
