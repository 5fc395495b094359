// The staff and guest invitation APIs through buildApp + inject(), with the real @azure/identity,
// jose and Graph client against the loopback Entra and Graph stand-ins: every status and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { createAuditLog } from '../../server/audit-log';
import { createInvitationService } from '../../server/invitation-service';
import { createJsonLog } from '../../server/log';
import { createStaffAuth } from '../../server/staff-auth';
import { createMemoryInvitationStore } from '../../server/stores/invitation-store';
import { createMemoryRateLimitStore } from '../../server/stores/rate-limit-store';
import { testConfig } from './harness';
import { lastCode } from './invitation-fixture';
import { ADMIN_KEY, ORGANIZER, startInvitationApp, type InvitationApp } from './invitation-app';

let svc: InvitationApp;
const GUEST = 'pat.guest@example.org';

beforeAll(async () => {
  // Per-client limits have their own test below; here one client plays many guests.
  svc = await startInvitationApp({ codeLimiter: { take: async () => ({ allowed: true }) } });
});
afterAll(() => svc.close());

function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  return svc.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload: typeof body === 'string' ? body : JSON.stringify(body) });
}
const asAdmin = { 'x-doorway-admin-key': ADMIN_KEY };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const forMeeting = (joinUrl: string, extra: object = {}) => ({ meeting: { joinUrl, organizer: ORGANIZER }, ...extra });

