// Process: main (pure). Judges one link found in the guest's text: unwraps email security
// gateways, checks the host, and hands Teams URLs to the meeting reader.
import { percentDecode } from './decode';
import { asTeamsHost, isLookalikeHost, isPersonalTeamsHost, mentionsTeams } from './hosts';
import { isAppointmentPage } from './appointment-pages';
import { readInvitationUrl, type InvitationOptions } from './invitation-link';
import { hasMeetingPath, readTeamsUrl } from './teams-link';
import type { InviteProblem, InviteResult } from './types';
import { unwrap, type Unwrapped } from './wrappers';

/** Wrappers seen nested in the wild: Safe Links around Proofpoint, forwarded once more. */
const MAX_WRAPPERS = 4;

/** Route paths that only make sense on the Teams host, so `msteams:` links without one get it. */
const MSTEAMS_ROUTES = ['l/', 'meet/', '_#/', '#/', 'dl/'];

const WRAPPER_PROBLEMS = {
  opaque: 'opaqueWrapper',
  notTeams: 'notTeamsLink',
  broken: 'malformedLink',
} as const satisfies Record<Exclude<Unwrapped['kind'], 'inner'>, InviteProblem>;

/** A scheme that is neither http(s) nor msteams (mailto:, tel:, javascript:, …). */
const OTHER_SCHEME = /^[a-z][a-z0-9+-]*:/i;

export function readLink(link: string, options: InvitationOptions = {}): InviteResult {
  return read(link, 0, options);
}

function read(link: string, depth: number, options: InvitationOptions): InviteResult {
  const text = link.trim().replaceAll('&amp;', '&');
  const url = toUrl(text);
  if (url === null) return { ok: false, problem: mentionsTeams(text.slice(0, 256)) ? 'malformedLink' : 'notTeamsLink' };
  const host = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
  const meetingPath = hasMeetingPath(url);

  // `https://teams.microsoft.com@evil.example/…` goes to evil.example; a real invitation never
  // carries a user name, so any such link that mentions Teams is a disguise.
  if ((url.username || url.password) && (meetingPath || mentionsTeams(host) || mentionsTeams(percentDecode(url.username + url.password)))) {
    return { ok: false, problem: 'lookalikeHost' };
  }

  const wrapped = unwrap(url, text);
  if (wrapped?.kind === 'inner') {
    return depth < MAX_WRAPPERS ? read(wrapped.text, depth + 1, options) : { ok: false, problem: 'malformedLink' };
  }
  if (wrapped) return { ok: false, problem: WRAPPER_PROBLEMS[wrapped.kind] };

  const invitation = readInvitationUrl(url, options);
  if (invitation?.kind === 'invitation') return { ok: 'invitation', invitation: { id: invitation.id, url: invitation.url } };
  if (invitation) return { ok: false, problem: invitation.kind === 'off' ? 'invitationsOff' : 'foreignInvitation' };
  if (isAppointmentPage(url, host)) return { ok: false, problem: 'appointmentPage' };

  const teamsHost = asTeamsHost(host);
  if (teamsHost) return readTeamsUrl(url, teamsHost);
  if (isPersonalTeamsHost(host)) return { ok: false, problem: 'personalTeams' };
  if (isLookalikeHost(host, meetingPath)) return { ok: false, problem: 'lookalikeHost' };
  return { ok: false, problem: 'notTeamsLink' };
}

/** Parses http(s), msteams: and scheme-less links; null for other schemes and unparsable text. */
function toUrl(text: string): URL | null {
  const head = text.slice(0, 16).toLowerCase();
  let href = text;
  if (head.startsWith('msteams:')) {
    const rest = text.slice('msteams:'.length).replace(/^\/{0,3}/, '');
    const start = rest.slice(0, 8).toLowerCase();
    const onTeams = MSTEAMS_ROUTES.some((route) => start.startsWith(route));
    href = onTeams ? `https://teams.microsoft.com/${rest}` : `https://${rest}`;
  } else if (!head.startsWith('https:') && !head.startsWith('http:')) {
    if (OTHER_SCHEME.test(head)) return null;
    href = `https://${text}`;
  }
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

