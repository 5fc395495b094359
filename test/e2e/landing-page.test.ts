// The invitation landing page in real Chromium, served by the whole service (buildApp) with Graph
// and Entra as loopback stand-ins: the doorway:// attempt is observed through the DevTools
// protocol (Page.frameRequestedNavigation), with and without JavaScript; axe finds nothing; the CSP
// reports nothing; the time shows in the browser's own zone; a bound invitation's code forms work
// without JavaScript. Screenshots (test-output/screenshots/landing-page-*.png) are the README's.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastCode } from '../server/invitation-fixture';
import { ORGANIZER, startInvitationApp, type InvitationApp } from '../server/invitation-app';
import { launchChromium } from '../support/chromium';
import { axeViolations, checkRtlAndForcedColors, screenshot } from '../support/page-checks';
import { pauseClock } from '../support/page-clock';

let svc: InvitationApp;
let browser: Browser;

beforeAll(async () => {
  svc = await startInvitationApp({ listen: true, codeLimiter: { take: async () => ({ allowed: true }) } });
  browser = await launchChromium({ grantMedia: false, withoutBrowserUi: true });
});
afterAll(async () => {
  await browser?.close();
  await svc?.close();
});

interface Watched {
  page: Page;
  context: BrowserContext;
  /** Navigations the page asked for (URL and reason), external schemes included. */
  requested: Array<{ url: string; reason: string }>;
  cspViolations: string[];
}

/** Opens `url` in a new context; `clock`: with Playwright's controllable clock (page-clock.ts). */
async function open(url: string, options: { locale?: string; timezoneId?: string; javaScriptEnabled?: boolean; clock?: boolean } = {}): Promise<Watched> {
  const context = await browser.newContext({ locale: options.locale ?? 'en-GB', timezoneId: options.timezoneId ?? 'UTC', javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: 900, height: 900 } });
  if (options.clock) await context.clock.install();
  const page = await context.newPage();
  const requested: Watched['requested'] = [];
  const cspViolations: string[] = [];
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.enable');
  cdp.on('Page.frameRequestedNavigation', (event) => requested.push({ url: event.url, reason: event.reason }));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(url);
  return { page, context, requested, cspViolations };
}

/**
 * Lets a minute of the page's time pass at once (every timer due in it runs: a script that tried
 * doorway:// again would have), makes a round trip to the page, behind what that minute started,
 * and lets time run again.
 */
async function aMinuteLater(page: Page): Promise<void> {
  await pauseClock(page);
  await page.clock.runFor(60_000);
  await page.evaluate(() => document.readyState);
  await page.clock.resume();
}

