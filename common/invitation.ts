// Process: all (pure types). The guest's side of the Doorway service's invitation API, as the
// service (server/) answers it and the app's main process reads it. Both sides validate these
// shapes with their own schemas; nothing here trusts the other side. Never imports anything.
//
// Routes, all on the service's one configured origin (branding `serviceUrl`):
//   GET  /api/invitations/<id>             → 200 InvitationView | InvitationErrorBody
//        (header `Authorization: Bearer <grant>` after verification of a bound invitation)
//   POST /api/invitations/<id>/code        → 202 CodeSentBody | InvitationErrorBody
//        (sends a one-time code to the bound email address; body `{}`)
//   POST /api/invitations/<id>/verify      → 200 VerifiedBody | InvitationErrorBody
//        (body `{ "code": "123456" }`)
// The guest-facing https page is `GET /join/<id>`; the app's link is `<scheme>://join?invite=<id>`,
// optionally with `&link=<Teams link>` so a guest can still join when the service is down.

/** An invitation id: 22 base64url characters (128 random bits). Anything else is not one. */
export const INVITATION_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** What the join screen shows about the meeting. Times are ISO 8601 with an offset or `Z`. */
export interface InvitationMeeting {
  subject: string;
  startsAt: string;
  endsAt: string;
  organizer: string;
}

/**
 * How to join: the Teams join URL, plus the numeric id and passcode when Graph gave them.
 * The app parses `joinUrl` again with its own invitation parser before anything acts on it.
 */
export interface InvitationJoin {
  joinUrl: string;
  meetingId?: string;
  passcode?: string;
}

export type InvitationView =
  | {
      status: 'open';
      meeting: InvitationMeeting;
      join: InvitationJoin;
      /** The name staff gave for the guest, to prefill the join screen; never required. */
      guestName?: string;
      /** BCP 47 language staff chose for the guest, if any. */
      language?: string;
    }
  | {
      /** Bound to an email address: the join details come only after a one-time code. */
      status: 'verificationRequired';
      meeting: InvitationMeeting;
      /** The bound address with most of it hidden, e.g. `p•••@e•••.com`. */
      emailHint: string;
    };

export interface CodeSentBody {
  sent: true;
  /** How long the code is valid. */
  expiresInSeconds: number;
}

export interface VerifiedBody {
  /** A short-lived bearer grant for this invitation only, for GET /api/invitations/<id>. */
  grant: string;
  expiresInSeconds: number;
  view: Extract<InvitationView, { status: 'open' }>;
}

/** Closed list of the guest API's failures; each has a message key on both sides. */
export type InvitationErrorCode =
  | 'unknownInvitation' // 404: malformed, forged or never issued (indistinguishable on purpose)
  | 'expired' //          410: the meeting ended and the grace period passed
  | 'revoked' //          410: staff revoked it
  | 'wrongCode' //        401: with attemptsLeft
  | 'codeExpired' //      401: ask for a new code
  | 'locked' //           423: too many wrong codes
  | 'rateLimited' //      429: with Retry-After
  | 'serviceError'; //    5xx

export interface InvitationErrorBody {
  error: InvitationErrorCode;
  attemptsLeft?: number;
}
