// Doorway invitations end to end: the real service (server/, buildApp with the loopback Entra and
// Graph stand-ins) on loopback → its landing page in Chromium → the doorway:// link it opens,
// observed through the DevTools protocol → main's deep-link handling and invitation client → the
// join screen naming the meeting → a join through the scripted meeting. Also: a bound invitation's
// code step (sent, wrong, right; and locked), a revoked invitation, and a service that cannot be
// reached (with and without the Teams link in the deep link).
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import { parseMeetingInvite } from '../../main/links';
import { lastCode } from '../server/invitation-fixture';
import { ORGANIZER, startInvitationApp, type InvitationApp } from '../server/invitation-app';
import { useChromiumApp, type HarnessSetup } from '../support/e2e';
import type { Harness } from '../support/harness';
import { axeViolations, screenshot } from '../support/page-checks';
import { configureScriptedMeeting, fakeTokenService, scripted, waitForScriptedCall } from '../support/scripted-meeting/page';

const app = useChromiumApp();
let svc: InvitationApp;

beforeAll(async () => {
  svc = await startInvitationApp({ listen: true, codeLimiter: { take: async () => ({ allowed: true }) } });
});
afterAll(async () => {
  await svc?.close();
});

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en-US', key, params);

/** A harness whose main reads invitations from `serviceOrigin` (the service by default), with the scripted meeting. */
function withInvitations(run: (harness: Harness) => Promise<void>, options: HarnessSetup = {}) {
  return app.withHarness(
    { tokens: fakeTokenService(), serviceOrigin: svc.url, timezoneId: 'Asia/Seoul', ...options },
    async (harness) => {
      harness.page.setDefaultTimeout(20_000);
      await configureScriptedMeeting(harness.page, { participants: 1 });
      await harness.open();
      await run(harness);
    },
    { open: false },
  );
}

const card = (harness: Harness) => harness.page.getByTestId('meeting-card');
const joinButton = (harness: Harness) => harness.page.locator('.join form button[type="submit"]');
const joinReady = (harness: Harness) =>
  harness.page.waitForFunction(() => document.querySelector('.join form button[type="submit"]')?.getAttribute('aria-disabled') !== 'true', undefined, {
    timeout: 40_000,
  });

/** A meeting that starts `inMinutes` from now, on the Graph stand-in. */
function meetingIn(inMinutes: number, subject: string) {
  const start = new Date(Date.now() + inMinutes * 60_000);
  return svc.graph.addMeeting(ORGANIZER, {
    subject,
    startDateTime: start.toISOString(),
    endDateTime: new Date(start.getTime() + 3_600_000).toISOString(),
  });
}

