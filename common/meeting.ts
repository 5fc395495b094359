// What a meeting invitation parses to, as it crosses from main (which parses) to the renderer
// (which joins). Pure types, shared by every process.

/** The locator the ACS SDK joins with: a meeting link, or a meeting id with its passcode. */
export type MeetingTarget =
  | { kind: 'link'; meetingLink: string }
  | { kind: 'meetingId'; meetingId: string; passcode?: string };

/** Stable codes for links Doorway refuses; each has a `link.problem.<code>` message. */
export type InviteProblem =
  | 'empty'
  | 'notTeamsLink'
  | 'personalTeams'
  | 'opaqueWrapper'
  | 'lookalikeHost'
  | 'malformedLink'
  /** A meeting ID with fewer than 9 or more than 20 digits. */
  | 'meetingIdLength'
  /** A passcode with characters other than letters and digits (Teams passcodes never have them). */
  | 'passcodeCharacters'
  /** A meeting ID (or a short link) without its passcode: the join screen asks for it in place. */
  | 'missingPasscode'
  /** A passcode with no meeting ID or link beside it. */
  | 'missingMeetingId'
  /** A Bookings page or virtual-appointment router: the Teams link is not in it (no organizer id). */
  | 'appointmentPage'
  /** A Doorway invitation from a service other than the one this build is configured for. */
  | 'foreignInvitation'
  /** A Doorway invitation, but this build has no service configured (branding `serviceUrl`). */
  | 'invitationsOff';

/** A meeting that can be joined now. */
export type JoinableInvite = { ok: true; target: MeetingTarget; normalized: string; host: string };

/**
 * A Doorway invitation on the configured service: joinable once main has fetched it
 * (`getInvitation`). `fallback` is the Teams meeting the link (or the pasted text) carried as well,
 * so the guest can still join when the service cannot be reached.
 */
export interface InvitationRef {
  id: string;
  /** `https://<service>/join/<id>`: what the join screen's field shows. */
  url: string;
  fallback?: JoinableInvite;
}

/**
 * Why the text cannot be joined. With 'missingPasscode', `meetingId` is the ID that was read, so the
 * join screen can ask for the passcode alone.
 */
export type InviteRefusal = { ok: false; problem: InviteProblem; meetingId?: string };

/** `ok` is true (joinable now), false (a problem), or 'invitation' (ask the service first). */
export type InviteResult =
  | JoinableInvite
  | InviteRefusal
  | { ok: 'invitation'; invitation: InvitationRef };
