// Every way a meeting ends, end to end with the scripted meeting: the ended screen explains each
// callEndReason in the guest's language, offers Rejoin where it can help, and shows the codes and
// the call id when it cannot tell. Rejoin starts a new call with a new call agent.
import { describe, expect, it } from 'vitest';
import { translate, type Locale as Language, type MessageKey } from '../../common/i18n';
import type { EndReasonKind } from '../../renderer/calling/call-model';
import { useChromiumApp, type HarnessSetup } from '../support/e2e';
import type { Harness, HarnessOptions } from '../support/harness';
import { axeViolations, screenshot } from '../support/page-checks';
import { expectScreenshot } from '../support/screenshot-baseline';
import type { ScriptedMeetingConfig } from '../../renderer/calling/practice/control';
import { configureScriptedMeeting, fakeTokenService, joinFromJoinScreen, scripted, waitForPhase } from '../support/scripted-meeting/page';

const app = useChromiumApp();

/** Opens the page itself: the meeting is configured, and the timeout set, before it loads. */
function withMeeting(config: ScriptedMeetingConfig, options: HarnessSetup, run: (harness: Harness) => Promise<void>): Promise<void> {
  return app.withHarness(
    { tokens: fakeTokenService(), ...options },
    async (harness) => {
      harness.page.setDefaultTimeout(15_000);
      await configureScriptedMeeting(harness.page, config);
      await harness.open();
      await run(harness);
    },
    { open: false },
  );
}

interface Case {
  code: number;
  subCode?: number;
  kind: EndReasonKind;
  rejoin: boolean;
  /** Where the call is when it ends. */
  from: 'lobby' | 'connected';
}

const CASES: Case[] = [
  { code: 0, subCode: 5854, kind: 'deniedFromLobby', rejoin: false, from: 'lobby' },
  { code: 0, subCode: 5855, kind: 'lobbyTimeout', rejoin: true, from: 'lobby' },
  { code: 0, subCode: 5000, kind: 'removed', rejoin: false, from: 'connected' },
  { code: 0, subCode: 4097, kind: 'endedForEveryone', rejoin: false, from: 'connected' },
  { code: 0, subCode: 5010, kind: 'everyoneLeft', rejoin: true, from: 'connected' },
  { code: 401, subCode: 10009, kind: 'tokenExpired', rejoin: true, from: 'connected' },
  { code: 496, subCode: 7, kind: 'networkLost', rejoin: true, from: 'connected' },
  { code: 410, subCode: 301005, kind: 'mediaConnectivity', rejoin: true, from: 'connected' },
  { code: 403, subCode: 5221, kind: 'anonymousNotAllowed', rejoin: false, from: 'lobby' },
  { code: 500, subCode: 40208, kind: 'unknown', rejoin: true, from: 'connected' },
];

const t = (lang: Language, key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);

