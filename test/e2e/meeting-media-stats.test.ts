// Call quality end to end with the scripted meeting (Features.MediaStats as the SDK's .d.ts
// declares it: a collector, `sampleReported`): the indicator starts good, goes poor only after
// several poor samples, the details panel explains each measure in words, advice appears once the
// poor quality lasts, and its buttons work (incoming video off: no remote video views; camera
// off), then quality recovers. Samples come only when the test reports them (the meeting's
// controllable clock: mediaStatsEveryMs 0), never after a wait. axe on each state; screenshots.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { translate } from '../../common/i18n';
import { ADVICE_AFTER, IMPROVE_AFTER, WORSEN_AFTER } from '../../renderer/calling/features/media-stats-model';
import { useChromiumApp, type HarnessSetup } from '../support/e2e';
import type { Harness } from '../support/harness';
import { axeViolations, checkRtlAndForcedColors, pageSide, screenshot } from '../support/page-checks';
import { inScriptedMeeting, scripted } from '../support/scripted-meeting/page';

const app = useChromiumApp();

const POOR = { rttMs: 650, lossPercent: 20, jitterMs: 70 };
const GOOD = { rttMs: 40, lossPercent: 0, jitterMs: 4 };

function inMeeting(options: HarnessSetup, name: string, run: (harness: Harness) => Promise<void>): Promise<void> {
  return inScriptedMeeting(app, { config: { participants: 3, videoParticipants: 3, connectDelayMs: 50, mediaStatsEveryMs: 0 }, name, options }, async (harness) => {
    await expect.poll(() => harness.page.locator('.gallery__grid > li').count()).toBe(4);
    await run(harness);
  });
}

const indicator = (page: Page) => page.locator('#control-quality');

