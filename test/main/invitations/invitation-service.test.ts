// main's invitation service against a real HTTP server on loopback (Node's fetch in place of
// Electron's net.fetch): what it sends, how it reads every answer, retries and their bounds,
// single flight per id, the grant kept in main, and the join URL parsed again by main.
import { afterEach, describe, expect, it } from 'vitest';
import { createInvitationService, type InvitationServiceOptions } from '../../../main/invitations/invitation-service';
import { resolveServiceOrigin } from '../../../main/invitations/service-origin';
import { meetingIdInvite, parseMeetingInvite } from '../../../main/links';
import { canonicalMeetup, meetupJoin } from '../links/fixtures';
import { json, startLoopback, type Handler, type Loopback } from '../tokens/loopback';

const ID = 'AbCdEfGhIjKlMnOpQrSt_-';
const GRANT = 'g'.repeat(43);
const meeting = { subject: 'Quarterly review', startsAt: '2026-12-02T15:00:00Z', endsAt: '2026-12-02T16:00:00Z', organizer: 'Dana Park' };
const openView = { status: 'open', meeting, join: { joinUrl: meetupJoin() }, guestName: 'Ada' };

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(handler: Handler, options: Partial<InvitationServiceOptions> = {}) {
  server = await startLoopback(handler);
  const origin = new URL(server.url).origin;
  const sleeps: number[] = [];
  const service = createInvitationService({
    origin,
    fetch: (url, init) => fetch(url, init),
    parseMeeting: (url) => parseMeetingInvite(url),
    meetingIdInvite,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 0.5,
    ...options,
  });
  return { service, requests: server.requests, sleeps, origin };
}

