// Builds the app once before any test runs: end-to-end tests load the real bundles.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  if (process.env.DOORWAY_SKIP_BUILD === '1') return;
  const result = spawnSync(process.execPath, [path.join(import.meta.dirname, '..', '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
}