describe('staff API: POST /api/invitations', () => {
  it('creates an invitation for staff with the role (201) and for the admin key', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER, { subject: 'Review' });
    const res = await post('/api/invitations', forMeeting(meeting.joinWebUrl, { guest: { name: 'Pat', language: 'ko' } }), bearer(await svc.staffToken()));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), url: `https://doorway.contoso.example/join/${body.id}`, bound: false, meeting: { subject: 'Review', organizer: ORGANIZER } });
    expect(body.emails['ko-KR'].subject).toBe('초대: Review');
    expect(body.ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect((await post('/api/invitations', forMeeting(meeting.joinWebUrl), asAdmin)).statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses a token from another tenant, without the role, expired, forged, or no credential at all', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER);
    const body = forMeeting(meeting.joinWebUrl);
    const cases: Array<[Record<string, string>, number, string]> = [
      [bearer(await svc.staffToken({ tenantId: '11111111-2222-4333-8444-555555555555' })), 401, 'staffAuthRequired'],
      [bearer(await svc.staffToken({ roles: [] })), 403, 'staffRoleRequired'],
      [bearer(await svc.staffToken({ expiresIn: -600 })), 401, 'staffAuthRequired'],
      [bearer(await svc.staffToken({ forged: true })), 401, 'staffAuthRequired'],
      [bearer('not-a-token'), 401, 'staffAuthRequired'],
      [{ 'x-doorway-admin-key': `${ADMIN_KEY}-wrong` }, 401, 'staffAuthRequired'],
      [{}, 401, 'staffAuthRequired'],
    ];
    const before = svc.graph.requests.length;
    for (const [headers, status, error] of cases) {
      const res = await post('/api/invitations', body, headers);
      expect([res.statusCode, res.json()]).toEqual([status, { error }]);
    }
    expect(svc.graph.requests.length).toBe(before);
    expect(svc.logs.filter((line) => line.includes('"staffRejected"')).map((line) => JSON.parse(line).reason)).toEqual(
      expect.arrayContaining(['wrongTenant', 'missingRole', 'expired', 'invalidToken', 'wrongAdminKey', 'missing']),
    );
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER);
    const bad: Array<[unknown, string]> = [
      [forMeeting('https://evil.example/l/meetup-join/19%3ameeting_a%40thread.v2/0'), 'invalidJoinUrl'],
      [forMeeting('https://teams.live.com/meet/1234567890?p=x'), 'invalidJoinUrl'],
      [forMeeting(meeting.joinWebUrl, { extra: 1 }), 'invalidRequest'],
      [{ meeting: { joinUrl: meeting.joinWebUrl } }, 'invalidRequest'],
      [forMeeting(meeting.joinWebUrl, { guest: { email: 'not-an-email' } }), 'invalidRequest'],
      [forMeeting(meeting.joinWebUrl, { guest: { timeZone: 'Mars/Olympus' } }), 'invalidRequest'],
      [forMeeting(meeting.joinWebUrl, { guest: { name: 'a\u0000b' } }), 'invalidRequest'],
      [forMeeting(meeting.joinWebUrl, { bindToEmail: true }), 'emailRequired'],
      [{ meeting: { organizer: ORGANIZER, subject: 'x', startsAt: '2030-01-02T10:00:00Z', endsAt: '2030-01-02T09:00:00Z' } }, 'invalidRequest'],
      [forMeeting('x'.repeat(3000)), 'invalidRequest'],
    ];
    for (const [body, error] of bad) {
      const res = await post('/api/invitations', body, asAdmin);
      expect([res.statusCode, res.json()], JSON.stringify(body).slice(0, 80)).toEqual([400, { error }]);
    }
    expect((await post('/api/invitations', '{', asAdmin)).statusCode).toBe(400);
    const form = await svc.app.inject({ method: 'POST', url: '/api/invitations', headers: { 'content-type': 'application/x-www-form-urlencoded', ...asAdmin }, payload: 'a=b' });
    expect(form.statusCode).toBe(415);
  });

  it('maps Graph failures: unknown meeting 404, no access policy 502, throttled 503 + Retry-After, Graph down 502', async () => {
    const unknown = await post('/api/invitations', forMeeting('https://teams.microsoft.com/l/meetup-join/19%3ameeting_nope%40thread.v2/0'), asAdmin);
    expect([unknown.statusCode, unknown.json()]).toEqual([404, { error: 'meetingNotFound', message: expect.stringContaining(ORGANIZER) }]);
    const noPolicy = await post('/api/invitations', { meeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0', organizer: 'bob@contoso.example' } }, asAdmin);
    expect([noPolicy.statusCode, noPolicy.json()]).toEqual([502, { error: 'graphFailed', message: expect.stringContaining('Grant-CsApplicationAccessPolicy') }]);
    const meeting = svc.graph.addMeeting(ORGANIZER);
    svc.graph.failNext({ status: 429, retryAfterSeconds: 600 });
    const throttled = await post('/api/invitations', forMeeting(meeting.joinWebUrl), asAdmin);
    expect([throttled.statusCode, throttled.headers['retry-after'], throttled.json().error]).toEqual([503, '600', 'graphThrottled']);
    svc.graph.failNext({ status: 503 }, 3);
    const down = await post('/api/invitations', forMeeting(meeting.joinWebUrl), asAdmin);
    expect([down.statusCode, down.json()]).toEqual([502, { error: 'graphFailed', message: expect.stringContaining('503') }]);
    expect(svc.logs.some((line) => line.includes('"graphFailed"') && line.includes('"unavailable"'))).toBe(true);
  });

  it('refuses a meeting that has ended, and binding without mail configured', async () => {
    const past = svc.graph.addMeeting(ORGANIZER, { startDateTime: new Date(Date.now() - 9e6).toISOString(), endDateTime: new Date(Date.now() - 8e6).toISOString() });
    const ended = await post('/api/invitations', forMeeting(past.joinWebUrl), asAdmin);
    expect([ended.statusCode, ended.json()]).toEqual([409, { error: 'meetingEnded' }]);
    const noMail = await startInvitationApp({ mail: false });
    try {
      const meeting = noMail.graph.addMeeting(ORGANIZER);
      const res = await noMail.app.inject({ method: 'POST', url: '/api/invitations', headers: { 'content-type': 'application/json', ...asAdmin }, payload: JSON.stringify(forMeeting(meeting.joinWebUrl, { guest: { email: GUEST }, bindToEmail: true })) });
      expect([res.statusCode, res.json()]).toEqual([409, { error: 'mailNotConfigured' }]);
    } finally {
      await noMail.close();
    }
  });
});

