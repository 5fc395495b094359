// Long translations at the narrowest window (main's minimum, 480 × 520): German and Finnish, whose
// words run longest among the shipped locales, on the join screen and Preferences, the practice
// meeting's control bar, its menus (View, reactions) and panels (people, chat, devices, meeting
// info), and the ended screen. No control's text may run outside its box, and a label cut short
// must carry a title naming it in full (page-checks.ts textThatDoesNotFit). A screen that does not fit is saved as a picture.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translate, type Locale } from '../../common/i18n';
import { useChromiumApp } from '../support/e2e';
import { pictureIfFails, textThatDoesNotFit } from '../support/page-checks';
import { waitForPhase } from '../support/scripted-meeting/page';

const app = useChromiumApp();
const NARROWEST = { width: 480, height: 520 };

async function fits(page: Page, locale: Locale, name: string): Promise<void> {
  // Polled: a screen just shown is measured before its first frame, when a ResizeObserver has yet
  // to compact it (the meeting's header at 480 px); the guest only ever sees it after.
  await pictureIfFails(page, `long-${locale}-${name}`, async () => {
    await expect.poll(async () => ({ screen: name, problems: await textThatDoesNotFit(page) }), { timeout: 5_000 }).toEqual({ screen: name, problems: [] });
  });
}

/** Opens what `toggle` opens, checks it, and closes it with the same button. */
async function openAndCheck(page: Page, locale: Locale, toggle: string, opened: string, name: string): Promise<void> {
  await page.locator(toggle).click();
  await page.locator(opened).waitFor();
  await fits(page, locale, name);
  await page.locator(toggle).click();
  await page.locator(opened).waitFor({ state: 'detached' });
}

describe('long translations at the narrowest window', () => {
  it.each(['de-DE', 'fi-FI'] as const)('%s: every control’s text fits or is cut with its full name in a title', async (locale) => {
    const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
    await app.withHarness({ locale, viewport: NARROWEST }, async ({ page }) => {
      page.setDefaultTimeout(30_000);
      await page.getByRole('heading', { name: t('join.title') }).waitFor();
      await page.getByTestId('preview').locator('video').waitFor({ timeout: 20_000 });
      await fits(page, locale, 'join');
      await page.getByRole('button', { name: t('preferences.open') }).click();
      await page.getByRole('dialog').waitFor();
      await fits(page, locale, 'preferences');
      await page.getByRole('button', { name: t('preferences.close') }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      await page.locator('#name-input').fill('Practice Pat');
      await page.getByRole('button', { name: t('practice.join.button') }).click();
      await waitForPhase(page, 'connected');
      await fits(page, locale, 'meeting');
      await openAndCheck(page, locale, '#control-layout', '#layout-menu', 'view-menu');
      await openAndCheck(page, locale, '#control-reactions', '#reactions-picker', 'reactions');
      await openAndCheck(page, locale, '#control-people', '#people-panel', 'people');
      await openAndCheck(page, locale, '#control-chat', '#chat-panel', 'chat');
      await openAndCheck(page, locale, '#control-info', '#info-panel', 'info');
      await openAndCheck(page, locale, '#control-devices', '#devices-panel', 'devices');

      await page.locator('#control-leave').click();
      await waitForPhase(page, 'ended');
      await page.getByRole('button', { name: t('meeting.ended.back') }).waitFor();
      await fits(page, locale, 'ended');
    });
  }, 180_000);
});
