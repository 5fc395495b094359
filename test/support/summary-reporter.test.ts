// The closing line tells the truth: run Vitest on fixture files (one whose beforeAll throws, a
// failing test, an unhandled rejection, E2E files under the fixtures' test/e2e/ that all skip or
// partly pass) and read the line the reporter prints and the run's exit status. The runs start
// together when the file loads (each is a whole Vitest start-up; one after another took minutes).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'summary');

function runFixtures(...files: string[]): Promise<{ line: string | undefined; status: number }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', FIXTURES, ...files], { cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, DOORWAY_SKIP_BUILD: '1' } }, (error, stdout) => {
      const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ line: stdout.split('\n').find((l) => l.startsWith('tests: ')), status });
    });
  });
}

const runs = {
  setupFails: runFixtures('passes.ts', 'setup-fails.ts'),
  noE2ePassed: runFixtures('passes.ts', 'test/e2e/all-skipped.ts'),
  oneE2ePassed: runFixtures('passes.ts', 'test/e2e/all-skipped.ts', 'test/e2e/one-of-two.ts'),
  noE2eFiles: runFixtures('passes.ts'),
  failing: runFixtures('passes.ts', 'failing.ts'),
  unhandled: runFixtures('passes.ts', 'unhandled.ts'),
};
const TIMEOUT = 180_000;

it('reports a file whose beforeAll throws as a failed file', async () => {
  const run = await runs.setupFails;
  expect(run.line).toBe('tests: 1 passed, 0 failed, 1 skipped; files: 1 failed; errors: 0; e2e: none in this run');
  expect(run.status).not.toBe(0);
}, TIMEOUT);

it('fails a run that included E2E files in which no E2E test passed', async () => {
  const run = await runs.noE2ePassed;
  expect(run.line).toBe('tests: 1 passed, 0 failed, 1 skipped; files: 0 failed; errors: 0; e2e: 0 passed in 1 file (failed: no end-to-end test ran)');
  expect(run.status).not.toBe(0);
}, TIMEOUT);

it('passes a run in which an E2E test passed, even with other E2E tests skipped', async () => {
  const run = await runs.oneE2ePassed;
  expect(run.line).toBe('tests: 2 passed, 0 failed, 2 skipped; files: 0 failed; errors: 0; e2e: 1 passed in 2 files');
  expect(run.status).toBe(0);
}, TIMEOUT);

it('says that a run with no E2E files had none', async () => {
  const run = await runs.noE2eFiles;
  expect(run.line).toBe('tests: 1 passed, 0 failed, 0 skipped; files: 0 failed; errors: 0; e2e: none in this run');
  expect(run.status).toBe(0);
}, TIMEOUT);

it('counts a failing test and its file', async () => {
  const run = await runs.failing;
  expect(run.line).toBe('tests: 1 passed, 1 failed, 0 skipped; files: 1 failed; errors: 0; e2e: none in this run');
  expect(run.status).not.toBe(0);
}, TIMEOUT);

it('counts an unhandled error even when every test passed', async () => {
  const run = await runs.unhandled;
  expect(run.line).toBe('tests: 2 passed, 0 failed, 0 skipped; files: 0 failed; errors: 1; e2e: none in this run');
  expect(run.status).not.toBe(0);
}, TIMEOUT);
