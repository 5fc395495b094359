// Process: main (pure). Reads whatever the guest has (a link, a wrapped link, a whole pasted
// invitation) into a meeting target or one problem. Never throws; linear in the text's length.
import { quotedPrintableDecode } from './decode';
import { findLinks } from './find-links';
import type { InvitationOptions } from './invitation-link';
import { findMeetingId, meetingIdInvite } from './meeting-id';
import { readLink } from './read-link';
import type { InvitationRef, InviteProblem, InviteResult, JoinableInvite } from './types';

/** Invisible characters that email clients and chat apps slip into links. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const QUOTED_PRINTABLE_SOFT_BREAK = /=\r?\n/;
/** `=3D` (an encoded `=`), or a UTF-8 lead and continuation byte (`=EB=AA`: Korean text). */
const QUOTED_PRINTABLE_ESCAPE = /=3D|=[C-F][0-9A-F]=[89AB][0-9A-F]/i;

/** An invitation has a handful of links; past this many the text is not one, and reading stops. */
const MAX_LINKS = 500;

/**
 * When nothing joinable was found, the problem shown is the most telling one: a warning about a
 * disguised link first, then what would make the guest's next try work.
 */
const SEVERITY: readonly InviteProblem[] = [
  'lookalikeHost',
  'personalTeams',
  'foreignInvitation',
  'invitationsOff',
  'opaqueWrapper',
  'appointmentPage',
  'passcodeCharacters',
  'meetingIdLength',
  'malformedLink',
  'missingPasscode',
  'missingMeetingId',
  'notTeamsLink',
];

/**
 * With `serviceOrigin` set, `https://<service>/join/<id>` reads as an invitation (carrying, as its
 * fallback, a Teams meeting found in the same text); without it, or on another host, it is refused.
 */
export function parseMeetingInvite(text: string, options: InvitationOptions = {}): InviteResult {
  if (typeof text !== 'string') return { ok: false, problem: 'empty' };
  const visible = text.replace(INVISIBLE, '');
  if (visible.trim() === '') return { ok: false, problem: 'empty' };
  let first: InviteResult | undefined;
  for (const variant of readings(visible)) {
    const result = parseText(variant, options);
    if (result.ok !== false) return result;
    first ??= result;
  }
  return first ?? { ok: false, problem: 'notTeamsLink' };
}

/**
 * The text as pasted and, when it shows quoted-printable marks, decoded. An escape alone may be
 * real text (a passcode starting "3D"), so only soft line breaks put the decoded reading first.
 */
function readings(text: string): string[] {
  const softBreaks = QUOTED_PRINTABLE_SOFT_BREAK.test(text);
  if (!softBreaks && !QUOTED_PRINTABLE_ESCAPE.test(text)) return [text];
  const decoded = quotedPrintableDecode(text);
  return softBreaks ? [decoded, text] : [text, decoded];
}

function parseText(text: string, options: InvitationOptions): InviteResult {
  let problem: InviteProblem = 'notTeamsLink';
  let seen = 0;
  let invitation: InvitationRef | undefined;
  let joinable: JoinableInvite | undefined;
  let meetingId: string | undefined; // of a short link without its passcode
  for (const link of findLinks(text)) {
    const result = readLink(link, options);
    if (result.ok === 'invitation') invitation ??= result.invitation;
    else if (result.ok) joinable ??= result;
    else {
      problem = moreSevere(problem, result.problem);
      meetingId ??= result.meetingId;
    }
    // Without a service there is no invitation to look for past the first joinable link.
    if ((joinable && (invitation || !options.serviceOrigin)) || ++seen >= MAX_LINKS) break;
  }
  // An invitation names the meeting; a Teams link beside it is kept to join by if the service is down.
  if (invitation) return { ok: 'invitation', invitation: joinable ? { ...invitation, fallback: joinable } : invitation };
  if (joinable) return joinable;
  // A personal-Teams or disguised link makes any meeting ID beside it suspect too.
  if (problem === 'lookalikeHost' || problem === 'personalTeams') return { ok: false, problem };
  const found = findMeetingId(text);
  if (found?.meetingId !== undefined) {
    const result = meetingIdInvite(found.meetingId, found.passcode);
    if (result.ok) return result;
    problem = moreSevere(problem, result.problem);
    meetingId ??= result.meetingId;
  } else if (found) problem = moreSevere(problem, 'missingMeetingId');
  // With only the passcode missing, the ID read goes along so the join screen can ask for the passcode.
  return problem === 'missingPasscode' && meetingId ? { ok: false, problem, meetingId } : { ok: false, problem };
}

function moreSevere(a: InviteProblem, b: InviteProblem): InviteProblem {
  return SEVERITY.indexOf(b) < SEVERITY.indexOf(a) ? b : a;
}