describe('staff API: sign-in challenge, meeting length, Graph missing', () => {
  it('asks for a bearer token when staff are not signed in, but not when they lack the role', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER);
    const anonymous = await post('/api/invitations', forMeeting(meeting.joinWebUrl));
    expect([anonymous.statusCode, anonymous.headers['www-authenticate']]).toEqual([401, 'Bearer']);
    const noRole = await post('/api/invitations', forMeeting(meeting.joinWebUrl), bearer(await svc.staffToken({ roles: [] })));
    expect([noRole.statusCode, noRole.headers['www-authenticate']]).toEqual([403, undefined]);
  });

  it('creates a meeting of up to 24 hours that ends after it starts', async () => {
    const at = (hours: number) => new Date(Date.parse('2030-01-02T09:00:00Z') + hours * 3_600_000).toISOString();
    const create = (startsAt: string, endsAt: string) => post('/api/invitations', { meeting: { organizer: ORGANIZER, subject: 'Long day', startsAt, endsAt } }, asAdmin);
    svc.graph.policyUsers.add(ORGANIZER);
    expect((await create(at(0), at(24))).statusCode).toBe(201);
    expect((await create(at(0), new Date(Date.parse(at(24)) + 1).toISOString())).json()).toEqual({ error: 'invalidRequest' });
    expect((await create(at(0), at(0))).json()).toEqual({ error: 'invalidRequest' });
    expect((await create(at(1), at(0))).json()).toEqual({ error: 'invalidRequest' });
  });

  it('answers 503 graphFailed when the service has no Graph client', async () => {
    const service = createInvitationService({
      store: createMemoryInvitationStore(),
      audit: createAuditLog(createJsonLog(() => undefined), 'test-invitation-key-0123456789abcdef'),
      key: 'test-invitation-key-0123456789abcdef',
      publicUrl: 'https://doorway.contoso.example',
      linkScheme: 'doorway',
      productName: 'Doorway',
      graceMs: 3_600_000,
    });
    const staffAuth = createStaffAuth({ tenantId: svc.entra.tenantId, audiences: [svc.entra.clientId], requiredRole: 'Invitations.Create', authorityHost: svc.entra.authorityHost, adminKey: ADMIN_KEY, fetch: svc.entra.fetch });
    const app = buildApp({
      config: testConfig('endpoint=http://127.0.0.1:9/;accesskey=c2VjcmV0'),
      log: createJsonLog(() => undefined),
      invitations: { service, staffAuth, codeLimiter: createMemoryRateLimitStore({ burst: 5, perMinute: 6 }), productName: 'Doorway', downloads: {}, publicUrl: 'https://doorway.contoso.example' },
    });
    const res = await app.inject({ method: 'POST', url: '/api/invitations', headers: { 'content-type': 'application/json', ...asAdmin }, payload: JSON.stringify(forMeeting('https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0')) });
    expect([res.statusCode, res.json()]).toEqual([503, { error: 'graphFailed' }]);
    await app.close();
  });
});

describe('staff API: DELETE /api/invitations/<id>', () => {
  it('revokes at once (204), needs staff, and says 404 for unknown ids', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER);
    const { id } = await svc.createInvitation(forMeeting(meeting.joinWebUrl));
    expect((await svc.app.inject({ method: 'DELETE', url: `/api/invitations/${id}` })).statusCode).toBe(401);
    expect((await svc.app.inject({ method: 'GET', url: `/api/invitations/${id}` })).statusCode).toBe(200);
    const revoke = await svc.app.inject({ method: 'DELETE', url: `/api/invitations/${id}`, headers: bearer(await svc.staffToken()) });
    expect(revoke.statusCode).toBe(204);
    const after = await svc.app.inject({ method: 'GET', url: `/api/invitations/${id}` });
    expect([after.statusCode, after.json()]).toEqual([410, { error: 'revoked' }]);
    const unknown = await svc.app.inject({ method: 'DELETE', url: `/api/invitations/${'B'.repeat(22)}`, headers: asAdmin });
    expect([unknown.statusCode, unknown.json()]).toEqual([404, { error: 'unknownInvitation' }]);
  });
});

