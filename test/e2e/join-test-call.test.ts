// The test call end to end: the join screen's "Make a test call" calls the scripted meeting's echo
// bot (8:echo123, the SDK's interfaces; the real bot is not reachable here) with the token from
// main's token path, shows calling → speak now → playing back → done as the bot takes each step
// (stepped by the test, never waited for), hangs up by itself, and leaves the camera preview
// running. Failures read as a meeting join's would (the network, no token). axe on each state;
// screenshots of the steps, in English and in Korean (dark). And once with the REAL SDK offline
// (token from the reference service through main): the call to 8:echo123 fails as a meeting join
// does (490/4525) and reads the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { translate, type Locale as Language } from '../../common/i18n';
import type { TokenReply } from '../../common/ipc-contract';
import type { ScriptedMeetingConfig } from '../../renderer/calling/practice/control';
import { createTokenService } from '../../main/tokens/token-service';
import { startHarness, type Harness as TokenServerHarness } from '../server/harness';
import { useChromiumApp, type HarnessSetup } from '../support/e2e';
import type { Harness } from '../support/harness';
import { waitForPreview } from '../support/join-screen';
import { axeViolations, checkRtlAndForcedColors, screenshot } from '../support/page-checks';
import { configureScriptedMeeting, fakeTokenService, scripted, waitForScriptedCall } from '../support/scripted-meeting/page';

const app = useChromiumApp();

function onJoinScreen(config: ScriptedMeetingConfig, options: HarnessSetup, run: (harness: Harness) => Promise<void>): Promise<void> {
  return app.withHarness(
    { tokens: fakeTokenService(), ...options },
    async (harness) => {
      harness.page.setDefaultTimeout(15_000);
      await configureScriptedMeeting(harness.page, { connectDelayMs: 50, echoBot: 'manual', ...config });
      await harness.open();
      await harness.page.locator('#name-input').fill('Tess Tester');
      await run(harness);
    },
    { open: false },
  );
}

const section = (page: Page) => page.locator('section.test-call');
const status = (page: Page) => page.getByTestId('test-call-status');
const currentStep = (page: Page) => page.locator('.test-call__steps li[aria-current="step"]').getAttribute('data-step');

async function expectPhase(page: Page, lang: Language, phase: 'greeting' | 'speakNow' | 'playingBack' | 'done'): Promise<void> {
  await expect.poll(() => section(page).getAttribute('data-phase')).toBe(phase);
  expect(await status(page).textContent()).toBe(translate(lang, `testCall.status.${phase}`));
}

describe('test call', () => {
  it('walks through calling, speak now, playing back and done with the bot, hangs up, and keeps the preview', async () => {
    await onJoinScreen({}, {}, async ({ page }) => {
      await waitForPreview(page);
      await page.locator('#test-call-button').click();
      await waitForScriptedCall(page);
      await expectPhase(page, 'en-US', 'greeting');
      expect(await currentStep(page)).toBe('calling');
      expect(await scripted(page, 'echoBotStep')).toBe('greeting');

      await scripted(page, 'echoBotNext');
      await expectPhase(page, 'en-US', 'speakNow');
      expect(await currentStep(page)).toBe('speakNow');
      expect(await axeViolations(page)).toEqual([]);
      await section(page).scrollIntoViewIfNeeded();
      await screenshot(page, 'join-test-call-speak');

      await scripted(page, 'echoBotNext');
      await expectPhase(page, 'en-US', 'playingBack');
      expect(await currentStep(page)).toBe('playingBack');

      await scripted(page, 'echoBotNext');
      await expectPhase(page, 'en-US', 'done');
      // It hangs up by itself; the guest can test again; the preview never stopped.
      await expect.poll(() => scripted(page, 'callState')).toBe('Disconnected');
      expect(await page.locator('#test-call-button').textContent()).toBe(translate('en-US', 'testCall.again'));
      expect(await page.locator('.join-preview').getAttribute('data-state')).toBe('on');
      expect(await axeViolations(page)).toEqual([]);
      await section(page).scrollIntoViewIfNeeded();
      await screenshot(page, 'join-test-call-done');
    });
  });

  it('can be ended at any step', async () => {
    await onJoinScreen({}, {}, async ({ page }) => {
      await page.locator('#test-call-button').click();
      await waitForScriptedCall(page);
      await expectPhase(page, 'en-US', 'greeting');
      await page.locator('#test-call-end').click();
      await expect.poll(() => section(page).getAttribute('data-phase')).toBe('stopped');
      await expect.poll(() => scripted(page, 'callState')).toBe('Disconnected');
      expect(await status(page).textContent()).toBe(translate('en-US', 'testCall.status.stopped'));
    });
  });

  it('explains a network failure as a meeting join would, with the codes', async () => {
    await onJoinScreen({ endWhileConnecting: { code: 490, subCode: 4525 } }, {}, async ({ page }) => {
      await page.locator('#test-call-button').click();
      await expect.poll(() => section(page).getAttribute('data-phase'), { timeout: 30_000 }).toBe('failed');
      const text = (await status(page).textContent()) ?? '';
      expect(text).toContain(translate('en-US', 'testCall.status.failed'));
      expect(text).toContain(translate('en-US', 'meeting.ended.networkLost'));
      expect(text).toContain('490');
      expect(await page.locator('.test-call__error').getAttribute('data-reason')).toBe('networkLost');
      expect(await axeViolations(page)).toEqual([]);
      await section(page).scrollIntoViewIfNeeded();
      await screenshot(page, 'join-test-call-failed');
    });
  });

  it('explains a token the service would not give', async () => {
    const tokens = { ...fakeTokenService(), get: async (): Promise<TokenReply> => ({ ok: false, error: 'unreachable' }) };
    await onJoinScreen({}, { tokens }, async ({ page }) => {
      await page.locator('#test-call-button').click();
      await expect.poll(() => section(page).getAttribute('data-phase'), { timeout: 30_000 }).toBe('failed');
      expect(await status(page).textContent()).toContain(translate('en-US', 'token.error.unreachable'));
      expect(await scripted(page, 'hasCall')).toBe(false);
    });
  });

  it('speaks Korean, in the dark theme', async () => {
    await onJoinScreen({}, { locale: 'ko-KR', colorScheme: 'dark' }, async ({ page }) => {
      await page.locator('#test-call-button').click();
      await waitForScriptedCall(page);
      await expectPhase(page, 'ko-KR', 'greeting');
      await scripted(page, 'echoBotNext');
      await expectPhase(page, 'ko-KR', 'speakNow');
      expect(await axeViolations(page)).toEqual([]);
      await section(page).scrollIntoViewIfNeeded();
      await screenshot(page, 'join-test-call-ko-dark');
    });
  });
});

