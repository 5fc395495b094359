// Benchmark of call quality on the meeting's main thread: npx tsx bench/media-stats.bench.ts
// A scripted meeting of 9 people with cameras (the development build of the renderer in Chromium,
// the real preload and main handlers) where Features.MediaStats reports samples, BENCH_SAMPLES_PER_SECOND
// of them (default 4; the SDK reports about 1 a second, so the cost per second in a real call is
// the cost per sample), for BENCH_SECONDS (default 15), twice: the header's indicator only, and
// with the details panel open. The network alternates good and poor every 4 s so the indicator,
// the panel and the advice really change. Prints figures only (churn-report.ts: per sample = what
// the sample causes on the main thread, traced by its id). Builds first
// (DOORWAY_SKIP_BUILD=1 skips the build).
import { buildFirst } from './build-first';

process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const SAMPLES_PER_SECOND = Number(process.env.BENCH_SAMPLES_PER_SECOND ?? 4);

buildFirst();

const { launchChromium } = await import('../test/support/chromium');
const { createHarness, startRendererServer } = await import('../test/support/harness');
const { configureScriptedMeeting, fakeTokenService, joinFromJoinScreen, scripted, waitForPhase } = await import('../test/support/scripted-meeting/page');
const { idleRate, printStream, load } = await import('./churn-report');
const { attribute, startTrace, stopTrace } = await import('./trace-attribution');

const GOOD = { rttMs: 40, lossPercent: 0, jitterMs: 4 };
const POOR = { rttMs: 650, lossPercent: 20, jitterMs: 70 };

const [browser, server] = await Promise.all([launchChromium(), startRendererServer()]);
try {
  const harness = await createHarness(browser, { origin: server.origin, tokens: fakeTokenService(), viewport: { width: 1280, height: 800 } });
  try {
    const { page } = harness;
    page.setDefaultTimeout(60_000);
    await configureScriptedMeeting(page, { participants: 9, videoParticipants: 9, connectDelayMs: 50, mediaStatsEveryMs: 0, seed: 7 });
    await harness.open();
    await joinFromJoinScreen(page, { name: 'Bench Guest' });
    await waitForPhase(page, 'connected');
    await page.waitForFunction(() => document.querySelectorAll('.gallery__grid > li').length >= 10);
    await page.waitForTimeout(1000);
    console.log(`Scripted meeting: 9 people with cameras, ${SAMPLES_PER_SECOND} media-stats samples/s, ${SECONDS} s per run, Chromium ${browser.version()}, viewport 1280x800`);

    const run = async (label: string) => {
      const quiet = await idleRate(browser, page);
      const before = load();
      await startTrace(browser, page);
      await scripted(page, 'startChurn', { eventsPerSecond: SAMPLES_PER_SECOND, target: 9, kind: 'mediaStats', measure: true });
      for (let t = 0; t < SECONDS; t += 4) {
        await scripted(page, 'setNetwork', 'both', (t / 4) % 2 === 0 ? POOR : GOOD);
        await page.waitForTimeout(Math.min(4, SECONDS - t) * 1000);
      }
      const stats = await scripted(page, 'stopChurn');
      await page.waitForTimeout(1000);
      printStream(label, 'mediaStats', attribute(await stopTrace(browser), ['mediaStats']), quiet, stats, stats.events, before);
    };
    await run('Header indicator (and advice when poor lasts)');
    await page.locator('#control-quality').click();
    await page.locator('#quality-panel').waitFor();
    await run('Header indicator + details panel open');

    const errors = harness.logs.filter((l) => l.startsWith('pageerror'));
    console.log(`\npage errors: ${errors.length}`);
  } finally {
    await harness.close();
  }
} finally {
  await browser.close();
  await server.close();
}
