// Process: main (pure). The app's own links, `<scheme>://join?link=<encoded meeting link>`,
// `<scheme>://join?meetingId=<digits>&passcode=<passcode>` and
// `<scheme>://join?invite=<invitation id>[&link=<encoded Teams link>]`, as a typed route table whose query
// parameters are checked by zod (as Signal Desktop does for its sgnl:// routes). Anything outside
// the grammar is null, for the caller to log and drop. A route that is well formed but names a
// meeting Doorway cannot join still opens the join screen, with the problem shown: the guest
// clicked something and deserves to learn why it will not work.
import { z } from 'zod';
import { invitationUrl, isInvitationId, serviceOriginOf, type InvitationOptions } from './invitation-link';
import { meetingIdInvite } from './meeting-id';
import { parseMeetingInvite } from './parse-invite';
import type { InviteResult, MeetingTarget } from './types';

export type DeepLinkRoute = { route: 'join'; invite: InviteResult };

/** Longer URLs are not ours: a meeting link, even wrapped twice, is a couple of kilobytes. */
const MAX_URL = 8192;
const MAX_PARAM = 4096;

const joinParams = z.union([
  // An invitation on the configured service; `link` is the Teams meeting to fall back on. No
  // verification grant ever travels in this link (it would land in OS logs and shell history):
  // the app asks for its own one-time code for a bound invitation.
  z.strictObject({ invite: z.string().refine(isInvitationId), link: z.string().min(1).max(MAX_PARAM).optional() }),
  z.strictObject({ link: z.string().min(1).max(MAX_PARAM) }),
  z.strictObject({ meetingId: z.string().min(1).max(64), passcode: z.string().max(64).optional() }),
]);

type RouteDefinition = { parse(params: Record<string, string>, options: InvitationOptions): DeepLinkRoute | null };

function route<S extends z.ZodType>(schema: S, toRoute: (params: z.infer<S>, options: InvitationOptions) => DeepLinkRoute): RouteDefinition {
  return {
    parse(params, options) {
      const result = schema.safeParse(params);
      return result.success ? toRoute(result.data, options) : null;
    },
  };
}

/** Route name (the URL's host) → definition. */
const ROUTES: Readonly<Record<string, RouteDefinition>> = {
  join: route(joinParams, (params, options) => ({
    route: 'join',
    invite:
      'invite' in params
        ? invitationInvite(params.invite, params.link, options)
        : 'link' in params
          ? parseMeetingInvite(params.link)
          : meetingIdInvite(params.meetingId, params.passcode),
  })),
};

/**
 * `invite=<id>` on the configured service, with the Teams link (read by the same parser as any
 * other) as the fallback. Without a configured service, the Teams link alone still opens the
 * meeting; with neither, the guest learns that this app does not read invitations.
 */
function invitationInvite(id: string, link: string | undefined, options: InvitationOptions): InviteResult {
  const fallback = link === undefined ? undefined : parseMeetingInvite(link);
  const origin = serviceOriginOf(options.serviceOrigin);
  if (origin === null) return fallback?.ok === true ? fallback : { ok: false, problem: 'invitationsOff' };
  const invitation = { id, url: invitationUrl(origin, id) };
  return { ok: 'invitation', invitation: fallback?.ok === true ? { ...invitation, fallback } : invitation };
}

/**
 * Reads one of our deep links; null when it is not one (other scheme, unknown route, bad query).
 * `options.serviceOrigin` is the configured Doorway service: invitations are fetched from it only.
 */
export function parseDeepLink(url: string, scheme: string, options: InvitationOptions = {}): DeepLinkRoute | null {
  if (typeof url !== 'string' || url.length > MAX_URL) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== `${scheme.toLowerCase()}:`) return null;
  // `<scheme>://join?…`; some launchers add a slash before the query (`join/?…`).
  if (parsed.username || parsed.password || parsed.port || (parsed.pathname !== '' && parsed.pathname !== '/')) return null;
  const name = parsed.hostname.toLowerCase();
  if (!Object.hasOwn(ROUTES, name)) return null;

  const params: Record<string, string> = {};
  for (const [key, value] of parsed.searchParams) {
    if (Object.hasOwn(params, key)) return null; // a repeated parameter is ambiguous
    params[key] = value;
  }
  return ROUTES[name].parse(params, options);
}

/**
 * Finds our deep link in a command line (Windows and Linux pass it as an argument, on cold start
 * and to the running instance). Its position is not fixed, so every argument is looked at; only
 * one that starts with our scheme counts, so a Chromium switch (`--flag=doorway://…`, which starts
 * with `--`) cannot smuggle one in.
 */
export function findDeepLinkInArgv(argv: readonly string[], scheme: string): string | undefined {
  const prefix = `${scheme.toLowerCase()}:`;
  for (const arg of argv) {
    if (typeof arg !== 'string') continue;
    const candidate = arg.trim();
    if (candidate.slice(0, prefix.length).toLowerCase() === prefix) return candidate;
  }
  return undefined;
}

/** Our deep link for an invitation, with its Teams link as the fallback when given. */
export function buildInvitationDeepLink(id: string, scheme: string, link?: string): string {
  return `${scheme}://join?invite=${encodeURIComponent(id)}${link === undefined ? '' : `&link=${encodeURIComponent(link)}`}`;
}

/** Our deep link for a meeting target (for docs, tests and "copy link" features). */
export function buildDeepLink(target: MeetingTarget, scheme: string): string {
  if (target.kind === 'link') return `${scheme}://join?link=${encodeURIComponent(target.meetingLink)}`;
  const passcode = target.passcode === undefined ? '' : `&passcode=${encodeURIComponent(target.passcode)}`;
  return `${scheme}://join?meetingId=${encodeURIComponent(target.meetingId)}${passcode}`;
}
