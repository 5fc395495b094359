// Build tooling (Node). `npm run screenshots:update [-- test files]`: runs the end-to-end tests
// (all of test/e2e/, or the files given) with DOORWAY_UPDATE_SCREENSHOTS=1, so that each
// expectScreenshot() writes its shot as the baseline of the browser in use instead of comparing
// (test/support/screenshot-baseline.ts). Review the changed PNGs under test/e2e/screenshots/, then
// commit them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const files = process.argv.slice(2);
const run = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...(files.length > 0 ? files : ['test/e2e/'])], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DOORWAY_UPDATE_SCREENSHOTS: '1' },
});
process.exit(run.status ?? 1);
