// Builds the app before a benchmark that runs on its own. `npm run bench` (scripts/bench.mjs) has
// just built, and DOORWAY_SKIP_BUILD=1 skips it. Imports nothing of the app, so a benchmark can
// call it before it sets its environment and loads the harness.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export function buildFirst(): void {
  if (process.env.DOORWAY_SKIP_BUILD === '1' || process.env.npm_lifecycle_event === 'bench') return;
  const built = spawnSync(process.execPath, [path.join(import.meta.dirname, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('build failed');
}
