// The invitation service's limits, at their boundaries, against the Graph stand-in with a settable
// clock: how many codes a guest may have mailed and how often, how many guesses one code allows,
// how long a grant and a finished invitation last, and which invitations have codes at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffIdentity } from '../../server/staff-auth';
import { lastCode, ORGANIZER, startInvitationFixture, type InvitationFixture } from './invitation-fixture';

const HOUR = 3_600_000;
const staff: StaffIdentity = { kind: 'adminKey' };
const GUEST = 'sam.guest@example.org';

let fx: InvitationFixture;
beforeAll(async () => {
  fx = await startInvitationFixture();
});
afterAll(() => fx.close());

/** A meeting on the fixture's clock: starts now, ends `endsInMs` from now (the grace period is 2 h). */
function meetingEndingIn(endsInMs: number) {
  return fx.graph.addMeeting(ORGANIZER, { startDateTime: new Date(fx.clock.now).toISOString(), endDateTime: new Date(fx.clock.now + endsInMs).toISOString() });
}

async function invitation(options: { bound: boolean; endsInMs?: number }) {
  const meeting = meetingEndingIn(options.endsInMs ?? 24 * HOUR);
  const outcome = await fx.service.create(staff, {
    meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER },
    ...(options.bound ? { guest: { email: GUEST }, bindToEmail: true } : {}),
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return { id: outcome.invitation.id, meeting };
}

const auditEvents = (event: string) => fx.logs.map((line) => JSON.parse(line) as { event: string; audit?: boolean }).filter((entry) => entry.audit && entry.event === event).length;

/** Mails a code (30 s after the last one) and confirms it: the grant. */
async function verifiedGrant(id: string): Promise<string> {
  fx.clock.now += 30_000;
  const sent = await fx.service.sendCode(id, 'api');
  if (!sent.ok) throw new Error(JSON.stringify(sent));
  const verified = await fx.service.verify(id, lastCode(fx.graph), 'api');
  if (!verified.ok) throw new Error(JSON.stringify(verified));
  return verified.value.grant;
}

describe('invitation limits', () => {
  it('mails a code at most every 30 s and five an hour, the hour counted from the oldest code', async () => {
    const { id } = await invitation({ bound: true });
    const start = fx.clock.now;
    const mailsBefore = fx.graph.sentMail.length;
    expect((await fx.service.sendCode(id, 'page')).ok).toBe(true);
    fx.clock.now = start + 29_999;
    expect(await fx.service.sendCode(id, 'page')).toEqual({ ok: false, error: 'rateLimited', retryAfterSeconds: 1 });
    fx.clock.now = start + 10_000;
    expect(await fx.service.sendCode(id, 'page')).toEqual({ ok: false, error: 'rateLimited', retryAfterSeconds: 20 });
    for (let i = 1; i < 5; i++) {
      fx.clock.now = start + i * 30_000;
      expect(await fx.service.sendCode(id, 'page'), `code ${i + 1}`).toEqual({ ok: true, value: { expiresInSeconds: 600 } });
    }
    fx.clock.now = start + 5 * 30_000;
    expect(await fx.service.sendCode(id, 'page')).toEqual({ ok: false, error: 'rateLimited', retryAfterSeconds: 3_600 - 150 });
    fx.clock.now = start + HOUR - 1_000;
    expect(await fx.service.sendCode(id, 'page')).toEqual({ ok: false, error: 'rateLimited', retryAfterSeconds: 1 });
    // An hour after the first code, it no longer counts.
    fx.clock.now = start + HOUR;
    expect((await fx.service.sendCode(id, 'page')).ok).toBe(true);
    expect(fx.graph.sentMail.length - mailsBefore).toBe(6);
  });

  it('lets one code be guessed five times; after that even the right code is refused and a new code is needed', async () => {
    const { id } = await invitation({ bound: true });
    expect((await fx.service.sendCode(id, 'api')).ok).toBe(true);
    const code = lastCode(fx.graph);
    const wrong = code === '111111' ? '222222' : '111111';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await fx.service.verify(id, wrong, 'api'));
    expect(answers.map((answer) => (answer.ok ? 'ok' : answer.attemptsLeft))).toEqual([4, 3, 2, 1, 0]);
    expect(await fx.service.verify(id, code, 'api')).toEqual({ ok: false, error: 'codeExpired' });
    expect(await fx.service.view(id)).toMatchObject({ ok: true, value: { status: 'verificationRequired' } });
    // Five wrong guesses in all: the invitation is not locked, and a fresh code works.
    expect(typeof (await verifiedGrant(id))).toBe('string');
  });

  it('locks the invitation at the tenth wrong code in all, and audits the lock once', async () => {
    const { id } = await invitation({ bound: true });
    const locksBefore = auditEvents('invitationLocked');
    const results = [];
    for (let round = 0; round < 2; round++) {
      fx.clock.now += 30_000;
      expect((await fx.service.sendCode(id, 'api')).ok).toBe(true);
      const wrong = lastCode(fx.graph) === '333333' ? '444444' : '333333';
      for (let i = 0; i < 5; i++) results.push(await fx.service.verify(id, wrong, 'api'));
    }
    expect(results.slice(0, 9).every((result) => !result.ok && result.error === 'wrongCode')).toBe(true);
    expect(results[9]).toEqual({ ok: false, error: 'locked' });
    expect(await fx.service.verify(id, '000000', 'api')).toEqual({ ok: false, error: 'locked' });
    expect(auditEvents('invitationLocked') - locksBefore).toBe(1);
  });

  it('refuses a code that expired ten minutes after it was sent, and accepts it just before', async () => {
    const { id } = await invitation({ bound: true });
    expect((await fx.service.sendCode(id, 'api')).ok).toBe(true);
    const sentAt = fx.clock.now;
    fx.clock.now = sentAt + 10 * 60_000;
    expect(await fx.service.verify(id, lastCode(fx.graph), 'api')).toEqual({ ok: false, error: 'codeExpired' });
    fx.clock.now += 30_000;
    expect((await fx.service.sendCode(id, 'api')).ok).toBe(true);
    fx.clock.now += 10 * 60_000 - 1;
    expect((await fx.service.verify(id, lastCode(fx.graph), 'api')).ok).toBe(true);
  });

  it('keeps a grant for 12 hours, or until the invitation ends if that is sooner', async () => {
    const long = await invitation({ bound: true, endsInMs: 24 * HOUR });
    fx.clock.now += 30_000;
    await fx.service.sendCode(long.id, 'api');
    const verified = await fx.service.verify(long.id, lastCode(fx.graph), 'api');
    if (!verified.ok) throw new Error(JSON.stringify(verified));
    expect(verified.value.expiresInSeconds).toBe(12 * 3_600);
    const verifiedAt = fx.clock.now;
    fx.clock.now = verifiedAt + 12 * HOUR - 1;
    expect(await fx.service.view(long.id, verified.value.grant)).toMatchObject({ ok: true, value: { status: 'open', join: { joinUrl: long.meeting.joinWebUrl } } });
    fx.clock.now = verifiedAt + 12 * HOUR;
    expect(await fx.service.view(long.id, verified.value.grant)).toMatchObject({ ok: true, value: { status: 'verificationRequired' } });

    // Ends in 1 h, plus 2 h of grace: the grant lasts 3 h less the 30 s before the code was sent.
    const short = await invitation({ bound: true, endsInMs: HOUR });
    const createdAt = fx.clock.now;
    fx.clock.now += 30_000;
    await fx.service.sendCode(short.id, 'api');
    const shortGrant = await fx.service.verify(short.id, lastCode(fx.graph), 'api');
    expect(shortGrant).toMatchObject({ ok: true, value: { expiresInSeconds: 3 * 3_600 - 30 } });
    fx.clock.now = createdAt + 3 * HOUR - 1;
    expect(await fx.service.view(short.id, shortGrant.ok ? shortGrant.value.grant : '')).toMatchObject({ ok: true, value: { status: 'open' } });
  });

  it('honours the five most recent grants of an invitation; a sixth verification retires the oldest', async () => {
    const { id } = await invitation({ bound: true });
    const grants: string[] = [];
    for (let i = 0; i < 5; i++) grants.push(await verifiedGrant(id));
    const openWith = async (grant: string) => {
      const view = await fx.service.view(id, grant);
      return view.ok ? view.value.status : view.error;
    };
    for (const grant of grants) expect(await openWith(grant)).toBe('open');
    fx.clock.now += HOUR; // five codes an hour
    grants.push(await verifiedGrant(id));
    expect(await Promise.all(grants.map(openWith))).toEqual(['verificationRequired', 'open', 'open', 'open', 'open', 'open']);
  });

  it('keeps a finished invitation for a week, so a late guest reads “expired”, then forgets it', async () => {
    const { id, meeting } = await invitation({ bound: false, endsInMs: HOUR });
    const expiresAt = Date.parse(meeting.endDateTime) + 2 * HOUR;
    fx.clock.now = expiresAt;
    expect((await fx.service.view(id)).ok).toBe(true);
    fx.clock.now = expiresAt + 1;
    expect(await fx.service.view(id)).toEqual({ ok: false, error: 'expired' });
    fx.clock.now = expiresAt + 7 * 24 * HOUR - 1_000;
    expect(await fx.service.view(id)).toEqual({ ok: false, error: 'expired' });
    fx.clock.now = expiresAt + 7 * 24 * HOUR + 1_000;
    expect(await fx.service.view(id)).toEqual({ ok: false, error: 'unknownInvitation' });
  });

  it('has no codes for an invitation that is not bound to an email: nothing is mailed', async () => {
    const { id } = await invitation({ bound: false });
    const mailsBefore = fx.graph.sentMail.length;
    expect(await fx.service.sendCode(id, 'api')).toEqual({ ok: false, error: 'unknownInvitation' });
    expect(await fx.service.verify(id, '123456', 'api')).toEqual({ ok: false, error: 'unknownInvitation' });
    expect(fx.graph.sentMail.length).toBe(mailsBefore);
    expect(await fx.service.sendCode('A'.repeat(22), 'api')).toEqual({ ok: false, error: 'unknownInvitation' });
  });

  it('answers a service error when the code cannot be mailed, and audits no code as sent', async () => {
    const { id } = await invitation({ bound: true });
    const sentBefore = auditEvents('codeSent');
    fx.graph.failNext({ status: 500 }, 3);
    expect(await fx.service.sendCode(id, 'api')).toEqual({ ok: false, error: 'serviceError' });
    expect(auditEvents('codeSent')).toBe(sentBefore);
  });

  it('does not count a code mail Graph failed to send: the guest may ask again at once, and the code they hold stays valid', async () => {
    const { id } = await invitation({ bound: true });
    expect((await fx.service.sendCode(id, 'page')).ok).toBe(true);
    const delivered = lastCode(fx.graph);
    const mailsBefore = fx.graph.sentMail.length;
    fx.clock.now += 30_000;
    fx.graph.failNext({ status: 500 }, 3);
    expect(await fx.service.sendCode(id, 'page')).toEqual({ ok: false, error: 'serviceError' });
    expect(fx.graph.sentMail.length).toBe(mailsBefore);
    // The mail that went out is still the code to type.
    expect((await fx.service.verify(id, delivered, 'page')).ok).toBe(true);
    // No wait of 30 s for a mail that never came: a new code is mailed at the same instant.
    expect(await fx.service.sendCode(id, 'page')).toEqual({ ok: true, value: { expiresInSeconds: 600 } });
    expect(fx.graph.sentMail.length).toBe(mailsBefore + 1);
    // Failed mails do not use up the five an hour either: with four more failures, four more codes go out.
    for (let i = 0; i < 4; i++) {
      fx.clock.now += 30_000;
      fx.graph.failNext({ status: 500 }, 3);
      expect(await fx.service.sendCode(id, 'page')).toEqual({ ok: false, error: 'serviceError' });
    }
    for (let i = 0; i < 3; i++) {
      expect(await fx.service.sendCode(id, 'page'), `code ${i + 3}`).toEqual({ ok: true, value: { expiresInSeconds: 600 } });
      fx.clock.now += 30_000;
    }
    expect(await fx.service.sendCode(id, 'page')).toMatchObject({ ok: false, error: 'rateLimited' });
    expect(fx.graph.sentMail.length).toBe(mailsBefore + 4);
  });

  it('revokes once: a second revocation is accepted but keeps the first time and is not audited again', async () => {
    const { id } = await invitation({ bound: true });
    const grant = await verifiedGrant(id);
    const revokedBefore = auditEvents('invitationRevoked');
    expect(await fx.service.revoke(staff, id)).toBe(true);
    expect(auditEvents('invitationRevoked') - revokedBefore).toBe(1);
    fx.clock.now += 1_000;
    expect(await fx.service.revoke(staff, id)).toBe(true);
    expect(auditEvents('invitationRevoked') - revokedBefore).toBe(1);
    expect(await fx.service.view(id, grant)).toEqual({ ok: false, error: 'revoked' });
    expect(await fx.service.revoke(staff, 'not an id')).toBe(false);
  });

  it('locks once when two wrong codes arrive together at the limit: both hear "locked", the lock is audited once', async () => {
    const { id } = await invitation({ bound: true });
    const locksBefore = auditEvents('invitationLocked');
    for (const guesses of [5, 4]) {
      fx.clock.now += 30_000;
      expect((await fx.service.sendCode(id, 'api')).ok).toBe(true);
      const wrong = lastCode(fx.graph) === '555555' ? '666666' : '555555';
      for (let i = 0; i < guesses; i++) expect(await fx.service.verify(id, wrong, 'api')).toMatchObject({ ok: false, error: 'wrongCode' });
    }
    const code = lastCode(fx.graph);
    const wrong = code === '777777' ? '888888' : '777777';
    expect(await Promise.all([fx.service.verify(id, wrong, 'page'), fx.service.verify(id, wrong, 'page')])).toEqual([
      { ok: false, error: 'locked' },
      { ok: false, error: 'locked' },
    ]);
    expect(await fx.service.verify(id, code, 'page')).toEqual({ ok: false, error: 'locked' });
    expect(auditEvents('invitationLocked') - locksBefore).toBe(1);
    const lock = fx.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.audit && entry.event === 'invitationLocked').at(-1);
    expect(lock).toMatchObject({ actor: 'guest', email: 's•••@e•••.org', channel: 'page', invitation: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/) });
  });

  it('mails the code in the guest’s language, saying how long it lasts', async () => {
    expect(fx.service.codeMinutes).toBe(10);
    const meeting = meetingEndingIn(24 * HOUR);
    const korean = await fx.service.create(staff, { meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { email: GUEST, language: 'ko' }, bindToEmail: true });
    if (!korean.ok) throw new Error(JSON.stringify(korean));
    expect((await fx.service.sendCode(korean.invitation.id, 'api')).ok).toBe(true);
    expect(fx.graph.sentMail.at(-1)!.message.subject).not.toMatch(/^Your code/);
    const { id } = await invitation({ bound: true });
    expect((await fx.service.sendCode(id, 'api')).ok).toBe(true);
    const mail = fx.graph.sentMail.at(-1)!.message;
    expect(mail.subject).toMatch(/^Your code/);
    expect(mail.body.content).toContain('10 minutes');
  });

  it('audits each step of a bound invitation: who, through which channel, and the address masked', async () => {
    const { id } = await invitation({ bound: true });
    const from = fx.logs.length;
    // Not a guess at a code: there is no code yet, so nothing is audited as rejected.
    expect(await fx.service.verify(id, '123456', 'page')).toEqual({ ok: false, error: 'codeExpired' });
    fx.clock.now += 30_000;
    await fx.service.sendCode(id, 'page');
    const code = lastCode(fx.graph);
    await fx.service.verify(id, code === '123123' ? '321321' : '123123', 'page');
    await fx.service.verify(id, code, 'api');
    fx.service.recordOpened(id, 'api');
    await fx.service.revoke(staff, id);
    const entries = fx.logs.slice(from).map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.audit);
    const masked = { email: 's•••@e•••.org', emailDigest: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/) };
    const invitationDigest = expect.stringMatching(/^[A-Za-z0-9_-]{16}$/);
    expect(entries.map(({ time: _time, level: _level, ...entry }) => entry)).toEqual([
      { event: 'codeSent', audit: true, invitation: invitationDigest, actor: 'guest', ...masked, channel: 'page' },
      { event: 'codeRejected', audit: true, invitation: invitationDigest, actor: 'guest', ...masked, channel: 'page' },
      { event: 'invitationVerified', audit: true, invitation: invitationDigest, actor: 'guest', ...masked, channel: 'api' },
      { event: 'invitationOpened', audit: true, invitation: invitationDigest, actor: 'guest', channel: 'api' },
      { event: 'invitationRevoked', audit: true, invitation: invitationDigest, actor: 'adminKey', channel: 'api' },
    ]);
    expect(new Set(entries.map((entry) => entry.invitation)).size).toBe(1);
  });
});

