// The join screen's background effects and noise suppression, end to end on the real SDK and the
// real effects package (the SDK's WASM processor, the fake camera, the SDK config switching effects on as
// in meeting-effects.test.ts): nothing of effects loads before the picker opens; Blur on the
// preview changes the fake camera's pixels (its hard edges go: the largest step between
// neighbouring pixels falls under half, as bench/effects.bench.ts measures) with no black frame on the way;
// the same camera and effect go on into the meeting; the choice and the noise switch come back on
// the next launch, the effect on the preview without opening the picker. In Arabic and in forced
// colours, the picker on the join screen and in the meeting's devices panel (one page, the package
// loaded once, no effect applied).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import { ACS_CONFIG_WITH_WASM_EFFECTS } from '../support/chromium';
import { useChromiumApp, type HarnessSetup } from '../support/e2e';
import type { Harness } from '../support/harness';
import { axeViolations, checkRtlAndForcedColors, pageSide, screenshot } from '../support/page-checks';
import { configureScriptedMeeting, fakeTokenService, joinFromJoinScreen, waitForPhase } from '../support/scripted-meeting/page';
import { framesSince, isBlack, median, pageNow, watchFrames } from '../support/video-frames';

const app = useChromiumApp({ launch: { cameraFps: 5 } });
const en = (key: Parameters<typeof translate>[1]) => translate('en-US', key);
// renderer/calling/effects-package.ts's mark, by name.
const EFFECTS_LOADED = 'doorway:effects-loaded';
const PREVIEW = '[data-testid="preview"]';
const SELF = '[data-participant="self"]';

// The SDK's WASM effects processor: on SwiftShader its WebGL2 one starves the page (see chromium.ts);
// meeting-effects.test.ts runs the WebGL2 one.
const WITH_EFFECTS: HarnessSetup = { acsConfig: ACS_CONFIG_WITH_WASM_EFFECTS, chromeUserAgent: true, tokens: fakeTokenService(), viewport: { width: 1280, height: 900 } };

async function openJoinScreen(harness: Harness): Promise<Page> {
  const { page } = harness;
  // Effect frames compete with the page for a busy machine's two cores.
  page.setDefaultTimeout(120_000);
  await configureScriptedMeeting(page, { participants: 2, videoParticipants: 0, connectDelayMs: 50 });
  await harness.open();
  await page.locator(`.join-preview[data-state="on"]`).waitFor();
  await watchFrames(page, PREVIEW);
  return page;
}

const effectsLoaded = (page: Page) => page.evaluate((mark) => performance.getEntriesByName(mark).length > 0, EFFECTS_LOADED);

async function openPicker(page: Page): Promise<Locator> {
  const button = page.getByRole('button', { name: en('effects.button') });
  await button.click();
  expect(await button.getAttribute('aria-expanded')).toBe('true');
  const picker = page.locator('#join-effects .effects');
  await picker.waitFor();
  return picker;
}

/** Median sharpness (largest luma step) of the next frames presented (a busy machine can draw a blurred frame only every few seconds). */
async function sharpness(page: Page, selector: string): Promise<number> {
  const since = await pageNow(page);
  await expect.poll(async () => (await framesSince(page, selector, since)).length, { timeout: 60_000 }).toBeGreaterThan(0);
  return median((await framesSince(page, selector, since)).map((frame) => frame.peak));
}

const readSettings = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as { backgroundEffect: string; noiseSuppression: boolean };

/**
 * The picker as it reads in Arabic: the options run from the right (None first), the add-picture
 * button and the noise switch start on the right; then axe and screenshots in Arabic and in forced
 * colours, where the chosen option keeps a mark of its own (a double Highlight border; the accent
 * colour of its border is replaced there).
 */
async function checkPickerRtlAndForcedColors(page: Page, picker: Locator, name: string): Promise<void> {
  const options = picker.locator('.effects__option');
  expect(await options.count()).toBeGreaterThanOrEqual(2);
  const [none, blur] = [await options.nth(0).boundingBox(), await options.nth(1).boundingBox()];
  expect(none!.x).toBeGreaterThan(blur!.x);
  const grid = (await picker.locator('.effects__options').boundingBox())!;
  expect(Math.abs(none!.x + none!.width - (grid.x + grid.width))).toBeLessThanOrEqual(1);
  const add = (await picker.locator('.effects__add').boundingBox())!;
  expect(Math.abs(add.x + add.width - (grid.x + grid.width))).toBeLessThanOrEqual(1);
  const box = (await picker.locator('.effects__switch input').boundingBox())!;
  const text = (await picker.locator('.effects__switch span').boundingBox())!;
  expect(box.x).toBeGreaterThan(text.x);
  await checkRtlAndForcedColors(page, name);
  await page.emulateMedia({ forcedColors: 'active' });
  try {
    const borders = await options.evaluateAll((labels) => labels.map((label) => ({ selected: label.hasAttribute('data-selected'), style: getComputedStyle(label).borderTopStyle })));
    expect(borders.filter((b) => b.selected)).toEqual([{ selected: true, style: 'double' }]);
    expect(borders.filter((b) => !b.selected).map((b) => b.style)).toEqual(borders.slice(1).map(() => 'solid'));
  } finally {
    await page.emulateMedia({ forcedColors: 'none' });
  }
}

