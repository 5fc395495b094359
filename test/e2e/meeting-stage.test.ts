// The meeting's frame and stage end to end with the scripted meeting (Features.Spotlight,
// TogetherMode and TeamsMeetingAudioConferencing as the SDK's .d.ts declares them): the header,
// a spotlight change (others, then the guest, who steps out), pin and unpin (a share takes the
// stage from pins, which then lead the strip), each layout chosen by keyboard and remembered,
// together mode, the meeting info panel with dial-in, and the ended screen offering dial-in when
// the network failed. Waits are on conditions; axe checks every screen; screenshots light and dark.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { translate, type Locale as Language } from '../../common/i18n';
import type { ScriptedMeetingConfig } from '../../renderer/calling/practice/control';
import { useChromiumApp, type HarnessSetup } from '../support/e2e';
import type { Harness } from '../support/harness';
import { axeViolations, checkRtlAndForcedColors, pageSide, screenshot } from '../support/page-checks';
import { inScriptedMeeting, scripted, waitForPhase } from '../support/scripted-meeting/page';

const app = useChromiumApp();

const DIAL_IN: ScriptedMeetingConfig['dialIn'] = {
  conferenceId: '123456789',
  numbers: [
    { number: '+14255550123', country: 'United States', city: 'Redmond' },
    { number: '+18005550199', tollFree: true, country: 'United States' },
  ],
};

function inMeeting(options: HarnessSetup & { config?: ScriptedMeetingConfig }, name: string, run: (harness: Harness) => Promise<void>): Promise<void> {
  const config: ScriptedMeetingConfig = { participants: 4, videoParticipants: 2, connectDelayMs: 50, dialIn: DIAL_IN, ...options.config };
  return inScriptedMeeting(app, { config, name, options }, async (harness) => {
    await expect.poll(() => harness.page.locator('[data-participant]').count()).toBe(5);
    await run(harness);
  });
}

const stage = (page: Page) => page.getByTestId('stage-layout');
const tile = (page: Page, id: string) => page.locator(`[data-participant="${id}"]`);
const stageTiles = (page: Page) => page.locator('[data-testid="people-stage"] [data-participant]').evaluateAll((items) => items.map((item) => item.getAttribute('data-participant')));

/** Chooses a layout from the View menu with the keyboard only. */
async function chooseLayout(page: Page, lang: Language, layout: 'gallery' | 'speaker' | 'content'): Promise<void> {
  await page.locator('#control-layout').focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: translate(lang, 'stage.layout.menu') });
  await menu.waitFor();
  // The menu moves focus to the current layout once it is open; keys pressed before that are lost.
  await expect.poll(() => menu.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  const current = await page.evaluate(() => document.activeElement?.getAttribute('data-layout'));
  const order = ['gallery', 'speaker', 'content'];
  for (let i = order.indexOf(current ?? 'gallery'); order[i] !== layout; i = (i + 1) % order.length) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'detached' });
  await expect.poll(() => stage(page).getAttribute('data-layout')).toBe(layout);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('control-layout');
}

