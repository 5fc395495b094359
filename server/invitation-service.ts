// Process: server. What invitations do, apart from HTTP: create one from a Teams meeting (looked up
// or created through Graph), show it to a guest, send and check one-time codes for a bound one,
// hand out short grants after verification, revoke. Every outcome is a result with a closed code;
// routes only translate them to HTTP. Nothing about a meeting leaves without a valid invitation id,
// and a bound invitation's join details leave only against a grant.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { INVITATION_ID_PATTERN, type InvitationErrorCode, type InvitationView } from '../common/invitation';
import { loadLocale, pickLocale, SOURCE_LOCALE, type Locale } from '../common/i18n';
import { importLocale } from '../common/i18n/locale-imports';
import type { AuditLog } from './audit-log';
import { maskEmail } from './audit-log';
import type { GraphClient, GraphResult, MeetingDetails } from './graph-client';
import { buildIcs } from './ics';
import { composeCodeMail, composeInvitationMail, type MailParts } from './invitation-mail';
import { codeDigest, codeMatches, CODE_PATTERN, newCode } from './one-time-code';
import type { StaffIdentity } from './staff-auth';
import type { Invitation, InvitationStore } from './stores/invitation-store';
import { teamsJoinUrl } from './teams-link';

export interface CreateInvitationRequest {
  meeting: { joinUrl: string; organizer: string } | { organizer: string; subject: string; startsAt: string; endsAt: string; chat?: 'enabled' | 'disabled' | 'limited' };
  /** Shown as the organizer when Graph gives no display name. */
  organizerName?: string;
  guest?: { name?: string; email?: string; language?: string; timeZone?: string };
  /** Require a one-time code sent to guest.email before the join details are released. */
  bindToEmail?: boolean;
  /** Send the invitation email through Graph from the configured mailbox. */
  sendEmail?: boolean;
}

export interface CreatedInvitation {
  id: string;
  url: string;
  appLink: string;
  expiresAt: string;
  bound: boolean;
  meeting: Invitation['meeting'];
  /** The invitation email in the guest's language (when staff gave one) and in English. */
  emails: Partial<Record<Locale, MailParts>>;
  ics: string;
  mail: { sent: true } | { sent: false; reason?: string };
}

export type CreateError = 'invalidJoinUrl' | 'emailRequired' | 'mailNotConfigured' | 'meetingEnded' | 'graphNotConfigured' | 'graph';

export type CreateOutcome =
  | { ok: true; invitation: CreatedInvitation }
  | { ok: false; error: Exclude<CreateError, 'graph'> }
  | { ok: false; error: 'graph'; graph: Extract<GraphResult<never>, { ok: false }> };

export type GuestOutcome<T> = { ok: true; value: T } | { ok: false; error: InvitationErrorCode; attemptsLeft?: number; retryAfterSeconds?: number };

export type OpenView = Extract<InvitationView, { status: 'open' }>;

export interface InvitationServiceOptions {
  store: InvitationStore;
  graph?: GraphClient;
  /** The mailbox (UPN) invitations and codes are sent from; unset: no mail. */
  mailSender?: string;
  audit: AuditLog;
  /** Secret for code digests (32+ characters). */
  key: string;
  /** The service's public https origin, e.g. https://doorway.contoso.com */
  publicUrl: string;
  linkScheme: string;
  productName: string;
  /** How long after the meeting's end an invitation still works. */
  graceMs: number;
  now?: () => number;
  codeTtlMs?: number;
  /** Wrong codes allowed per code. */
  attemptsPerCode?: number;
  /** Wrong codes in total before the invitation locks. */
  maxFailedAttempts?: number;
  grantTtlMs?: number;
}

export interface InvitationService {
  create(staff: StaffIdentity, request: CreateInvitationRequest): Promise<CreateOutcome>;
  /** The guest's view; `grant` from a verification releases a bound invitation's join details. */
  view(id: string, grant?: string): Promise<GuestOutcome<InvitationView>>;
  /** Emails a one-time code to the bound address. */
  sendCode(id: string, channel: 'api' | 'page'): Promise<GuestOutcome<{ expiresInSeconds: number }>>;
  verify(id: string, code: string, channel: 'api' | 'page'): Promise<GuestOutcome<{ grant: string; expiresInSeconds: number; view: OpenView }>>;
  revoke(staff: StaffIdentity, id: string): Promise<boolean>;
  /** The landing page's links for an open invitation. */
  links(id: string, view: InvitationView): { url: string; appLink: string };
  /** Records that a guest opened an invitation (page or app). */
  recordOpened(id: string, channel: 'api' | 'page'): void;
  codeMinutes: number;
}