describe('the test call with the real SDK, offline', () => {
  let tokenServer: TokenServerHarness;
  beforeAll(async () => {
    tokenServer = await startHarness();
  });
  afterAll(async () => {
    await tokenServer?.close();
  });

  it('reads right to left in Arabic, and stays visible in forced colours: speak now, and done', async () => {
    await onJoinScreen({}, { locale: 'ar-SA' }, async ({ page }) => {
      await page.locator('#test-call-button').click();
      await waitForScriptedCall(page);
      // Each step only once the guest's screen shows the one before (the bot's steps are scripted).
      await expectPhase(page, 'ar-SA', 'greeting');
      await scripted(page, 'echoBotNext');
      await expectPhase(page, 'ar-SA', 'speakNow');
      await section(page).scrollIntoViewIfNeeded();
      await checkRtlAndForcedColors(page, 'join-test-call-speak');
      await scripted(page, 'echoBotNext');
      await expectPhase(page, 'ar-SA', 'playingBack');
      await scripted(page, 'echoBotNext');
      await expectPhase(page, 'ar-SA', 'done');
      await checkRtlAndForcedColors(page, 'join-test-call-done');
    });
  }, 90_000);

  it('gets a real token through main, calls 8:echo123, and explains the failure as a meeting join would', async () => {
    const service = createTokenService({
      branding: { tokenEndpoint: '' },
      isPackaged: false,
      env: { DOORWAY_TOKEN_ENDPOINT: `${tokenServer.url}/api/token` },
      fetch: globalThis.fetch,
      log: () => undefined,
    });
    const requests: string[] = [];
    const tokens = {
      get: (displayName: string) => {
        requests.push(displayName);
        return service.get(displayName);
      },
      prefetch: (displayName: string) => service.prefetch(displayName),
    };
    await app.withHarness({ tokens }, async ({ page, logs }) => {
      page.setDefaultTimeout(20_000);
      await page.locator('#name-input').fill('Offline Oscar');
      await page.locator('#test-call-button').click();
      await expect.poll(() => section(page).getAttribute('data-phase'), { timeout: 60_000 }).toBe('failed');
      // Measured: the SDK gives up as it does for a meeting (490/4525), and the guest reads the same words.
      expect(await page.locator('.test-call__error').getAttribute('data-reason')).toBe('networkLost');
      const text = (await status(page).textContent()) ?? '';
      expect(text).toContain(translate('en-US', 'meeting.ended.networkLost'));
      expect(text).toContain('490');
      expect(requests).toContain('Offline Oscar');
      // The SDK accepted the bot's identifier (an UnknownIdentifier; as a communicationUserId it refuses it with 422/44004).
      expect(logs.some((line) => line.includes('44004'))).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
