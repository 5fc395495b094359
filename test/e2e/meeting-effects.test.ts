// Background effects and noise suppression in the meeting, end to end: the scripted meeting
// stands in for Teams, but the camera and microphone streams are the real SDK's LocalVideoStream
// and LocalAudioStream, so Features.VideoEffects/AudioEffects and the effects package are real,
// running on Chromium's software WebGL (SwiftShader) and the fake camera. The stand-in of the
// SDK's config service decides, as the real one does, whether effects are switched on.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import { MAX_BACKGROUND_BYTES } from '../../main/backgrounds/background-image';
import { ACS_CONFIG_WITH_EFFECTS } from '../support/chromium';
import { useChromiumApp, type HarnessSetup } from '../support/e2e';
import type { Harness } from '../support/harness';
import { axeViolations, screenshot } from '../support/page-checks';
import { inScriptedMeeting } from '../support/scripted-meeting/page';

const app = useChromiumApp({ launch: { cameraFps: 5 } });
const en = (key: Parameters<typeof translate>[1]) => translate('en-US', key);

function inMeeting(options: HarnessSetup, name: string, run: (harness: Harness) => Promise<void>): Promise<void> {
  return inScriptedMeeting(app, { config: { participants: 2, videoParticipants: 0, connectDelayMs: 50 }, name, options }, async (harness) => {
    harness.page.setDefaultTimeout(30_000);
    await run(harness);
  });
}

async function openPicker(page: Page): Promise<Locator> {
  await page.locator('#control-devices').click();
  const picker = page.locator('#devices-panel .effects');
  await picker.waitFor();
  return picker;
}

/** The self tile's current frame: mean red, green, blue and the mean horizontal luma step (sharpness). */
async function selfFrame(page: Page): Promise<{ r: number; g: number; b: number; edges: number }> {
  return page.locator('[data-participant="self"]').evaluate(async (host) => {
    const video = host.querySelector('video');
    if (!video) return { r: 0, g: 0, b: 0, edges: 0 };
    for (let i = 0; i < 100 && (video.readyState < 2 || video.videoWidth === 0); i++) await new Promise((r) => setTimeout(r, 50));
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 90;
    const context = canvas.getContext('2d')!;
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let r = 0;
    let g = 0;
    let b = 0;
    let edges = 0;
    const luma = (i: number) => (data[i] * 299 + data[i + 1] * 587 + data[i + 2] * 114) / 1000;
    for (let i = 0; i < data.length; i += 4) {
      r += data[i];
      g += data[i + 1];
      b += data[i + 2];
      if ((i / 4) % canvas.width !== canvas.width - 1) edges += Math.abs(luma(i + 4) - luma(i));
    }
    const n = data.length / 4;
    return { r: r / n, g: g / n, b: b / n, edges: edges / n };
  });
}

function pictureFile(name: string, bytes: Uint8Array | string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'doorway-effects-')), name);
  writeFileSync(file, bytes);
  return file;
}

describe('background effects in the meeting', () => {
  it('explains and steps aside where the SDK reports effects unsupported (its config keeps them off)', async () => {
    await inMeeting({}, 'Plain Pat', async ({ page }) => {
      const picker = await openPicker(page);
      await expect.poll(() => picker.getAttribute('data-video'), { timeout: 20_000 }).toBe('unsupported');
      expect(await picker.getByRole('status').first().textContent()).toBe(en('effects.unsupported'));
      expect(await picker.getByRole('radio').count()).toBe(0);
      // Noise suppression stays offered.
      expect(await picker.getByRole('switch', { name: en('noise.toggle') }).isChecked()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-effects-unsupported');
    });
  }, 60_000);

  it('replaces the background with the organization’s picture and blurs it, on the real camera frames, and remembers the choice', async () => {
    await inMeeting({ acsConfig: ACS_CONFIG_WITH_EFFECTS, chromeUserAgent: true }, 'Blue Bo', async ({ page, settingsDir }) => {
      const before = await selfFrame(page);
      // The fake camera's frame is mostly green.
      expect(before.g).toBeGreaterThan(before.b + 40);
      const picker = await openPicker(page);
      await picker.getByRole('radio', { name: 'Doorway blue' }).check();
      await expect.poll(() => picker.getAttribute('data-video'), { timeout: 30_000 }).toBe('on');
      // The whole frame (no person in the fake camera's picture) becomes the branded picture: blue.
      await expect.poll(async () => {
        const frame = await selfFrame(page);
        return frame.b > frame.g + 20 && frame.b > frame.r + 20;
      }, { timeout: 30_000 }).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-effects-picker');
      const saved = JSON.parse(readFileSync(path.join(settingsDir, 'config.json'), 'utf8')) as { backgroundEffect: string };
      expect(saved.backgroundEffect).toBe('brand:accent');

      await picker.getByRole('radio', { name: en('effects.option.blur') }).check({ force: true });
      await expect.poll(async () => (await selfFrame(page)).g > (await selfFrame(page)).b + 40, { timeout: 30_000 }).toBe(true);
      await expect.poll(() => picker.getAttribute('data-video'), { timeout: 20_000 }).toBe('on');

      await picker.getByRole('radio', { name: en('effects.option.none') }).check({ force: true });
      await expect.poll(() => picker.getAttribute('data-video'), { timeout: 20_000 }).toBe('off');
    });
  }, 120_000);

  it('refuses a too-large or non-picture file with a clear message and keeps the current effect', async () => {
    const big = new Uint8Array(MAX_BACKGROUND_BYTES + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const answers = [pictureFile('notes.png', 'this is a text file, whatever its name says'), pictureFile('huge.png', big)];
    const chooseBackgroundFile = async () => answers.shift() ?? null;
    await inMeeting({ acsConfig: ACS_CONFIG_WITH_EFFECTS, chromeUserAgent: true, chooseBackgroundFile }, 'Careful Cy', async ({ page }) => {
      const picker = await openPicker(page);
      const add = picker.getByRole('button', { name: en('effects.addImage') });
      await add.click();
      await expect.poll(() => picker.getByRole('alert').textContent(), { timeout: 20_000 }).toBe(en('effects.image.notImage'));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-effects-refused');
      await add.click();
      await expect.poll(() => picker.getByRole('alert').textContent(), { timeout: 20_000 }).toBe(en('effects.image.tooLarge'));
      expect(await picker.getByRole('radio', { name: en('effects.option.none') }).isChecked()).toBe(true);
      expect(await picker.getByRole('radio', { name: en('effects.option.custom') }).count()).toBe(0);
    });
  }, 60_000);
});
