// The meeting end to end with the scripted meeting: the development build of the renderer (every
// join goes to the scripted meeting the test configures) in Chromium, the real preload and main handlers, the
// real SDK for devices, the self-view and the token credential. Connecting, the lobby, admission,
// the gallery and its controls, capabilities, recording and consent, call health, reconnecting,
// leaving, and leaving when the app closes.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventChannels } from '../../common/ipc-contract';
import { translate } from '../../common/i18n';
import { useChromiumApp, type HarnessSetup } from '../support/e2e';
import type { Harness } from '../support/harness';
import { isMirrored } from '../support/join-screen';
import { axeViolations, checkRtlAndForcedColors, pageSide, screenshot, videoFrameStats } from '../support/page-checks';
import { pauseClock } from '../support/page-clock';
import { expectScreenshot } from '../support/screenshot-baseline';
import type { ScriptedMeetingConfig } from '../../renderer/calling/practice/control';
import {
  configureScriptedMeeting,
  fakeTokenService,
  joinFromJoinScreen,
  receivedKinds,
  scripted,
  waitForPhase,
  waitForScriptedCall,
} from '../support/scripted-meeting/page';

const app = useChromiumApp();

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en-US', key, params);

/** Opens the page itself: the meeting is configured, and the timeout set, before it loads. */
function withMeeting(
  config: ScriptedMeetingConfig,
  options: HarnessSetup,
  run: (harness: Harness, tokens: ReturnType<typeof fakeTokenService>) => Promise<void>,
  tokens = fakeTokenService(),
): Promise<void> {
  return app.withHarness(
    { tokens, ...options },
    async (harness) => {
      harness.page.setDefaultTimeout(15_000);
      await configureScriptedMeeting(harness.page, config);
      await harness.open();
      await run(harness, tokens);
    },
    { open: false },
  );
}

const tile = (page: Page, id: string) => page.locator(`.gallery__grid [data-participant="${id}"]`);
const control = (page: Page, id: string) => page.locator(`#control-${id}`);