describe('guest API (common/invitation.ts)', () => {
  it('GET gives the open view; forged, malformed and unknown ids are all 404 unknownInvitation', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER, { subject: 'Open day' });
    const { id } = await svc.createInvitation(forMeeting(meeting.joinWebUrl, { guest: { name: 'Pat', language: 'ko' } }));
    const res = await svc.app.inject({ method: 'GET', url: `/api/invitations/${id}` });
    expect([res.statusCode, res.json()]).toEqual([
      200,
      {
        status: 'open',
        meeting: { subject: 'Open day', startsAt: meeting.startDateTime, endsAt: meeting.endDateTime, organizer: ORGANIZER },
        join: { joinUrl: meeting.joinWebUrl, meetingId: meeting.joinMeetingIdSettings!.joinMeetingId, passcode: meeting.joinMeetingIdSettings!.passcode },
        guestName: 'Pat',
        language: 'ko-KR', // staff wrote 'ko': the service stores the shipped locale it fits
      },
    ]);
    for (const forged of [`${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`, 'short', `${id}A`, '%2e%2e%2fetc', 'A'.repeat(64)]) {
      const answer = await svc.app.inject({ method: 'GET', url: `/api/invitations/${forged}` });
      expect([answer.statusCode, answer.json()], forged).toEqual([404, { error: 'unknownInvitation' }]);
    }
  });

  it('says expired (410) once the meeting ended plus the grace period', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER);
    const { id } = await svc.createInvitation(forMeeting(meeting.joinWebUrl));
    const saved = svc.clock.now;
    svc.clock.now = new Date(meeting.endDateTime).getTime() + 2 * 3_600_000 + 1000;
    try {
      const res = await svc.app.inject({ method: 'GET', url: `/api/invitations/${id}` });
      expect([res.statusCode, res.json()]).toEqual([410, { error: 'expired' }]);
    } finally {
      svc.clock.now = saved;
    }
  });

  it('bound: verificationRequired → code (202) → wrong code (401, attempts left) → right code (grant) → open with the grant only', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER, { subject: 'Bound' });
    const created = await svc.createInvitation(forMeeting(meeting.joinWebUrl, { guest: { email: GUEST }, bindToEmail: true, sendEmail: true }));
    expect(JSON.stringify(created)).not.toContain(meeting.joinWebUrl);
    const id = created.id;
    const first = await svc.app.inject({ method: 'GET', url: `/api/invitations/${id}` });
    expect(first.json()).toEqual({ status: 'verificationRequired', meeting: expect.objectContaining({ subject: 'Bound' }), emailHint: 'p•••@e•••.org' });
    expect(first.body).not.toContain('meetup-join');

    const sent = await post(`/api/invitations/${id}/code`, {});
    expect([sent.statusCode, sent.json()]).toEqual([202, { sent: true, expiresInSeconds: 600 }]);
    const code = lastCode(svc.graph);
    const wrong = await post(`/api/invitations/${id}/verify`, { code: code === '123456' ? '654321' : '123456' });
    expect([wrong.statusCode, wrong.json()]).toEqual([401, { error: 'wrongCode', attemptsLeft: 4 }]);
    expect((await post(`/api/invitations/${id}/verify`, { code, extra: true })).statusCode).toBe(400);
    const right = await post(`/api/invitations/${id}/verify`, { code });
    expect(right.statusCode).toBe(200);
    const { grant, view } = right.json();
    expect(view.join.joinUrl).toBe(meeting.joinWebUrl);
    const withGrant = await svc.app.inject({ method: 'GET', url: `/api/invitations/${id}`, headers: { authorization: `Bearer ${grant}` } });
    expect(withGrant.json().status).toBe('open');
    const badGrant = await svc.app.inject({ method: 'GET', url: `/api/invitations/${id}`, headers: { authorization: `Bearer ${'x'.repeat(43)}` } });
    expect(badGrant.json().status).toBe('verificationRequired');
    // Revocation also ends the grant's reach.
    await svc.app.inject({ method: 'DELETE', url: `/api/invitations/${id}`, headers: asAdmin });
    const revoked = await svc.app.inject({ method: 'GET', url: `/api/invitations/${id}`, headers: { authorization: `Bearer ${grant}` } });
    expect([revoked.statusCode, revoked.json()]).toEqual([410, { error: 'revoked' }]);
  });

  it('codes: expired (401), too many wrong (423 locked), per-invitation limit (429 + Retry-After), unbound invitation (404)', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER);
    const { id } = await svc.createInvitation(forMeeting(meeting.joinWebUrl, { guest: { email: GUEST }, bindToEmail: true }));
    expect((await post(`/api/invitations/${id}/verify`, { code: '000000' })).json()).toEqual({ error: 'codeExpired' });
    expect((await post(`/api/invitations/${id}/code`, {})).statusCode).toBe(202);
    const again = await post(`/api/invitations/${id}/code`, {});
    expect([again.statusCode, again.json(), Number(again.headers['retry-after'])]).toEqual([429, { error: 'rateLimited' }, 30]);
    const code = lastCode(svc.graph);
    const wrong = code === '000000' ? '000001' : '000000';
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let round = 0; round < 2; round++) {
      if (round) {
        svc.clock.now += 31_000;
        expect((await post(`/api/invitations/${id}/code`, {})).statusCode).toBe(202);
      }
      for (let i = 0; i < 5; i++) last = await post(`/api/invitations/${id}/verify`, { code: wrong });
    }
    expect([last!.statusCode, last!.json()]).toEqual([423, { error: 'locked' }]);
    expect((await post(`/api/invitations/${id}/verify`, { code: lastCode(svc.graph) })).statusCode).toBe(423);

    const open = svc.graph.addMeeting(ORGANIZER);
    const unbound = await svc.createInvitation(forMeeting(open.joinWebUrl));
    expect((await post(`/api/invitations/${unbound.id}/code`, {})).statusCode).toBe(404);
  });

  it('rate-limits code routes per client (429 + Retry-After)', async () => {
    const limited = await startInvitationApp({ codeLimiter: { take: async () => ({ allowed: false, retryAfterSeconds: 7 }) } });
    try {
      const meeting = limited.graph.addMeeting(ORGANIZER);
      const { id } = await limited.createInvitation(forMeeting(meeting.joinWebUrl, { guest: { email: GUEST }, bindToEmail: true }));
      const res = await limited.app.inject({ method: 'POST', url: `/api/invitations/${id}/verify`, headers: { 'content-type': 'application/json' }, payload: '{"code":"123456"}' });
      expect([res.statusCode, res.headers['retry-after'], res.json()]).toEqual([429, '7', { error: 'rateLimited' }]);
    } finally {
      await limited.close();
    }
  });

  it('lets each client try codes five times at once, then one every 10 s; clients are told apart by address, or by X-Forwarded-For behind a trusted proxy', async () => {
    for (const trustProxy of [false, true]) {
      const app = await startInvitationApp({ trustProxy });
      try {
        const meeting = app.graph.addMeeting(ORGANIZER);
        const { id } = await app.createInvitation(forMeeting(meeting.joinWebUrl, { guest: { email: GUEST }, bindToEmail: true }));
        const verify = (remoteAddress: string, forwardedFor?: string) =>
          app.app.inject({
            method: 'POST',
            url: `/api/invitations/${id}/verify`,
            remoteAddress,
            headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
            payload: '{"code":"123456"}',
          });
        const statuses = [];
        for (let i = 0; i < 5; i++) statuses.push((await verify('203.0.113.7', '198.51.100.1')).statusCode);
        expect(statuses).toEqual([401, 401, 401, 401, 401]);
        const sixth = await verify('203.0.113.7', '198.51.100.1');
        expect([sixth.statusCode, sixth.headers['retry-after'], sixth.json()]).toEqual([429, '10', { error: 'rateLimited' }]);
        // Another address is another client; behind a trusted proxy, so is another forwarded client.
        expect((await verify('203.0.113.8', '198.51.100.1')).statusCode, `trustProxy ${trustProxy}`).toBe(trustProxy ? 429 : 401);
        expect((await verify('203.0.113.7', '198.51.100.2')).statusCode, `trustProxy ${trustProxy}`).toBe(trustProxy ? 401 : 429);
        app.clock.now += 10_000;
        expect((await verify('203.0.113.7', '198.51.100.1')).statusCode).toBe(401);
      } finally {
        await app.close();
      }
    }
  });

  it('a service built afresh takes staff Entra tokens (keys fetched from the tenant) and waits between Graph retries', async () => {
    const fresh = await startInvitationApp();
    try {
      const meeting = fresh.graph.addMeeting(ORGANIZER);
      fresh.graph.failNext({ status: 503 });
      const created = await fresh.createInvitation(forMeeting(meeting.joinWebUrl), await fresh.staffToken());
      expect(created.url).toBe(`https://doorway.contoso.example/join/${created.id}`);
      expect(fresh.graphSleeps).toEqual([250]);
    } finally {
      await fresh.close();
    }
  });

  it('answers a code that cannot be mailed (Graph down) with 502 serviceError', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER);
    const { id } = await svc.createInvitation(forMeeting(meeting.joinWebUrl, { guest: { email: GUEST }, bindToEmail: true }));
    svc.graph.failNext({ status: 500 }, 3);
    const res = await post(`/api/invitations/${id}/code`, {});
    expect([res.statusCode, res.json()]).toEqual([502, { error: 'serviceError' }]);
  });

  it('reads the code with spaces around it, audits each step as coming through the API, and logs a code that could not be mailed', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER);
    const { id } = await svc.createInvitation(forMeeting(meeting.joinWebUrl, { guest: { email: GUEST }, bindToEmail: true }));
    const from = svc.logs.length;
    svc.graph.failNext({ status: 500 }, 3);
    expect((await post(`/api/invitations/${id}/code`, {})).statusCode).toBe(502);
    svc.clock.now += 31_000;
    expect((await post(`/api/invitations/${id}/code`, {})).statusCode).toBe(202);
    const right = await post(`/api/invitations/${id}/verify`, { code: ` ${lastCode(svc.graph)} ` });
    expect(right.statusCode).toBe(200);
    expect((await svc.app.inject({ method: 'GET', url: `/api/invitations/${id}`, headers: { authorization: `Bearer ${right.json().grant}` } })).statusCode).toBe(200);
    const entries = svc.logs.slice(from).map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event !== 'request');
    expect(entries.map((entry) => [entry.event, entry.channel, entry.level])).toEqual([
      ['codeMailFailed', undefined, 'error'],
      ['codeSent', 'api', 'info'],
      ['invitationVerified', 'api', 'info'],
      ['invitationOpened', 'api', 'info'],
    ]);
  });

  it('answers failures as JSON, with Retry-After only when there is a wait, and reads only an exact "Bearer <grant>"', async () => {
    const meeting = svc.graph.addMeeting(ORGANIZER);
    const { id } = await svc.createInvitation(forMeeting(meeting.joinWebUrl, { guest: { email: GUEST }, bindToEmail: true }));
    const expired = await post(`/api/invitations/${id}/verify`, { code: '123456' });
    expect([expired.statusCode, expired.headers['content-type'], expired.headers['retry-after'], expired.body]).toEqual([401, 'application/json; charset=utf-8', undefined, '{"error":"codeExpired"}']);
    expect((await post(`/api/invitations/${id}/code`, {})).statusCode).toBe(202);
    const verified = await post(`/api/invitations/${id}/verify`, { code: lastCode(svc.graph) });
    const grant = verified.json().grant as string;
    const view = (authorization: string) => svc.app.inject({ method: 'GET', url: `/api/invitations/${id}`, headers: { authorization } });
    expect((await view(`Bearer ${grant}`)).json().status).toBe('open');
    for (const header of [`xBearer ${grant}`, `Bearer ${grant}x`, `Bearer  ${grant}`]) expect((await view(header)).json().status, header.slice(0, 8)).toBe('verificationRequired');
  });

  it('a code route refuses a client over its limit before mailing anything', async () => {
    const limited = await startInvitationApp({ codeLimiter: { take: async () => ({ allowed: false, retryAfterSeconds: 7 }) } });
    try {
      const meeting = limited.graph.addMeeting(ORGANIZER);
      const { id } = await limited.createInvitation(forMeeting(meeting.joinWebUrl, { guest: { email: GUEST }, bindToEmail: true }));
      const mails = limited.graph.sentMail.length;
      const res = await limited.app.inject({ method: 'POST', url: `/api/invitations/${id}/code`, headers: { 'content-type': 'application/json' }, payload: '{}' });
      expect([res.statusCode, res.headers['retry-after'], res.json()]).toEqual([429, '7', { error: 'rateLimited' }]);
      expect(limited.graph.sentMail.length).toBe(mails);
    } finally {
      await limited.close();
    }
  });
});

