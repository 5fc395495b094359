// Process: main (pure). Reads whatever the guest has (a link, a wrapped link, a whole pasted
// invitation) into a meeting target or one problem. Never throws; linear in the text's length.
import { quotedPrintableDecode } from './decode';
import { findLinks } from './find-links';
import { findMeetingId, meetingIdInvite } from './meeting-id';
import { readLink } from './read-link';
import type { InviteProblem, InviteResult } from './types';

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
  'opaqueWrapper',
  'malformedLink',
  'missingPasscode',
  'notTeamsLink',
];

export function parseMeetingInvite(text: string): InviteResult {
  if (typeof text !== 'string') return { ok: false, problem: 'empty' };
  const visible = text.replace(INVISIBLE, '');
  if (visible.trim() === '') return { ok: false, problem: 'empty' };
  let first: InviteResult | undefined;
  for (const variant of readings(visible)) {
    const result = parseText(variant);
    if (result.ok) return result;
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

function parseText(text: string): InviteResult {
  let problem: InviteProblem = 'notTeamsLink';
  let seen = 0;
  for (const link of findLinks(text)) {
    const result = readLink(link);
    if (result.ok) return result;
    problem = moreSevere(problem, result.problem);
    if (++seen >= MAX_LINKS) break;
  }
  // A personal-Teams or disguised link makes any meeting ID beside it suspect too.
  if (problem === 'lookalikeHost' || problem === 'personalTeams') return { ok: false, problem };
  const found = findMeetingId(text);
  if (found) {
    const result = meetingIdInvite(found.meetingId, found.passcode);
    if (result.ok) return result;
    problem = moreSevere(problem, result.problem);
  }
  return { ok: false, problem };
}

function moreSevere(a: InviteProblem, b: InviteProblem): InviteProblem {
  return SEVERITY.indexOf(b) < SEVERITY.indexOf(a) ? b : a;
}