describe('invitations on the join screen (the real service on loopback)', () => {
  it('the whole journey: staff API → landing page → doorway:// → join screen naming the meeting → joined', async () => {
    const meeting = meetingIn(10, 'Quarterly review with Contoso');
    const created = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, organizerName: 'Ada Lovelace', guest: { name: 'Pat Guest' } });

    // The landing page, in its own context, tries Doorway once by itself: the link is observed.
    const context = await app.browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Seoul' });
    let appLink: string | undefined;
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.enable');
      cdp.on('Page.frameRequestedNavigation', (event: { url: string }) => {
        if (event.url.startsWith('doorway:')) appLink ??= event.url;
      });
      await page.goto(created.url);
      await expect.poll(() => appLink, { timeout: 10_000 }).toBeDefined();
    } finally {
      await context.close();
    }
    expect(appLink).toBe(created.appLink);

    await withInvitations(async (harness) => {
      await expect(harness.joinLinks.deliver(appLink!)).resolves.toBe('sent');
      await expect.poll(() => harness.page.locator('#meeting-input').inputValue()).toBe(`${svc.url}/join/${created.id}`);
      await expect(harness.page.getByTestId('meeting-subject').textContent()).resolves.toBe('Quarterly review with Contoso');
      const when = await harness.page.getByTestId('meeting-when').textContent();
      expect(when).toMatch(/^Today at \d{1,2}:\d{2}/);
      await expect(harness.page.getByTestId('meeting-timing').getAttribute('data-timing')).resolves.toBe('startsSoon');
      await expect(card(harness).textContent()).resolves.toContain('Organized by Ada Lovelace');
      expect(await harness.page.getByText(en('join.meeting.teams', { host: 'teams.microsoft.com' })).count()).toBe(0);
      // The name staff gave fills the empty name field.
      await expect.poll(() => harness.page.locator('#name-input').inputValue()).toBe('Pat Guest');
      await joinReady(harness);
      expect(await axeViolations(harness.page)).toEqual([]);
      await screenshot(harness.page, 'join-screen-invitation');

      await joinButton(harness).click();
      await waitForScriptedCall(harness.page);
      const [join] = await scripted(harness.page, 'joins');
      const expected = parseMeetingInvite(meeting.joinWebUrl);
      expect(expected.ok === true && join.locator).toEqual({ meetingLink: expected.ok === true && expected.target.kind === 'link' ? expected.target.meetingLink : '' });
      // The renderer never saw the service's address in a request of its own, nor any grant.
      expect(harness.logs.filter((line) => line.includes('invitations: invitationFetched'))).toHaveLength(1);
    });
  });

  it('a bound invitation pasted as its https URL: code sent → wrong code (attempts left) → right code → joins', async () => {
    const meeting = meetingIn(-5, 'Board meeting');
    const { id } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { email: 'pat@example.org' }, bindToEmail: true });
    await withInvitations(async (harness) => {
      const { page } = harness;
      await page.locator('#meeting-input').fill(`${svc.url}/join/${id}`);
      await page.getByTestId('invitation-code').waitFor();
      await expect(page.getByTestId('meeting-timing').getAttribute('data-timing')).resolves.toBe('started');
      await expect(page.getByTestId('invitation-code').textContent()).resolves.toContain('p•••@e•••.org');
      await page.locator('#name-input').fill('Pat');
      expect(await joinButton(harness).getAttribute('aria-disabled')).toBe('true');
      await expect(page.locator('#join-notes').textContent()).resolves.toBe(en('join.notReadyCode'));

      await page.getByRole('button', { name: en('invitation.code.send') }).click();
      const codeField = page.getByLabel(en('invitation.code.label'));
      await codeField.waitFor();
      const code = lastCode(svc.graph);
      await codeField.fill(code === '000000' ? '000001' : '000000');
      await page.getByRole('button', { name: en('invitation.code.verify') }).click();
      const error = page.getByTestId('invitation-code-error');
      await expect.poll(() => error.getAttribute('data-code')).toBe('wrongCode');
      await expect(error.textContent()).resolves.toBe(en('invitation.code.attemptsLeft', { count: 4 }));
      await expect.poll(() => codeField.inputValue()).not.toBe(''); // what was typed is kept
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'join-screen-invitation-code');

      await codeField.fill(code);
      await codeField.press('Enter');
      await page.getByTestId('invitation-code').waitFor({ state: 'detached' });
      await joinReady(harness);
      await joinButton(harness).click();
      await waitForScriptedCall(page);
      const [join] = await scripted(page, 'joins');
      expect(join.locator).toEqual({ meetingLink: expect.stringContaining('teams.microsoft.com/l/meetup-join/') });
    });
  });

  it('too many wrong codes lock the invitation, and the join screen says so', async () => {
    const meeting = meetingIn(30, 'Locked out');
    const { id } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { email: 'pat@example.org' }, bindToEmail: true });
    await withInvitations(async (harness) => {
      const { page } = harness;
      await harness.joinLinks.deliver(`doorway://join?invite=${id}`);
      await page.getByRole('button', { name: en('invitation.code.send') }).click();
      const codeField = page.getByLabel(en('invitation.code.label'));
      const codeError = page.getByTestId('invitation-code-error');
      const error = page.getByTestId('invitation-error');
      const settled = () => page.waitForFunction(() => !document.querySelector('.invitation-code [aria-busy="true"]'));
      // Each code allows a few tries (then: send a new one, after the service's minimum interval,
      // passed on its clock); wrong tries across codes lock the invitation.
      for (let n = 0; n < 20 && (await error.count()) === 0; n++) {
        if ((await codeError.getAttribute('data-code', { timeout: 500 }).catch(() => null)) === 'codeExpired') {
          svc.clock.now += 5 * 60_000;
          await page.getByRole('button', { name: en('invitation.code.resend') }).click();
          await settled();
        }
        const code = lastCode(svc.graph);
        await codeField.fill(code === '000000' ? '000001' : '000000');
        await page.getByRole('button', { name: en('invitation.code.verify') }).click();
        await settled();
      }
      await expect(error.getAttribute('data-code')).resolves.toBe('locked');
      await expect(error.textContent()).resolves.toBe(en('invitation.error.locked'));
      expect(await page.getByTestId('invitation-code').count()).toBe(0);
      expect(await joinButton(harness).getAttribute('aria-disabled')).toBe('true');
    });
  });

  it('a revoked invitation is refused, even with the Teams link in the deep link', async () => {
    const meeting = meetingIn(60, 'Withdrawn');
    const { id, appLink } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER } });
    const revoked = await svc.app.inject({ method: 'DELETE', url: `/api/invitations/${id}`, headers: { authorization: `Bearer ${await svc.staffToken()}` } });
    expect(revoked.statusCode).toBeLessThan(300);
    await withInvitations(async (harness) => {
      await harness.joinLinks.deliver(appLink);
      const error = harness.page.getByTestId('invitation-error');
      await expect.poll(() => error.getAttribute('data-code')).toBe('revoked');
      await expect(error.textContent()).resolves.toBe(en('invitation.error.revoked'));
      await harness.page.locator('#name-input').fill('Pat');
      // The name is on screen and two frames have passed since: any render the typing caused is done.
      await expect.poll(() => harness.page.locator('#name-input').inputValue()).toBe('Pat');
      await harness.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await joinButton(harness).getAttribute('aria-disabled')).toBe('true');
    });
  });

  it('service unreachable: joins by the Teams link the deep link carried, or says plainly it cannot', async () => {
    const closedOrigin = `http://127.0.0.1:${await closedPort()}`;
    const meeting = meetingIn(5, 'Offline');
    const id = 'AbCdEfGhIjKlMnOpQrSt_-';
    await withInvitations(
      async (harness) => {
        const { page } = harness;
        await harness.joinLinks.deliver(`doorway://join?invite=${id}`);
        const error = page.getByTestId('invitation-error');
        await expect.poll(() => error.getAttribute('data-code'), { timeout: 30_000 }).toBe('unreachable');
        await expect(error.textContent()).resolves.toBe(en('invitation.error.unreachable'));

        await harness.joinLinks.deliver(`doorway://join?invite=${id}&link=${encodeURIComponent(meeting.joinWebUrl)}`);
        await expect.poll(() => error.textContent(), { timeout: 30_000 }).toBe(en('invitation.fallback'));
        await page.locator('#name-input').fill('Pat');
        await joinReady(harness);
        await joinButton(harness).click();
        await waitForScriptedCall(page);
        const [join] = await scripted(page, 'joins');
        expect(join.locator).toEqual({ meetingLink: expect.stringContaining('teams.microsoft.com/l/meetup-join/') });
      },
      { serviceOrigin: closedOrigin },
    );
  });
});

/** A loopback port nothing listens on (bound, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