describe('the meeting with the scripted meeting', () => {
  it('connects, waits in the lobby with the elapsed time, gets admitted, and shows a gallery of 2 with video', async () => {
    // Connecting takes ten minutes of the page's time: never in real time; the test moves the clock.
    await withMeeting({ lobby: true, participants: 2, videoParticipants: 2, connectDelayMs: 600_000 }, { clock: true }, async ({ page, joinLinks }, tokens) => {
      await joinFromJoinScreen(page, { name: 'Guest Tester' });
      await waitForPhase(page, 'connecting');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en('meeting.connecting.title'));
      await expect.poll(() => joinLinks.isInMeeting).toBe(true);

      await waitForScriptedCall(page);
      const [join] = await scripted(page, 'joins');
      expect(join.locator).toEqual({ meetingLink: expect.stringContaining('teams.microsoft.com/l/meetup-join/') as unknown });
      expect(tokens.requests.every((name) => name === 'Guest Tester')).toBe(true);

      // From here the page's time moves only as the test says: the ten minutes pass at once, the call
      // goes to the lobby at that instant, and the one-second timer shows exactly what passed.
      await pauseClock(page);
      await page.clock.fastForward(600_000);
      await page.clock.runFor(500);
      await waitForPhase(page, 'lobby');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en('meeting.lobby.title'));
      expect(await page.locator('main').textContent()).toContain(en('meeting.lobby.body'));
      expect(await page.locator('.meeting-lobby__elapsed').textContent()).toBe(en('meeting.lobby.elapsed', { time: '0:00' }));
      await page.clock.runFor(2_000);
      expect(await page.locator('.meeting-lobby__elapsed').textContent()).toBe(en('meeting.lobby.elapsed', { time: '0:02' }));
      await page.clock.runFor(60_000);
      expect(await page.locator('.meeting-lobby__elapsed').textContent()).toBe(en('meeting.lobby.elapsed', { time: '1:02' }));
      await expectScreenshot(page, 'meeting-lobby');
      // axe-core schedules its work on timers: time runs again.
      await page.clock.resume();
      expect(await axeViolations(page)).toEqual([]);

      await scripted(page, 'admit');
      await waitForPhase(page, 'connected');
      await expect.poll(() => page.locator('.gallery__grid > li').count()).toBe(3);
      const ids = await scripted(page, 'participantIds');
      expect(ids).toHaveLength(2);
      // Real frames from the scripted participants' canvas streams.
      for (const id of ids) {
        await tile(page, id).locator('video').waitFor({ timeout: 10_000 });
        const frame = await videoFrameStats(tile(page, id));
        expect(frame.width).toBe(320);
        expect(frame.distinct).toBeGreaterThan(2);
      }
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-gallery-2');
    });
  }, 60_000);

  it('mutes and unmutes, turns the camera on and off (buttons and shortcuts), raises a hand, shows speaking and the dominant speaker', async () => {
    await withMeeting({ participants: 3, videoParticipants: 1 }, {}, async ({ page }) => {
      await joinFromJoinScreen(page, { name: 'Shortcut Sam' });
      await waitForPhase(page, 'connected');
      await expect.poll(() => page.locator('.gallery__grid > li').count()).toBe(4);
      const joined = (await scripted(page, 'received')).filter((action) => action.kind === 'join');
      expect(joined).toMatchObject([{ displayName: 'Shortcut Sam' }]);
      const mark = (await scripted(page, 'received')).length;

      const startMuted = (await scripted(page, 'local')).muted;
      await control(page, 'mic').click();
      await expect.poll(async () => (await scripted(page, 'local')).muted).toBe(!startMuted);
      await page.keyboard.press('Control+Shift+M');
      await expect.poll(async () => (await scripted(page, 'local')).muted).toBe(startMuted);
      await expect.poll(() => control(page, 'mic').textContent()).toBe(startMuted ? en('meeting.mic.unmute') : en('meeting.mic.mute'));

      const startVideo = (await scripted(page, 'local')).video;
      await page.keyboard.press('Control+Shift+O');
      await expect.poll(async () => (await scripted(page, 'local')).video).toBe(!startVideo);
      await control(page, 'camera').click();
      await expect.poll(async () => (await scripted(page, 'local')).video).toBe(startVideo);
      // With the camera on, the self tile shows the real (fake-device) camera through the SDK.
      if (!startVideo) await control(page, 'camera').click();
      const self = page.locator('.gallery__grid [data-participant="self"]');
      await self.locator('video').waitFor({ timeout: 20_000 });
      expect((await videoFrameStats(self)).mean).toBeGreaterThan(10);
      expect(await isMirrored(self)).toBe(true);

      await control(page, 'hand').click();
      await expect.poll(async () => (await scripted(page, 'local')).handRaised).toBe(true);
      await expect.poll(() => control(page, 'hand').textContent()).toBe(en('meeting.hand.lower'));
      // The meeting received each press once, in order, and nothing else of the kind.
      const mic = (muted: boolean) => (muted ? 'mute' : 'unmute');
      const camera = (on: boolean) => (on ? 'startVideo' : 'stopVideo');
      const sent = [mic(!startMuted), mic(startMuted), camera(!startVideo), camera(startVideo), ...(startVideo ? [] : ['startVideo']), 'raiseHand'];
      expect(await receivedKinds(page, mark, ['mute', 'unmute', 'startVideo', 'stopVideo', 'raiseHand', 'lowerHand'])).toEqual(sent);

      const [a, b, c] = await scripted(page, 'participantIds');
      await scripted(page, 'setSpeaking', c, true);
      await expect.poll(() => tile(page, c).getAttribute('class')).toContain('tile--speaking');
      await scripted(page, 'setDominantSpeakers', [b]);
      await expect.poll(() => tile(page, b).getAttribute('class')).toContain('tile--dominant');
      await scripted(page, 'raiseHand', a, true);
      await expect.poll(() => tile(page, a).textContent()).toContain(en('meeting.tile.hand'));
      await scripted(page, 'setMuted', a, true);
      await expect.poll(() => tile(page, a).textContent()).toContain(en('meeting.tile.muted'));
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('disables forbidden controls with the reason, shows recording and asks for consent, notices and reconnecting', async () => {
    await withMeeting({ participants: 2 }, { colorScheme: 'dark' }, async ({ page }) => {
      await joinFromJoinScreen(page, { name: 'Careful Casey' });
      await waitForPhase(page, 'connected');
      if (!(await scripted(page, 'local')).muted) await control(page, 'mic').click();
      await expect.poll(async () => (await scripted(page, 'local')).muted).toBe(true);
      const mark = (await scripted(page, 'received')).length;

      // The organizer forbids attendees' microphones: the button says why and does nothing.
      await scripted(page, 'setCapability', 'unmuteMic', false, 'MeetingRestricted');
      await expect.poll(() => control(page, 'mic').getAttribute('aria-disabled')).toBe('true');
      await expect.poll(() => page.locator('#control-mic-reason').textContent()).toBe(`${en('meeting.capability.unmuteMic')} ${en('meeting.reason.meeting')}`);
      // (Playwright treats aria-disabled as disabled; a guest can still press it.)
      await control(page, 'mic').click({ force: true });
      await page.keyboard.press('Control+Shift+M');
      expect((await scripted(page, 'local')).muted).toBe(true);
      await scripted(page, 'setCapability', 'unmuteMic', true, 'Capable');
      await expect.poll(() => control(page, 'mic').getAttribute('aria-disabled')).toBe(null);

      // Recording starts: the banner; the meeting asks for explicit consent: the prompt.
      await scripted(page, 'setRecording', true);
      await expect.poll(() => page.getByTestId('recording-banner').textContent()).toContain(en('meeting.recording.recording'));
      await scripted(page, 'setTranscription', true);
      await expect.poll(() => page.getByTestId('recording-banner').textContent()).toContain(en('meeting.recording.both'));
      await scripted(page, 'setConsentRequired', true);
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor();
      expect(await dialog.getByRole('heading').textContent()).toBe(en('meeting.consent.title'));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-consent-dark');
      // Focus starts on "I agree" and Tab stays inside the dialog; Escape means "Not now".
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(en('meeting.consent.agree'));
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(en('meeting.consent.agree'));
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      // Unmuting needs the consent: pressing the microphone brings the prompt back.
      await expect.poll(() => control(page, 'mic').getAttribute('aria-disabled')).toBe('true');
      await control(page, 'mic').click({ force: true });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: en('meeting.consent.agree') }).click();
      await expect.poll(() => scripted(page, 'consentRequired')).toBe(false);
      await expect.poll(() => control(page, 'mic').getAttribute('aria-disabled')).toBe(null);
      await control(page, 'mic').click();
      await expect.poll(async () => (await scripted(page, 'local')).muted).toBe(false);
      // Of all those presses, the meeting received one unmute: the one after the consent.
      expect(await receivedKinds(page, mark, ['mute', 'unmute', 'grantConsent'])).toEqual(['grantConsent', 'unmute']);

      // Call health.
      await scripted(page, 'setDiagnostic', 'network', 'networkSendQuality', 3);
      await scripted(page, 'setDiagnostic', 'media', 'speakingWhileMicrophoneIsMuted', true);
      await expect.poll(() => page.locator('.meeting-notice').allTextContents()).toEqual([en('meeting.notice.poorNetwork'), en('meeting.notice.speakingWhileMuted')]);
      await scripted(page, 'setDiagnostic', 'network', 'networkSendQuality', 1);
      await scripted(page, 'setDiagnostic', 'media', 'speakingWhileMicrophoneIsMuted', false);
      await expect.poll(() => page.locator('.meeting-notice').count()).toBe(0);

      // Reconnecting: from the network diagnostic, and from the call going back to Connecting.
      await scripted(page, 'setDiagnostic', 'network', 'networkReconnect', 2);
      await waitForPhase(page, 'reconnecting');
      expect(await page.getByTestId('reconnecting').textContent()).toContain(en('meeting.reconnecting'));
      expect(await axeViolations(page)).toEqual([]);
      await scripted(page, 'setDiagnostic', 'network', 'networkReconnect', 1);
      await waitForPhase(page, 'connected');
      await scripted(page, 'setCallState', 'Connecting');
      await waitForPhase(page, 'reconnecting');
      await scripted(page, 'setCallState', 'Connected');
      await waitForPhase(page, 'connected');
    });
  });

  it('switches devices mid-call, opens the people panel, and leaves; Back returns to the join screen', async () => {
    await withMeeting({ participants: 2 }, {}, async ({ page, joinLinks }) => {
      await joinFromJoinScreen(page, { name: 'Device Dana' });
      await waitForPhase(page, 'connected');
      await expect.poll(() => joinLinks.isInMeeting).toBe(true);

      await control(page, 'devices').click();
      const microphones = page.locator('#device-microphone');
      await expect.poll(() => microphones.locator('option').count()).toBeGreaterThan(1);
      const second = await microphones.locator('option').nth(1).getAttribute('value');
      await microphones.selectOption(second);
      await expect.poll(() => microphones.inputValue()).toBe(second);
      expect(await axeViolations(page)).toEqual([]);

      await control(page, 'people').click();
      await expect.poll(() => page.locator('#people-title').textContent()).toBe(en('meeting.people.title', { count: 3 }));
      expect(await page.locator('.people__row').count()).toBe(3);
      expect(await axeViolations(page)).toEqual([]);

      const beforeLeave = (await scripted(page, 'received')).length;
      await control(page, 'leave').click();
      await waitForPhase(page, 'ended');
      // The meeting saw the guest hang up, once.
      expect(await receivedKinds(page, beforeLeave, ['hangUp'])).toEqual(['hangUp']);
      expect(await page.locator('main').getAttribute('data-reason')).toBe('left');
      expect(await page.locator('.meeting-ended__reason').textContent()).toBe(en('meeting.ended.left'));
      await expect.poll(() => joinLinks.isInMeeting).toBe(false);
      await expect.poll(() => scripted(page, 'agents')).toEqual({ created: 1, disposed: 1 });
      await page.getByRole('button', { name: en('meeting.ended.back') }).click();
      await page.locator('#meeting-input').waitFor();
    });
  });

  it('leaves in every phase: while connecting, in the lobby, and when the app closes', async () => {
    await withMeeting({ lobby: true, connectDelayMs: 60_000 }, {}, async ({ page, contents, joinLinks }) => {
      // Connecting.
      await joinFromJoinScreen(page, { name: 'Early Eve' });
      await waitForPhase(page, 'connecting');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: en('meeting.leave') }).click();
      await waitForPhase(page, 'ended');
      expect(await page.locator('main').getAttribute('data-reason')).toBe('left');
      // Lobby (the second join goes there at once: the first call's timer does not apply).
      await page.getByRole('button', { name: en('meeting.ended.back') }).click();
      // (Left so early, the first attempt may never have reached the meeting: count from here.)
      const joinsBefore = (await scripted(page, 'joins')).length;
      const agentsBefore = (await scripted(page, 'agents')).created;
      const joinCount = async () => (await scripted(page, 'joins')).length - joinsBefore;
      await joinFromJoinScreen(page, { name: 'Early Eve' });
      await expect.poll(joinCount, { timeout: 10_000 }).toBe(1);
      await scripted(page, 'setCallState', 'InLobby');
      await waitForPhase(page, 'lobby');
      await control(page, 'leave').click();
      await waitForPhase(page, 'ended');
      expect(await scripted(page, 'callState')).toBe('Disconnected');
      // In the meeting, the app closes: main sends leaveRequested.
      await page.getByRole('button', { name: en('meeting.ended.rejoin') }).click();
      await expect.poll(joinCount, { timeout: 10_000 }).toBe(2);
      await scripted(page, 'admit');
      await waitForPhase(page, 'connected');
      expect(await scripted(page, 'featureListeners')).toBeGreaterThan(0);
      contents.send(eventChannels.leaveRequested, undefined);
      await waitForPhase(page, 'ended');
      expect(await scripted(page, 'callState')).toBe('Disconnected');
      // Every feature module detached what it attached.
      await expect.poll(() => scripted(page, 'featureListeners')).toBe(0);
      expect(await page.locator('main').getAttribute('data-reason')).toBe('left');
      // A link from the OS during a meeting (the guest agreed to leave): the meeting screen goes
      // away, and going away hangs up.
      await page.getByRole('button', { name: en('meeting.ended.rejoin') }).click();
      await expect.poll(joinCount, { timeout: 10_000 }).toBe(3);
      await scripted(page, 'admit');
      await waitForPhase(page, 'connected');
      await expect.poll(() => joinLinks.isInMeeting).toBe(true);
      expect(await joinLinks.deliver('doorway://join?meetingId=2345678901234&passcode=Ab3xYz')).toBe('sent');
      await page.locator('#meeting-input').waitFor();
      await expect.poll(() => scripted(page, 'callState')).toBe('Disconnected');
      await expect.poll(() => scripted(page, 'agents')).toEqual({ created: agentsBefore + 3, disposed: agentsBefore + 3 });
      await expect.poll(() => joinLinks.isInMeeting).toBe(false);
    });
  });

  it('reads right to left in Arabic and stays visible in forced colours: connecting, the lobby, the devices panel, consent, notices, reconnecting', async () => {
    const ar = (key: Parameters<typeof translate>[1]) => translate('ar-SA', key);
    await withMeeting({ lobby: true, connectDelayMs: 60_000, participants: 2 }, { locale: 'ar-SA' }, async ({ page }) => {
      await joinFromJoinScreen(page, { name: 'Practice Pat' });
      await waitForPhase(page, 'connecting');
      await checkRtlAndForcedColors(page, 'meeting-connecting');
      await waitForScriptedCall(page);
      await scripted(page, 'setCallState', 'InLobby');
      await waitForPhase(page, 'lobby');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(ar('meeting.lobby.title'));
      await checkRtlAndForcedColors(page, 'meeting-lobby');

      await scripted(page, 'admit');
      await waitForPhase(page, 'connected');
      // A side panel opens at the inline end: the left, in Arabic.
      await control(page, 'devices').click();
      const devices = page.locator('#devices-panel');
      await expect.poll(() => devices.locator('#device-microphone option').count()).toBeGreaterThan(1);
      expect(await pageSide(devices)).toBe('left');
      await checkRtlAndForcedColors(page, 'meeting-devices');
      await control(page, 'devices').click();

      await scripted(page, 'setRecording', true);
      await scripted(page, 'setConsentRequired', true);
      await page.getByRole('alertdialog').waitFor();
      await checkRtlAndForcedColors(page, 'meeting-consent');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);

      await scripted(page, 'setDiagnostic', 'network', 'networkSendQuality', 3);
      await scripted(page, 'setDiagnostic', 'media', 'speakingWhileMicrophoneIsMuted', true);
      await expect.poll(() => page.locator('.meeting-notice').count()).toBe(2);
      await checkRtlAndForcedColors(page, 'meeting-notices');

      await scripted(page, 'setDiagnostic', 'network', 'networkReconnect', 2);
      await waitForPhase(page, 'reconnecting');
      await checkRtlAndForcedColors(page, 'meeting-reconnecting');
    });
  }, 90_000);

  it('renews the token through main during the meeting, and stops when the meeting ends', async () => {
    const tokens = fakeTokenService(undefined, 6_000);
    await withMeeting(
      { participants: 1, connectDelayMs: 50 },
      { clock: true },
      async ({ page }) => {
        await joinFromJoinScreen(page, { name: 'Renewing Rita' });
        await waitForPhase(page, 'connected');
        const atJoin = tokens.requests.length;
        // The credential refreshes a token that expires within 10 minutes at half its life left.
        await expect.poll(() => tokens.requests.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(atJoin + 2);
        expect(new Set(tokens.requests)).toEqual(new Set(['Renewing Rita']));
        await control(page, 'leave').click();
        await waitForPhase(page, 'ended');
        const atEnd = tokens.requests.length;
        // A minute of the page's time at once, ten of the token's lives: a renewal timer left
        // behind would fire in it. Its request would travel the same binding as the round trips
        // after it, which main answers in order.
        await pauseClock(page);
        await page.clock.runFor(60_000);
        for (let i = 0; i < 2; i++) await page.evaluate(() => 0);
        expect(tokens.requests.length).toBe(atEnd);
      },
      tokens,
    );
  }, 60_000);
});

