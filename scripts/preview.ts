// `npm run preview`: Doorway on a machine where Electron cannot run. The real renderer (the
// development build), the real preload and the real main-process IPC handlers, in Chromium,
// through the end-to-end harness (test/support/harness.ts: the app's own protocol handler on
// http://localhost, the preload bridged to main's handlers in this process). No token service is
// configured, so the join screen offers the practice meeting, which joins nothing real; the
// harness refuses every outside host.
// With a display ($DISPLAY): opens a window; close it (or Ctrl+C) to stop. Without one: prints
// what it shows at each step and saves screenshots to preview-output/ (PREVIEW_OUT to change).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadBuiltHarness, root } from './built-harness';

const { launchChromium, createHarness, startRendererServer } = await loadBuiltHarness();

const headed = Boolean(process.env.DISPLAY);
const outDir = path.resolve(root, process.env.PREVIEW_OUT ?? 'preview-output');
const [browser, server] = await Promise.all([launchChromium({ headed }), startRendererServer()]);
const harness = await createHarness(browser, { origin: server.origin, viewport: { width: 1280, height: 800 } });
const { page } = harness;
page.setDefaultTimeout(60_000);

async function close(): Promise<void> {
  await harness.close().catch(() => undefined);
  await browser.close().catch(() => undefined);
  await server.close();
}

try {
  await harness.open();
  if (headed) {
    console.log(`Doorway is open in a Chromium window (${server.origin}). Press "Try a practice meeting" to see a meeting. Close the window or press Ctrl+C to stop.`);
    await new Promise<void>((resolve) => {
      page.on('close', () => resolve());
      browser.on('disconnected', () => resolve());
      process.once('SIGINT', () => resolve());
    });
  } else {
    mkdirSync(outDir, { recursive: true });
    const shot = async (name: string, what: string) => {
      const file = path.join(outDir, `${name}.png`);
      await page.screenshot({ path: file });
      console.log(`\n${what}\n  screenshot: ${path.relative(process.cwd(), file)}`);
    };
    const text = (selector: string) => page.locator(selector).allInnerTexts().then((all) => all.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean));

    console.log(`No display: Doorway runs headless (${server.origin}); here is what it shows.`);
    await page.locator('#name-input').fill('Preview Guest');
    await page.locator('.join form button[type="submit"]').waitFor();
    const headings = await text('main h1, main h2');
    await shot('1-join-screen', `The join screen: ${headings.join(' / ')}. Buttons: ${(await text('.join button')).join(', ')}.`);

    await page.locator('#practice-button').click();
    await page.locator('main[data-phase="connected"]').waitFor();
    // Let the practice script run a few beats: someone speaks, reacts, raises a hand.
    await page.waitForTimeout(9_000);
    const banner = await text('.practice-meeting__banner p');
    const tiles = await text('.gallery__grid > li');
    await shot('2-practice-meeting', `The practice meeting. Banner: "${banner.join(' ')}"\n  Tiles: ${tiles.join(' | ')}\n  Controls: ${(await text('.meeting [id^="control-"]')).join(', ')}`);

    await page.locator('#control-people').click();
    await shot('3-people-panel', `The people panel: ${(await text('.meeting aside li')).slice(0, 8).join(' | ')}`);

    await page.locator('#control-leave').click();
    await page.locator('main[data-phase="ended"]').waitFor();
    await shot('4-ended', `After Leave: ${(await text('main[data-phase="ended"] h1, main[data-phase="ended"] p')).slice(0, 3).join(' / ')}`);
    const problems = harness.logs.filter((line) => line.startsWith('pageerror') || line.includes('csp:'));
    if (problems.length > 0) console.log(`\nPage errors:\n  ${problems.join('\n  ')}`);
    console.log(`\nRun it on a machine with a display (DISPLAY set) to click through it yourself, or \`npm start\` where Electron can run.`);
  }
} finally {
  await close();
}
