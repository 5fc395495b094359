// Benchmark of taking part in the conversation: npx tsx bench/conversation.bench.ts
// A scripted meeting of 49 participants (the development build of the renderer in Chromium, the
// real preload and main handlers): 30 reactions/s from random people (each shown on its tile
// until its expiry event), then live captions at 10 updates/s (partial results growing word by
// word, a final line every 12 updates, one speaker after another), for BENCH_SECONDS (default
// 20) each. Prints the same figures as bench/meeting.bench.ts (bench/churn-report.ts): main-thread
// time per update (median, p99) and the longest frame. Meeting chat is not measured here: it is
// not built yet. Builds first unless DOORWAY_SKIP_BUILD=1 (or run through `npm run bench`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PARTICIPANTS = 49;

const root = path.resolve(import.meta.dirname, '..');
if (process.env.DOORWAY_SKIP_BUILD !== '1' && process.env.npm_lifecycle_event !== 'bench') {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('build failed');
}

// Loaded after the environment is set: the harness imports main's modules (electron-store).
const { launchChromium } = await import('../test/support/chromium');
const { createHarness, startRendererServer } = await import('../test/support/harness');
const { configureScriptedMeeting, fakeTokenService, joinFromJoinScreen, scripted, waitForPhase } = await import('../test/support/scripted-meeting/page');
const { report } = await import('./churn-report');

const [browser, server] = await Promise.all([launchChromium(), startRendererServer()]);
try {
  const harness = await createHarness(browser, { origin: server.origin, tokens: fakeTokenService(), viewport: { width: 1280, height: 800 } });
  try {
    const { page } = harness;
    page.setDefaultTimeout(60_000);
    await configureScriptedMeeting(page, { participants: PARTICIPANTS, videoParticipants: 9, optimalVideoCount: 9, connectDelayMs: 50, seed: 11 });
    await harness.open();
    await joinFromJoinScreen(page, { name: 'Bench Guest' });
    await waitForPhase(page, 'connected');
    await page.waitForFunction((n) => document.querySelectorAll('.gallery__grid > li').length >= Math.min(n, 49), PARTICIPANTS);
    await page.waitForTimeout(1000);
    console.log(`Scripted meeting: ${PARTICIPANTS} participants, ${SECONDS} s per run, Chromium ${browser.version()}, viewport 1280x800`);

    await scripted(page, 'startChurn', { kind: 'reactions', eventsPerSecond: 30, target: PARTICIPANTS, measure: true });
    await page.waitForTimeout(SECONDS * 1000);
    report('Reactions, 30/s (per update = one reaction)', await scripted(page, 'stopChurn'), SECONDS);

    await page.locator('#control-captions').click();
    await page.waitForFunction(() => document.querySelector('.captions__waiting') !== null || document.querySelector('.captions__line') !== null);
    await scripted(page, 'startChurn', { kind: 'captions', eventsPerSecond: 10, target: PARTICIPANTS, measure: true });
    await page.waitForTimeout(SECONDS * 1000);
    report('Live captions, 10 updates/s (partial and final results)', await scripted(page, 'stopChurn'), SECONDS);

    const errors = harness.logs.filter((l) => l.startsWith('pageerror'));
    console.log(`\npage errors: ${errors.length}`);
  } finally {
    await harness.close();
  }
} finally {
  await browser.close();
  await server.close();
}