describe('invitation service', () => {
  it('fetches the view from the configured origin and gives main’s own parse of the join URL', async () => {
    const paths: string[] = [];
    const { service } = await setup((req, res) => {
      paths.push(req.url ?? '');
      json(res, 200, openView);
    });
    await expect(service.get(ID)).resolves.toEqual({
      ok: true,
      status: 'open',
      meeting,
      invite: parseMeetingInvite(canonicalMeetup()),
      guestName: 'Ada',
    });
    expect(paths).toEqual([`/api/invitations/${ID}`]);
  });

  it('shares one request between concurrent asks for the same id', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { service, requests } = await setup(async (_req, res) => {
      await gate;
      json(res, 200, openView);
    });
    const asks = [service.get(ID), service.get(ID), service.get(ID)];
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const replies = await Promise.all(asks);
    expect(requests).toHaveLength(1);
    expect(new Set(replies).size).toBe(1);
    await service.get(ID);
    expect(requests).toHaveLength(2); // a later ask fetches again
  });

  it('refuses a join URL main cannot join, and falls back to the meeting ID and passcode', async () => {
    const { service } = await setup((_req, res, index) =>
      json(res, 200, {
        ...openView,
        join: index === 0 ? { joinUrl: 'https://teams.live.com/meet/123?p=abc' } : { joinUrl: 'https://evil.example/x', meetingId: '263829185487', passcode: 'Wx5vmh' },
      }),
    );
    await expect(service.get(ID)).resolves.toEqual({ ok: false, error: 'notJoinable' });
    const second = await service.get(ID);
    expect(second.ok && second.status === 'open' && second.invite.target).toEqual({ kind: 'meetingId', meetingId: '263829185487', passcode: 'Wx5vmh' });
  });

  it.each([
    [404, { error: 'unknownInvitation' }, 'unknownInvitation'],
    [410, { error: 'revoked' }, 'revoked'],
    [410, { error: 'expired' }, 'expired'],
    [410, {}, 'expired'],
    [423, { error: 'locked' }, 'locked'],
    [400, { error: 'invalidRequest' }, 'badResponse'],
    [302, '', 'badResponse'],
    [200, { status: 'open', meeting }, 'badResponse'],
    [200, '<html>captive portal</html>', 'badResponse'],
    [200, { ...openView, meeting: { ...meeting, startsAt: 'tomorrow' } }, 'badResponse'],
  ])('maps %i %j to %s without retrying', async (status, body, error) => {
    const { service, requests } = await setup((_req, res) => json(res, status, body, status === 302 ? { location: 'https://evil.example/' } : {}));
    await expect(service.get(ID)).resolves.toEqual({ ok: false, error });
    expect(requests).toHaveLength(1);
  });

  it('retries 5xx and 429 with bounded backoff or Retry-After, then succeeds', async () => {
    const { service, requests, sleeps } = await setup((_req, res, index) => {
      if (index === 0) json(res, 503, { error: 'serviceError' });
      else if (index === 1) json(res, 429, { error: 'rateLimited' }, { 'retry-after': '2' });
      else json(res, 200, openView);
    });
    const reply = await service.get(ID);
    expect(reply.ok).toBe(true);
    expect(requests).toHaveLength(3);
    expect(sleeps).toEqual([200, 2000]);
  });

  it('gives up after its attempts, and on a Retry-After too long to wait', async () => {
    const failing = await setup((_req, res) => json(res, 502, { error: 'serviceError' }));
    await expect(failing.service.get(ID)).resolves.toEqual({ ok: false, error: 'serviceError' });
    expect(failing.requests).toHaveLength(3);
    await server?.close();
    const limited = await setup((_req, res) => json(res, 429, { error: 'rateLimited' }, { 'retry-after': '3600' }));
    await expect(limited.service.get(ID)).resolves.toEqual({ ok: false, error: 'rateLimited' });
    expect(limited.requests).toHaveLength(1);
  });

  it('answers unreachable when nothing listens, and timeout when the service hangs', async () => {
    const { service, origin } = await setup(() => {}, { timeoutMs: 100, maxAttempts: 2 });
    await expect(service.get(ID)).resolves.toEqual({ ok: false, error: 'timeout' });
    await server?.close();
    server = undefined;
    const closed = createInvitationService({ origin, fetch: (url, init) => fetch(url, init), parseMeeting: parseMeetingInvite, meetingIdInvite, sleep: async () => {} });
    await expect(closed.get(ID)).resolves.toEqual({ ok: false, error: 'unreachable' });
    const offline = createInvitationService({ origin, fetch: (url, init) => fetch(url, init), isOnline: () => false, parseMeeting: parseMeetingInvite, meetingIdInvite, sleep: async () => {} });
    await expect(offline.get(ID)).resolves.toEqual({ ok: false, error: 'offline' });
  });

  it('bound invitation: sends the code once, verifies, keeps the grant in main and sends it on later reads', async () => {
    const { service, requests } = await setup((req, res) => {
      if (req.url?.endsWith('/code')) return json(res, 202, { sent: true, expiresInSeconds: 600 });
      if (req.url?.endsWith('/verify')) {
        const { code } = JSON.parse(requests.at(-1)!.body) as { code: string };
        return code === '123456' ? json(res, 200, { grant: GRANT, expiresInSeconds: 3600, view: openView }) : json(res, 401, { error: 'wrongCode', attemptsLeft: 4 });
      }
      if (req.headers.authorization === `Bearer ${GRANT}`) return json(res, 200, openView);
      return json(res, 200, { status: 'verificationRequired', meeting, emailHint: 'p•••@e•••.com' });
    });
    await expect(service.get(ID)).resolves.toEqual({ ok: true, status: 'verificationRequired', meeting, emailHint: 'p•••@e•••.com' });
    await expect(service.requestCode(ID)).resolves.toEqual({ ok: true, expiresInSeconds: 600 });
    await expect(service.verify(ID, '000000')).resolves.toEqual({ ok: false, error: 'wrongCode', attemptsLeft: 4 });
    const verified = await service.verify(ID, ' 123 456 ');
    expect(verified.ok && verified.status).toBe('open');
    expect(JSON.stringify(verified)).not.toContain(GRANT);
    const again = await service.get(ID);
    expect(again.ok && again.status).toBe('open');
    expect(requests.map((r) => [r.method, r.body])).toEqual([
      ['GET', ''],
      ['POST', '{}'],
      ['POST', '{"code":"000000"}'],
      ['POST', '{"code":"123456"}'],
      ['GET', ''],
    ]);
    expect(requests[4].headers.authorization).toBe(`Bearer ${GRANT}`);
    expect(requests[1].headers['content-type']).toBe('application/json');
  });

  it('never repeats a code request or a verification (a second email, a second attempt)', async () => {
    const { service, requests } = await setup((_req, res) => json(res, 503, { error: 'serviceError' }));
    await expect(service.requestCode(ID)).resolves.toEqual({ ok: false, error: 'serviceError' });
    await expect(service.verify(ID, '123456')).resolves.toEqual({ ok: false, error: 'serviceError' });
    expect(requests).toHaveLength(2);
  });

  it('sends nothing for an id that is not one, and says notConfigured without a service', async () => {
    const { service, requests } = await setup((_req, res) => json(res, 200, openView));
    await expect(service.get('../admin')).resolves.toEqual({ ok: false, error: 'unknownInvitation' });
    expect(requests).toHaveLength(0);
    const off = createInvitationService({ origin: null, fetch: () => Promise.reject(new Error('no')), parseMeeting: parseMeetingInvite, meetingIdInvite });
    expect(off.configured).toBe(false);
    await expect(off.get(ID)).resolves.toEqual({ ok: false, error: 'notConfigured' });
    await expect(off.requestCode(ID)).resolves.toEqual({ ok: false, error: 'notConfigured' });
  });
});

describe('resolveServiceOrigin', () => {
  it.each([
    [{ configured: 'https://doorway.contoso.com', env: {}, isPackaged: true }, 'https://doorway.contoso.com'],
    [{ configured: '', env: {}, isPackaged: true }, null],
    [{ configured: '', env: { DOORWAY_SERVICE_URL: 'http://127.0.0.1:8080' }, isPackaged: false }, 'http://127.0.0.1:8080'],
    [{ configured: 'https://doorway.contoso.com', env: { DOORWAY_SERVICE_URL: 'http://127.0.0.1:8080' }, isPackaged: true }, 'https://doorway.contoso.com'],
    [{ configured: '', env: { DOORWAY_SERVICE_URL: 'http://doorway.contoso.com' }, isPackaged: false }, null],
    [{ configured: 'http://doorway.contoso.com', env: {}, isPackaged: false }, null],
  ])('%j → %s', (inputs, expected) => {
    expect(resolveServiceOrigin(inputs)).toBe(expected);
  });
});
