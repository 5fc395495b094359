// The gallery end to end with the scripted meeting: 9 and 49 participants, video on at most the
// optimal number of tiles, a 49-person meeting where people join, leave and speak continuously for
// 10 s of the page's clock, and a small window where the rest go to the overflow strip and the people panel.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { translate } from '../../common/i18n';
import { useChromiumApp } from '../support/e2e';
import type { Harness } from '../support/harness';
import { axeViolations, screenshot, videoFrameStats } from '../support/page-checks';
import { pauseClock } from '../support/page-clock';
import { expectScreenshot } from '../support/screenshot-baseline';
import type { ScriptedMeetingConfig } from '../../renderer/calling/practice/control';
import { configureScriptedMeeting, fakeTokenService, joinFromJoinScreen, scripted, waitForPhase } from '../support/scripted-meeting/page';

const app = useChromiumApp();

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en-US', key, params);

/** Opens the page itself (the meeting configured, the timeout set, before it loads) and joins. */
function withMeeting(config: ScriptedMeetingConfig, viewport: { width: number; height: number } | undefined, run: (harness: Harness) => Promise<void>, clock = false): Promise<void> {
  return app.withHarness(
    { tokens: fakeTokenService(), viewport, clock },
    async (harness) => {
      harness.page.setDefaultTimeout(20_000);
      await configureScriptedMeeting(harness.page, config);
      await harness.open();
      await joinFromJoinScreen(harness.page, { name: 'Gallery Guest' });
      await waitForPhase(harness.page, 'connected');
      await run(harness);
    },
    { open: false },
  );
}

/** What the gallery shows now. */
function galleryNow(page: Page) {
  return page.evaluate(() => ({
    tiles: document.querySelectorAll('.gallery__grid > li').length,
    remoteTiles: document.querySelectorAll('.gallery__grid > li:not(.tile--self)').length,
    videoTiles: document.querySelectorAll('.gallery__grid > li:not(.tile--self)[data-video="on"]').length,
    videos: document.querySelectorAll('.gallery__grid > li:not(.tile--self) video').length,
    overflow: document.querySelectorAll('.overflow__item').length,
    overflowMore: Number(document.querySelector('.overflow__more')?.textContent?.match(/\d+/)?.[0] ?? 0),
  }));
}

