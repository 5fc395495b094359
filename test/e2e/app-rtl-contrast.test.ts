// Right to left and Windows high contrast, end to end: the join screen, the practice meeting
// (gallery, people panel, the practice notice) and the ended screen, in Arabic (ar-SA, chosen in
// the settings as a guest would) and in forced colours, each checked with axe and saved as a
// screenshot. In Arabic the document is rtl, start-aligned pieces sit on the right, and video is
// not mirrored any differently than in English.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translate, type Locale } from '../../common/i18n';
import { useChromiumApp } from '../support/e2e';
import { axeViolations, checkRtlAndForcedColors, screenshot, transformOf } from '../support/page-checks';
import { waitForPhase } from '../support/scripted-meeting/page';

const app = useChromiumApp();

async function chooseLanguage(page: Page, from: Locale, to: Locale): Promise<void> {
  await page.getByRole('button', { name: translate(from, 'preferences.open') }).click();
  await page.getByLabel(translate(from, 'preferences.language')).selectOption(to);
  await page.getByRole('button', { name: translate(to, 'preferences.close') }).click();
  await page.getByRole('heading', { name: translate(to, 'join.title') }).waitFor();
}

/** Where `selector`'s box sits inside its `within` ancestor: gaps to the left and right edges. */
async function gaps(page: Page, selector: string, within: string): Promise<{ left: number; right: number }> {
  return page.locator(selector).first().evaluate((el, ancestor) => {
    const inner = el.getBoundingClientRect();
    const outer = el.closest(ancestor)!.getBoundingClientRect();
    return { left: inner.left - outer.left, right: outer.right - inner.right };
  }, within);
}

/** Joins the practice meeting from the join screen and opens the people panel. */
async function enterPractice(page: Page, locale: Locale): Promise<void> {
  await page.locator('#name-input').fill('Practice Pat');
  await page.getByRole('button', { name: translate(locale, 'practice.join.button') }).click();
  await waitForPhase(page, 'connected');
  await expect.poll(() => page.locator('.gallery__grid > li:not(.tile--self) video').count(), { timeout: 15_000 }).toBe(3);
  await page.locator('#control-people').click();
  await page.locator('#people-panel').waitFor();
  await page.getByRole('complementary', { name: translate(locale, 'practice.banner.label') }).waitFor();
}

async function leave(page: Page, locale: Locale): Promise<void> {
  await page.locator('#control-leave').click();
  await waitForPhase(page, 'ended');
  await page.getByRole('button', { name: translate(locale, 'meeting.ended.back') }).waitFor();
}

describe('right to left and high contrast', () => {
  it('lays every screen out right to left in Arabic, mirroring icons but not video', async () => {
    await app.withHarness({}, async ({ page }) => {
      page.setDefaultTimeout(30_000);
      // English first: the self view's transform as it is left to right.
      await page.getByTestId('preview').locator('video').waitFor({ timeout: 20_000 });
      const selfLtr = await transformOf(page.locator('.self-video'));
      expect(selfLtr).toBe('matrix(-1, 0, 0, 1, 0, 0)');

      await chooseLanguage(page, 'en-US', 'ar-SA');
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar-SA', 'rtl']);
      // The name tag starts at the preview's inline start: its right edge.
      await page.locator('#name-input').fill('Practice Pat');
      const tag = await gaps(page, '.join-preview__nametag', '.join-preview__frame');
      expect(tag.right).toBeLessThan(tag.left);
      expect(await transformOf(page.locator('.self-video'))).toBe(selfLtr);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'rtl-join');
      // Preferences, the join screen's dialog.
      await page.getByRole('button', { name: translate('ar-SA', 'preferences.open') }).click();
      await page.getByRole('dialog').waitFor();
      await checkRtlAndForcedColors(page, 'preferences');
      await page.getByRole('button', { name: translate('ar-SA', 'preferences.close') }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      await enterPractice(page, 'ar-SA');
      // Each tile's name label starts on the tile's right.
      const label = await gaps(page, '.gallery__grid > li:not(.tile--self) .tile__label', '.tile');
      expect(label.right).toBeLessThan(label.left);
      expect(label.right).toBeLessThanOrEqual(8);
      // The people panel sits at the inline end, now the left, with its edge on its right. The
      // gallery sizes itself from a ResizeObserver, a frame or more after the panel opened: polled.
      const overlap = async () => {
        const panel = await page.locator('#people-panel').boundingBox();
        const grid = await page.locator('.gallery__grid').boundingBox();
        return panel!.x + panel!.width - grid!.x;
      };
      await expect.poll(overlap).toBeLessThanOrEqual(1);
      expect(await page.locator('#people-panel').evaluate((el) => getComputedStyle(el).borderRightWidth)).toBe('1px');
      // Video: the self view stays the same mirror as in English, other people's video is never mirrored.
      expect(await transformOf(page.locator('.tile--self .self-video'))).toBe(selfLtr);
      const remote = await page.locator('.gallery__grid > li:not(.tile--self) video').evaluateAll((videos) => videos.map((v) => getComputedStyle(v).transform));
      expect(remote).toEqual(['none', 'none', 'none']);
      // The chat bubble icon, whose tail marks the reading start, is the one that turns.
      expect(await transformOf(page.locator('#control-chat .icon--directional, .controls .icon--directional'))).toBe('matrix(-1, 0, 0, 1, 0, 0)');
      expect(await transformOf(page.locator('#control-mic .micon'))).toBe('none');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'rtl-practice-meeting');

      await leave(page, 'ar-SA');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'rtl-ended');
    });
  }, 150_000);

  it('keeps every control and state visible in forced colours', async () => {
    await app.withHarness({}, async ({ page }) => {
      page.setDefaultTimeout(30_000);
      await page.emulateMedia({ forcedColors: 'active' });
      expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
      await page.getByTestId('preview').locator('video').waitFor({ timeout: 20_000 });

      // Focus is drawn, not only tinted: a solid outline in the system highlight.
      await page.locator('#name-input').focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { style: style.outlineStyle, width: style.outlineWidth };
      });
      expect(focus).toEqual({ style: 'solid', width: '3px' });
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'forced-colors-join');

      await enterPractice(page, 'en-US');
      // Microphone on and off differ by more than the replaced background: a border in Highlight when on.
      const mic = page.locator('#control-mic');
      const micState = () => mic.evaluate((el) => ({ label: el.textContent, border: getComputedStyle(el).borderTopWidth }));
      const before = await micState();
      await mic.click();
      await expect.poll(async () => (await micState()).label).not.toBe(before.label);
      const after = await micState();
      expect(new Set([before.border, after.border])).toEqual(new Set(['1px', '2px']));
      // Every tile keeps an edge; a speaking tile gets the double ring (the practice people take turns).
      expect(await page.locator('.gallery__grid > li').first().evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
      await expect.poll(() => page.locator('.tile--speaking').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await page.locator('.tile--speaking').first().evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('double');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'forced-colors-practice-meeting');

      await leave(page, 'en-US');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'forced-colors-ended');
    });
  }, 150_000);
});
