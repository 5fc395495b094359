// Build tooling (Node). The start shared by `npm run preview` and `npm run screenshots`: build the
// app (unless DOORWAY_SKIP_BUILD=1), then load the end-to-end harness that runs the real renderer,
// preload and main handlers in Chromium.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export async function loadBuiltHarness() {
  process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent';
  if (process.env.DOORWAY_SKIP_BUILD !== '1') {
    const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    if (built.status !== 0) process.exit(1);
  }
  // Loaded after the environment is set: the harness imports main's modules (electron-store).
  const [{ launchChromium }, { createHarness, startRendererServer }] = await Promise.all([import('../test/support/chromium'), import('../test/support/harness')]);
  return { launchChromium, createHarness, startRendererServer };
}