describe('call quality', () => {
  it('goes from good to poor without flicker, explains the numbers, advises, and recovers', async () => {
    await inMeeting({}, 'Quality Quinn', async ({ page }) => {
      await expect.poll(() => scripted(page, 'mediaStatsCollectors')).toBe(1);
      await expect.poll(() => scripted(page, 'videoViews')).toBeGreaterThan(0);
      await scripted(page, 'reportMediaStats', 1);
      await expect.poll(() => indicator(page).getAttribute('data-level')).toBe('good');
      expect(await indicator(page).textContent()).toBe(translate('en-US', 'mediaStats.indicator', { level: translate('en-US', 'mediaStats.level.good') }));

      // One poor second less than the hysteresis needs: still good.
      await scripted(page, 'setNetwork', 'both', POOR);
      await scripted(page, 'reportMediaStats', WORSEN_AFTER - 1);
      await expect.poll(() => page.evaluate(() => document.querySelector('#quality-indicator-detail')?.textContent)).toBe(
        translate('en-US', 'mediaStats.indicator.detail', { send: translate('en-US', 'mediaStats.level.good'), receive: translate('en-US', 'mediaStats.level.good') }),
      );
      expect(await indicator(page).getAttribute('data-level')).toBe('good');
      await scripted(page, 'reportMediaStats', 1);
      await expect.poll(() => indicator(page).getAttribute('data-level')).toBe('poor');
      expect(await page.getByTestId('quality-advice').count()).toBe(0);

      // The details panel: each direction's level and the measures in words.
      await indicator(page).click();
      expect(await indicator(page).getAttribute('aria-expanded')).toBe('true');
      const panel = page.locator('#quality-panel');
      const receive = panel.locator('[data-direction="receive"]');
      await expect.poll(() => receive.getAttribute('data-level')).toBe('poor');
      const text = (await receive.textContent()) ?? '';
      expect(text).toContain(translate('en-US', 'mediaStats.measure.rtt.value', { ms: '650' }));
      expect(text).toContain(translate('en-US', 'mediaStats.measure.loss.value', { percent: '20' }));
      expect(text).toContain(translate('en-US', 'mediaStats.measure.jitter.value', { ms: '70' }));
      // On a poor network the video shrinks and slows down (what the scripted sender does).
      expect(text).toContain(translate('en-US', 'mediaStats.measure.video.value', { width: '320', height: '180', fps: '7' }));
      expect(text).toContain(translate('en-US', 'mediaStats.measure.loss.hint'));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-quality-details');
      await panel.getByRole('button', { name: translate('en-US', 'meeting.close') }).click();

      // It lasts: advice, with the actions the app can carry out (the guest's camera is on).
      await scripted(page, 'reportMediaStats', ADVICE_AFTER);
      const advice = page.getByTestId('quality-advice');
      await expect.poll(() => advice.locator('[data-advice]').evaluateAll((items) => items.map((item) => item.getAttribute('data-advice')))).toEqual([
        'turnOffIncomingVideo',
        'turnOffCamera',
        'moveCloserToWifi',
      ]);
      expect(await advice.textContent()).toContain(translate('en-US', 'mediaStats.advice.title.both'));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-quality-poor');

      // Turning incoming video off takes every remote video view away; people show as initials.
      await advice.getByRole('button', { name: translate('en-US', 'mediaStats.advice.turnOffIncomingVideo') }).click();
      await expect.poll(() => scripted(page, 'videoViews')).toBe(0);
      await expect.poll(() => advice.locator('[data-advice]').evaluateAll((items) => items.map((item) => item.getAttribute('data-advice')))).toEqual(['turnOffCamera', 'moveCloserToWifi']);

      // Dismissed, it stays away while quality stays poor.
      await advice.getByRole('button', { name: translate('en-US', 'mediaStats.advice.dismiss') }).click();
      await expect.poll(() => advice.count()).toBe(0);
      await scripted(page, 'reportMediaStats', 3);
      // Two rendered frames later the poor samples have been drawn, and the advice is still away.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await indicator(page).getAttribute('data-level')).toBe('poor');
      expect(await advice.count()).toBe(0);

      // The network recovers: good again after the hysteresis, and incoming video can come back.
      await scripted(page, 'setNetwork', 'both', GOOD);
      await scripted(page, 'reportMediaStats', IMPROVE_AFTER);
      await expect.poll(() => indicator(page).getAttribute('data-level')).toBe('good');
      await indicator(page).click();
      const toggle = page.locator('#quality-incoming-video');
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      await toggle.click();
      await expect.poll(() => scripted(page, 'videoViews')).toBeGreaterThan(0);
    });
  });

  it('suggests turning the camera off when sending is poor, and the button does it (Korean, dark)', async () => {
    await inMeeting({ locale: 'ko-KR', colorScheme: 'dark' }, '김품질', async ({ page }) => {
      if (!(await scripted(page, 'local')).video) await page.locator('#control-camera').click();
      await expect.poll(async () => (await scripted(page, 'local')).video).toBe(true);
      await scripted(page, 'reportMediaStats', 1);
      await scripted(page, 'setNetwork', 'send', POOR);
      await scripted(page, 'reportMediaStats', WORSEN_AFTER + ADVICE_AFTER);
      const advice = page.getByTestId('quality-advice');
      await expect.poll(() => advice.locator('[data-advice]').evaluateAll((items) => items.map((item) => item.getAttribute('data-advice')))).toEqual(['turnOffCamera', 'moveCloserToWifi']);
      expect(await advice.textContent()).toContain(translate('ko-KR', 'mediaStats.advice.title.send'));
      expect(await indicator(page).textContent()).toBe(translate('ko-KR', 'mediaStats.indicator', { level: translate('ko-KR', 'mediaStats.level.poor') }));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-quality-poor-ko-dark');
      await advice.getByRole('button', { name: translate('ko-KR', 'mediaStats.advice.turnOffCamera') }).click();
      await expect.poll(async () => (await scripted(page, 'local')).video).toBe(false);
    });
  });

  it('reads right to left in Arabic, and stays visible in forced colours: the details and the advice', async () => {
    await inMeeting({ locale: 'ar-SA' }, 'سارة', async ({ page }) => {
      await scripted(page, 'reportMediaStats', 1);
      await scripted(page, 'setNetwork', 'both', POOR);
      await scripted(page, 'reportMediaStats', WORSEN_AFTER + ADVICE_AFTER);
      await page.getByTestId('quality-advice').waitFor();
      await checkRtlAndForcedColors(page, 'meeting-quality-poor');
      await indicator(page).click();
      const panel = page.locator('#quality-panel');
      await expect.poll(() => panel.locator('[data-direction="receive"]').getAttribute('data-level')).toBe('poor');
      expect(await pageSide(panel)).toBe('left');
      await checkRtlAndForcedColors(page, 'meeting-quality-details');
    });
  }, 90_000);
});
