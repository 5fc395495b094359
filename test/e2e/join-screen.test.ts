// The join screen end to end: the built renderer in Chromium with the fake camera and microphone,
// the platform's media APIs (getUserMedia, enumerateDevices, Web Audio) for devices, preview and
// level, the real preload and the real main handlers (settings, invitation parser, token service
// stand-ins).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TokenReply } from '../../common/ipc-contract';
import { translate } from '../../common/i18n';
import { useChromiumApp } from '../support/e2e';
import type { Harness } from '../support/harness';
import {
  MEETING_LINK,
  MEETING_PASSCODE,
  isMirrored,
  optionLabels,
  optionValue,
  sampleMicLevels,
  waitForDevices,
  waitForPreview,
} from '../support/join-screen';
import { axeViolations, videoFrameStats } from '../support/page-checks';
import { expectScreenshot } from '../support/screenshot-baseline';

const app = useChromiumApp();

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en-US', key, params);

describe('join screen devices (fake camera and microphone)', () => {
  it('previews the camera mirrored with real frames, lists the fake devices, follows the microphone and plays a test sound', async () => {
    await app.withHarness({}, async ({ page, settingsDir }) => {
      await waitForPreview(page);
      const preview = page.getByTestId('preview');
      const frame = await videoFrameStats(preview);
      expect(frame.width).toBeGreaterThan(0);
      expect(frame.mean).toBeGreaterThan(10);
      expect(frame.distinct).toBeGreaterThan(3);
      expect(await isMirrored(preview)).toBe(true);

      await waitForDevices(page);
      expect(await optionLabels(page.locator('#camera-select'))).toEqual(['fake_device_0']);
      const microphones = page.locator('#microphone-select');
      expect(await optionLabels(microphones)).toEqual(expect.arrayContaining(['Fake Default Audio Input', 'Fake Audio Input 1', 'Fake Audio Input 2']));
      const speakers = page.locator('#speaker-select');
      expect(await optionLabels(speakers)).toEqual(expect.arrayContaining(['Fake Default Audio Output', 'Fake Audio Output 1']));

      // The microphone actually open follows the picker (read back from the track into data-in-use).
      const defaultMic = await optionValue(microphones, 'Fake Default Audio Input');
      await expect.poll(() => microphones.getAttribute('data-in-use'), { timeout: 10_000 }).toBe(defaultMic);
      const secondMic = await optionValue(microphones, 'Fake Audio Input 2');
      await microphones.selectOption(secondMic);
      await expect.poll(() => microphones.getAttribute('data-in-use'), { timeout: 10_000 }).toBe(secondMic);
      // ...and is remembered by id.
      await expect.poll(() => readSettings(settingsDir).microphoneId, { timeout: 5_000 }).toBe(secondMic);

      // The level meter follows the fake microphone's periodic beep.
      const levels = await sampleMicLevels(page, 3_000);
      expect(levels.every((l) => Number.isFinite(l))).toBe(true);
      expect(Math.max(...levels)).toBeGreaterThan(0.2);
      expect(new Set(levels.map((l) => l.toFixed(1))).size).toBeGreaterThan(2);
      expect(await page.locator('.join-meter').getAttribute('data-verdict')).toBe('hearing');
      // While the page is hidden (the window minimized) the meter rests at zero and draws nothing; shown again, it moves.
      const [hidden, shown] = await meterWritesWhile(page, ['hidden', 'visible']);
      expect(hidden).toEqual({ writes: 0, level: '0.00' });
      expect(shown.writes).toBeGreaterThan(2);

      // A test sound on a chosen speaker (Web Audio routed with setSinkId): plays, then is done.
      const speaker = await optionValue(speakers, 'Fake Audio Output 1');
      await speakers.selectOption(speaker);
      await expect.poll(() => readSettings(settingsDir).speakerId, { timeout: 5_000 }).toBe(speaker);
      const play = page.getByRole('button', { name: en('join.testSound') });
      await play.click();
      await expect.poll(() => play.getAttribute('data-state'), { timeout: 5_000 }).toBe('playing');
      await expect.poll(() => play.getAttribute('data-state'), { timeout: 10_000 }).toBe('idle');

      // Turning the camera off stops the preview and says so; the choice is remembered.
      const camera = page.getByRole('button', { name: en('join.camera'), exact: true });
      expect(await camera.getAttribute('aria-pressed')).toBe('true');
      await camera.click();
      await page.locator('.join-preview[data-state="off"]').waitFor({ timeout: 10_000 });
      expect(await preview.locator('video').count()).toBe(0);
      await expect.poll(() => readSettings(settingsDir).cameraOn).toBe(false);
      await camera.click();
      await waitForPreview(page);
      expect(await axeViolations(page)).toEqual([]);
    });
  }, 120_000);
});

