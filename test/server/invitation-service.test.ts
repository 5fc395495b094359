// The invitation service against the Graph stand-in: creation, the guest's view, bound
// invitations (codes, attempts, lock, grants), revocation, expiry, and what the audit log holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffIdentity } from '../../server/staff-auth';
import { lastCode, MAILBOX, ORGANIZER, startInvitationFixture, type InvitationFixture } from './invitation-fixture';

let fx: InvitationFixture;
const staff: StaffIdentity = { kind: 'entra', objectId: 'staff-oid-1' };
const GUEST = 'pat.guest@example.org';
const createdIds: string[] = [];

beforeAll(async () => {
  fx = await startInvitationFixture();
});
afterAll(() => fx.close());

async function created(request: Parameters<InvitationFixture['service']['create']>[1]) {
  const outcome = await fx.service.create(staff, request);
  if (!outcome.ok) throw new Error(`create failed: ${JSON.stringify(outcome)}`);
  createdIds.push(outcome.invitation.id);
  return outcome.invitation;
}

// In file order even under --sequence.shuffle: the last test audits the logs all the others made.
describe('invitation service', { shuffle: false }, () => {
  it('creates an invitation from a join URL: id, links, emails in the guest’s language and English, .ics', async () => {
    const meeting = fx.graph.addMeeting(ORGANIZER, { subject: 'Design <review> & "plan"' });
    const invitation = await created({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, organizerName: 'Ada Lovelace', guest: { name: 'Pat', language: 'ko' } });
    expect(invitation.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(invitation.url).toBe(`https://doorway.contoso.example/join/${invitation.id}`);
    expect(invitation.appLink).toBe(`doorway://join?invite=${invitation.id}&link=${encodeURIComponent(meeting.joinWebUrl)}`);
    expect(invitation.meeting).toEqual({ subject: 'Design <review> & "plan"', startsAt: meeting.startDateTime, endsAt: meeting.endDateTime, organizer: 'Ada Lovelace' });
    expect(invitation.emails['en-US']!.html).toContain('Design &lt;review> &amp; &quot;plan&quot;');
    expect(invitation.emails['en-US']!.html).not.toContain('<review>');
    expect(invitation.emails['en-US']!.text).toContain(meeting.joinWebUrl);
    expect(invitation.emails['ko-KR']!.subject).toBe('초대: Design <review> & "plan"');
    expect(invitation.emails['ko-KR']!.text).toContain('안녕하세요');
    expect(invitation.ics).toContain('SUMMARY:Design <review> & "plan"');
    expect(invitation.ics).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
    expect(invitation.mail).toEqual({ sent: false });

    const view = await fx.service.view(invitation.id);
    expect(view).toEqual({ ok: true, value: { status: 'open', meeting: invitation.meeting, join: { joinUrl: meeting.joinWebUrl, meetingId: meeting.joinMeetingIdSettings!.joinMeetingId, passcode: meeting.joinMeetingIdSettings!.passcode }, guestName: 'Pat', language: 'ko-KR' } });
  });

  it('refuses a join URL that is not a Teams meeting, before asking Graph', async () => {
    const before = fx.graph.requests.length;
    for (const joinUrl of ['https://evil.example/l/meetup-join/19%3ameeting_a%40thread.v2/0', 'https://teams.live.com/meet/9876543210?p=abc', 'http://teams.microsoft.com/l/meetup-join/19%3ameeting_a%40thread.v2/0', 'not a url']) {
      expect(await fx.service.create(staff, { meeting: { joinUrl, organizer: ORGANIZER } })).toEqual({ ok: false, error: 'invalidJoinUrl' });
    }
    expect(fx.graph.requests.length).toBe(before);
  });

  it('reports Graph failures with the operator message, and a meeting that already ended', async () => {
    const unknown = await fx.service.create(staff, { meeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_zz%40thread.v2/0', organizer: ORGANIZER } });
    expect(unknown).toMatchObject({ ok: false, error: 'graph', graph: { failure: 'notFound' } });
    const past = fx.graph.addMeeting(ORGANIZER, { startDateTime: new Date(Date.now() - 6 * 3_600_000).toISOString(), endDateTime: new Date(Date.now() - 5 * 3_600_000).toISOString() });
    expect(await fx.service.create(staff, { meeting: { joinUrl: past.joinWebUrl, organizer: ORGANIZER } })).toEqual({ ok: false, error: 'meetingEnded' });
  });

  it('creates a Teams meeting when asked, and mails the invitation with its .ics', async () => {
    // The tenant's access policy covers the organizer (addMeeting does so for the tests that read one).
    fx.graph.policyUsers.add(ORGANIZER);
    const invitation = await created({
      meeting: { organizer: ORGANIZER, subject: 'Interview', startsAt: new Date(Date.now() + 86_400_000).toISOString(), endsAt: new Date(Date.now() + 90_000_000).toISOString() },
      guest: { email: GUEST, language: 'ko-KR' },
      sendEmail: true,
    });
    expect(invitation.mail).toEqual({ sent: true });
    const mail = fx.graph.sentMail.at(-1)!;
    expect(mail.mailbox).toBe(MAILBOX);
    expect(mail.message.subject).toBe('초대: Interview');
    expect(Buffer.from(mail.message.attachments![0].contentBytes, 'base64').toString()).toContain('SUMMARY:Interview');
  });

  it('binds an invitation to an email: no Teams link anywhere until a code is confirmed', async () => {
    const meeting = fx.graph.addMeeting(ORGANIZER, { subject: 'Board' });
    const invitation = await created({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { email: GUEST }, bindToEmail: true, sendEmail: true });
    expect(invitation.bound).toBe(true);
    expect(invitation.appLink).toBe(`doorway://join?invite=${invitation.id}`);
    const everything = JSON.stringify(invitation) + JSON.stringify(fx.graph.sentMail.at(-1));
    for (const secret of [meeting.joinWebUrl, encodeURIComponent(meeting.joinWebUrl), meeting.joinMeetingIdSettings!.passcode!, meeting.joinMeetingIdSettings!.joinMeetingId, 'meetup-join']) {
      expect(everything).not.toContain(secret);
    }
    expect(await fx.service.view(invitation.id)).toEqual({ ok: true, value: { status: 'verificationRequired', meeting: invitation.meeting, emailHint: 'p•••@e•••.org' } });

    expect(await fx.service.verify(invitation.id, '123456', 'api')).toEqual({ ok: false, error: 'codeExpired' });
    expect(await fx.service.sendCode(invitation.id, 'api')).toEqual({ ok: true, value: { expiresInSeconds: 600 } });
    expect(fx.graph.sentMail.at(-1)!.message.toRecipients[0].emailAddress.address).toBe(GUEST);
    const code = lastCode(fx.graph);
    const wrong = code === '000000' ? '000001' : '000000';
    expect(await fx.service.verify(invitation.id, wrong, 'api')).toEqual({ ok: false, error: 'wrongCode', attemptsLeft: 4 });
    expect(await fx.service.verify(invitation.id, 'abc', 'api')).toEqual({ ok: false, error: 'wrongCode', attemptsLeft: 3 });
    const verified = await fx.service.verify(invitation.id, code, 'api');
    if (!verified.ok) throw new Error(JSON.stringify(verified));
    expect(verified.value.view.join.joinUrl).toBe(meeting.joinWebUrl);
    expect(verified.value.grant).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The code works once.
    expect(await fx.service.verify(invitation.id, code, 'api')).toEqual({ ok: false, error: 'codeExpired' });
    expect(await fx.service.view(invitation.id, verified.value.grant)).toMatchObject({ ok: true, value: { status: 'open' } });
    // A grant with its last character changed (to another that changes the decoded bytes: 'A' was
    // the grant's own last character in 1 of 16 runs, and the test then failed).
    const tampered = `${verified.value.grant.slice(0, -1)}${verified.value.grant.endsWith('A') ? 'E' : 'A'}`;
    expect(await fx.service.view(invitation.id, tampered)).toMatchObject({ ok: true, value: { status: 'verificationRequired' } });
  });

  it('limits code sending per invitation, expires codes, and locks after too many wrong codes', async () => {
    const meeting = fx.graph.addMeeting(ORGANIZER);
    const { id } = await created({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { email: GUEST }, bindToEmail: true });
    expect((await fx.service.sendCode(id, 'page')).ok).toBe(true);
    expect(await fx.service.sendCode(id, 'page')).toMatchObject({ ok: false, error: 'rateLimited', retryAfterSeconds: 30 });
    fx.clock.now += 11 * 60_000;
    expect(await fx.service.verify(id, lastCode(fx.graph), 'page')).toEqual({ ok: false, error: 'codeExpired' });
    let last;
    for (let round = 0; round < 2; round++) {
      expect((await fx.service.sendCode(id, 'page')).ok).toBe(true);
      fx.clock.now += 31_000;
      const code = lastCode(fx.graph);
      for (let i = 0; i < 5; i++) last = await fx.service.verify(id, code === '999999' ? '999998' : '999999', 'page');
    }
    expect(last).toEqual({ ok: false, error: 'locked' });
    expect(await fx.service.view(id)).toEqual({ ok: false, error: 'locked' });
    expect(await fx.service.sendCode(id, 'page')).toEqual({ ok: false, error: 'locked' });
  });

  it('revokes at once, grants included; expires after the meeting end plus grace; unknown ids are unknown', async () => {
    const meeting = fx.graph.addMeeting(ORGANIZER);
    const { id } = await created({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER } });
    expect(await fx.service.revoke(staff, id)).toBe(true);
    expect(await fx.service.view(id)).toEqual({ ok: false, error: 'revoked' });
    expect(await fx.service.revoke(staff, 'A'.repeat(22))).toBe(false);

    const later = fx.graph.addMeeting(ORGANIZER);
    const second = await created({ meeting: { joinUrl: later.joinWebUrl, organizer: ORGANIZER } });
    const saved = fx.clock.now;
    fx.clock.now = new Date(later.endDateTime).getTime() + 2 * 3_600_000 - 1000;
    expect((await fx.service.view(second.id)).ok).toBe(true);
    fx.clock.now += 2000;
    expect(await fx.service.view(second.id)).toEqual({ ok: false, error: 'expired' });
    fx.clock.now = saved;

    for (const id of ['', 'short', `${second.id}x`, second.id.replace(/.$/, '*'), '../../etc/passwd-----', 'A'.repeat(22)]) {
      expect(await fx.service.view(id)).toEqual({ ok: false, error: 'unknownInvitation' });
    }
  });

  it('refuses to bind or send without an email or without mail configured', async () => {
    const meeting = fx.graph.addMeeting(ORGANIZER);
    const joinUrl = meeting.joinWebUrl;
    expect(await fx.service.create(staff, { meeting: { joinUrl, organizer: ORGANIZER }, bindToEmail: true })).toEqual({ ok: false, error: 'emailRequired' });
    const noMail = await startInvitationFixture({ mailSender: undefined });
    try {
      noMail.graph.addMeeting(ORGANIZER, { joinWebUrl: joinUrl });
      expect(await noMail.service.create(staff, { meeting: { joinUrl, organizer: ORGANIZER }, guest: { email: GUEST }, bindToEmail: true })).toEqual({ ok: false, error: 'mailNotConfigured' });
    } finally {
      await noMail.close();
    }
  });

  it('audits creation, codes, verification and revocation without ids, codes or full addresses', () => {
    const audit = fx.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.audit);
    const events = new Set(audit.map((entry) => entry.event));
    for (const event of ['invitationCreated', 'invitationMailed', 'codeSent', 'codeRejected', 'invitationVerified', 'invitationLocked', 'invitationRevoked']) expect(events).toContain(event);
    const text = fx.logs.join('\n');
    expect(createdIds.length).toBeGreaterThan(3);
    expect(text).not.toContain(GUEST);
    for (const id of createdIds) expect(text).not.toContain(id);
    expect(audit.find((entry) => entry.email)?.email).toBe('p•••@e•••.org');
  });
});
