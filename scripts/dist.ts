// `npm run dist` (tsx scripts/dist.ts [--dir]): checks the branding first, builds the production
// bundles, then the installers for the current OS into release/ (with --dir, only the unpacked app).
// Nothing is uploaded: with an update feed, release/ also holds latest*.yml, and the organization
// copies release/ to the feed's address.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'electron-builder';
import { brandingOverlay, loadBranding } from './builder-config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let branding;
try {
  branding = loadBranding(root);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const bundles = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
if (bundles.status !== 0) process.exit(1);

try {
  await build({ projectDir: root, config: brandingOverlay(branding), dir: process.argv.includes('--dir'), publish: 'never' });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
