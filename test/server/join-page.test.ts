// The landing page through inject(): language, CSP, no inline script, states and their statuses,
// escaping, and a bound invitation's code forms (no JavaScript needed) before any join detail.
import { createHash } from 'node:crypto';
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
    const missing = await form(`/join/${id}/verify`, { lang: 'en' });
    expect([missing.statusCode, missing.body.includes('Enter the 6 digits from the email.')]).toEqual([200, true]);
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

  it('serves its one script with its type; its stylesheet is inline, admitted by its hash and nothing else', async () => {
    const js = await page('/assets/join.js');
    expect([js.statusCode, js.headers['content-type'], js.headers['cache-control']]).toEqual([200, 'text/javascript; charset=utf-8', 'public, max-age=3600']);
    const meeting = svc.graph.addMeeting(ORGANIZER);
    const { id } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER } });
    const shown = await page(`/join/${id}`);
    const styles = [...shown.body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => css);
    expect(styles).toHaveLength(1);
    expect(styles[0]).toContain('.button, button {');
    const hash = `'sha256-${createHash('sha256').update(styles[0]).digest('base64')}'`;
    expect(String(shown.headers['content-security-policy']).match(/style-src ([^;]*)/)?.[1]).toBe(hash);
    expect(shown.body).not.toContain('rel="stylesheet"');
    expect((await page('/assets/join.css')).statusCode).toBe(404);
  });

  it('bound: tells the guest each step in the right tone (sent as status, problems as alerts), and what to do next', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER, { subject: 'Steps' });
    const { id } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { email: 'pat@example.org' }, bindToEmail: true });
    const origin = { origin: 'https://doorway.contoso.example' };
    const first = await page(`/join/${id}`);
    expect(first.body).toContain('This invitation is for p•••@e•••.org. We will email a 6-digit code to that address.');
    expect(first.body).toContain('<button type="submit" class="button">Email me a code</button>');
    expect(first.body).not.toContain('class="notice');
    expect(first.body).toContain(`<form method="post" action="/join/${id}/verify"><input type="hidden" name="lang" value="en-US"/>`);

    // No code asked for yet: the code has expired, as an alert.
    const early = await form(`/join/${id}/verify`, { code: '123456' }, origin);
    expect(early.statusCode).toBe(200);
    expect(early.body).toContain('<p class="notice problem" role="alert">That code has expired. Ask for a new one.</p>');

    // Graph cannot mail it: said so, the guest may send again (not "a new code"), nothing was sent.
    svc.graph.failNext({ status: 500 }, 3);
    const failed = await form(`/join/${id}/code`, { lang: 'en' }, origin);
    expect(failed.body).toContain('<p class="notice problem" role="alert">We could not send the code just now. Try again in a few minutes.</p>');
    expect(failed.body).toContain('<button type="submit" class="button">Email me a code</button>');

    // The failed attempt counts towards the invitation's limit (one code every 30 s).
    svc.clock.now += 31_000;
    const sent = await form(`/join/${id}/code`, {}, origin);
    expect(sent.body).toContain('<p class="notice" role="status">We sent a code to p•••@e•••.org. It is valid for 10 minutes.</p>');
    expect(sent.body).toContain('<button type="submit" class="secondary">Send a new code</button>');
    // Again at once: the invitation's own limit, with the wait in Retry-After.
    const again = await form(`/join/${id}/code`, {}, origin);
    expect([again.statusCode, again.headers['retry-after']]).toEqual([200, '30']);
    expect(again.body).toContain('<p class="notice problem" role="alert">Too many tries. Wait a minute, then try again.</p>');
    expect(again.body).toContain('<button type="submit" class="secondary">Send a new code</button>');

    const code = lastCode(svc.graph);
    const wrong = await form(`/join/${id}/verify`, { code: code === '111111' ? '222222' : '111111' }, origin);
    expect(wrong.body).toContain('<p class="notice problem" role="alert">That code is not right. 4 attempts left.</p>');
    // A browser that sends no Origin (an older one) may post; the page's own origin may; no other.
    expect((await form(`/join/${id}/code`, {}, { origin: 'null' })).statusCode).toBe(403);
    const crossSite = await form(`/join/${id}/code`, {}, { origin: 'https://evil.example' });
    expect([crossSite.statusCode, crossSite.headers['content-type'], crossSite.body]).toEqual([403, 'text/plain; charset=utf-8', 'Forbidden']);
  });

  it('bound: locks after ten wrong codes, and shows unknown, revoked and locked invitations on the forms too', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER);
    const { id } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { email: 'pat@example.org' }, bindToEmail: true });
    let last = await form(`/join/${id}/code`, {});
    for (let round = 0; round < 2; round++) {
      if (round) {
        svc.clock.now += 31_000;
        await form(`/join/${id}/code`, {});
      }
      const wrong = lastCode(svc.graph) === '000000' ? '000001' : '000000';
      for (let i = 0; i < 5; i++) last = await form(`/join/${id}/verify`, { code: wrong });
    }
    expect([last.statusCode, last.body.includes('This invitation is locked')]).toEqual([423, true]);
    expect((await page(`/join/${id}`)).statusCode).toBe(423);
    const lockedCode = await form(`/join/${id}/code`, {});
    expect([lockedCode.statusCode, lockedCode.body.includes('Too many wrong codes were entered')]).toEqual([423, true]);
    // The locked page still offers the other languages of the same invitation.
    expect(lockedCode.body).toContain(`href="/join/${id}?lang=ko-KR"`);

    const unknown = await form(`/join/${'Z'.repeat(22)}/code`, {});
    expect([unknown.statusCode, unknown.body.includes('We could not find this invitation')]).toEqual([404, true]);
    expect(unknown.body).toContain(`href="/join/${'Z'.repeat(22)}?lang=ko-KR"`);
    const malformed = await form('/join/not-an-id/verify', { code: '123456' });
    expect([malformed.statusCode, malformed.body.includes('We could not find this invitation')]).toEqual([404, true]);
    // An id that cannot be an invitation is not repeated back into links.
    expect(malformed.body).not.toContain('hreflang');
    expect(malformed.body).not.toContain('not-an-id');

    const open = svc.graph.addMeeting(ORGANIZER);
    const second = await svc.createInvitation({ meeting: { joinUrl: open.joinWebUrl, organizer: ORGANIZER }, guest: { email: 'pat@example.org' }, bindToEmail: true });
    await svc.app.inject({ method: 'DELETE', url: `/api/invitations/${second.id}`, headers: { authorization: `Bearer ${await svc.staffToken()}` } });
    for (const action of ['code', 'verify']) {
      const revoked = await form(`/join/${second.id}/${action}`, { code: '123456' });
      expect([revoked.statusCode, revoked.body.includes('This invitation was withdrawn')], action).toEqual([410, true]);
    }
  });

  it('an unbound invitation has no code to send: the code form answers as for an unknown invitation', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER);
    const { id } = await svc.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER } });
    const res = await form(`/join/${id}/code`, {});
    expect([res.statusCode, res.body.includes('We could not find this invitation')]).toEqual([404, true]);
  });
});

