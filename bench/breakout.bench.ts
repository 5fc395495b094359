// Benchmark of a breakout move: npx tsx bench/breakout.bench.ts
// The development build of the renderer in Chromium (real preload and main handlers) in a scripted
// meeting of BENCH_PARTICIPANTS (default 49, a quarter with cameras). Each round the organizer
// assigns the guest to a room with 4 others and opens it (Teams moves the guest in), then closes it.
// Measured in the page from the organizer's action: until the first animation frame that shows the
// room's gallery (its people's tiles, the room banner), and until the frame that shows the main
// meeting again (everyone's tiles). The scripted room's call connects at once (roomConnectDelayMs
// 0), so the figures are Doorway's own time (the session switching calls, the modules detaching
// and attaching, the model and the render) without the SDK's join. Prints figures only. Builds
// first (DOORWAY_SKIP_BUILD=1 skips the build).
import { buildFirst } from './build-first';

process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 49);
const ROOM = 4;

buildFirst();

const { launchChromium } = await import('../test/support/chromium');
const { createHarness, startRendererServer } = await import('../test/support/harness');
const { configureScriptedMeeting, fakeTokenService, joinFromJoinScreen, scripted, waitForPhase } = await import('../test/support/scripted-meeting/page');
const { CONTROL_GLOBAL } = await import('../renderer/calling/practice/control');

/** Runs the organizer's action in the page and times it to the first frame where `where` shows `tiles` tiles. */
function timeMove(action: 'openBreakoutRoom' | 'closeBreakoutRoom', where: 'room' | 'main', tiles: number): string {
  return `new Promise((resolve) => {
    const start = performance.now();
    window[${JSON.stringify(CONTROL_GLOBAL)}].${action}();
    const check = () => {
      const banner = document.querySelector('[data-testid="breakout-banner"]');
      const shown = document.querySelectorAll('.gallery__grid > li').length;
      if (banner && banner.getAttribute('data-where') === '${where}' && !document.querySelector('[data-testid="breakout-move"]') && shown === ${tiles}) resolve(performance.now() - start);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`;
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`;
};

const [browser, server] = await Promise.all([launchChromium(), startRendererServer()]);
try {
  const harness = await createHarness(browser, { origin: server.origin, tokens: fakeTokenService(), viewport: { width: 1280, height: 800 } });
  try {
    const { page } = harness;
    page.setDefaultTimeout(60_000);
    await configureScriptedMeeting(page, { participants: PARTICIPANTS, videoParticipants: Math.round(PARTICIPANTS / 4), connectDelayMs: 50, roomConnectDelayMs: 0, seed: 7 });
    await harness.open();
    await joinFromJoinScreen(page, { name: 'Bench Guest' });
    await waitForPhase(page, 'connected');
    const mainTiles = await page.evaluate(() => document.querySelectorAll('.gallery__grid > li').length);
    await page.waitForTimeout(1000);
    console.log(`Scripted meeting: ${PARTICIPANTS} participants (${mainTiles} tiles), rooms of ${ROOM} + the guest, ${ROUNDS} rounds, Chromium ${browser.version()}, viewport 1280x800; the room's call connects at once (no SDK join time)`);
    const moveIn: number[] = [];
    const moveBack: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      await scripted(page, 'assignBreakoutRoom', `Room ${round + 1}`, { participants: ROOM });
      await page.waitForTimeout(200);
      moveIn.push(await page.evaluate<number>(timeMove('openBreakoutRoom', 'room', ROOM + 1)));
      await page.waitForTimeout(300);
      moveBack.push(await page.evaluate<number>(timeMove('closeBreakoutRoom', 'main', mainTiles)));
      await page.waitForTimeout(300);
    }
    console.log(`Room opens → the room's gallery shown:     ${stats(moveIn)}`);
    console.log(`Room closes → the main meeting shown again: ${stats(moveBack)}`);
    console.log(`Target: under 1000 ms each (Doorway's own time)`);
    const errors = harness.logs.filter((l) => l.startsWith('pageerror'));
    console.log(`page errors: ${errors.length}`);
  } finally {
    await harness.close();
  }
} finally {
  await browser.close();
  await server.close();
}