describe('join screen hot-plug', () => {
  it('follows devices leaving and coming back without a reload, falling back and then returning to the remembered one', async () => {
    const settingsDir = mkdtempSync(path.join(tmpdir(), 'doorway-join-'));
    // A remembered microphone that is not plugged in: the system default is used instead.
    writeFileSync(path.join(settingsDir, 'config.json'), JSON.stringify({ microphoneId: 'microphone:unplugged-headset' }));
    await app.withHarness({ settingsDir }, async ({ page }) => {
      await waitForPreview(page);
      await waitForDevices(page);
      const microphones = page.locator('#microphone-select');
      const defaultMic = await optionValue(microphones, 'Fake Default Audio Input');
      expect(await microphones.inputValue()).toBe(defaultMic);

      const secondMic = await optionValue(microphones, 'Fake Audio Input 2');
      await microphones.selectOption(secondMic);
      await expect.poll(() => microphones.getAttribute('data-in-use'), { timeout: 10_000 }).toBe(secondMic);

      // Unplug that microphone and the camera (the OS's device list changes, 'devicechange' fires).
      await unplug(page, ['Fake Audio Input 2', 'fake_device_0']);
      await expect.poll(() => optionLabels(microphones), { timeout: 10_000 }).not.toContain('Fake Audio Input 2');
      // The meter moves to another microphone (the system default); the picker shows it. While it
      // switches, no microphone is in use (''): wait for the switch itself, not just for the old one to go.
      await expect
        .poll(async () => [await microphones.getAttribute('data-in-use'), await microphones.inputValue()], { timeout: 10_000 })
        .toEqual([defaultMic, defaultMic]);
      await page.locator('.join-preview[data-state="missing"]').waitFor({ timeout: 10_000 });

      // Plug them back: the remembered microphone is chosen again and the preview comes back.
      await unplug(page, []);
      await expect.poll(() => microphones.getAttribute('data-in-use'), { timeout: 10_000 }).toBe(secondMic);
      expect(await microphones.inputValue()).toBe(secondMic);
      await waitForPreview(page);
      expect((await videoFrameStats(page.getByTestId('preview'))).mean).toBeGreaterThan(10);
    });
  }, 90_000);
});

/**
 * For each visibility in turn, the page is told it is that (visibilitychange), and the meter's DOM
 * writes are counted over the next 1.5 s: how many, and the level it shows at the end.
 */
async function meterWritesWhile(page: Harness['page'], states: Array<'hidden' | 'visible'>): Promise<Array<{ writes: number; level: string | null }>> {
  return page.evaluate(async (visibilities) => {
    const results: Array<{ writes: number; level: string | null }> = [];
    const meter = document.querySelector('[data-testid="mic-level"]')!;
    for (const visibility of visibilities) {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
      document.dispatchEvent(new Event('visibilitychange'));
      // The change itself (to zero) is the last write a hidden meter makes: count from the next task.
      await new Promise((resolve) => setTimeout(resolve, 0));
      let writes = 0;
      const observer = new MutationObserver((records) => (writes += records.length));
      observer.observe(meter, { attributes: true, subtree: true });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      observer.disconnect();
      results.push({ writes, level: meter.getAttribute('data-level') });
    }
    Reflect.deleteProperty(document, 'visibilityState');
    return results;
  }, states);
}

/** Hides devices by label from the page's device list and tells the page the list changed. */
async function unplug(page: Harness['page'], labels: string[]): Promise<void> {
  await page.evaluate((hidden) => {
    const w = window as unknown as { __unplugged?: Set<string>; __enumerate?: MediaDevices['enumerateDevices'] };
    if (!w.__enumerate) {
       
      const original = MediaDevices.prototype.enumerateDevices;
      w.__enumerate = original;
      MediaDevices.prototype.enumerateDevices = async function (this: MediaDevices) {
        const list = await original.call(this);
        return list.filter((device) => !w.__unplugged?.has(device.label));
      };
    }
    w.__unplugged = new Set(hidden);
    navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
  }, labels);
}