describe('background effects on the join screen', () => {
  it('loads effects only when the picker opens, blurs the preview without a black frame, and carries the same camera and effect into the meeting', async () => {
    await app.withHarness(
      WITH_EFFECTS,
      async (harness) => {
        const page = await openJoinScreen(harness);
        const sharp = await sharpness(page, PREVIEW);
        expect(await effectsLoaded(page)).toBe(false);

        const picker = await openPicker(page);
        await expect.poll(() => effectsLoaded(page), { timeout: 30_000 }).toBe(true);
        const chosenAt = await pageNow(page);
        await picker.getByRole('radio', { name: en('effects.option.blur') }).check({ force: true });
        await expect.poll(() => picker.getAttribute('data-video'), { timeout: 60_000 }).toBe('on');
        // The SDK's camera takes over the preview once the effect's picture is there.
        await page.locator(`${PREVIEW} .self-view-box video`).waitFor({ timeout: 60_000 });
        await expect.poll(() => sharpness(page, PREVIEW), { timeout: 120_000 }).toBeLessThan(sharp / 2);
        const frames = await framesSince(page, PREVIEW, chosenAt);
        expect(frames.length).toBeGreaterThan(0);
        expect(frames.filter(isBlack)).toEqual([]);
        expect(await page.locator(`${PREVIEW} video`).count()).toBe(1);
        expect(await page.locator('.join-preview').getAttribute('data-state')).toBe('on');
        expect(readSettings(harness.settingsDir).backgroundEffect).toBe('blur');
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'join-effects-picker');

        await joinFromJoinScreen(page, { name: 'Blurry Bea' });
        await waitForPhase(page, 'connected');
        // The join screen's view itself, moved into the self tile: the effect did not restart.
        await page.locator(`${SELF} .self-view-box video`).waitFor();
        await watchFrames(page, SELF);
        expect(await sharpness(page, SELF)).toBeLessThan(sharp / 2);
        await page.locator('#control-devices').click();
        const meetingPicker = page.locator('#devices-panel .effects');
        expect(await meetingPicker.getAttribute('data-video')).toBe('on');
        expect(await meetingPicker.getByRole('radio', { name: en('effects.option.blur') }).isChecked()).toBe(true);
      },
      { open: false },
    );
  }, 480_000);

  it('reads right to left in Arabic and keeps the choice visible in forced colours: the picker on the join screen and in the meeting', async () => {
    const ar = (key: Parameters<typeof translate>[1]) => translate('ar-SA', key);
    await app.withHarness(
      { ...WITH_EFFECTS, locale: 'ar-SA' },
      async (harness) => {
        const { page } = harness;
        page.setDefaultTimeout(120_000);
        await configureScriptedMeeting(page, { participants: 2, videoParticipants: 0, connectDelayMs: 50 });
        await harness.open();
        await page.locator(`.join-preview[data-state="on"]`).waitFor();
        await page.getByRole('button', { name: ar('effects.button') }).click();
        const picker = page.locator('#join-effects .effects');
        await expect.poll(() => effectsLoaded(page), { timeout: 60_000 }).toBe(true);
        // The package is there and no effect is applied: the options are offered, None chosen.
        expect(await picker.getAttribute('data-video')).toBe('off');
        expect(await picker.getByRole('radio', { name: ar('effects.option.none') }).isChecked()).toBe(true);
        await checkPickerRtlAndForcedColors(page, picker, 'join-effects');

        await joinFromJoinScreen(page, { name: 'Practice Pat' });
        await waitForPhase(page, 'connected');
        await page.locator('#control-devices').click();
        const panel = page.locator('#devices-panel');
        const meetingPicker = panel.locator('.effects');
        await meetingPicker.locator('.effects__option').first().waitFor();
        expect(await pageSide(panel)).toBe('left');
        expect(await meetingPicker.getAttribute('data-video')).toBe('off');
        await checkPickerRtlAndForcedColors(page, meetingPicker, 'meeting-effects');
      },
      { open: false },
    );
  }, 300_000);

  it('remembers the noise switch and the effect: on the next launch the preview is blurred without opening the picker', async () => {
    let settingsDir = '';
    let sharp = NaN;
    await app.withHarness(
      WITH_EFFECTS,
      async (harness) => {
        settingsDir = harness.settingsDir;
        const page = await openJoinScreen(harness);
        sharp = await sharpness(page, PREVIEW);
        const picker = await openPicker(page);
        const noise = picker.getByRole('switch', { name: en('noise.toggle') });
        expect(await noise.isChecked()).toBe(true);
        await noise.uncheck();
        await picker.getByRole('radio', { name: en('effects.option.blur') }).check({ force: true });
        await expect.poll(() => readSettings(settingsDir), { timeout: 10_000 }).toMatchObject({ noiseSuppression: false, backgroundEffect: 'blur' });
        await screenshot(page, 'join-effects-noise-off');
      },
      { open: false },
    );
    await app.withHarness(
      { ...WITH_EFFECTS, settingsDir },
      async (harness) => {
        const page = await openJoinScreen(harness);
        // The preview's first frame came before anything of effects.
        const marks = await page.evaluate((mark) => ({ frame: performance.getEntriesByName('doorway:preview-frame')[0]?.startTime ?? NaN, effects: performance.getEntriesByName(mark)[0]?.startTime ?? Infinity }), EFFECTS_LOADED);
        expect(marks.frame).toBeLessThan(marks.effects);
        await page.locator(`${PREVIEW} .self-view-box video`).waitFor({ timeout: 90_000 });
        await expect.poll(() => sharpness(page, PREVIEW), { timeout: 120_000 }).toBeLessThan(sharp / 2);
        const picker = await openPicker(page);
        expect(await picker.getByRole('radio', { name: en('effects.option.blur') }).isChecked()).toBe(true);
        expect(await picker.getByRole('switch', { name: en('noise.toggle') }).isChecked()).toBe(false);
        expect(await axeViolations(page)).toEqual([]);
      },
      { open: false },
    );
  }, 600_000);
});
