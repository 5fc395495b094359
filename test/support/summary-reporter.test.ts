// The closing line counts a file whose setup failed: run Vitest on two fixture files, one whose
// beforeAll throws, and read the line the reporter prints.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'summary');

it('reports a file whose beforeAll throws as a failed file', () => {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', FIXTURES], { cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, DOORWAY_SKIP_BUILD: '1' } });
  expect(run.stdout).toContain('tests: 1 passed, 0 failed, 1 skipped; files: 1 failed; errors: 0');
  expect(run.status).not.toBe(0);
});
