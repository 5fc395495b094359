// Benchmark of the meeting's main thread: npx tsx bench/meeting.bench.ts
// A scripted meeting of 1,000 participants (the development build of the renderer in Chromium,
// the real preload and main handlers) where people join, leave, speak, mute, change dominant speakers and
// turn cameras on and off at 50 roster events per second, for BENCH_SECONDS (default 20), twice:
// with the gallery only, and with the people panel open. Prints figures only.
//
// Main thread per event comes from a DevTools trace (bench/trace-attribution.ts): each event by its
// id, with everything it causes (the SDK listeners, the model's per-frame flush, Preact's render and
// its effects, timers), in the renderer's thread time; work shared by several events (one flush for
// a frame's events) is split among them. All main-thread work above a quiet page is printed as a
// cross-check (it includes style, layout and paint). Longest frame = the longest gap between
// animation frames; long-animation-frame entries (frames over 50 ms, as Chromium reports them) are
// counted too. Before the churn, the meeting's idle cost: the browser's CPU time from /proc
// (process-cpu.ts) over IDLE_MS with nothing sent, per 5 s (the videos, the self view, the gallery;
// the scripted meeting paints its participants' videos on canvases on the page's own main thread).
// Builds first (DOORWAY_SKIP_BUILD=1 skips the build).
import { loadavg } from 'node:os';
import { buildFirst } from './build-first';
import { IDLE_PARTS, cpuSnapshot, idleCost } from './process-cpu';

process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1000);
const EVENTS_PER_SECOND = Number(process.env.BENCH_EVENTS_PER_SECOND ?? 50);
const IDLE_MS = 5000;

buildFirst();

// Loaded after the environment is set: the harness imports main's modules (electron-store).
const { launchChromium } = await import('../test/support/chromium');
const { createHarness, startRendererServer } = await import('../test/support/harness');
const { configureScriptedMeeting, fakeTokenService, joinFromJoinScreen, waitForPhase } = await import('../test/support/scripted-meeting/page');
const { measureChurn } = await import('./churn-report');

const [browser, server] = await Promise.all([launchChromium(), startRendererServer()]);
try {
  const harness = await createHarness(browser, { origin: server.origin, tokens: fakeTokenService(), viewport: { width: 1280, height: 800 } });
  try {
    const { page } = harness;
    page.setDefaultTimeout(60_000);
    await configureScriptedMeeting(page, { participants: PARTICIPANTS, videoParticipants: Math.round(PARTICIPANTS / 4), optimalVideoCount: 9, connectDelayMs: 50, seed: 7 });
    await harness.open();
    await joinFromJoinScreen(page, { name: 'Bench Guest' });
    await waitForPhase(page, 'connected');
    await page.waitForFunction((n) => document.querySelectorAll('.gallery__grid > li').length >= Math.min(n, 49), PARTICIPANTS);
    await page.waitForTimeout(1000);
    console.log(`Scripted meeting: ${PARTICIPANTS} participants, ${EVENTS_PER_SECOND} roster events/s, ${SECONDS} s per run, Chromium ${browser.version()}, viewport 1280x800`);

    // Idle: nothing sent, the gallery's videos and the self view playing (DevTools attached: no script runs to pay for it).
    const loadBefore = loadavg()[0].toFixed(2);
    const before = cpuSnapshot(process.pid);
    await page.waitForTimeout(IDLE_MS);
    const idle = idleCost(before, cpuSnapshot(process.pid));
    const videos = await page.locator('.gallery__grid video').count();
    // The stand-in paints each remote video on a canvas on this same main thread (8 fps): a real meeting decodes them instead.
    console.log(`\nIdle: CPU ms per 5 s with nothing sent (${videos} videos on screen, the stand-in's painted canvases; /proc; load average ${loadBefore} before, ${loadavg()[0].toFixed(2)} after)`);
    for (const [part, label] of IDLE_PARTS) console.log(`  ${label.padEnd(32)}  ${idle[part].toFixed(0)}`);

    await measureChurn(browser, page, 'Gallery (49 tiles, overflow strip)', { eventsPerSecond: EVENTS_PER_SECOND, target: PARTICIPANTS, videoShare: 0.25 }, SECONDS);

    await page.locator('#control-people').click();
    await page.locator('#people-panel').waitFor();
    await measureChurn(browser, page, 'Gallery + people panel open (windowed list)', { eventsPerSecond: EVENTS_PER_SECOND, target: PARTICIPANTS, videoShare: 0.25 }, SECONDS);

    const errors = harness.logs.filter((l) => l.startsWith('pageerror'));
    console.log(`\npage errors: ${errors.length}`);
  } finally {
    await harness.close();
  }
} finally {
  await browser.close();
  await server.close();
}