describe('join screen form', () => {
  it('validates the name and the meeting only once touched, and remembers the name across a restart', async () => {
    const settingsDir = mkdtempSync(path.join(tmpdir(), 'doorway-join-'));
    await app.withHarness({ settingsDir }, async ({ page }) => {
      const name = page.getByLabel(en('join.name'), { exact: true });
      const meeting = page.getByLabel(en('join.meeting'), { exact: true });
      const join = page.getByRole('button', { name: en('join.join') });
      // First paint: no error yet, Join marked unavailable.
      expect(await page.locator('.field__error').count()).toBe(0);
      expect(await name.getAttribute('aria-invalid')).toBeNull();
      expect(await join.getAttribute('aria-disabled')).toBe('true');

      // Join stays in the tab order (aria-disabled, not disabled): pressing it shows what is
      // missing and focuses the first field to fix.
      await join.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#meeting-input-message').textContent()).toBe(en('link.problem.empty'));
      expect(await page.locator('#name-input-message').textContent()).toBe(en('join.name.empty'));
      expect(await meeting.evaluate((e) => e === document.activeElement)).toBe(true);
      expect(await meeting.getAttribute('aria-invalid')).toBe('true');

      // As you type: a problem, then the meeting (never its passcode).
      await meeting.fill('https://teams.live.com/meet/9387423?p=abc');
      // The SDK (and, with noise suppression on, its part of the effects package) evaluates in idle
      // time right after the preview: one long task that can hold the reply on a loaded machine.
      await expect.poll(() => page.locator('#meeting-input-message').textContent(), { timeout: 20_000 }).toBe(en('link.problem.personalTeams'));
      await meeting.fill(MEETING_LINK);
      await expect.poll(() => page.getByTestId('meeting-summary').textContent()).toContain(en('join.meeting.teams', { host: 'teams.microsoft.com' }));
      expect(await page.locator('#meeting-input-message').textContent()).not.toContain(MEETING_PASSCODE);
      expect(await meeting.getAttribute('aria-invalid')).toBeNull();

      // Too long, then fine (trimmed).
      await name.fill('x'.repeat(300));
      await name.blur();
      await expect.poll(() => page.locator('#name-input-message').textContent()).toBe(en('join.name.tooLong', { max: 256, count: 300 }));
      expect(await join.getAttribute('aria-disabled')).toBe('true');
      await name.fill('   ');
      await expect.poll(() => page.locator('#name-input-message').textContent()).toBe(en('join.name.empty'));
      await name.fill('  Ada Lovelace  ');
      await expect.poll(() => page.locator('#name-input-message').textContent()).toBe('');
      expect(await join.getAttribute('aria-disabled')).toBeNull();
      await expect.poll(() => readSettings(settingsDir).displayName, { timeout: 5_000 }).toBe('Ada Lovelace');
    });

    // A restart (new page, same settings folder): the name is back, nothing else complains.
    await app.withHarness({ settingsDir }, async ({ page }) => {
      expect(await page.getByLabel(en('join.name'), { exact: true }).inputValue()).toBe('Ada Lovelace');
      expect(await page.locator('.field__error').count()).toBe(0);
    });
  }, 90_000);

  it('fills the meeting from a link the OS hands over, and names it without its passcode', async () => {
    await app.withHarness({}, async ({ page, joinLinks }) => {
      const meeting = page.getByLabel(en('join.meeting'), { exact: true });
      await meeting.fill('something else');
      expect(await joinLinks.deliver(`doorway://join?meetingId=2345678901234&passcode=${MEETING_PASSCODE}`)).toBe('sent');
      const summary = page.getByTestId('meeting-summary');
      await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain(en('join.meeting.id', { id: '234 567 890 123 4' }));
      expect(await summary.textContent()).not.toContain(MEETING_PASSCODE);
      expect(await meeting.inputValue()).toContain('2345678901234');
    });
  }, 60_000);

  it('without a token service, Join explains what to configure and keeps everything typed', async () => {
    await app.withHarness({}, async ({ page }) => {
      await page.getByLabel(en('join.meeting'), { exact: true }).fill(MEETING_LINK);
      const name = page.getByLabel(en('join.name'), { exact: true });
      await name.fill('Grace Hopper');
      await expect.poll(() => page.getByTestId('meeting-summary').count()).toBe(1);
      await name.press('Enter');
      const error = page.getByTestId('token-error');
      await error.waitFor({ timeout: 10_000 });
      expect(await error.textContent()).toBe(en('token.error.notConfigured'));
      expect(await page.getByRole('alert').count()).toBeGreaterThan(0);
      expect(await page.locator('main.join').count()).toBe(1);
      expect(await name.inputValue()).toBe('Grace Hopper');
      expect(await page.getByLabel(en('join.meeting'), { exact: true }).inputValue()).toBe(MEETING_LINK);
      expect(await axeViolations(page)).toEqual([]);
    });
  }, 60_000);

  it('run from source without a token service, Join names DOORWAY_TOKEN_ENDPOINT and npm run token-server', async () => {
    await app.withHarness({ runningFromSource: true }, async ({ page }) => {
      await page.getByLabel(en('join.meeting'), { exact: true }).fill(MEETING_LINK);
      const name = page.getByLabel(en('join.name'), { exact: true });
      await name.fill('Grace Hopper');
      await expect.poll(() => page.getByTestId('meeting-summary').count()).toBe(1);
      await name.press('Enter');
      const error = page.getByTestId('token-error');
      await error.waitFor({ timeout: 10_000 });
      expect(await error.textContent()).toBe(en('token.error.notConfigured.fromSource'));
      expect(await error.textContent()).toMatch(/DOORWAY_TOKEN_ENDPOINT.*npm run token-server|npm run token-server.*DOORWAY_TOKEN_ENDPOINT/);
      expect(await name.inputValue()).toBe('Grace Hopper');
    });
  }, 60_000);

  it('fetches the token ahead, shows a token error on Join, and hands the meeting over when the token comes', async () => {
    const prefetched: string[] = [];
    const replies: TokenReply[] = [
      { ok: false, error: 'rateLimited' },
      { ok: true, token: 'test-token', expiresOnMs: Date.now() + 3_600_000 },
    ];
    const tokens = {
      get: async (): Promise<TokenReply> => replies.shift() ?? { ok: false, error: 'serviceError' },
      prefetch: (displayName: string) => void prefetched.push(displayName),
    };
    await app.withHarness({ tokens }, async ({ page }) => {
      const meeting = page.getByLabel(en('join.meeting'), { exact: true });
      await meeting.fill(MEETING_LINK);
      await page.getByLabel(en('join.name'), { exact: true }).fill('Katherine Johnson ');
      await expect.poll(() => prefetched, { timeout: 10_000 }).toEqual(['Katherine Johnson']);

      // Enter in the meeting field joins too (Shift+Enter would add a line).
      await meeting.press('Enter');
      await page.getByTestId('token-error').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('token-error').textContent()).toBe(en('token.error.rateLimited'));
      await page.getByRole('button', { name: en('join.join') }).click();
      await page.locator('main.join').waitFor({ state: 'detached', timeout: 10_000 });

      // The meeting cannot connect here (offline); back from its ended screen, the join screen
      // still has the meeting and the name.
      await page.getByRole('button', { name: en('meeting.ended.back'), exact: true }).click({ timeout: 40_000 });
      await page.locator('main.join').waitFor({ timeout: 10_000 });
      expect(await page.getByLabel(en('join.meeting'), { exact: true }).inputValue()).toBe(MEETING_LINK);
      expect(await page.getByLabel(en('join.name'), { exact: true }).inputValue()).toBe('Katherine Johnson');
      await page.getByTestId('meeting-summary').waitFor();
    });
  }, 90_000);
});