/** Kept this long after expiry, so a late guest is told "expired", not "unknown". */
const RETENTION_MS = 7 * 24 * 3_600_000;
const MAX_CODES_PER_HOUR = 5;
const MIN_CODE_INTERVAL_MS = 30_000;

export function createInvitationService(options: InvitationServiceOptions): InvitationService {
  const {
    store,
    graph,
    mailSender,
    audit,
    key,
    publicUrl,
    linkScheme,
    productName,
    graceMs,
    now = Date.now,
    codeTtlMs = 10 * 60_000,
    attemptsPerCode = 5,
    maxFailedAttempts = 10,
    grantTtlMs = 12 * 3_600_000,
  } = options;
  const actorOf = (staff: StaffIdentity) => (staff.kind === 'adminKey' ? 'adminKey' : staff.objectId);

  function links(id: string, view: InvitationView) {
    const url = `${publicUrl}/join/${id}`;
    const teams = view.status === 'open' ? `&link=${encodeURIComponent(view.join.joinUrl)}` : '';
    return { url, appLink: `${linkScheme}://join?invite=${id}${teams}` };
  }

  function openView(invitation: Invitation): OpenView {
    return {
      status: 'open',
      meeting: invitation.meeting,
      join: invitation.join,
      ...(invitation.guest.name ? { guestName: invitation.guest.name } : {}),
      ...(invitation.guest.language ? { language: invitation.guest.language } : {}),
    };
  }

  function guestView(invitation: Invitation): InvitationView {
    return invitation.boundEmail ? { status: 'verificationRequired', meeting: invitation.meeting, emailHint: maskEmail(invitation.boundEmail) } : openView(invitation);
  }

  /** The invitation if a guest may use it now, else why not. */
  async function usable(id: string): Promise<{ ok: true; invitation: Invitation } | { ok: false; error: InvitationErrorCode }> {
    if (!INVITATION_ID_PATTERN.test(id)) return { ok: false, error: 'unknownInvitation' };
    const invitation = await store.get(id);
    if (!invitation) return { ok: false, error: 'unknownInvitation' };
    if (invitation.revokedAt !== undefined) return { ok: false, error: 'revoked' };
    if (now() > invitation.expiresAt) return { ok: false, error: 'expired' };
    if (invitation.lockedAt !== undefined) return { ok: false, error: 'locked' };
    return { ok: true, invitation };
  }

  async function meetingFor(request: CreateInvitationRequest): Promise<GraphResult<MeetingDetails> | { ok: false; error: 'invalidJoinUrl' | 'graphNotConfigured' }> {
    if (!graph) return { ok: false, error: 'graphNotConfigured' };
    if ('joinUrl' in request.meeting) {
      const joinUrl = teamsJoinUrl(request.meeting.joinUrl);
      if (!joinUrl) return { ok: false, error: 'invalidJoinUrl' };
      return graph.findMeeting(request.meeting.organizer, joinUrl);
    }
    const { organizer, subject, startsAt, endsAt, chat = 'enabled' } = request.meeting;
    return graph.createMeeting(organizer, { subject, startsAt, endsAt, chat });
  }

  return {
    codeMinutes: Math.round(codeTtlMs / 60_000),
    links,

    async create(staff, request) {
      const email = request.guest?.email;
      if (request.bindToEmail && !email) return { ok: false, error: 'emailRequired' };
      if (request.sendEmail && !email) return { ok: false, error: 'emailRequired' };
      if ((request.bindToEmail || request.sendEmail) && (!mailSender || !graph)) return { ok: false, error: 'mailNotConfigured' };
      const found = await meetingFor(request);
      if (!found.ok) return 'error' in found ? { ok: false, error: found.error } : { ok: false, error: 'graph', graph: found };
      const details = found.value;
      const expiresAt = new Date(details.endsAt).getTime() + graceMs;
      if (expiresAt <= now()) return { ok: false, error: 'meetingEnded' };

      const id = randomBytes(16).toString('base64url');
      const language = request.guest?.language ? pickLocale(request.guest.language) : undefined;
      const invitation: Invitation = {
        id,
        createdAt: now(),
        expiresAt,
        createdBy: actorOf(staff),
        meeting: {
          subject: details.subject || productName,
          startsAt: details.startsAt,
          endsAt: details.endsAt,
          organizer: details.organizerName ?? request.organizerName ?? request.meeting.organizer,
        },
        join: { joinUrl: details.joinUrl, ...(details.meetingId ? { meetingId: details.meetingId } : {}), ...(details.passcode ? { passcode: details.passcode } : {}) },
        ...(details.dialIn ? { dialIn: details.dialIn } : {}),
        guest: { ...(request.guest?.name ? { name: request.guest.name } : {}), ...(language ? { language } : {}) },
        ...(request.bindToEmail && email ? { boundEmail: email } : {}),
        codesSentAt: [],
        failedAttempts: 0,
        grants: [],
      };
      await store.create(invitation, Math.ceil((expiresAt - now() + RETENTION_MS) / 1000));
      audit.record('invitationCreated', { invitationId: id, actor: invitation.createdBy, ...(email ? { email } : {}), channel: 'api' });

      const { url, appLink } = links(id, guestView(invitation));
      const bound = invitation.boundEmail !== undefined;
      const mailFor = (lang: Locale) =>
        composeInvitationMail({
          lang,
          productName,
          meeting: invitation.meeting,
          inviteUrl: url,
          ...(invitation.guest.name ? { guestName: invitation.guest.name } : {}),
          ...(request.guest?.timeZone ? { timeZone: request.guest.timeZone } : {}),
          ...(bound ? {} : { join: invitation.join, ...(invitation.dialIn ? { dialIn: invitation.dialIn } : {}) }),
        });
      const mailLocale = language ?? SOURCE_LOCALE;
      await loadLocale(mailLocale, importLocale);
      const mail = mailFor(mailLocale);
      const emails: Partial<Record<Locale, MailParts>> = { [SOURCE_LOCALE]: mailLocale === SOURCE_LOCALE ? mail : mailFor(SOURCE_LOCALE), [mailLocale]: mail };
      const ics = buildIcs({
        uid: `${createHash('sha256').update(id).digest('hex').slice(0, 32)}@${new URL(publicUrl).host}`,
        startsAt: invitation.meeting.startsAt,
        endsAt: invitation.meeting.endsAt,
        stampedAt: new Date(now()),
        summary: invitation.meeting.subject,
        description: mail.text,
        url,
      });

      let sending: CreatedInvitation['mail'] = { sent: false };
      if (request.sendEmail && email && graph && mailSender) {
        const message = mail;
        const sent = await graph.sendMail(mailSender, { to: email, subject: message.subject, html: message.html, attachments: [{ name: 'invitation.ics', contentType: 'text/calendar; method=PUBLISH', content: ics }] });
        if (sent.ok) audit.record('invitationMailed', { invitationId: id, actor: invitation.createdBy, email, channel: 'api' });
        sending = sent.ok ? { sent: true } : { sent: false, reason: sent.message };
      }
      return { ok: true, invitation: { id, url, appLink, expiresAt: new Date(expiresAt).toISOString(), bound, meeting: invitation.meeting, emails, ics, mail: sending } };
    },

    async view(id, grant) {
      const found = await usable(id);
      if (!found.ok) return found;
      const { invitation } = found;
      if (invitation.boundEmail && !(grant !== undefined && grantValid(invitation, grant, now()))) return { ok: true, value: guestView(invitation) };
      return { ok: true, value: openView(invitation) };
    },

    async sendCode(id, channel) {
      const found = await usable(id);
      if (!found.ok) return found;
      if (!found.invitation.boundEmail || !graph || !mailSender) return { ok: false, error: 'unknownInvitation' };
      const code = newCode();
      const at = now();
      const digest = codeDigest(key, id, code);
      let limited: number | undefined;
      let previousCode: Invitation['code'];
      const updated = await store.update(id, (current) => {
        // A store may run this again on the state it finds after a write conflict: each pass decides afresh.
        limited = undefined;
        previousCode = current.code;
        const recent = current.codesSentAt.filter((sentAt) => at - sentAt < 3_600_000);
        const last = recent.at(-1);
        if (last !== undefined && at - last < MIN_CODE_INTERVAL_MS) limited = Math.ceil((MIN_CODE_INTERVAL_MS - (at - last)) / 1000);
        else if (recent.length >= MAX_CODES_PER_HOUR) limited = Math.ceil((recent[0] + 3_600_000 - at) / 1000);
        if (limited !== undefined) return current;
        return { ...current, codesSentAt: [...recent, at], code: { digest, expiresAt: at + codeTtlMs, attemptsLeft: attemptsPerCode } };
      });
      if (!updated) return { ok: false, error: 'unknownInvitation' };
      if (limited !== undefined) return { ok: false, error: 'rateLimited', retryAfterSeconds: limited };
      const email = found.invitation.boundEmail;
      // Invitations stored before 24 locales carry 'en'/'ko': pickLocale reads those too.
      const lang = pickLocale(found.invitation.guest.language ?? SOURCE_LOCALE);
      await loadLocale(lang, importLocale);
      const message = composeCodeMail({ lang, meetingSubject: found.invitation.meeting.subject, code, minutes: Math.round(codeTtlMs / 60_000) });
      const sent = await graph.sendMail(mailSender, { to: email, subject: message.subject, html: message.html, attachments: [] });
      if (!sent.ok) {
        // The guest got no mail: it does not count against the limits (they may ask again at once),
        // and the code they may already hold stays the valid one.
        await store.update(id, (current) => {
          if (current.code?.digest !== digest) return current;
          const { code: _unsent, ...rest } = current;
          const sentAt = current.codesSentAt.lastIndexOf(at);
          return { ...rest, codesSentAt: current.codesSentAt.filter((_, index) => index !== sentAt), ...(previousCode ? { code: previousCode } : {}) };
        });
        return { ok: false, error: 'serviceError' };
      }
      audit.record('codeSent', { invitationId: id, actor: 'guest', email, channel });
      return { ok: true, value: { expiresInSeconds: Math.round(codeTtlMs / 1000) } };
    },

    async verify(id, code, channel) {
      const found = await usable(id);
      if (!found.ok) return found;
      if (!found.invitation.boundEmail) return { ok: false, error: 'unknownInvitation' };
      const at = now();
      const grant = randomBytes(32).toString('base64url');
      const grantExpiresAt = Math.min(at + grantTtlMs, found.invitation.expiresAt);
      // What this attempt did, set afresh each time the store applies the change (the Redis store
      // applies it again after a conflict). 'lockedNow': this attempt locked the invitation, so it
      // alone audits the lock (a concurrent attempt that finds it locked answers 'locked' too).
      let outcome: Extract<GuestOutcome<never>, { ok: false }> | 'verified' | 'lockedNow' = { ok: false, error: 'codeExpired' };
      const updated = await store.update(id, (current) => {
        if (current.lockedAt !== undefined) return ((outcome = { ok: false, error: 'locked' }), current);
        if (!current.code || current.code.expiresAt <= at || current.code.attemptsLeft <= 0) return ((outcome = { ok: false, error: 'codeExpired' }), current);
        if (CODE_PATTERN.test(code) && codeMatches(key, id, code, current.code.digest)) {
          outcome = 'verified';
          const { code: _used, ...rest } = current;
          // The five most recent grants (a newer grant never expires before an older one).
          const grants = [...current.grants.slice(-4), { digest: sha256(grant), expiresAt: grantExpiresAt }];
          return { ...rest, grants };
        }
        const failedAttempts = current.failedAttempts + 1;
        const attemptsLeft = current.code.attemptsLeft - 1;
        if (failedAttempts >= maxFailedAttempts) {
          outcome = 'lockedNow';
          return { ...current, failedAttempts, lockedAt: at };
        }
        outcome = { ok: false, error: 'wrongCode', attemptsLeft };
        return { ...current, failedAttempts, code: { ...current.code, attemptsLeft } };
      });
      if (!updated) return { ok: false, error: 'unknownInvitation' };
      const email = found.invitation.boundEmail;
      const result = outcome as Extract<GuestOutcome<never>, { ok: false }> | 'verified' | 'lockedNow';
      if (result === 'lockedNow') {
        audit.record('invitationLocked', { invitationId: id, actor: 'guest', email, channel });
        return { ok: false, error: 'locked' };
      }
      if (result !== 'verified') {
        if (result.error === 'wrongCode') audit.record('codeRejected', { invitationId: id, actor: 'guest', email, channel });
        return result;
      }
      audit.record('invitationVerified', { invitationId: id, actor: 'guest', email, channel });
      return { ok: true, value: { grant, expiresInSeconds: Math.round((grantExpiresAt - at) / 1000), view: openView(updated) } };
    },

    async revoke(staff, id) {
      if (!INVITATION_ID_PATTERN.test(id)) return false;
      const at = now();
      // Revocation is final: every later use answers 'revoked', grants included.
      const updated = await store.update(id, (current) => ({ ...current, revokedAt: current.revokedAt ?? at }));
      if (!updated) return false;
      if (updated.revokedAt === at) audit.record('invitationRevoked', { invitationId: id, actor: actorOf(staff), channel: 'api' });
      return true;
    },

    recordOpened(id, channel) {
      audit.record('invitationOpened', { invitationId: id, actor: 'guest', channel });
    },
  };
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

function grantValid(invitation: Invitation, grant: string, at: number): boolean {
  const digest = Buffer.from(sha256(grant));
  return invitation.grants.some((entry) => {
    const stored = Buffer.from(entry.digest);
    return entry.expiresAt > at && stored.length === digest.length && timingSafeEqual(stored, digest);
  });
}