describe('the gallery', () => {
  it('shows 9 and then 49 participants, with video on at most the optimal count of tiles', async () => {
    await withMeeting({ participants: 9, videoParticipants: 9, optimalVideoCount: 6, connectDelayMs: 50 }, { width: 1280, height: 800 }, async ({ page }) => {
      await expect.poll(() => galleryNow(page), { timeout: 10_000 }).toMatchObject({ tiles: 10, remoteTiles: 9, videos: 6, overflow: 0 });
      const withVideo = page.locator('.gallery__grid > li[data-video="on"]:not(.tile--self)').first();
      expect((await videoFrameStats(withVideo)).distinct).toBeGreaterThan(2);
      expect(await axeViolations(page)).toEqual([]);
      // The meeting's elapsed time moves; the tiles' videos are masked by default.
      await expectScreenshot(page, 'meeting-gallery-9', { mask: [page.locator('.meeting-header__elapsed')] });

      await scripted(page, 'addParticipants', 40, { video: true, muted: true });
      await expect.poll(() => galleryNow(page), { timeout: 10_000 }).toMatchObject({ tiles: 50, remoteTiles: 49, videos: 6, overflow: 0 });
      // The optimal count changes with the network: fewer videos.
      await scripted(page, 'setOptimalVideoCount', 3);
      await expect.poll(async () => (await galleryNow(page)).videos).toBe(3);
      await expect.poll(() => scripted(page, 'videoViews')).toBe(3);
      // A new speaker's video comes on, replacing the least recent one.
      const ids = await scripted(page, 'participantIds');
      const speaker = ids[45];
      await scripted(page, 'setSpeaking', speaker, true);
      await expect.poll(() => page.locator(`.gallery__grid [data-participant="${speaker}"]`).getAttribute('data-video')).toBe('on');
      // Exactly the optimal count once the swap settles: the speaker's video replaced one, it did
      // not add or drop one (the old view may go a frame before or after the new one comes).
      await expect.poll(async () => (await galleryNow(page)).videos).toBe(3);
      expect(await scripted(page, 'videoViews')).toBe(3);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-gallery-49');
    });
  });

  it('keeps a 49-person gallery right while people join, leave and speak for 10 s', async () => {
    await withMeeting({ participants: 49, videoParticipants: 25, optimalVideoCount: 9, connectDelayMs: 50 }, { width: 1280, height: 800 }, async ({ page }) => {
      await expect.poll(async () => (await galleryNow(page)).remoteTiles, { timeout: 10_000 }).toBe(49);
      await page.locator('#control-people').click();
      // Ten seconds of the page's time, 25 events a second, sampled every 400 ms of it: the same
      // 250 events and 25 samples however loaded the machine is (page-clock.ts).
      await pauseClock(page);
      await scripted(page, 'startChurn', { eventsPerSecond: 25, target: 49, videoShare: 0.5 });
      const samples: Array<Awaited<ReturnType<typeof galleryNow>> & { views: number }> = [];
      for (let elapsed = 0; elapsed < 10_000; elapsed += 400) {
        await page.clock.runFor(400);
        samples.push({ ...(await galleryNow(page)), views: await scripted(page, 'videoViews') });
      }
      const stats = await scripted(page, 'stopChurn');
      await page.clock.resume();
      expect(stats.events).toBe(250);
      expect(stats.joins).toBeGreaterThan(5);
      expect(stats.leaves).toBeGreaterThan(5);
      // Never more than the optimal count, and never none: half the meeting keeps its camera on.
      for (const sample of samples) {
        expect(sample.videos).toBeLessThanOrEqual(9);
        expect(sample.videoTiles).toBeLessThanOrEqual(9);
        expect(sample.views).toBeLessThanOrEqual(9);
        expect(sample.videos).toBeGreaterThan(0);
        expect(sample.views).toBeGreaterThan(0);
      }
      // Once quiet, the roster is exactly the meeting's: tiles + overflow, and the people panel.
      const count = (await scripted(page, 'participantIds')).length;
      await expect.poll(async () => {
        const now = await galleryNow(page);
        return now.remoteTiles + now.overflow + now.overflowMore;
      }).toBe(count);
      await expect.poll(() => page.locator('#people-title').textContent()).toBe(en('meeting.people.title', { count: count + 1 }));
      // Scrolling the windowed list to the end shows the last of them.
      await page.locator('.people').evaluate((element) => (element.scrollTop = element.scrollHeight));
      await expect.poll(() => page.locator(`.people__row[aria-posinset="${count + 1}"]`).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    }, true);
  }, 90_000);

  it('sends who does not fit a small window to the overflow strip and the people panel', async () => {
    await withMeeting({ participants: 30, videoParticipants: 4, optimalVideoCount: 4, connectDelayMs: 50 }, { width: 720, height: 520 }, async ({ page }) => {
      await expect.poll(async () => (await galleryNow(page)).overflow, { timeout: 10_000 }).toBeGreaterThan(0);
      const now = await galleryNow(page);
      expect(now.remoteTiles).toBeGreaterThan(0);
      expect(now.remoteTiles).toBeLessThan(30);
      // Everyone is somewhere: on a tile, in the strip, or counted in its "more".
      expect(now.remoteTiles + now.overflow + now.overflowMore).toBe(30);
      // The four cameras fit: the gallery keeps them on its tiles.
      expect(now.videos).toBe(4);
      const more = page.locator('.overflow__more');
      await expect.poll(() => more.count()).toBe(1);
      await more.click();
      await expect.poll(() => page.locator('#people-title').textContent()).toBe(en('meeting.people.title', { count: 31 }));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-gallery-small-window');
      // A long name cut short on its small tile still reads in full on hover.
      const longName = 'Maria Dolores Fernández-Castellanos de la Vega (Procurement, Northern Region)';
      const onTile = await page.locator('.gallery__grid > li:not(.tile--self)').first().getAttribute('data-participant');
      await scripted(page, 'setName', onTile!, longName);
      const name = page.locator(`.gallery__grid > li[data-participant="${onTile}"] .tile__name`);
      await expect.poll(() => name.textContent()).toBe(longName);
      await expect.poll(() => name.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      expect(await name.getAttribute('title')).toBe(longName);
      // Growing the window brings tiles back from the strip.
      await page.setViewportSize({ width: 1280, height: 800 });
      await expect.poll(async () => (await galleryNow(page)).remoteTiles).toBeGreaterThan(now.remoteTiles);
    });
  });
});
