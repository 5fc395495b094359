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
  | 'missingPasscode';

export type InviteResult =
  | { ok: true; target: MeetingTarget; normalized: string; host: string }
  | { ok: false; problem: InviteProblem };
