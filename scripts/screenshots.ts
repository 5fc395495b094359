// `npm run screenshots`: regenerates the README's pictures of the app (docs/join-screen.png,
// docs/meeting-gallery.png, docs/share-picker.png) from the real renderer, preload and main
// handlers in Chromium, through the same harness as `npm run preview`: the join screen with a
// meeting filled in, the practice meeting's gallery, and the share picker over that meeting.
// Other pictures in docs/ come from the tests that check those screens (see README, "Testing").
import path from 'node:path';
import { loadBuiltHarness, root } from './built-harness';

const { launchChromium, createHarness, startRendererServer } = await loadBuiltHarness();
const { MEETING_LINK, waitForPreview } = await import('../test/support/join-screen');
const { routeDisplayMediaToMain } = await import('../test/support/scripted-meeting/display-media');

/** A window's thumbnail: a title bar and a few lines of "content", in the window's own colour. */
function windowPicture(colour: string): string {
  const lines = [40, 58, 76, 94].map((y, i) => `<rect x="24" y="${y}" width="${200 - i * 30}" height="8" rx="4" fill="#ffffff" opacity="0.55"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="320" height="180" fill="${colour}"/><rect width="320" height="22" fill="#000" opacity="0.25"/>${lines}</svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

const source = (id: string, name: string, colour: string) => {
  const picture = windowPicture(colour);
  return { id, name, thumbnail: { isEmpty: () => false, toDataURL: () => picture }, appIcon: null };
};
const captureSources = [
  source('screen:0:0', 'Entire screen', '#2b5797'),
  source('window:1:0', 'Quarterly plan.pptx', '#b7472a'),
  source('window:2:0', 'Budget.xlsx', '#217346'),
  source('window:3:0', 'Notes', '#5c2d91'),
];

const [browser, server] = await Promise.all([launchChromium(), startRendererServer()]);
const harness = await createHarness(browser, { origin: server.origin, viewport: { width: 1280, height: 800 }, captureSources });
const { page } = harness;
page.setDefaultTimeout(60_000);
const shot = async (name: string) => {
  const file = path.join(root, 'docs', name);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
};

try {
  await routeDisplayMediaToMain(harness);
  await harness.open();
  await page.locator('#meeting-input').fill(MEETING_LINK);
  await page.locator('#name-input').fill('Pat Guest');
  await page.getByTestId('meeting-summary').waitFor();
  await waitForPreview(page);
  await shot('join-screen.png');

  await page.locator('#name-input').fill('Pat Guest');
  await page.locator('#practice-button').click();
  await page.locator('main[data-phase="connected"]').waitFor();
  // A few beats of the practice script: people speak, react, raise a hand.
  await page.waitForTimeout(8_000);
  await shot('meeting-gallery.png');

  await page.locator('#control-share').click();
  const picker = page.getByRole('dialog');
  await picker.getByRole('option', { name: 'Entire screen' }).waitFor();
  // The Windows tab, whose thumbnails say more than one screen's.
  await picker.getByRole('tab').nth(1).click();
  await picker.getByRole('option', { name: 'Quarterly plan.pptx' }).click();
  await shot('share-picker.png');

  const problems = harness.logs.filter((line) => line.startsWith('pageerror') || line.includes('csp:'));
  if (problems.length > 0) throw new Error(`page errors while taking screenshots:\n${problems.join('\n')}`);
} finally {
  await harness.close().catch(() => undefined);
  await browser.close().catch(() => undefined);
  await server.close();
}
