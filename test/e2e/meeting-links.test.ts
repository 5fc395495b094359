// Meeting links end to end: a deep link delivered through the real main-process intake fills the
// join screen (warm and cold start), a pasted invitation wrapped by Outlook Safe Links is read,
// a refused link shows its reason in the guest's language, and a meeting ID without its passcode
// asks for the passcode in place.
import { describe, expect, it } from 'vitest';
import { translate, type Locale } from '../../common/i18n';
import { eventChannels } from '../../common/ipc-contract';
import { buildDeepLink, parseMeetingInvite } from '../../main/links';
import { useChromiumApp, type HarnessSetup } from '../support/e2e';
import { LINK_SCHEME, type Harness } from '../support/harness';
import { axeViolations } from '../support/page-checks';

const MEETING = 'https://teams.microsoft.com/meet/2345678901234?p=Ab3xYz';

const app = useChromiumApp();

/** Each test opens the page itself: a cold-start link must arrive before it loads. */
const withHarness = (options: HarnessSetup, run: (harness: Harness) => Promise<void>) => app.withHarness(options, run, { open: false });

const meetingField = (harness: Harness, lang: Locale = 'en-US') => harness.page.getByLabel(translate(lang, 'join.meeting'), { exact: true });
const found = (lang: Locale = 'en-US') => translate(lang, 'join.meeting.teams', { host: 'teams.microsoft.com' });

