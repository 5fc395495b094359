// The meeting's mini window end to end: the meeting window's renderer reports the meeting to main's
// real MiniWindow logic (fake window), which shows it when the meeting window goes behind; its own
// page, bridged as the mini window, shows who speaks and acts on the call (mute, camera, leave) and
// brings the meeting back when clicked. axe and a screenshot of the page at its real size.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { translate } from '../../common/i18n';
import { MINI_WINDOW_SIZE } from '../../main/mini-window/mini-window';
import { useChromiumApp } from '../support/e2e';
import type { Harness } from '../support/harness';
import { axeViolations, checkRtlAndForcedColors, screenshot } from '../support/page-checks';
import { inScriptedMeeting, scripted } from '../support/scripted-meeting/page';

const app = useChromiumApp();
const en = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate('en-US', key, params);

/** Sends the meeting window behind: the mini window shows, inactive; its page opens at its real size. */
async function showMiniWindow(harness: Harness): Promise<Page> {
  await expect.poll(() => harness.page.locator('.gallery__grid > li').count()).toBe(3);
  // The meeting window is in front: no mini window; behind other windows: it shows, inactive.
  expect(harness.miniBrowserWindow()).toBeNull();
  harness.miniWindow.meetingInFrontChanged(false);
  await expect.poll(() => harness.miniBrowserWindow()?.visible).toBe(true);
  expect(harness.miniBrowserWindow()!.calls.at(-1)).toBe('showInactive');
  const mini = await harness.openMiniWindow();
  await mini.setViewportSize(MINI_WINDOW_SIZE);
  await mini.getByTestId('mini-window').waitFor();
  return mini;
}

/** The meeting's first participant speaks; the mini window shows them speaking. Returns their name. */
async function someoneSpeaks(page: Page, mini: Page): Promise<string> {
  const [first] = await scripted(page, 'participantIds');
  await scripted(page, 'setDominantSpeakers', [first]);
  await scripted(page, 'setSpeaking', first, true);
  const name = (await page.locator(`[data-participant="${first}"] .tile__name`).first().textContent()) ?? '';
  expect(name).not.toBe('');
  await expect.poll(() => mini.locator('.mini__stage').getAttribute('data-speaking')).toBe('true');
  return name;
}

const config = { participants: 2, videoParticipants: 0, connectDelayMs: 50 };

describe('meeting mini window', () => {
  it('shows when the meeting goes behind, names who speaks, mutes, turns the camera on, brings the meeting back, and leaves', async () => {
    await inScriptedMeeting(app, { config, name: 'Mini Mo' }, async (harness) => {
      const { page } = harness;
      const mini = await showMiniWindow(harness);
      expect(await mini.title()).toBe(en('mini.title'));
      // The page may not ask main for anything but its two channels.
      const refused = await mini.evaluate(() =>
        (window as unknown as { doorway: { getToken(r: object): Promise<unknown> } }).doorway.getToken({ displayName: 'x' }).then(
          () => 'answered',
          () => 'refused',
        ),
      );
      expect(refused).toBe('refused');

      const name = await someoneSpeaks(page, mini);
      expect(await mini.locator('.mini__speaker').textContent()).toBe(en('share.controls.speaking', { name }));
      expect(await axeViolations(mini)).toEqual([]);
      await screenshot(mini, 'meeting-mini-window');

      // Mute and camera act on the call; the labels follow the meeting.
      const muted = (await scripted(page, 'local')).muted;
      await mini.locator('[data-control="mute"]').click();
      await expect.poll(async () => (await scripted(page, 'local')).muted).toBe(!muted);
      await expect.poll(() => mini.locator('[data-control="mute"]').textContent()).toBe(muted ? en('meeting.mic.mute') : en('meeting.mic.unmute'));
      const video = (await scripted(page, 'local')).video;
      await mini.locator('[data-control="camera"]').click();
      await expect.poll(async () => (await scripted(page, 'local')).video).toBe(!video);

      // A click on the window brings the meeting back; the meeting in front hides it.
      await mini.locator('.mini__stage').click();
      expect(harness.logs.filter((line) => line === 'info focus window')).toHaveLength(1);
      harness.miniWindow.meetingInFrontChanged(true);
      expect(harness.miniBrowserWindow()!.visible).toBe(false);

      // Leave from the mini window ends the meeting, and main closes it.
      harness.miniWindow.meetingInFrontChanged(false);
      await mini.locator('[data-control="leave"]').click();
      await expect.poll(() => page.locator('main').getAttribute('data-phase')).toBe('ended');
      await expect.poll(() => harness.miniBrowserWindow()?.destroyed).toBe(true);
      expect(harness.logs.filter((line) => line.startsWith('pageerror'))).toEqual([]);
    });
  });

  it('reads right to left in Arabic, and stays visible in forced colours', async () => {
    await inScriptedMeeting(app, { config, name: 'سارة', options: { locale: 'ar-SA' } }, async (harness) => {
      const mini = await showMiniWindow(harness);
      await someoneSpeaks(harness.page, mini);
      expect(await mini.title()).toBe(translate('ar-SA', 'mini.title'));
      await checkRtlAndForcedColors(mini, 'meeting-mini-window');
    });
  }, 90_000);
});
