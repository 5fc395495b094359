// Process: main (pure). Reads a URL on a Teams host and rebuilds the meeting link in the exact form
// @azure/communication-calling 2.x accepts; every other shape on the host is refused.
//
// What the SDK checks (sdk.bundle.js, `isLongMeetingUrl`, `parseLongMeetingLink`,
// `isShortMeetingUrl`):
// - long links: `new URL(link).pathname.split('/')[3]` is the thread (decoded once), `[4]` the
//   message id, and `JSON.parse(decodeURIComponent(search.replace('?context=', '')))` must give
//   `Tid` and `Oid`: so the query must be `?context=` and nothing else, and a link without its
//   context cannot join at all (400/40210): it is refused as cut short ('malformedLink').
// - short links must match `/\/meet\/[^\/\?]+(\?p=[^\/\?]+)?$/`: `p` must come first and no
//   parameter may hold `/` or `?`, so only `p` is kept.
import { percentDecode, percentDecodeUntil } from './decode';
import type { InviteResult, TeamsHost } from './types';

/**
 * Meeting, channel-meeting (tacv2) and older channel (skype) threads, in every cloud: government
 * and sovereign clouds put the cloud before the id (`19:gcch:meeting_…`, `19:dod:meeting_…`).
 * Groups: cloud prefix, id, kind.
 */
const THREAD = /^19:(?:([A-Za-z][A-Za-z0-9]{1,15}):)?([A-Za-z0-9_.=+-]{1,256})@thread\.(v2|tacv2|skype)$/i;
const MESSAGE_ID = /^[0-9]{1,20}$/;
const GUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
const SHORT_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Teams passcodes are letters and digits. */
export const PASSCODE = /^[A-Za-z0-9]{1,64}$/;
const MAX_CONTEXT = 4096;

/** True for paths that can only mean a Teams meeting (used to judge lookalike hosts). */
export function hasMeetingPath(url: URL): boolean {
  const route = (url.pathname + url.hash).toLowerCase();
  return route.includes('/l/meetup-join/') || route.startsWith('/meet/') || route.startsWith('/dl/launcher/');
}

export function readTeamsUrl(url: URL, host: TeamsHost): InviteResult {
  const route = isLauncher(url) ? launcherRoute(url) : (hashRoute(url) ?? url);
  if (route === null) return { ok: false, problem: 'malformedLink' };
  const segments = route.pathname.split('/');
  const first = segments[1]?.toLowerCase();
  if (first === 'l' && segments[2]?.toLowerCase() === 'meetup-join') return meetupJoin(route, segments, host);
  if (first === 'meet') return shortLink(route, segments, host);
  return { ok: false, problem: 'notTeamsLink' }; // a chat, channel, file or settings page
}

function isLauncher(url: URL): boolean {
  return url.pathname.toLowerCase().startsWith('/dl/launcher/');
}

/**
 * The web launcher (`/dl/launcher/launcher.html?url=/_#/l/meetup-join/…&type=meetup-join`) carries
 * the meeting route in `url`; null when it carries none.
 */
function launcherRoute(url: URL): URL | null {
  const inner = url.searchParams.get('url');
  if (!inner) return null;
  return parseRoute(stripHashPrefix(inner), url);
}

/** The Teams web client's `/_#/l/meetup-join/…` (or `/v2/#/…`) form. */
function hashRoute(url: URL): URL | null {
  // A hash not starting `#/` (none, `#join`) is no route: parseRoute refuses it.
  const path = url.pathname.toLowerCase();
  if (path.startsWith('/l/') || path.startsWith('/meet/')) return null;
  return parseRoute(url.hash.slice(1), url);
}

function stripHashPrefix(route: string): string {
  const hash = route.indexOf('#/');
  return hash >= 0 && hash <= 3 ? route.slice(hash + 1) : route;
}

function parseRoute(route: string, base: URL): URL | null {
  if (!route.startsWith('/') || route.startsWith('//')) return null;
  try {
    return new URL(route, base.origin);
  } catch {
    return null;
  }
}

function meetupJoin(url: URL, segments: string[], host: TeamsHost): InviteResult {
  const thread = canonicalThread(percentDecodeUntil(segments[3] ?? '', (s) => !s.includes('%')));
  const messageId = segments[4] ?? '';
  const extra = segments.slice(5).some((segment) => segment !== '');
  if (thread === null || !MESSAGE_ID.test(messageId) || extra) return { ok: false, problem: 'malformedLink' };

  const rawContext = url.searchParams.get('context');
  if (!rawContext) return { ok: false, problem: 'malformedLink' };
  if (rawContext.length > MAX_CONTEXT) return { ok: false, problem: 'malformedLink' };
  const context = readContext(percentDecodeUntil(rawContext, (s) => s.startsWith('{')));
  if (context === null) return { ok: false, problem: 'malformedLink' };
  // Live events and town halls: ACS guests cannot join them.
  if (context.broadcast) return { ok: false, problem: 'notTeamsLink' };

  const json = JSON.stringify({ Tid: context.tid, Oid: context.oid });
  const meetingLink = `https://${host}/l/meetup-join/${encodeURIComponent(thread)}/${messageId}?context=${encodeURIComponent(json)}`;
  return { ok: true, target: { kind: 'link', meetingLink }, normalized: meetingLink, host };
}

/** The thread as Teams writes it (`19:`, lower-case cloud prefix and kind), or null. */
function canonicalThread(raw: string): string | null {
  const match = THREAD.exec(raw);
  if (!match) return null;
  const [, cloud, id, kind] = match;
  return `19:${cloud ? `${cloud.toLowerCase()}:` : ''}${id}@thread.${kind.toLowerCase()}`;
}

type MeetingContext = { tid: string; oid: string; broadcast: boolean };

/** The `context` JSON: tenant and organizer ids, and the live-event flag. */
function readContext(json: string): MeetingContext | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    // Not JSON: no fields, so no tid or oid.
  }
  // Keys are read whatever their case ("tid", "TID"); the link is rebuilt with Teams' own. Anything
  // but an object (null, a list, a string) has no such keys.
  const fields = new Map(Object.entries(Object(value) as object).map(([key, field]) => [key.toLowerCase(), field as unknown]));
  const [tid, oid, broadcast] = [fields.get('tid'), fields.get('oid'), fields.get('isbroadcastmeeting')];
  if (typeof tid !== 'string' || typeof oid !== 'string' || !GUID.test(tid) || !GUID.test(oid)) return null;
  return { tid, oid, broadcast: broadcast === true };
}

function shortLink(url: URL, segments: string[], host: TeamsHost): InviteResult {
  const id = percentDecode(segments[2] ?? '');
  const extra = segments.slice(3).some((segment) => segment !== '');
  if (!SHORT_ID.test(id) || extra) return { ok: false, problem: 'malformedLink' };
  const passcode = url.searchParams.get('p');
  // The short link's id is the meeting ID, so the passcode alone can be asked for.
  if (!passcode) return { ok: false, problem: 'missingPasscode', ...(/^[0-9]{9,20}$/.test(id) ? { meetingId: id } : {}) };
  if (!PASSCODE.test(passcode)) return { ok: false, problem: 'passcodeCharacters' };
  const meetingLink = `https://${host}/meet/${id}?p=${passcode}`;
  return { ok: true, target: { kind: 'link', meetingLink }, normalized: meetingLink, host };
}
