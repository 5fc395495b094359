// Creating invitations, against the Graph stand-in: what staff must provide before Graph is asked,
// what the invitation shows when Graph leaves fields empty, which languages the email comes in,
// when a meeting counts as ended, what a failed mail reports, and who the audit names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../server/audit-log';
import { createInvitationService } from '../../server/invitation-service';
import { createJsonLog } from '../../server/log';
import { formatMeetingTime } from '../../server/meeting-time';
import type { StaffIdentity } from '../../server/staff-auth';
import { createMemoryInvitationStore } from '../../server/stores/invitation-store';
import { INVITATION_KEY, MAILBOX, ORGANIZER, startInvitationFixture, type InvitationFixture } from './invitation-fixture';

const HOUR = 3_600_000;
const staff: StaffIdentity = { kind: 'entra', objectId: 'staff-oid-7' };
const GUEST = 'lee.guest@example.org';

let fx: InvitationFixture;
beforeAll(async () => {
  fx = await startInvitationFixture();
});
afterAll(() => fx.close());

const audit = () => fx.logs.map((line) => JSON.parse(line) as { event: string; audit?: boolean; actor?: string }).filter((entry) => entry.audit);

describe('creating an invitation', () => {
  it('refuses to send mail without an address or without a mailbox, before asking Graph', async () => {
    const meeting = fx.graph.addMeeting(ORGANIZER);
    const before = fx.graph.requests.length;
    expect(await fx.service.create(staff, { meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, sendEmail: true, guest: { name: 'Lee' } })).toEqual({ ok: false, error: 'emailRequired' });
    const noMailbox = createInvitationService({
      store: createMemoryInvitationStore(),
      graph: fx.graphClient,
      audit: createAuditLog(createJsonLog(() => undefined), INVITATION_KEY),
      key: INVITATION_KEY,
      publicUrl: 'https://doorway.contoso.example',
      linkScheme: 'doorway',
      productName: 'Doorway',
      graceMs: 2 * HOUR,
    });
    expect(await noMailbox.create(staff, { meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, sendEmail: true, guest: { email: GUEST } })).toEqual({ ok: false, error: 'mailNotConfigured' });
    expect(fx.graph.requests.length).toBe(before);
  });

  it('says Graph is not configured when the service has no Graph client', async () => {
    const noGraph = createInvitationService({
      store: createMemoryInvitationStore(),
      mailSender: MAILBOX,
      audit: createAuditLog(createJsonLog(() => undefined), INVITATION_KEY),
      key: INVITATION_KEY,
      publicUrl: 'https://doorway.contoso.example',
      linkScheme: 'doorway',
      productName: 'Doorway',
      graceMs: 2 * HOUR,
    });
    const joinUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';
    expect(await noGraph.create(staff, { meeting: { joinUrl, organizer: ORGANIZER } })).toEqual({ ok: false, error: 'graphNotConfigured' });
    expect(await noGraph.create(staff, { meeting: { joinUrl, organizer: ORGANIZER }, guest: { email: GUEST }, sendEmail: true })).toEqual({ ok: false, error: 'mailNotConfigured' });
  });

  it('uses the product name for a meeting without a subject, and names the organizer as Graph, staff or the address does', async () => {
    const untitled = fx.graph.addMeeting(ORGANIZER, { subject: null });
    const fromStaff = await fx.service.create(staff, { meeting: { joinUrl: untitled.joinWebUrl, organizer: ORGANIZER }, organizerName: 'Ada Lovelace' });
    expect(fromStaff).toMatchObject({ ok: true, invitation: { meeting: { subject: 'Doorway', organizer: 'Ada Lovelace' } } });
    const fromAddress = await fx.service.create(staff, { meeting: { joinUrl: untitled.joinWebUrl, organizer: ORGANIZER } });
    expect(fromAddress).toMatchObject({ ok: true, invitation: { meeting: { organizer: ORGANIZER } } });
    const named = fx.graph.addMeeting(ORGANIZER);
    named.participants.organizer.identity.user.displayName = 'Grace Hopper';
    const fromGraph = await fx.service.create(staff, { meeting: { joinUrl: named.joinWebUrl, organizer: ORGANIZER }, organizerName: 'Ada Lovelace' });
    expect(fromGraph).toMatchObject({ ok: true, invitation: { meeting: { organizer: 'Grace Hopper' } } });
  });

  it('writes the email in English only unless staff named the guest’s language', async () => {
    const meeting = fx.graph.addMeeting(ORGANIZER);
    const english = await fx.service.create(staff, { meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { name: 'Lee' } });
    expect(english.ok && Object.keys(english.invitation.emails)).toEqual(['en-US']);
    expect(english.ok && english.invitation.emails['en-US']!.text).toContain('Lee');
    const korean = await fx.service.create(staff, { meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { language: 'ko' } });
    expect(korean.ok && Object.keys(korean.invitation.emails).sort()).toEqual(['en-US', 'ko-KR']);
    const view = korean.ok ? await fx.service.view(korean.invitation.id) : undefined;
    expect(view).toMatchObject({ ok: true, value: { status: 'open', language: 'ko-KR' } });
    expect(view?.ok && Object.keys(view.value)).not.toContain('guestName');
  });

  it('gives an unbound guest the dial-in in the email, and a bound guest none of the join details', async () => {
    const meeting = fx.graph.addMeeting(ORGANIZER);
    const open = await fx.service.create(staff, { meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER } });
    expect(open.ok && open.invitation.emails['en-US']!.text).toContain('+1 425-555-0100');
    const bound = await fx.service.create(staff, { meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { email: GUEST }, bindToEmail: true });
    expect(bound.ok && JSON.stringify(bound.invitation.emails)).not.toContain('+1 425-555-0100');
  });

  it('counts a meeting as ended once its end plus the grace period has come', async () => {
    const ending = fx.graph.addMeeting(ORGANIZER, { startDateTime: new Date(fx.clock.now - 3 * HOUR).toISOString(), endDateTime: new Date(fx.clock.now - 2 * HOUR).toISOString() });
    expect(await fx.service.create(staff, { meeting: { joinUrl: ending.joinWebUrl, organizer: ORGANIZER } })).toEqual({ ok: false, error: 'meetingEnded' });
    fx.clock.now -= 1;
    const justInTime = await fx.service.create(staff, { meeting: { joinUrl: ending.joinWebUrl, organizer: ORGANIZER } });
    expect(justInTime).toMatchObject({ ok: true, invitation: { expiresAt: new Date(fx.clock.now + 1).toISOString() } });
  });

  it('creates the meeting with chat on unless staff said otherwise', async () => {
    const startsAt = new Date(fx.clock.now + HOUR).toISOString();
    const endsAt = new Date(fx.clock.now + 2 * HOUR).toISOString();
    expect((await fx.service.create(staff, { meeting: { organizer: ORGANIZER, subject: 'Chat default', startsAt, endsAt } })).ok).toBe(true);
    const post = fx.graph.requests.filter((request) => request.method === 'POST' && request.url.endsWith('/onlineMeetings')).at(-1);
    expect(post?.body).toMatchObject({ subject: 'Chat default', allowMeetingChat: 'enabled' });
  });

  it('reports a mail Graph would not send, without auditing it as mailed', async () => {
    const meeting = fx.graph.addMeeting(ORGANIZER);
    const mailed = audit().filter((entry) => entry.event === 'invitationMailed').length;
    fx.graph.mailboxes.delete(MAILBOX);
    try {
      const outcome = await fx.service.create(staff, { meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { email: GUEST }, sendEmail: true });
      expect(outcome).toMatchObject({ ok: true, invitation: { mail: { sent: false, reason: `The mailbox ${MAILBOX} does not exist (MAIL_SENDER).` } } });
    } finally {
      fx.graph.mailboxes.add(MAILBOX);
    }
    expect(audit().filter((entry) => entry.event === 'invitationMailed').length).toBe(mailed);
  });

  it('names the staff member, or the admin key, as the creator in the audit', async () => {
    const meeting = fx.graph.addMeeting(ORGANIZER);
    await fx.service.create(staff, { meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER } });
    expect(audit().filter((entry) => entry.event === 'invitationCreated').at(-1)?.actor).toBe('staff-oid-7');
    await fx.service.create({ kind: 'adminKey' }, { meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER } });
    expect(audit().filter((entry) => entry.event === 'invitationCreated').at(-1)?.actor).toBe('adminKey');
  });

  it('mails nobody when staff give the guest’s address without asking for mail', async () => {
    const meeting = fx.graph.addMeeting(ORGANIZER);
    const mails = fx.graph.sentMail.length;
    const outcome = await fx.service.create(staff, { meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { email: GUEST } });
    expect(outcome).toMatchObject({ ok: true, invitation: { mail: { sent: false }, bound: false } });
    expect(fx.graph.sentMail.length).toBe(mails);
    const created = audit().filter((entry) => entry.event === 'invitationCreated').at(-1) as Record<string, unknown>;
    expect(created).toMatchObject({ actor: 'staff-oid-7', email: 'l•••@e•••.org', channel: 'api' });
  });

  it('gives each calendar entry its own UID on the service’s host, 32 hex digits (no invitation id in it)', async () => {
    const meeting = fx.graph.addMeeting(ORGANIZER);
    const uids = [];
    for (let i = 0; i < 2; i++) {
      const outcome = await fx.service.create(staff, { meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER } });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome));
      const uid = /\r\nUID:([^\r]*)\r\n/.exec(outcome.invitation.ics)?.[1];
      expect(uid).toMatch(/^[0-9a-f]{32}@doorway\.contoso\.example$/);
      uids.push(uid);
    }
    expect(uids[0]).not.toBe(uids[1]);
  });

  it('writes the English copy in English for a guest with another language, and the time in the guest’s zone', async () => {
    const startsAt = new Date(Math.ceil(fx.clock.now / HOUR) * HOUR + 24 * HOUR).toISOString();
    const endsAt = new Date(Date.parse(startsAt) + HOUR).toISOString();
    const meeting = fx.graph.addMeeting(ORGANIZER, { subject: 'Zones', startDateTime: startsAt, endDateTime: endsAt });
    const outcome = await fx.service.create(staff, { meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { language: 'ko', timeZone: 'Asia/Seoul' } });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    expect(outcome.invitation.emails['ko-KR']!.subject).toBe('초대: Zones');
    expect(outcome.invitation.emails['en-US']!.subject).not.toBe('초대: Zones');
    expect(outcome.invitation.emails['en-US']!.text).toContain(formatMeetingTime(startsAt, endsAt, 'en-US', 'Asia/Seoul'));
  });
});