describe('meeting links into the join screen', () => {
  it('warm start: a deep link from the OS fills the join screen, and nothing joins by itself', async () => {
    await withHarness({}, async (harness) => {
      await harness.open();
      const outcome = await harness.joinLinks.deliver(buildDeepLink({ kind: 'link', meetingLink: MEETING }, LINK_SCHEME));
      expect(outcome).toBe('sent');
      await expect.poll(() => meetingField(harness).inputValue(), { timeout: 10_000 }).toBe(MEETING);
      await harness.page.getByText(found()).waitFor();
      expect(await harness.page.getByRole('main').count()).toBe(1);
      expect(await axeViolations(harness.page)).toEqual([]);
    });
  });

  it('cold start: a link that arrives before the page is ready waits, then fills the join screen', async () => {
    await withHarness({}, async (harness) => {
      const outcome = await harness.joinLinks.deliver(
        buildDeepLink({ kind: 'meetingId', meetingId: '234 567 890 123', passcode: 'Ab3xYz' }, LINK_SCHEME),
      );
      expect(outcome).toBe('queued');
      await harness.open();
      await harness.page.getByText(translate('en-US', 'join.meeting.id', { id: '234 567 890 123' })).waitFor({ timeout: 10_000 });
      expect(await harness.page.getByText('Ab3xYz').count()).toBe(0); // the passcode is never shown
    });
  });

  it('after a crash, offers the meeting the guest was in, filled in and explained', async () => {
    await withHarness({}, async (harness) => {
      await harness.open();
      harness.contents.send(eventChannels.joinRequested, { invite: parseMeetingInvite(MEETING), reason: 'recovered' });
      await harness.page.getByText(translate('en-US', 'join.recovered', { app: 'Doorway' })).waitFor({ timeout: 10_000 });
      await expect.poll(() => meetingField(harness).inputValue(), { timeout: 10_000 }).toBe(MEETING);
      expect(await axeViolations(harness.page)).toEqual([]);
    });
  });

  it('reads a whole invitation email pasted with its join link wrapped by Outlook Safe Links', async () => {
    await withHarness({}, async (harness) => {
      await harness.open();
      const wrapped = `https://eur01.safelinks.protection.outlook.com/?url=${encodeURIComponent(MEETING)}&data=05%7C02%7Cguest%40example.com&sdata=abc%3D&reserved=0`;
      const email = [
        'From: Dr. Kim <kim@clinic.example>',
        'Subject: Your video appointment',
        '',
        '________________________________________________________________________________',
        'Microsoft Teams Need help?<https://aka.ms/JoinTeamsMeeting?omkt=en-US>',
        `Join the meeting now<${wrapped}>`,
        'Meeting ID: 234 567 890 123',
        'Passcode: Ab3xYz',
        '________________________________________________________________________________',
      ].join('\n');
      await meetingField(harness).fill(email);
      // Read as the Teams meeting inside the Safe Links wrapper, and joinable once named.
      await expect.poll(() => harness.page.getByText(found()).count(), { timeout: 10_000 }).toBe(1);
      await harness.page.locator('#name-input').fill('Pat');
      await expect.poll(() => harness.page.locator('.join form button[type="submit"]').getAttribute('aria-disabled'), { timeout: 10_000 }).not.toBe('true');
      expect(await harness.page.getByText('safelinks.protection.outlook.com', { exact: false }).count()).toBe(0);
    });
  });

  it('asks for the passcode in place when only the passcode is missing, and joins by ID once it is typed', async () => {
    await withHarness({ locale: 'de-DE' }, async (harness) => {
      await harness.open();
      const { page } = harness;
      await meetingField(harness, 'de-DE').fill('Besprechungs-ID\u202f: 263 829 185 487');
      const passcode = page.getByLabel(translate('de-DE', 'join.passcode'), { exact: true });
      await passcode.waitFor({ timeout: 10_000 });
      await page.getByText(translate('de-DE', 'join.passcode.hint', { id: '263 829 185 487' })).waitFor();
      // The meeting field itself is not in error: the passcode field asks.
      expect(await page.getByText(translate('de-DE', 'link.problem.missingPasscode')).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);

      await passcode.fill('Wx5$vmh');
      await page.getByText(translate('de-DE', 'join.passcode.invalid')).waitFor({ timeout: 10_000 });
      await passcode.fill('Wx5vmh');
      await page.getByText(translate('de-DE', 'join.meeting.found'), { exact: true }).waitFor({ timeout: 10_000 });
      await page.getByText(translate('de-DE', 'join.meeting.id', { id: '263 829 185 487' }), { exact: true }).waitFor();
      expect(await page.getByText(translate('de-DE', 'join.passcode.invalid')).count()).toBe(0);
    });
  });

  it('says a passcode alone lacks its meeting ID rather than that it is not a Teams meeting', async () => {
    await withHarness({}, async (harness) => {
      await harness.open();
      await meetingField(harness).fill('Passcode: Wx5vmh');
      await harness.page.getByText(translate('en-US', 'link.problem.missingMeetingId')).waitFor({ timeout: 10_000 });
    });
  });

  it('names what is wrong with a typed ID or passcode, in place under the meeting field', async () => {
    await withHarness({}, async (harness) => {
      await harness.open();
      const message = harness.page.locator('#meeting-input-message');
      await meetingField(harness).fill('Meeting ID: 263 829 185 487\nPasscode: Wx5$vmh');
      await expect.poll(() => message.textContent(), { timeout: 10_000 }).toBe(translate('en-US', 'link.problem.passcodeCharacters'));
      await meetingField(harness).fill('Meeting ID: 263 829 18\nPasscode: Wx5vmh');
      await expect.poll(() => message.textContent(), { timeout: 10_000 }).toBe(translate('en-US', 'link.problem.meetingIdLength'));
      // A dial-in line is a phone number, not a meeting ID.
      await meetingField(harness).fill('+1 425-555-0100,,123456789#');
      await expect.poll(() => message.textContent(), { timeout: 10_000 }).toBe(translate('en-US', 'link.problem.notTeamsLink'));
    });
  });

  it('explains a refused link in the guest language (Korean)', async () => {
    await withHarness({ locale: 'ko-KR' }, async (harness) => {
      await harness.open();
      await meetingField(harness, 'ko-KR').fill('https://teams.live.com/meet/9876543210?p=abc');
      await harness.page.getByText(translate('ko-KR', 'link.problem.personalTeams')).waitFor({ timeout: 10_000 });
      expect(await axeViolations(harness.page)).toEqual([]);
    });
  });
});