describe('join screen looks', () => {
  it('has no accessibility violations and is captured in light and dark, English and Korean', async () => {
    for (const locale of ['en-US', 'ko-KR']) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await app.withHarness({ locale, colorScheme }, async ({ page }) => {
          const lang = locale.startsWith('ko') ? 'ko-KR' : 'en-US';
          await page.getByLabel(translate(lang, 'join.meeting'), { exact: true }).fill(MEETING_LINK);
          await page.getByLabel(translate(lang, 'join.name'), { exact: true }).fill(lang === 'ko-KR' ? '김지민' : 'Ada Lovelace');
          await page.getByTestId('meeting-summary').waitFor({ timeout: 10_000 });
          await waitForPreview(page);
          await waitForDevices(page);
          await page.locator('body').click({ position: { x: 5, y: 5 } });
          expect(await axeViolations(page), `${locale} ${colorScheme}`).toEqual([]);
          // The microphone's meter follows the fake device's tone: it moves.
          await expectScreenshot(page, `join-screen-${colorScheme}-${lang}`, { mask: [page.locator('.join-meter')] });
        });
      }
    }
    // A narrow window: one column.
    await app.withHarness({ viewport: { width: 560, height: 900 } }, async ({ page }) => {
      await waitForPreview(page);
      const [media, form] = await Promise.all([page.locator('.join__media').boundingBox(), page.locator('.join-form').boundingBox()]);
      expect(form!.y).toBeGreaterThan(media!.y + media!.height - 1);
      expect(await axeViolations(page)).toEqual([]);
      await expectScreenshot(page, 'join-screen-narrow', { mask: [page.locator('.join-meter')] });
    });
  }, 180_000);
});

function readSettings(dir: string): Record<string, unknown> {
  for (const file of ['config.json']) {
    try {
      return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
    } catch {
      // try the next name
    }
  }
  return {};
}