// Route rules (names in the request log, JSON only, strict bodies, answer shapes) of a service built
// inside the test itself. The suites above share one service built before their tests.
describe('invitation routes of a service built afresh', () => {
  const routes = (logs: string[]) => logs.map((line) => JSON.parse(line) as { event: string; route?: string; status?: number }).filter((entry) => entry.event === 'request').map((entry) => [entry.route, entry.status]);

  it('guest routes: view, code and verify by name, JSON only, no unknown fields', async () => {
    const fresh = await startInvitationApp();
    try {
      const meeting = fresh.graph.addMeeting(ORGANIZER);
      const { id } = await fresh.createInvitation(forMeeting(meeting.joinWebUrl, { guest: { email: GUEST }, bindToEmail: true }));
      const from = fresh.logs.length;
      const json = (url: string, payload: string) => fresh.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });
      const sent = await json(`/api/invitations/${id}/code`, '{}');
      expect([sent.statusCode, sent.body]).toEqual([202, '{"sent":true,"expiresInSeconds":600}']);
      const verified = await json(`/api/invitations/${id}/verify`, JSON.stringify({ code: lastCode(fresh.graph) }));
      expect(Object.keys(verified.json())).toEqual(['grant', 'expiresInSeconds', 'view']);
      const grant = verified.json().grant as string;
      const opened = await fresh.app.inject({ method: 'GET', url: `/api/invitations/${id}`, headers: { authorization: `Bearer ${grant}` } });
      expect([opened.statusCode, opened.json().status]).toEqual([200, 'open']);
      expect(routes(fresh.logs.slice(from))).toEqual([['invitationCode', 202], ['invitationVerify', 200], ['invitationView', 200]]);
      const form = (url: string) => fresh.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'code=123456' });
      expect([(await form(`/api/invitations/${id}/code`)).statusCode, (await form(`/api/invitations/${id}/verify`)).statusCode]).toEqual([415, 415]);
      expect((await json(`/api/invitations/${id}/code`, '{"email":"x@example.org"}')).json()).toEqual({ error: 'invalidRequest' });
      expect((await json(`/api/invitations/${id}/verify`, `{"code":"${'1'.repeat(33)}"}`)).json()).toEqual({ error: 'invalidRequest' });
      const longHeader = await fresh.app.inject({ method: 'GET', url: `/api/invitations/${id}`, headers: { authorization: `Bearer ${'x'.repeat(200)}` } });
      expect([longHeader.statusCode, longHeader.json()]).toEqual([400, { error: 'invalidRequest' }]);
    } finally {
      await fresh.close();
    }
  });

  it('staff routes: create and revoke by name, JSON only, no unknown fields, the answer exactly as documented', async () => {
    const fresh = await startInvitationApp();
    try {
      const meeting = fresh.graph.addMeeting(ORGANIZER);
      const from = fresh.logs.length;
      const headers = { 'content-type': 'application/json', ...asAdmin };
      const created = await fresh.app.inject({ method: 'POST', url: '/api/invitations', headers, payload: JSON.stringify(forMeeting(meeting.joinWebUrl)) });
      expect(created.statusCode).toBe(201);
      expect(Object.keys(created.json()).sort()).toEqual(['appLink', 'bound', 'emails', 'expiresAt', 'ics', 'id', 'mail', 'meeting', 'url']);
      const revoked = await fresh.app.inject({ method: 'DELETE', url: `/api/invitations/${created.json().id}`, headers: asAdmin });
      expect([revoked.statusCode, revoked.body]).toEqual([204, '']);
      expect(routes(fresh.logs.slice(from))).toEqual([['invitationCreate', 201], ['invitationRevoke', 204]]);
      const form = await fresh.app.inject({ method: 'POST', url: '/api/invitations', headers: { 'content-type': 'application/x-www-form-urlencoded', ...asAdmin }, payload: 'a=b' });
      expect(form.statusCode).toBe(415);
      const extra = await fresh.app.inject({ method: 'POST', url: '/api/invitations', headers, payload: JSON.stringify(forMeeting(meeting.joinWebUrl, { extra: 1 })) });
      expect([extra.statusCode, extra.json()]).toEqual([400, { error: 'invalidRequest' }]);
      const longId = await fresh.app.inject({ method: 'DELETE', url: `/api/invitations/${'A'.repeat(65)}`, headers: asAdmin });
      expect([longId.statusCode, longId.json()]).toEqual([400, { error: 'invalidRequest' }]);
    } finally {
      await fresh.close();
    }
  });
});