describe('the meeting frame and stage', () => {
  it('spotlight, pin and unpin, the three layouts, together mode, meeting info and the dial-in offer', async () => {
    await inMeeting({}, 'Stage Sam', async ({ page, settingsDir }) => {
      const ids = await scripted(page, 'participantIds');

      // The header: which meeting (the link's host without an invitation), how many, the marks.
      expect(await page.getByTestId('meeting-name').textContent()).toBe('teams.microsoft.com');
      await expect.poll(() => page.getByTestId('people-count').textContent()).toContain('5');
      await scripted(page, 'setRecording', true);
      await scripted(page, 'setTranscription', true);
      await page.getByTestId('header-recording').waitFor();
      await page.getByTestId('header-transcribing').waitFor();
      expect(await stage(page).getAttribute('data-stage')).toBe('none');

      // The organizer spotlights someone: they take the stage with the mark; the rest are a strip.
      await scripted(page, 'setSpotlight', [ids[2]]);
      await expect.poll(() => stageTiles(page)).toEqual([ids[2]]);
      expect(await page.locator('[data-testid="people-stage"]').getAttribute('data-reason')).toBe('spotlight');
      expect(await tile(page, ids[2]).getByTestId('spotlight-mark').textContent()).toBe(translate('en-US', 'stage.spotlight.mark'));
      expect(await stage(page).getAttribute('data-gallery')).toBe('strip');
      expect(await page.locator('.gallery--strip [data-participant]').count()).toBe(4);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-spotlight');

      // Then the guest: told so, first on the stage, and able to step out (the meeting hears it).
      await scripted(page, 'setSpotlight', [ids[2], 'self']);
      const banner = page.getByTestId('spotlight-banner');
      await expect.poll(() => banner.textContent()).toContain(translate('en-US', 'stage.spotlight.self'));
      await expect.poll(() => stageTiles(page)).toEqual(['self', ids[2]]);
      expect(await axeViolations(page)).toEqual([]);
      await banner.getByRole('button', { name: translate('en-US', 'stage.spotlight.leave') }).click();
      await expect.poll(() => scripted(page, 'spotlighted')).toEqual([ids[2]]);
      await banner.waitFor({ state: 'detached' });
      await scripted(page, 'setSpotlight', []);
      await expect.poll(() => stage(page).getAttribute('data-stage')).toBe('none');

      // Pin by keyboard: the pinned person takes the stage; nothing is sent to the meeting.
      const pin = tile(page, ids[1]).getByRole('button', { name: translate('en-US', 'stage.pin.label', { name: (await tile(page, ids[1]).locator('.tile__name').textContent()) ?? '' }) });
      await pin.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => stageTiles(page)).toEqual([ids[1]]);
      expect(await page.locator('[data-testid="people-stage"]').getAttribute('data-reason')).toBe('pin');
      expect(await tile(page, ids[1]).getByRole('button', { pressed: true }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-pinned');

      // A screen share takes the stage from the pin; the pinned tile leads the strip; then back.
      await scripted(page, 'setScreenShare', ids[3], true);
      await expect.poll(() => stage(page).getAttribute('data-stage')).toBe('share');
      await expect.poll(() => page.locator('.gallery--strip [data-participant]').first().getAttribute('data-participant')).toBe(ids[1]);
      await scripted(page, 'setScreenShare', ids[3], false);
      await expect.poll(() => stageTiles(page)).toEqual([ids[1]]);

      // Unpin: the gallery is whole again.
      await tile(page, ids[1]).getByRole('button', { pressed: true }).click();
      await expect.poll(() => stage(page).getAttribute('data-stage')).toBe('none');
      expect(await stage(page).getAttribute('data-gallery')).toBe('grid');

      // Each layout, by keyboard, remembered in the settings file.
      await chooseLayout(page, 'en-US', 'speaker');
      await scripted(page, 'setDominantSpeakers', [ids[0]]);
      await expect.poll(() => stageTiles(page)).toEqual([ids[0]]);
      expect(await page.locator('[data-testid="people-stage"]').getAttribute('data-reason')).toBe('speaker');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-layout-speaker');
      await expect.poll(() => readFileSync(path.join(settingsDir, 'config.json'), 'utf8'), { timeout: 5_000 }).toMatch(/"meetingLayout":\s*"speaker"/);

      await chooseLayout(page, 'en-US', 'content');
      await scripted(page, 'setScreenShare', ids[3], true);
      await expect.poll(() => stage(page).getAttribute('data-stage')).toBe('share');
      expect(await stage(page).getAttribute('data-gallery')).toBe('hidden');
      expect(await page.locator('.gallery').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-layout-content');
      await scripted(page, 'setScreenShare', ids[3], false);

      await chooseLayout(page, 'en-US', 'gallery');
      await expect.poll(() => stage(page).getAttribute('data-stage')).toBe('none');
      await screenshot(page, 'meeting-layout-gallery');
      await expect.poll(() => readFileSync(path.join(settingsDir, 'config.json'), 'utf8'), { timeout: 5_000 }).toMatch(/"meetingLayout":\s*"gallery"/);

      // Together mode: its scene is the stage while it is on.
      await scripted(page, 'setTogetherMode', true);
      const together = page.getByTestId('together-stage');
      await expect.poll(() => together.getAttribute('data-showing')).toBe('true');
      await expect.poll(() => scripted(page, 'togetherModeViews')).toBe(1);
      expect(await together.locator('video').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-together-mode');
      await scripted(page, 'setTogetherMode', false);
      await together.waitFor({ state: 'detached' });
      await expect.poll(() => scripted(page, 'togetherModeViews')).toBe(0);

      // Meeting info: name, link, and how to call in (asked of the meeting once).
      await page.locator('#control-info').click();
      const info = page.locator('#info-panel');
      expect(await info.getByTestId('info-name').textContent()).toBe('teams.microsoft.com');
      expect(await info.textContent()).toContain('teams.microsoft.com/l/meetup-join/');
      await expect.poll(() => info.getByTestId('conference-id').textContent()).toBe('123 456 789#');
      expect(await info.locator('.dial-in__phone').allTextContents()).toEqual(['+14255550123', '+18005550199']);
      expect(await info.textContent()).toContain(translate('en-US', 'stage.dialIn.tollFree'));
      expect(await scripted(page, 'dialInRequests')).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-info');

      // The network fails: the ended screen offers the phone numbers.
      await scripted(page, 'end', 496, 7);
      await waitForPhase(page, 'ended');
      expect(await page.locator('main').getAttribute('data-reason')).toBe('networkLost');
      const offer = page.getByTestId('dial-in-offer');
      expect(await offer.textContent()).toContain(translate('en-US', 'stage.dialIn.offer'));
      expect(await offer.getByTestId('conference-id').textContent()).toBe('123 456 789#');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-ended-dial-in');
    });
  });

  it('remembers the layout, speaks Korean in the dark theme, and offers dial-in when media connectivity is lost', async () => {
    const settingsDir = mkdtempSync(path.join(tmpdir(), 'doorway-stage-'));
    writeFileSync(path.join(settingsDir, 'config.json'), JSON.stringify({ meetingLayout: 'speaker' }));
    await inMeeting({ locale: 'ko-KR', colorScheme: 'dark', settingsDir }, '김지민', async ({ page }) => {
      const ids = await scripted(page, 'participantIds');
      await expect.poll(() => stage(page).getAttribute('data-layout')).toBe('speaker');
      await expect.poll(() => page.locator('[data-testid="people-stage"]').getAttribute('data-reason')).toBe('speaker');
      await scripted(page, 'setSpotlight', [ids[0], ids[1]]);
      await expect.poll(() => stageTiles(page)).toEqual([ids[0], ids[1]]);
      expect(await tile(page, ids[0]).getByTestId('spotlight-mark').textContent()).toBe(translate('ko-KR', 'stage.spotlight.mark'));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-spotlight-ko-dark');
      await page.locator('#control-info').click();
      await page.locator('#info-panel').getByTestId('conference-id').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-info-ko-dark');
      await scripted(page, 'end', 410, 301005);
      await waitForPhase(page, 'ended');
      expect(await page.getByTestId('dial-in-offer').textContent()).toContain(translate('ko-KR', 'stage.dialIn.offer'));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-ended-dial-in-ko-dark');
    });
  });

  it('without audio conferencing: the info panel says so and the ended screen offers no numbers', async () => {
    await inMeeting({ config: { dialIn: undefined } }, 'Plain Pat', async ({ page }) => {
      await page.locator('#control-info').click();
      await expect.poll(() => page.locator('#info-panel .meeting-info__note').textContent()).toBe(translate('en-US', 'stage.dialIn.none'));
      await scripted(page, 'end', 496, 7);
      await waitForPhase(page, 'ended');
      expect(await page.getByTestId('dial-in-offer').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('reads right to left in Arabic, and stays visible in forced colours: spotlight, the View menu, meeting info, the people panel, the dial-in offer', async () => {
    await inMeeting({ locale: 'ar-SA' }, 'سارة', async ({ page }) => {
      const ids = await scripted(page, 'participantIds');
      await scripted(page, 'setRecording', true);
      await scripted(page, 'setSpotlight', [ids[2]]);
      await expect.poll(() => stageTiles(page)).toEqual([ids[2]]);
      // The meeting's name starts the header at its inline start: the right.
      expect(await pageSide(page.getByTestId('meeting-name'))).toBe('right');
      await checkRtlAndForcedColors(page, 'meeting-spotlight');

      await page.locator('#control-layout').click();
      await page.getByRole('menu', { name: translate('ar-SA', 'stage.layout.menu') }).waitFor();
      await checkRtlAndForcedColors(page, 'meeting-view-menu');
      await page.keyboard.press('Escape');

      await page.locator('#control-info').click();
      const info = page.locator('#info-panel');
      await info.getByTestId('conference-id').waitFor();
      expect(await pageSide(info)).toBe('left');
      // Phone numbers and the conference id read left to right inside the Arabic panel.
      expect(await info.locator('.dial-in__phone').first().evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
      await checkRtlAndForcedColors(page, 'meeting-info');

      await page.locator('#control-people').click();
      expect(await pageSide(page.locator('#people-panel'))).toBe('left');
      await checkRtlAndForcedColors(page, 'meeting-people');

      await scripted(page, 'end', 496, 7);
      await waitForPhase(page, 'ended');
      await page.getByTestId('dial-in-offer').waitFor();
      await checkRtlAndForcedColors(page, 'meeting-ended-dial-in');
    });
  }, 180_000);
});
