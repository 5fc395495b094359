// Screen sharing in a meeting, end to end with the scripted meeting: the development build of the
// renderer in Chromium, the real preload and main handlers. The scripted call's startScreenSharing()
// asks for display media the way the SDK does, and that request reaches the harness's real
// CaptureBroker as Electron's setDisplayMediaRequestHandler would (display-media.ts), so the guest
// picks in the real picker. Also the always-on-top sharing controls' page, bridged as its own
// window, and someone else's screen taking the stage.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { translate, type Locale as Language } from '../../common/i18n';
import type { DesktopSource } from '../../main/capture/capture-broker';
import { useChromiumApp, type HarnessSetup } from '../support/e2e';
import type { Harness } from '../support/harness';
import { axeViolations, checkRtlAndForcedColors, screenshot, videoFrameStats } from '../support/page-checks';
import { expectScreenshot } from '../support/screenshot-baseline';
import type { ScriptedMeetingConfig } from '../../renderer/calling/practice/control';
import { configureScriptedMeeting, fakeTokenService, joinFromJoinScreen, scripted, waitForPhase } from '../support/scripted-meeting/page';
import { routeDisplayMediaToMain } from '../support/scripted-meeting/display-media';

const app = useChromiumApp();

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en-US', key, params);

function picture(label: string, color: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="320" height="180" fill="${color}"/><text x="16" y="100" font-size="24" font-family="sans-serif" fill="#fff">${label}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

function source(id: string, name: string, color: string): DesktopSource {
  const thumb = picture(name, color);
  return { id, name, thumbnail: { isEmpty: () => false, toDataURL: () => thumb }, appIcon: null };
}

const SOURCES = [source('screen:0:0', 'Entire screen', '#2b5797'), source('window:7:0', 'Claim form - Adobe Acrobat', '#b30b00')];

/** Opens the page itself (the meeting configured, display media routed, the timeout set, before it loads) and joins. */
function withMeeting(config: ScriptedMeetingConfig, options: HarnessSetup, run: (harness: Harness) => Promise<void>): Promise<void> {
  return app.withHarness(
    { tokens: fakeTokenService(), captureSources: SOURCES, ...options },
    async (harness) => {
      harness.page.setDefaultTimeout(20_000);
      await configureScriptedMeeting(harness.page, config);
      await routeDisplayMediaToMain(harness);
      await harness.open();
      await joinFromJoinScreen(harness.page, { name: 'Sharing Sue' });
      await waitForPhase(harness.page, 'connected');
      await run(harness);
    },
    { open: false },
  );
}

const shareControl = (page: Page) => page.locator('#control-share');
const picker = (page: Page, lang: Language = 'en-US') => page.getByRole('dialog', { name: translate(lang, 'share.picker.title') });

/** Presses Share screen and picks `name` in the picker (on the Windows tab when it is a window). */
async function shareFromPicker(page: Page, name: string, tab: 'Screens' | 'Windows' = 'Windows', lang: Language = 'en-US'): Promise<void> {
  await shareControl(page).click();
  const dialog = picker(page, lang);
  await dialog.waitFor();
  await dialog.getByRole('tab').nth(tab === 'Screens' ? 0 : 1).click();
  await dialog.getByRole('option', { name }).click();
  await dialog.getByRole('button', { name: translate(lang, 'share.picker.share') }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('screen sharing in the meeting', () => {
  it('shares the window picked in our picker, shows it, stops; the sharing controls follow and act', async () => {
    await withMeeting({ participants: 2, videoParticipants: 1 }, {}, async (harness) => {
      const { page } = harness;
      expect(await shareControl(page).textContent()).toBe(en('share.start'));

      await shareFromPicker(page, 'Claim form - Adobe Acrobat');
      await expect.poll(() => scripted(page, 'localScreenShare')).toEqual({ on: true, source: 'Claim form - Adobe Acrobat', audio: false });
      const banner = page.getByTestId('sharing-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toContain(en('share.banner.sharingNamed', { name: 'Claim form - Adobe Acrobat' }));
      expect(await shareControl(page).textContent()).toBe(en('share.stop'));
      expect(harness.capture.pendingRequestId).toBeNull();

      // Main made the sharing controls (hidden while the meeting window has focus).
      await expect.poll(() => harness.controlsWindow()?.destroyed).toBe(false);
      expect(harness.shareControls.isVisible).toBe(false);
      harness.shareControls.meetingFocusChanged(false);
      expect(harness.controlsWindow()!.visible).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'share-sharing-banner');

      // Stop from the banner: the share stops, the banner goes, main closes the controls.
      await banner.getByRole('button', { name: en('share.stop') }).click();
      await expect.poll(async () => (await scripted(page, 'localScreenShare')).on).toBe(false);
      await banner.waitFor({ state: 'detached' });
      await expect.poll(() => harness.controlsWindow()?.destroyed).toBe(true);
      expect(await page.getByTestId('share-ended').count()).toBe(0);

      // Again, with the whole screen, stopped with the control-bar button this time.
      await shareFromPicker(page, 'Entire screen', 'Screens');
      await expect.poll(async () => (await scripted(page, 'localScreenShare')).source).toBe('Entire screen');
      await shareControl(page).click();
      await expect.poll(async () => (await scripted(page, 'localScreenShare')).on).toBe(false);
      await banner.waitFor({ state: 'detached' });

      // And a third time, until the shared window closes: sharing stops and the guest is told.
      await shareFromPicker(page, 'Claim form - Adobe Acrobat');
      await banner.waitFor();
      await scripted(page, 'endLocalScreenShareSource');
      await expect.poll(async () => (await scripted(page, 'localScreenShare')).on).toBe(false);
      const ended = page.getByTestId('share-ended');
      await ended.waitFor();
      expect(await ended.textContent()).toContain(en('share.ended.sourceClosed'));
      expect(await shareControl(page).textContent()).toBe(en('share.start'));
      await ended.getByRole('button', { name: en('share.error.dismiss') }).click();
      await ended.waitFor({ state: 'detached' });

      // Once more, for the sharing controls' own page, bridged as the controls window. (Last: a
      // second page in the browser slows the meeting page's animation frames, and every click.)
      await shareFromPicker(page, 'Claim form - Adobe Acrobat');
      await banner.waitFor();
      await expect.poll(() => harness.controlsWindow()?.destroyed).toBe(false);
      // It may use only its two channels.
      const controls = await harness.openShareControls();
      await controls.setViewportSize({ width: 540, height: 56 });
      const bar = controls.getByTestId('share-controls');
      await bar.waitFor();
      expect(await controls.evaluate(() => (window as unknown as { doorway: { getToken(r: object): Promise<unknown> } }).doorway.getToken({ displayName: 'x' }).then(
        () => 'answered',
        (error: Error) => error.message,
      ))).toContain('untrusted sender');
      const [speakerId] = await scripted(page, 'participantIds');
      await scripted(page, 'setSpeaking', speakerId, true);
      const speakerName = await page.locator(`[data-participant="${speakerId}"] .tile__name`).textContent();
      await expect.poll(() => bar.locator('.share-controls__speaker').textContent(), { timeout: 5_000 }).toBe(en('share.controls.speaking', { name: speakerName! }));
      expect(await axeViolations(controls)).toEqual([]);
      await screenshot(controls, 'share-controls');

      // Mute from the controls acts on the call; its label follows.
      const mutedBefore = (await scripted(page, 'local')).muted;
      await bar.locator('[data-control="mute"]').click();
      await expect.poll(async () => (await scripted(page, 'local')).muted).toBe(!mutedBefore);
      await expect.poll(() => bar.locator('[data-control="mute"]').textContent()).toBe(mutedBefore ? en('meeting.mic.mute') : en('meeting.mic.unmute'));
      // Show meeting focuses the meeting window (main's job).
      const focused = () => harness.logs.filter((l) => l === 'info focus window').length;
      const focusedBefore = focused();
      await bar.locator('[data-control="show"]').click();
      await expect.poll(focused).toBe(focusedBefore + 1);

      // Stop from the controls: the share stops in the meeting, and main closes the controls.
      await bar.locator('[data-control="stop"]').click();
      await expect.poll(async () => (await scripted(page, 'localScreenShare')).on).toBe(false);
      await banner.waitFor({ state: 'detached' });
      expect(await shareControl(page).textContent()).toBe(en('share.start'));
      await expect.poll(() => harness.controlsWindow()?.destroyed).toBe(true);
      expect(await page.getByTestId('share-ended').count()).toBe(0);
    });
  }, 120_000);

  it('a cancel says nothing; a meeting that forbids sharing says why; not in the meeting yet is explained', async () => {
    await withMeeting({ participants: 1 }, {}, async (harness) => {
      const { page } = harness;
      // Cancel in the picker: no share, no error.
      // (The share goes 'starting' → 'off' in one update that also decides its error: once off, no error can follow.)
      await shareControl(page).click();
      await picker(page).waitFor();
      await expect.poll(() => shareControl(page).getAttribute('data-sharing')).toBe('starting');
      await page.keyboard.press('Escape');
      await picker(page).waitFor({ state: 'detached' });
      await expect.poll(() => shareControl(page).getAttribute('data-sharing')).toBe('off');
      expect(await page.getByTestId('share-error').count()).toBe(0);
      expect((await scripted(page, 'localScreenShare')).on).toBe(false);

      // The Ctrl+Shift+E shortcut opens the picker too; main closing it is no error either.
      await page.keyboard.press('Control+Shift+E');
      await picker(page).waitFor();
      await expect.poll(() => shareControl(page).getAttribute('data-sharing')).toBe('starting');
      harness.capture.cancelPending('window closed');
      await picker(page).waitFor({ state: 'detached' });
      await expect.poll(() => shareControl(page).getAttribute('data-sharing')).toBe('off');
      expect(await page.getByTestId('share-error').count()).toBe(0);

      // The organizer turns sharing off for attendees: the control says why and opens nothing.
      await scripted(page, 'setCapability', 'shareScreen', false, 'MeetingRestricted');
      await expect.poll(() => shareControl(page).getAttribute('aria-disabled')).toBe('true');
      expect(await page.locator('#control-share-reason').textContent()).toBe(`${en('meeting.capability.shareScreen')} ${en('meeting.reason.meeting')}`);
      // (Playwright treats aria-disabled as disabled; a guest can still press it.)
      // A start would go 'starting' in the click's own handler: one rendered frame later it would show.
      await shareControl(page).click({ force: true });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await shareControl(page).getAttribute('data-sharing')).toBe('off');
      expect(await picker(page).count()).toBe(0);
      expect(harness.capture.pendingRequestId).toBeNull();
      expect(await axeViolations(page)).toEqual([]);
      await scripted(page, 'setCapability', 'shareScreen', true, 'Capable');
      await expect.poll(() => shareControl(page).getAttribute('aria-disabled')).toBe(null);

      // The call drops back to connecting: sharing cannot start, and the guest hears why.
      await scripted(page, 'setCallState', 'Connecting');
      await waitForPhase(page, 'reconnecting');
      await shareControl(page).click();
      const error = page.getByTestId('share-error');
      await error.waitFor();
      expect(await error.getAttribute('data-error')).toBe('notConnected');
      expect(await error.textContent()).toContain(en('share.error.notConnected'));
      await error.getByRole('button', { name: en('share.error.dismiss') }).click();
      await error.waitFor({ state: 'detached' });
      // Two cancels, a forbidden press and a press while reconnecting: the meeting never received a share.
      expect((await scripted(page, 'received')).filter((action) => action.kind === 'startScreenShare')).toEqual([]);
    });
  }, 120_000);

  it('someone else’s screen takes the stage (fit, actual size, their name); the gallery becomes a strip and returns', async () => {
    await withMeeting({ participants: 3, videoParticipants: 3 }, {}, async (harness) => {
      const { page } = harness;
      const gallery = page.locator('.gallery');
      const fullHeight = (await gallery.boundingBox())!.height;
      const [presenterId] = await scripted(page, 'participantIds');
      const presenterName = (await page.locator(`[data-participant="${presenterId}"] .tile__name`).textContent())!;

      await scripted(page, 'setScreenShare', presenterId, true);
      const stage = page.getByTestId('share-stage');
      await stage.waitFor();
      expect(await stage.getAttribute('data-presenter')).toBe(presenterId);
      expect(await stage.getAttribute('aria-label')).toBe(en('share.stage.region', { name: presenterName }));
      expect(await stage.locator('.share-stage__name').textContent()).toBe(en('share.stage.sharing', { name: presenterName }));
      await stage.locator('video').waitFor();
      const frame = await videoFrameStats(stage);
      expect(frame.width).toBeGreaterThan(0);
      expect(frame.distinct).toBeGreaterThan(1);
      // The gallery is now a strip under the stage, everyone still in it.
      expect(await page.getByTestId('stage-layout').getAttribute('data-stage')).toBe('share');
      const strip = (await gallery.boundingBox())!;
      expect(strip.height).toBeLessThan(fullHeight / 2);
      expect(await page.locator('.gallery [data-participant]').count()).toBe(4);
      const stageBox = (await stage.boundingBox())!;
      expect(stageBox.height).toBeGreaterThan(strip.height * 2);

      // Fitted: the video fills the stage's width or height. Actual size: the stream's own pixels.
      const videoBox = async () => (await stage.locator('video').boundingBox())!;
      const fitted = await videoBox();
      expect(fitted.width).toBeGreaterThan(frame.width);
      const zoom = stage.getByRole('button', { name: en('share.stage.actualSize') });
      await zoom.click();
      await expect.poll(async () => Math.round((await videoBox()).width)).toBe(frame.width);
      expect(Math.round((await videoBox()).height)).toBe(frame.height);
      expect(await axeViolations(page)).toEqual([]);
      await stage.getByRole('button', { name: en('share.stage.fit') }).click();
      await expect.poll(async () => Math.round((await videoBox()).width)).toBe(Math.round(fitted.width));
      expect(await axeViolations(page)).toEqual([]);
      await expectScreenshot(page, 'share-stage', { mask: [page.locator('.meeting-header__elapsed')] });

      // Sharing stops: the stage goes, the gallery is whole again.
      await scripted(page, 'setScreenShare', presenterId, false);
      await stage.waitFor({ state: 'detached' });
      expect(await page.getByTestId('stage-layout').getAttribute('data-stage')).toBe('none');
      await expect.poll(async () => Math.round((await gallery.boundingBox())!.height)).toBe(Math.round(fullHeight));
    });
  }, 120_000);

  it('reads right to left in Arabic, and stays visible in forced colours: the sharing banner and the sharing controls', async () => {
    await withMeeting({ participants: 2, videoParticipants: 1 }, { locale: 'ar-SA' }, async (harness) => {
      const { page } = harness;
      await shareFromPicker(page, 'Claim form - Adobe Acrobat', 'Windows', 'ar-SA');
      await page.getByTestId('sharing-banner').waitFor();
      await checkRtlAndForcedColors(page, 'share-sharing-banner');
      await expect.poll(() => harness.controlsWindow()?.destroyed).toBe(false);
      const controls = await harness.openShareControls();
      await controls.setViewportSize({ width: 540, height: 56 });
      await controls.getByTestId('share-controls').waitFor();
      await checkRtlAndForcedColors(controls, 'share-controls');
    });
  }, 90_000);
});