describe('landing page without downloads configured', () => {
  it('tells the guest to ask the organizer how to install the app', async () => {
    const bare = await startInvitationApp({ downloads: {} });
    try {
      const meeting = bare.graph.addMeeting(ORGANIZER);
      const { id } = await bare.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER } });
      const res = await bare.app.inject({ method: 'GET', url: `/join/${id}` });
      expect(res.body).toContain('<p>Ask the organizer how to install Doorway.</p>');
      expect(res.body).not.toContain('<ul>');
      expect(res.body).toContain('<h2 id="download-title">Don’t have Doorway yet?</h2>');
    } finally {
      await bare.close();
    }
  });
});

// Route rules (names in the request log, headers, form parsing and limits) of a service built inside
// the test itself; the suites above share one service built before their tests.
describe('landing page routes of a service built afresh', () => {
  it('names each page route in the log, sends the page CSP and same-origin referrers, parses small forms only', async () => {
    const fresh = await startInvitationApp();
    try {
      const meeting = fresh.graph.addMeeting(ORGANIZER);
      const { id } = await fresh.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { email: 'pat@example.org' }, bindToEmail: true });
      const from = fresh.logs.length;
      const post = (url: string, body: string) => fresh.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body });
      const shown = await fresh.app.inject({ method: 'GET', url: `/join/${id}?lang=ko` });
      const sent = await post(`/join/${id}/code`, 'lang=ko');
      const verified = await post(`/join/${id}/verify`, `lang=ko&code=${lastCode(fresh.graph)}`);
      const script = await fresh.app.inject({ method: 'GET', url: '/assets/join.js' });
      for (const res of [shown, sent, verified]) {
        expect([res.statusCode, res.headers['content-security-policy'], res.headers['referrer-policy'], res.headers['cache-control']]).toEqual([200, PAGE_CSP, 'same-origin', 'no-store']);
        expect(res.body).toContain('<html lang="ko-KR"');
      }
      expect(verified.body).toContain('doorway://join?invite=');
      expect([script.headers['cache-control'], script.headers['content-security-policy']]).toEqual(['public, max-age=3600', "default-src 'none'; frame-ancestors 'none'"]);
      const routes = fresh.logs.slice(from).map((line) => JSON.parse(line) as { event: string; route?: string }).filter((entry) => entry.event === 'request').map((entry) => entry.route);
      expect(routes).toEqual(['joinPage', 'joinPageCode', 'joinPageVerify', 'joinAsset']);
      const large = await post(`/join/${id}/verify`, `code=123456&pad=${'x'.repeat(1100)}`);
      expect([large.statusCode, large.json()]).toEqual([413, { error: 'bodyTooLarge' }]);
      const longLang = await fresh.app.inject({ method: 'GET', url: `/join/${id}?lang=${'x'.repeat(9)}` });
      expect(longLang.statusCode).toBe(400);
      const longId = await fresh.app.inject({ method: 'GET', url: `/join/${'A'.repeat(65)}` });
      expect(longId.statusCode).toBe(400);
      expect((await post(`/join/${id}/verify`, `code=${'1'.repeat(33)}`)).statusCode).toBe(400);
      // The forms take form bodies only.
      const text = await fresh.app.inject({ method: 'POST', url: `/join/${id}/code`, headers: { 'content-type': 'text/plain' }, payload: 'lang=en' });
      expect([text.statusCode, text.headers.connection, text.json()]).toEqual([415, 'close', { error: 'unsupportedMediaType' }]);
    } finally {
      await fresh.close();
    }
  });
});
