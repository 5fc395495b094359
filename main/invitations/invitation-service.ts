// Process: main. The invitations the join screen asks for: fetched from the configured service
// (one request in flight per id, however often the screen asks), a bound invitation's grant kept
// here and never given to the renderer, and the service's join URL parsed again by main's own
// invitation parser before the renderer may join it. Never throws.
import type { InvitationView } from '../../common/invitation';
import type { InvitationCodeReply, InvitationReply } from '../../common/ipc-contract';
import type { InviteResult, JoinableInvite } from '../../common/meeting';
import { createInvitationClient, type ClientResult, type InvitationClientOptions } from './invitation-client';

export interface InvitationServiceOptions extends Omit<InvitationClientOptions, 'origin'> {
  /** From resolveServiceOrigin; null: invitations are off and every call says 'notConfigured'. */
  origin: string | null;
  /** main's parser for a Teams link, and for a meeting ID with its passcode. */
  parseMeeting: (joinUrl: string) => InviteResult;
  meetingIdInvite: (meetingId: string, passcode: string | undefined) => InviteResult;
}

export interface InvitationService {
  readonly configured: boolean;
  get(id: string): Promise<InvitationReply>;
  requestCode(id: string): Promise<InvitationCodeReply>;
  verify(id: string, code: string): Promise<InvitationReply>;
}

/** Grants kept at once: one guest opens a handful of invitations at most. */
const MAX_GRANTS = 16;

export function createInvitationService(options: InvitationServiceOptions): InvitationService {
  const { origin, parseMeeting, meetingIdInvite, now = () => Date.now(), log = () => {}, ...clientOptions } = options;
  if (origin === null) {
    const off = { ok: false, error: 'notConfigured' } as const;
    return { configured: false, get: async () => off, requestCode: async () => off, verify: async () => off };
  }
  const client = createInvitationClient({ ...clientOptions, origin, now, log });
  const inflight = new Map<string, Promise<InvitationReply>>();
  const grants = new Map<string, { grant: string; expiresAtMs: number }>();

  function grantFor(id: string): string | undefined {
    const held = grants.get(id);
    if (held && held.expiresAtMs > now()) return held.grant;
    grants.delete(id);
    return undefined;
  }

  function keepGrant(id: string, grant: string, expiresInSeconds: number): void {
    grants.delete(id);
    grants.set(id, { grant, expiresAtMs: now() + expiresInSeconds * 1000 });
    if (grants.size > MAX_GRANTS) grants.delete(grants.keys().next().value as string);
  }

  /** The view as the join screen gets it: a join URL main cannot parse is refused here. */
  function toReply(id: string, result: ClientResult<InvitationView>): InvitationReply {
    if (!result.ok) {
      // A revoked or expired invitation's grant is worthless now.
      if (result.error !== 'rateLimited' && result.error !== 'serviceError' && result.error !== 'timeout') grants.delete(id);
      return result.attemptsLeft === undefined ? { ok: false, error: result.error } : { ok: false, error: result.error, attemptsLeft: result.attemptsLeft };
    }
    const view = result.value;
    if (view.status === 'verificationRequired') {
      grants.delete(id);
      return { ok: true, status: 'verificationRequired', meeting: view.meeting, emailHint: view.emailHint };
    }
    const invite = joinable(view.join);
    if (!invite) {
      log('invitationNotJoinable');
      return { ok: false, error: 'notJoinable' };
    }
    const reply: InvitationReply = { ok: true, status: 'open', meeting: view.meeting, invite };
    if (view.guestName?.trim()) reply.guestName = view.guestName.trim();
    return reply;
  }

  function joinable(join: Extract<InvitationView, { status: 'open' }>['join']): JoinableInvite | null {
    const fromLink = parseMeeting(join.joinUrl);
    if (fromLink.ok === true) return fromLink;
    if (join.meetingId) {
      const fromId = meetingIdInvite(join.meetingId, join.passcode);
      if (fromId.ok === true) return fromId;
    }
    return null;
  }

  return {
    configured: true,
    get(id) {
      const running = inflight.get(id);
      if (running) return running;
      const request = client
        .view(id, grantFor(id))
        .then((result) => toReply(id, result))
        .finally(() => inflight.delete(id));
      inflight.set(id, request);
      return request;
    },
    async requestCode(id) {
      const result = await client.requestCode(id);
      return result.ok ? { ok: true, expiresInSeconds: result.value.expiresInSeconds } : { ok: false, error: result.error };
    },
    async verify(id, code) {
      const result = await client.verify(id, code.replace(/\s+/g, ''));
      if (!result.ok) return toReply(id, result);
      keepGrant(id, result.value.grant, result.value.expiresInSeconds);
      return toReply(id, { ok: true, value: result.value.view });
    },
  };
}