describe('landing page in Chromium', () => {
  it('tries doorway:// once by itself, keeps the page, passes axe, and shows the time in the guest zone', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER, { subject: 'Quarterly review with Contoso', startDateTime: '2030-03-14T09:00:00.000Z', endDateTime: '2030-03-14T10:00:00.000Z' });
    const { id } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, organizerName: 'Ada Lovelace' });
    const pageUrl = `${svc.url}/join/${id}`;
    const { page, context, requested, cspViolations } = await open(pageUrl, { timezoneId: 'Asia/Seoul', clock: true });
    try {
      const appLink = `doorway://join?invite=${id}&link=${encodeURIComponent(meeting.joinWebUrl)}`;
      await expect.poll(() => requested.length).toBeGreaterThan(0);
      expect(requested).toEqual([{ url: appLink, reason: 'metaTagRefresh' }]);
      await aMinuteLater(page);
      expect(requested).toHaveLength(1);
      expect(page.url()).toBe(pageUrl);
      await expect(page.locator('h1').textContent()).resolves.toBe('Quarterly review with Contoso');
      // The external script localized the time to Seoul (UTC+9) and hid the UTC note.
      await expect(page.locator('time').textContent()).resolves.toMatch(/14 March 2030.*18:00.*19:00.*GMT\+9/);
      await expect(page.locator('[data-time-note]').isHidden()).resolves.toBe(true);
      await expect(page.getByRole('button', { name: 'Copy' }).isVisible()).resolves.toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      expect(cspViolations).toEqual([]);
      await screenshot(page, 'landing-page-en');
      // The button is the same link (Chromium does not launch an external scheme again so soon, so
      // a click here shows nothing new to observe).
      await expect(page.getByRole('link', { name: 'Open in Doorway' }).getAttribute('href')).resolves.toBe(appLink);
    } finally {
      await context.close();
    }
  });

  it('works without JavaScript: the same single attempt, the time in UTC, and in Korean from the browser language', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER, { subject: '분기 검토', startDateTime: '2030-03-14T09:00:00.000Z', endDateTime: '2030-03-14T10:00:00.000Z' });
    const { id } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, organizerName: '김민준' });
    const { page, context, requested } = await open(`${svc.url}/join/${id}`, { locale: 'ko-KR', javaScriptEnabled: false });
    try {
      await expect.poll(() => requested.length).toBeGreaterThan(0);
      expect(requested.map((r) => r.url)).toEqual([`doorway://join?invite=${id}&link=${encodeURIComponent(meeting.joinWebUrl)}`]);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ko-KR');
      await expect(page.locator('time').textContent()).resolves.toContain('(UTC)');
      await expect(page.getByRole('link', { name: 'Doorway에서 열기' }).isVisible()).resolves.toBe(true);
    } finally {
      await context.close();
    }
    // axe runs as a script, so it checks the Korean page in a context with JavaScript on.
    const withScript = await open(`${svc.url}/join/${id}`, { locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    try {
      await expect(withScript.page.locator('time').textContent()).resolves.toContain('오후 6:00');
      expect(await axeViolations(withScript.page)).toEqual([]);
      expect(withScript.cspViolations).toEqual([]);
      await screenshot(withScript.page, 'landing-page-ko');
    } finally {
      await withScript.context.close();
    }
  });

  it('bound invitation without JavaScript: email a code, a wrong code, the right code, then the page opens Doorway', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER, { subject: 'Board meeting' });
    const { id } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { email: 'pat@example.org' }, bindToEmail: true });
    const { page, context, requested } = await open(`${svc.url}/join/${id}`, { javaScriptEnabled: false });
    try {
      expect(await page.content()).not.toContain('meetup-join');
      await page.getByRole('button', { name: 'Email me a code' }).click();
      await expect(page.getByRole('status').textContent()).resolves.toContain('We sent a code to p•••@e•••.org');
      const code = lastCode(svc.graph);
      await page.getByLabel('Code from the email').fill(code === '000000' ? '000001' : '000000');
      await page.getByRole('button', { name: 'Confirm' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('4 attempts left');
      await screenshot(page, 'landing-page-code');
      expect(requested.filter((r) => r.url.startsWith('doorway:'))).toEqual([]);
      await page.getByLabel('Code from the email').fill(code);
      await page.getByRole('button', { name: 'Confirm' }).click();
      await expect.poll(() => requested.some((r) => r.url.startsWith('doorway:'))).toBe(true);
      expect(requested.filter((r) => r.url.startsWith('doorway:')).map((r) => r.url)).toEqual([`doorway://join?invite=${id}&link=${encodeURIComponent(meeting.joinWebUrl)}`]);
    } finally {
      await context.close();
    }
    // The code forms, checked by axe (a script) on a fresh bound invitation.
    const other = svc.graph.addMeeting(ORGANIZER);
    const second = await svc.createInvitation({ meeting: { joinUrl: other.joinWebUrl, organizer: ORGANIZER }, guest: { email: 'pat@example.org' }, bindToEmail: true });
    const withScript = await open(`${svc.url}/join/${second.id}`);
    try {
      expect(await axeViolations(withScript.page)).toEqual([]);
      expect(withScript.cspViolations).toEqual([]);
    } finally {
      await withScript.context.close();
    }
  });

  it('shows the revoked state plainly, with no attempt to open Doorway', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER);
    const { id } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER } });
    await svc.app.inject({ method: 'DELETE', url: `/api/invitations/${id}`, headers: { authorization: `Bearer ${await svc.staffToken()}` } });
    const { page, context, requested } = await open(`${svc.url}/join/${id}`, { clock: true });
    try {
      await expect(page.locator('h1').textContent()).resolves.toBe('This invitation was withdrawn');
      await aMinuteLater(page);
      expect(requested).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reads right to left in Arabic (from the browser language), and stays visible in forced colours', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER, { subject: 'مراجعة ربع سنوية مع Contoso', startDateTime: '2030-03-14T09:00:00.000Z', endDateTime: '2030-03-14T10:00:00.000Z' });
    const { id } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, organizerName: 'Ada Lovelace' });
    const { page, context, cspViolations } = await open(`${svc.url}/join/${id}`, { locale: 'ar-SA', timezoneId: 'Asia/Riyadh' });
    try {
      await expect(page.locator('h1').textContent()).resolves.toBe('مراجعة ربع سنوية مع Contoso');
      // The heading's text starts at its box's inline start: the right.
      const gap = await page.locator('h1').evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = range.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return { left: text.left - box.left, right: box.right - text.right };
      });
      expect(gap.right).toBeLessThan(gap.left);
      await checkRtlAndForcedColors(page, 'landing-page');
      expect(cspViolations).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
