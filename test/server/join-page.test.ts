// The landing page through inject(): language, CSP, no inline script, states and their statuses,
// escaping, and a bound invitation's code forms (no JavaScript needed) before any join detail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_CSP } from '../../server/routes/join-page';
import { lastCode } from './invitation-fixture';
import { ORGANIZER, startInvitationApp, type InvitationApp } from './invitation-app';

let svc: InvitationApp;

beforeAll(async () => {
  svc = await startInvitationApp({ codeLimiter: { take: async () => ({ allowed: true }) } });
});
afterAll(() => svc.close());

const page = (url: string, headers: Record<string, string> = {}) => svc.app.inject({ method: 'GET', url, headers });
const form = (url: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
  svc.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: new URLSearchParams(body).toString() });

describe('landing page GET /join/<id>', () => {
  it('shows the meeting, tries doorway:// once by meta refresh, offers downloads and the invitation, under a strict CSP', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER, { subject: '<img src=x onerror=alert(1)> Plan' });
    const { id } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, organizerName: 'Ada "The Countess"' });
    const res = await page(`/join/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(res.headers['x-frame-options']).toBe('DENY');
    const html = res.body;
    expect(html).toContain('<html lang="en-US" dir="ltr">');
    expect(html).toContain('&lt;img src=x onerror=alert(1)> Plan');
    expect(html).not.toContain('<img');
    expect(html).toContain('Ada &quot;The Countess&quot;');
    const appLink = `doorway://join?invite=${id}&amp;link=${encodeURIComponent(meeting.joinWebUrl)}`;
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${appLink}"/>`);
    expect(html).toContain(`href="${appLink}"`);
    expect(html).toContain(`<time datetime="${meeting.startDateTime}" data-ends="${meeting.endDateTime}">`);
    expect(html).toContain('href="https://downloads.contoso.example/Doorway-Setup.exe"');
    expect(html).toContain(`value="https://doorway.contoso.example/join/${id}"`);
    // Every script is external; no inline handlers or styles.
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="/assets/join.js" defer>']);
    expect(html).not.toMatch(/<[^>]*\s(on\w+|style)=/);
    expect(svc.logs.some((line) => line.includes('"invitationOpened"') && line.includes('"page"'))).toBe(true);
  });

  it('speaks the guest language (best fit of Accept-Language, ?lang= switch), right to left where it should, and links to the others', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER);
    const { id } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER } });
    const korean = await page(`/join/${id}`, { 'accept-language': 'gd-GB,ko;q=0.9,en;q=0.5' });
    expect(korean.body).toContain('<html lang="ko-KR" dir="ltr">');
    expect(korean.body).toContain('Doorway에서 열기');
    expect(korean.body).toContain(`href="/join/${id}?lang=en-US"`);
    expect(korean.body).toContain(`href="/join/${id}?lang=ar-SA" lang="ar-SA" hreflang="ar-SA" dir="rtl"`);
    expect((await page(`/join/${id}?lang=ko`, { 'accept-language': 'en' })).body).toContain('<html lang="ko-KR" dir="ltr">');
    expect((await page(`/join/${id}?lang=xx&utm_source=mail`, { 'accept-language': 'en-AU' })).body).toContain('<html lang="en-GB" dir="ltr">');
    expect((await page(`/join/${id}`, { 'accept-language': 'ar-EG,en;q=0.5' })).body).toContain('<html lang="ar-SA" dir="rtl">');
    expect((await page(`/join/${id}`, { 'accept-language': 'zh-HK' })).body).toContain('<html lang="zh-TW" dir="ltr">');
  });

  it('says clearly when an invitation is unknown (404), revoked or expired (410), and never redirects', async () => {
    const unknown = await page(`/join/${'Z'.repeat(22)}`);
    expect([unknown.statusCode, unknown.body.includes('We could not find this invitation')]).toEqual([404, true]);
    const malformed = await page('/join/..%2f..%2fhttps:%2f%2fevil.example');
    expect([malformed.statusCode, malformed.headers.location, malformed.body.includes('evil.example')]).toEqual([404, undefined, false]);
    const meeting = svc.graph.addMeeting(ORGANIZER);
    const { id } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER } });
    await svc.app.inject({ method: 'DELETE', url: `/api/invitations/${id}`, headers: { authorization: `Bearer ${await svc.staffToken()}` } });
    const revoked = await page(`/join/${id}`, { 'accept-language': 'ko' });
    expect([revoked.statusCode, revoked.body.includes('취소된 초대입니다'), revoked.body.includes('doorway://')]).toEqual([410, true, false]);
    const later = svc.graph.addMeeting(ORGANIZER);
    const second = await svc.createInvitation({ meeting: { joinUrl: later.joinWebUrl, organizer: ORGANIZER } });
    const saved = svc.clock.now;
    svc.clock.now = Date.parse(later.endDateTime) + 3 * 3_600_000;
    try {
      const expired = await page(`/join/${second.id}`);
      expect([expired.statusCode, expired.body.includes('This invitation has expired'), expired.body.includes('meetup-join')]).toEqual([410, true, false]);
    } finally {
      svc.clock.now = saved;
    }
  });

  it('bound: code forms first, no Teams link in the HTML until the right code, which then opens the page', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER, { subject: 'Board' });
    const { id } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { email: 'pat@example.org' }, bindToEmail: true });
    const secrets = [meeting.joinWebUrl, encodeURIComponent(meeting.joinWebUrl), 'meetup-join', meeting.joinMeetingIdSettings!.passcode!, 'doorway://'];
    const first = await page(`/join/${id}`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain(`action="/join/${id}/code"`);
    expect(first.body).toContain('p•••@e•••.org');
    for (const secret of secrets) expect(first.body).not.toContain(secret);

    const sent = await form(`/join/${id}/code`, { lang: 'en' }, { origin: 'https://doorway.contoso.example' });
    expect(sent.body).toContain('We sent a code to p•••@e•••.org');
    const code = lastCode(svc.graph);
    const bad = await form(`/join/${id}/verify`, { code: '12ab', lang: 'ko' });
    expect(bad.body).toContain('6자리 숫자');
    const wrong = await form(`/join/${id}/verify`, { code: code === '111111' ? '222222' : '111111', lang: 'en' });
    expect(wrong.body).toContain('4 attempts left');
    for (const secret of [...secrets, code]) expect(sent.body + bad.body + wrong.body).not.toContain(secret);
    const crossSite = await form(`/join/${id}/verify`, { code }, { origin: 'https://evil.example' });
    expect(crossSite.statusCode).toBe(403);
    const right = await form(`/join/${id}/verify`, { code, lang: 'en' });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain(`doorway://join?invite=${id}&amp;link=${encodeURIComponent(meeting.joinWebUrl)}`);
    // The next visit asks again: the browser holds no grant.
    expect((await page(`/join/${id}`)).body).not.toContain('meetup-join');
  });

  it('serves its one script and stylesheet with their types', async () => {
    const js = await page('/assets/join.js');
    expect([js.statusCode, js.headers['content-type'], js.headers['cache-control']]).toEqual([200, 'text/javascript; charset=utf-8', 'public, max-age=3600']);
    const css = await page('/assets/join.css');
    expect([css.statusCode, css.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
  });
});
