// Breakout rooms end to end with the scripted meeting (Features.BreakoutRooms as the SDK's .d.ts
// declares it, the room's own call included): a full round trip (assigned, moved in, talking,
// moved back) with the camera and microphone as the guest left them, a room the guest joins by
// choice, and a meeting that refuses the guest a room and says where everyone went. axe checks
// each screen; screenshots of the room and of the way back.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { translate } from '../../common/i18n';
import { useChromiumApp } from '../support/e2e';
import { axeViolations, checkRtlAndForcedColors, screenshot } from '../support/page-checks';
import { inScriptedMeeting, scripted } from '../support/scripted-meeting/page';

const app = useChromiumApp();

const tiles = (page: Page) => page.locator('.gallery__grid > li').count();
const banner = (page: Page) => page.locator('[data-testid="breakout-banner"]');

describe('breakout rooms', () => {
  it('a full round trip: assigned, moved in, talking, moved back, with mute and camera as the guest left them', async () => {
    const config = { participants: 4, videoParticipants: 2, connectDelayMs: 50, roomConnectDelayMs: 600 };
    await inScriptedMeeting(app, { config, name: 'Breakout Bea' }, async ({ page }) => {
      await expect.poll(() => tiles(page)).toBe(5);
      // Unmuted before the rooms open.
      if ((await scripted(page, 'local')).muted) await page.locator('#control-mic').click();
      await expect.poll(async () => (await scripted(page, 'local')).muted).toBe(false);

      await scripted(page, 'assignBreakoutRoom', 'Room 2', { participants: 2, endsInMs: 15 * 60_000 });
      await expect.poll(() => banner(page).textContent()).toContain(translate('en-US', 'breakout.assigned.auto', { room: 'Room 2' }));
      expect(await axeViolations(page)).toEqual([]);

      await scripted(page, 'openBreakoutRoom');
      // The move: the stage says where the guest is going while the room's call connects.
      const move = page.locator('[data-testid="breakout-move"]');
      await expect.poll(() => move.textContent()).toBe(translate('en-US', 'breakout.joining', { room: 'Room 2' }));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-breakout-moving');

      // In the room: its two people and the guest, the room's name, its end time and the way back.
      await expect.poll(() => banner(page).getAttribute('data-where')).toBe('room');
      await expect.poll(() => tiles(page)).toBe(3);
      expect(await move.count()).toBe(0);
      expect(await banner(page).textContent()).toContain(translate('en-US', 'breakout.inRoom', { room: 'Room 2' }));
      expect(await scripted(page, 'breakoutRoom')).toEqual({ where: 'room', name: 'Room 2', open: true });
      expect(await scripted(page, 'local')).toMatchObject({ muted: false });

      // Talking in the room: someone speaks, the guest mutes and unmutes on the room's call.
      const [speaker] = await scripted(page, 'participantIds');
      await scripted(page, 'setSpeaking', speaker, true);
      await expect.poll(() => page.locator(`[data-participant="${speaker}"]`).getAttribute('class')).toContain('tile--speaking');
      await page.locator('#control-mic').click();
      await expect.poll(async () => (await scripted(page, 'local')).muted).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-breakout-room');

      // The organizer closes the rooms: back in the main meeting with everyone, still muted.
      await scripted(page, 'closeBreakoutRoom');
      await expect.poll(() => move.getAttribute('data-to')).toBe('main');
      await expect.poll(() => banner(page).locator('[data-notice="returned"]').count()).toBe(1);
      await expect.poll(() => tiles(page)).toBe(5);
      expect(await scripted(page, 'breakoutRoom')).toMatchObject({ where: 'main' });
      expect(await scripted(page, 'local')).toMatchObject({ muted: true });
      expect(await page.locator('main').getAttribute('data-phase')).toBe('connected');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-breakout-back');
    });
  });

  it('a room the guest joins by choice, and leaves by choice while it stays open', async () => {
    const config = { participants: 3, videoParticipants: 0, connectDelayMs: 50, roomConnectDelayMs: 50 };
    await inScriptedMeeting(app, { config, name: 'Choosing Cy', options: { locale: 'ko-KR', colorScheme: 'dark' } }, async ({ page }) => {
      await expect.poll(() => tiles(page)).toBe(4);
      await scripted(page, 'assignBreakoutRoom', '디자인', { autoMove: false });
      await scripted(page, 'openBreakoutRoom');
      const join = page.locator('[data-control="breakout-join"]');
      await expect.poll(() => join.textContent()).toBe(translate('ko-KR', 'breakout.join'));
      expect(await axeViolations(page)).toEqual([]);
      await join.click();
      await expect.poll(() => banner(page).getAttribute('data-where')).toBe('room');
      await expect.poll(() => tiles(page)).toBe(2);
      await page.locator('[data-control="breakout-return"]').click();
      await expect.poll(() => banner(page).getAttribute('data-where')).toBe('main');
      await expect.poll(() => tiles(page)).toBe(3);
      expect(await scripted(page, 'breakoutRoom')).toEqual({ where: 'main', name: '디자인', open: true });
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('tells the guest where everyone went when the meeting refuses them a room', async () => {
    const config = { participants: 3, videoParticipants: 0, connectDelayMs: 50, roomJoinRefused: true };
    await inScriptedMeeting(app, { config, name: 'Refused Rey' }, async ({ page }) => {
      await expect.poll(() => tiles(page)).toBe(4);
      await scripted(page, 'assignBreakoutRoom', 'Room 5', { autoMove: false, participants: 3 });
      await scripted(page, 'openBreakoutRoom');
      await page.locator('[data-control="breakout-join"]').click();
      const notice = banner(page).locator('[data-notice="joinFailed"]');
      await expect.poll(() => notice.textContent()).toContain(translate('en-US', 'breakout.notice.joinFailed', { room: 'Room 5' }));
      expect(await page.locator('main').getAttribute('data-phase')).toBe('connected');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-breakout-refused');
      await notice.getByRole('button').click();
      await expect.poll(() => notice.count()).toBe(0);
    });
  });

  it('reads right to left in Arabic, and stays visible in forced colours: assigned, moving, in the room', async () => {
    // The room's call takes its time, so the move stays on the stage to be looked at.
    const config = { participants: 3, videoParticipants: 0, connectDelayMs: 50, roomConnectDelayMs: 60_000 };
    await inScriptedMeeting(app, { config, name: 'سارة', options: { locale: 'ar-SA' } }, async ({ page }) => {
      await expect.poll(() => tiles(page)).toBe(4);
      await scripted(page, 'assignBreakoutRoom', 'الغرفة 2', { participants: 2, endsInMs: 15 * 60_000 });
      await expect.poll(() => banner(page).textContent()).toContain(translate('ar-SA', 'breakout.assigned.auto', { room: 'الغرفة 2' }));
      await checkRtlAndForcedColors(page, 'meeting-breakout-assigned');
      await scripted(page, 'openBreakoutRoom');
      const move = page.locator('[data-testid="breakout-move"]');
      await expect.poll(() => move.textContent()).toBe(translate('ar-SA', 'breakout.joining', { room: 'الغرفة 2' }));
      await checkRtlAndForcedColors(page, 'meeting-breakout-moving');
    });
  }, 90_000);
});
