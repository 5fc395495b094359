// Live captions end to end with the scripted meeting (Features.Captions with Teams captions, as
// the SDK's .d.ts declares them): turning them on, captions arriving while people speak (a partial
// line replaced by the final text, speaker names), a caption language change where the meeting
// translates (and remembered in the settings file), the service stopping captions as a short
// notice, a change of captions kind (CaptionsKindChanged, to plain ACS captions and back), and
// Korean in the dark theme. axe on each screen; screenshots.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { translate, type Locale as Language } from '../../common/i18n';
import { useChromiumApp, type HarnessSetup } from '../support/e2e';
import type { Harness } from '../support/harness';
import { axeViolations, checkRtlAndForcedColors, screenshot } from '../support/page-checks';
import { inScriptedMeeting, scripted } from '../support/scripted-meeting/page';

const app = useChromiumApp();

/** Joins a meeting of two (no cameras). */
function inMeeting(options: HarnessSetup, name: string, run: (harness: Harness) => Promise<void>): Promise<void> {
  return inScriptedMeeting(app, { config: { participants: 2, videoParticipants: 0, connectDelayMs: 50 }, name, options }, run);
}

const lines = (page: Page) =>
  page.locator('.captions__line').evaluateAll((elements) =>
    elements.map((el) => [el.querySelector('.captions__speaker')?.textContent ?? '', el.querySelector('.captions__text')?.textContent ?? '', el.getAttribute('data-final')]),
  );

/** Turns captions on from the control bar and waits for the service to confirm. */
async function turnOn(page: Page, lang: Language): Promise<void> {
  await page.locator('#control-captions').click();
  await expect.poll(async () => (await scripted(page, 'captions')).active).toBe(true);
  await expect.poll(() => page.locator('.captions__waiting').textContent()).toBe(translate(lang, 'captions.waiting'));
}

