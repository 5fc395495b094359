// Reactions and "muted by someone else" end to end with the scripted meeting (Features.Reaction
// and the call's mutedByOthers, as the SDK's .d.ts declares them): three people react and their
// tiles show it for a few seconds, the guest reacts from the control bar (self tile, and what the
// client sent), reduced motion stops the animation, reactions leave through their expiry, a
// meeting that forbids reactions says why, and the notice when someone mutes the guest.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { translate, type Locale as Language } from '../../common/i18n';
import { useChromiumApp, type HarnessSetup } from '../support/e2e';
import type { Harness } from '../support/harness';
import { axeViolations, checkRtlAndForcedColors, screenshot } from '../support/page-checks';
import { inScriptedMeeting, scripted } from '../support/scripted-meeting/page';

const app = useChromiumApp();

/** Joins a meeting of three (no cameras) and waits for the gallery. */
function inMeeting(options: HarnessSetup, name: string, run: (harness: Harness) => Promise<void>): Promise<void> {
  return inScriptedMeeting(app, { config: { participants: 3, videoParticipants: 0, connectDelayMs: 50 }, name, options }, async (harness) => {
    await expect.poll(() => harness.page.locator('.gallery__grid > li').count()).toBe(4);
    await run(harness);
  });
}

const badge = (page: Page, id: string) => page.locator(`.gallery__grid [data-participant="${id}"] .reaction-badge`);

/** Three people react; each tile shows theirs, named for screen readers in `lang`. */
async function threeReact(page: Page, lang: Language): Promise<string[]> {
  const ids = await scripted(page, 'participantIds');
  const kinds = ['like', 'heart', 'applause'] as const;
  for (const [i, id] of ids.entries()) await scripted(page, 'react', id, kinds[i]);
  for (const [i, id] of ids.entries()) {
    await expect.poll(() => badge(page, id).getAttribute('data-reaction')).toBe(kinds[i]);
    expect(await badge(page, id).textContent()).toContain(translate(lang, `reactions.type.${kinds[i]}`));
  }
  return ids;
}

describe('reactions', () => {
  it('shows three people’s reactions and the guest’s own, then lets them expire; reduced motion stops the animation', async () => {
    await inMeeting({}, 'Reacting Rae', async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const ids = await threeReact(page, 'en-US');
      expect(await badge(page, ids[0]).evaluate((el) => getComputedStyle(el).animationName)).toBe('none');

      // The guest reacts from the control bar; the row stays open and Escape gives focus back.
      const react = page.locator('#control-reactions');
      await react.click();
      expect(await react.getAttribute('aria-expanded')).toBe('true');
      const picker = page.getByRole('group', { name: translate('en-US', 'reactions.menu') });
      await picker.getByRole('button', { name: translate('en-US', 'reactions.type.laugh') }).click();
      await expect.poll(() => scripted(page, 'sentReactions')).toEqual(['laugh']);
      await expect.poll(() => badge(page, 'self').getAttribute('data-reaction')).toBe('laugh');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-reactions');
      await page.keyboard.press('Escape');
      expect(await picker.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('control-reactions');

      // The expiry events take every reaction off the tiles; no view timer is involved.
      await expect.poll(() => page.locator('.reaction-badge').count(), { timeout: 10_000 }).toBe(0);
    });
  });

  it('animates reactions when motion is allowed', async () => {
    await inMeeting({}, 'Moving Mo', async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      const [first] = await threeReact(page, 'en-US');
      expect(await badge(page, first).evaluate((el) => getComputedStyle(el).animationName)).toBe('reaction-rise');
    });
  });

  it('says why when the meeting forbids reactions, and sends none', async () => {
    await inMeeting({}, 'Quiet Quinn', async ({ page }) => {
      await scripted(page, 'setCapability', 'useReactions', false, 'MeetingRestricted');
      const react = page.locator('#control-reactions');
      await expect.poll(() => react.getAttribute('aria-disabled')).toBe('true');
      const reason = `${translate('en-US', 'meeting.capability.useReactions')} ${translate('en-US', 'meeting.reason.meeting')}`;
      expect(await page.locator(`#${await react.getAttribute('aria-describedby')}`).textContent()).toBe(reason);
      // Focusable and pressable (aria-disabled, not disabled), but it opens nothing.
      await react.click({ force: true });
      expect(await page.locator('#reactions-picker').count()).toBe(0);
      expect(await scripted(page, 'sentReactions')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('tells the guest when someone else muted them, until they unmute', async () => {
    await inMeeting({}, 'Muted Max', async ({ page }) => {
      if ((await scripted(page, 'local')).muted) await page.locator('#control-mic').click();
      await expect.poll(async () => (await scripted(page, 'local')).muted).toBe(false);
      await scripted(page, 'muteByOthers');
      const notice = page.locator('[data-notice="mutedByOthers"]');
      await expect.poll(() => notice.textContent()).toBe(translate('en-US', 'meeting.notice.mutedByOthers'));
      expect(await page.locator('#control-mic').textContent()).toBe(translate('en-US', 'meeting.mic.unmute'));
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('#control-mic').click();
      await expect.poll(() => notice.count()).toBe(0);
    });
  });

  it('speaks Korean, in the dark theme', async () => {
    await inMeeting({ locale: 'ko-KR', colorScheme: 'dark' }, '김지민', async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await threeReact(page, 'ko-KR');
      await page.locator('#control-reactions').click();
      await page.getByRole('group', { name: translate('ko-KR', 'reactions.menu') }).getByRole('button', { name: translate('ko-KR', 'reactions.type.heart') }).click();
      await expect.poll(() => badge(page, 'self').getAttribute('data-reaction')).toBe('heart');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-reactions-ko-dark');
    });
  });

  it('reads right to left in Arabic, and stays visible in forced colours', async () => {
    await inMeeting({ locale: 'ar-SA' }, 'سارة', async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await threeReact(page, 'ar-SA');
      await page.locator('#control-reactions').click();
      const picker = page.getByRole('group', { name: translate('ar-SA', 'reactions.menu') });
      await picker.getByRole('button', { name: translate('ar-SA', 'reactions.type.heart') }).click();
      await expect.poll(() => badge(page, 'self').getAttribute('data-reaction')).toBe('heart');
      // The picker opens over its button, and the badge sits at each tile's inline start (its right).
      const [button, row] = await Promise.all([page.locator('#control-reactions').boundingBox(), picker.boundingBox()]);
      expect(row!.x).toBeLessThan(button!.x + button!.width);
      expect(row!.x + row!.width).toBeGreaterThan(button!.x);
      await checkRtlAndForcedColors(page, 'meeting-reactions');
    });
  }, 90_000);
});
