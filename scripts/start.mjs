// npm start: builds the app, then runs it in Electron. Electron fetches its binary on first use;
// where that download cannot happen (a closed network), say so plainly instead of Electron's own
// "failed to install correctly".
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { build } from './build.mjs';

await build().catch((error) => {
  console.error(`The app did not build: ${error.message}`);
  process.exit(1);
});

let electron;
try {
  electron = createRequire(import.meta.url)('electron');
} catch {
  console.error(
    [
      '',
      'Doorway is built (dist/), but Electron could not be started: its binary was not found and',
      'could not be downloaded (it comes from GitHub releases, which this network does not reach).',
      'On a machine with internet access, run `npm start` again. Every test runs without Electron:',
      '`npm test` (see README, "Testing").',
    ].join('\n'),
  );
  process.exit(1);
}

const child = spawn(electron, ['.'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
