// Process: main (pure). The app's own links, `<scheme>://join?link=<encoded meeting link>` and
// `<scheme>://join?meetingId=<digits>&passcode=<passcode>`, as a typed route table whose query
// parameters are checked by zod (as Signal Desktop does for its sgnl:// routes). Anything outside
// the grammar is null, for the caller to log and drop. A route that is well formed but names a
// meeting Doorway cannot join still opens the join screen, with the problem shown: the guest
// clicked something and deserves to learn why it will not work.
import { z } from 'zod';
import { meetingIdInvite } from './meeting-id';
import { parseMeetingInvite } from './parse-invite';
import type { InviteResult, MeetingTarget } from './types';

export type DeepLinkRoute = { route: 'join'; invite: InviteResult };

/** Longer URLs are not ours: a meeting link, even wrapped twice, is a couple of kilobytes. */
const MAX_URL = 8192;
const MAX_PARAM = 4096;

const joinParams = z.union([
  z.strictObject({ link: z.string().min(1).max(MAX_PARAM) }),
  z.strictObject({ meetingId: z.string().min(1).max(64), passcode: z.string().max(64).optional() }),
]);

type RouteDefinition = { parse(params: Record<string, string>): DeepLinkRoute | null };

function route<S extends z.ZodType>(schema: S, toRoute: (params: z.infer<S>) => DeepLinkRoute): RouteDefinition {
  return {
    parse(params) {
      const result = schema.safeParse(params);
      return result.success ? toRoute(result.data) : null;
    },
  };
}

/** Route name (the URL's host) → definition. */
const ROUTES: Readonly<Record<string, RouteDefinition>> = {
  join: route(joinParams, (params) => ({
    route: 'join',
    invite: 'link' in params ? parseMeetingInvite(params.link) : meetingIdInvite(params.meetingId, params.passcode),
  })),
};

/** Reads one of our deep links; null when it is not one (other scheme, unknown route, bad query). */
export function parseDeepLink(url: string, scheme: string): DeepLinkRoute | null {
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
  return ROUTES[name].parse(params);
}

/**
 * Finds our deep link in a command line (Windows and Linux pass it as an argument, on cold start
 * and to the running instance). Its position is not fixed, so every argument is looked at;
 * Chromium switches (`--…`) are skipped, so `--flag=doorway://…` cannot smuggle one in.
 */
export function findDeepLinkInArgv(argv: readonly string[], scheme: string): string | undefined {
  const prefix = `${scheme.toLowerCase()}:`;
  for (const arg of argv) {
    if (typeof arg !== 'string' || arg.startsWith('--')) continue;
    const candidate = arg.trim();
    if (candidate.slice(0, prefix.length).toLowerCase() === prefix) return candidate;
  }
  return undefined;
}

/** Our deep link for a meeting target (for docs, tests and "copy link" features). */
export function buildDeepLink(target: MeetingTarget, scheme: string): string {
  if (target.kind === 'link') return `${scheme}://join?link=${encodeURIComponent(target.meetingLink)}`;
  const passcode = target.passcode === undefined ? '' : `&passcode=${encodeURIComponent(target.passcode)}`;
  return `${scheme}://join?meetingId=${encodeURIComponent(target.meetingId)}${passcode}`;
}