describe('live captions', () => {
  it('shows captions while people speak: the partial line becomes the final one, with speaker names', async () => {
    await inMeeting({}, 'Caption Cara', async ({ page }) => {
      await turnOn(page, 'en-US');
      expect(await page.locator('#control-captions').textContent()).toBe(translate('en-US', 'captions.button.off'));
      const [ada, grace] = await scripted(page, 'participantIds');
      await scripted(page, 'speak', ada, 'Good morning every', false);
      await expect.poll(() => lines(page)).toEqual([['Ada Lovelace', 'Good morning every', 'false']]);
      await scripted(page, 'speak', grace, 'Morning', false);
      await scripted(page, 'speak', ada, 'Good morning everyone.', true);
      await scripted(page, 'speak', grace, 'Morning, Ada.', true);
      await expect.poll(() => lines(page)).toEqual([
        ['Ada Lovelace', 'Good morning everyone.', 'true'],
        ['Grace Hopper', 'Morning, Ada.', 'true'],
      ]);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-captions');

      // The service stops captions by itself: a short notice, not a failure of the call.
      await scripted(page, 'stopCaptionsByService');
      const notice = page.locator('.captions__notice');
      await expect.poll(() => notice.getAttribute('data-notice')).toBe('stopped');
      expect(await notice.textContent()).toContain(translate('en-US', 'captions.notice.stopped'));
      expect(await page.locator('main').getAttribute('data-phase')).toBe('connected');
      await notice.getByRole('button', { name: translate('en-US', 'captions.dismiss') }).click();
      await expect.poll(() => page.locator('[data-testid="captions"]').count()).toBe(0);

      // A refused start is a notice too.
      await scripted(page, 'failNextCaptionsStart');
      await page.locator('#control-captions').click();
      await expect.poll(() => notice.getAttribute('data-notice')).toBe('startFailed');
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('follows a change of captions kind (CaptionsKindChanged): plain ACS captions keep coming, without a caption language', async () => {
    await inMeeting({}, 'Kind Kim', async ({ page }) => {
      await turnOn(page, 'en-US');
      const [ada] = await scripted(page, 'participantIds');
      await scripted(page, 'setCaptionsKind', 'Captions');
      await expect.poll(async () => (await scripted(page, 'captions')).kind).toBe('Captions');
      await scripted(page, 'speak', ada, 'Still captioned.', true);
      await expect.poll(() => lines(page)).toEqual([['Ada Lovelace', 'Still captioned.', 'true']]);
      // Plain captions have no caption language to choose.
      expect(await page.locator('#captions-language option').count()).toBeLessThanOrEqual(1);
      await scripted(page, 'setCaptionsKind', 'TeamsCaptions');
      await scripted(page, 'speak', ada, 'Teams again.', true);
      await expect.poll(async () => (await lines(page)).at(-1)).toEqual(['Ada Lovelace', 'Teams again.', 'true']);
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('changes the caption language where the meeting translates, and remembers it', async () => {
    await inMeeting({}, 'Polyglot Pat', async ({ page, settingsDir }) => {
      await turnOn(page, 'en-US');
      const select = page.locator('#captions-language');
      // Not translated by this meeting (yet): the choice is off, and says why.
      expect(await select.isDisabled()).toBe(true);
      expect(await select.locator('option:checked').textContent()).toBe(translate('en-US', 'captions.sameAsSpoken'));
      expect(await page.locator('#captions-language-reason').textContent()).toBe(
        `${translate('en-US', 'meeting.capability.setCaptionLanguage')} ${translate('en-US', 'meeting.reason.role')}`,
      );
      await scripted(page, 'setCapability', 'setCaptionLanguage', true, 'Capable');
      await expect.poll(() => select.isDisabled()).toBe(false);
      await select.selectOption('ko');
      await expect.poll(async () => (await scripted(page, 'captions')).captionLanguage).toBe('ko');
      await expect.poll(() => readFileSync(path.join(settingsDir, 'config.json'), 'utf8'), { timeout: 5_000 }).toMatch(/"captionLanguage":\s*"ko"/);
      const [ada] = await scripted(page, 'participantIds');
      await scripted(page, 'speak', ada, 'Shall we start?', true);
      await expect.poll(() => lines(page)).toEqual([['Ada Lovelace', '(ko) Shall we start?', 'true']]);
      // The spoken language too.
      await page.locator('#captions-spoken').selectOption('de-de');
      await expect.poll(async () => (await scripted(page, 'captions')).spokenLanguage).toBe('de-de');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-captions-language');
    });
  });

  it('speaks Korean, in the dark theme', async () => {
    await inMeeting({ locale: 'ko-KR', colorScheme: 'dark' }, '김지민', async ({ page }) => {
      await turnOn(page, 'ko-KR');
      const [ada] = await scripted(page, 'participantIds');
      await scripted(page, 'speak', ada, '안녕하세요, 모두.', true);
      await expect.poll(() => lines(page)).toEqual([['Ada Lovelace', '안녕하세요, 모두.', 'true']]);
      expect(await page.locator('label:has(#captions-spoken) > span').textContent()).toBe(translate('ko-KR', 'captions.spokenLanguage'));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-captions-ko-dark');
    });
  });

  it('reads right to left in Arabic, and stays visible in forced colours', async () => {
    await inMeeting({ locale: 'ar-SA' }, 'سارة', async ({ page }) => {
      await turnOn(page, 'ar-SA');
      const [ada, grace] = await scripted(page, 'participantIds');
      await scripted(page, 'speak', ada, 'صباح الخير جميعًا.', true);
      await scripted(page, 'speak', grace, 'Good morning, Ada.', true);
      await expect.poll(() => page.locator('.captions__line').count()).toBe(2);
      // The speaker's name starts each line at its inline start, the right.
      const line = await page.locator('.captions__line').first().boundingBox();
      const speaker = await page.locator('.captions__speaker').first().boundingBox();
      expect(line!.x + line!.width - (speaker!.x + speaker!.width)).toBeLessThan(2);
      // English speech keeps its own direction inside the Arabic line.
      expect(await page.locator('.captions__text').nth(1).evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
      await checkRtlAndForcedColors(page, 'meeting-captions');
    });
  }, 90_000);
});