describe('how a meeting ends', () => {
  it('explains each end reason, with Rejoin where it can help and the codes for support', async () => {
    await withMeeting({ lobby: true, connectDelayMs: 50, participants: 2, videoParticipants: 0 }, {}, async ({ page, joinLinks }) => {
      let joins = 0;
      for (const c of CASES) {
        await joinFromJoinScreen(page, { name: 'Ending Ed' });
        joins++;
        // The join goes through main's token and the agent first: wait for it, not for a fixed second.
        await expect.poll(async () => (await scripted(page, 'joins')).length, { timeout: 15_000 }).toBe(joins);
        await waitForPhase(page, 'lobby');
        if (c.from === 'connected') {
          await scripted(page, 'admit');
          await waitForPhase(page, 'connected');
        }
        await scripted(page, 'end', c.code, c.subCode);
        await waitForPhase(page, 'ended');
        const main = page.locator('main');
        expect(await main.getAttribute('data-reason'), `${c.code}/${c.subCode}`).toBe(c.kind);
        expect(await page.locator('.meeting-ended__reason').first().textContent()).toBe(t('en-US', `meeting.ended.${c.kind}`));
        const details = await page.locator('.meeting-ended__details').textContent();
        expect(details).toContain(`code ${c.code}, subcode ${c.subCode}`);
        expect(details).toMatch(/call ID scripted-call-/);
        expect(await page.getByRole('button', { name: t('en-US', 'meeting.ended.rejoin') }).count()).toBe(c.rejoin ? 1 : 0);
        await expect.poll(() => joinLinks.isInMeeting).toBe(false);
        if (c.kind === 'unknown') {
          expect(await axeViolations(page)).toEqual([]);
          // The details name this run's call ID (checked as text above).
          await expectScreenshot(page, 'meeting-ended', { mask: [page.locator('.meeting-ended__details')] });
        }
        await page.getByRole('button', { name: t('en-US', 'meeting.ended.back') }).click();
        await page.locator('#meeting-input').waitFor();
      }
      // Every call agent was released before the next was made.
      expect(await scripted(page, 'agents')).toEqual({ created: CASES.length, disposed: CASES.length });
    });
    // Ten joins, each through main's token and a new call agent, on a shared two-core machine.
  }, 120_000);

  it('rejoins with a new call after the network was lost, and joins by meeting ID and passcode', async () => {
    await withMeeting({ connectDelayMs: 50, participants: 1 }, {}, async ({ page }) => {
      await joinFromJoinScreen(page, { name: 'Rejoining Rae', meeting: 'Meeting ID: 234 567 890 123 Passcode: Ab3xYz' });
      await waitForPhase(page, 'connected');
      const [first] = await scripted(page, 'joins');
      expect(first.locator).toEqual({ meetingId: '234567890123', passcode: 'Ab3xYz' });
      await scripted(page, 'end', 490, 4525);
      await waitForPhase(page, 'ended');
      expect(await page.locator('main').getAttribute('data-reason')).toBe('networkLost');
      await page.getByRole('button', { name: t('en-US', 'meeting.ended.rejoin') }).click();
      await waitForPhase(page, 'connected');
      const joins = await scripted(page, 'joins');
      expect(joins).toHaveLength(2);
      expect(joins[1].locator).toEqual(first.locator);
      expect(await scripted(page, 'agents')).toEqual({ created: 2, disposed: 1 });
    });
  });

  it('explains a token the service could not give, in the token service\'s words, with Rejoin', async () => {
    // The join screen checks a token before Join; the meeting asks again and gets an error.
    const good = fakeTokenService();
    let calls = 0;
    const tokens: HarnessOptions['tokens'] = {
      get: async (name: string) => (++calls === 1 ? good.get(name) : { ok: false, error: 'offline' }),
      prefetch: () => undefined,
    };
    await withMeeting({ connectDelayMs: 50 }, { tokens }, async ({ page }) => {
      await joinFromJoinScreen(page, { name: 'Tokenless Tom' });
      await waitForPhase(page, 'ended');
      expect(await page.locator('main').getAttribute('data-reason')).toBe('tokenUnavailable');
      expect(await page.locator('.meeting-ended__reason').allTextContents()).toEqual([t('en-US', 'meeting.ended.tokenUnavailable'), t('en-US', 'token.error.offline')]);
      expect(await page.getByRole('button', { name: t('en-US', 'meeting.ended.rejoin') }).count()).toBe(1);
      expect(await scripted(page, 'agents')).toEqual({ created: 0, disposed: 0 });
      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it('speaks Korean in the lobby and on the ended screen (dark)', async () => {
    await withMeeting({ lobby: true, connectDelayMs: 50 }, { locale: 'ko-KR', colorScheme: 'dark' }, async ({ page }) => {
      await joinFromJoinScreen(page, { name: '김민준' });
      await waitForPhase(page, 'lobby');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('ko-KR', 'meeting.lobby.title'));
      expect(await page.locator('main').textContent()).toContain(t('ko-KR', 'meeting.lobby.body'));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-lobby-ko-dark');
      await scripted(page, 'end', 0, 5854);
      await waitForPhase(page, 'ended');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t('ko-KR', 'meeting.ended.title'));
      expect(await page.locator('.meeting-ended__reason').textContent()).toBe(t('ko-KR', 'meeting.ended.deniedFromLobby'));
      expect(await page.getByRole('button', { name: t('ko-KR', 'meeting.ended.back') }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'meeting-ended-ko-dark');
    });
  });
});
