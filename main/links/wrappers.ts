// Process: main (pure). Email security gateways rewrite every link in a message. The ones below
// carry the original link inside their own and are decoded offline; Mimecast's is an opaque token
// that only its server (reached by the guest's browser) can resolve.
import { base64UrlDecode, percentDecode } from './decode';
import { isUnder, mentionsTeams } from './hosts';

export type Unwrapped =
  | { kind: 'inner'; text: string }
  | { kind: 'opaque' }
  /** A wrapper around nothing, or (Mimecast's `domain` hint) around a site that is not Teams. */
  | { kind: 'notTeams' }
  /** A wrapper whose encoding is damaged (cut short, usually). */
  | { kind: 'broken' };

/** The link inside `url` if it is a known wrapper; null when it is not a wrapper. */
export function unwrap(url: URL, text: string): Unwrapped | null {
  const host = url.hostname;
  const path = url.pathname;
  if (
    isUnder(host, 'safelinks.protection.outlook.com') ||
    isUnder(host, 'safelinks.protection.office365.us') ||
    (host === 'statics.teams.cdn.office.net' && path.includes('/safelinks/'))
  ) {
    return inner(url.searchParams.get('url'));
  }
  if (host === 'urldefense.proofpoint.com') {
    const u = url.searchParams.get('u');
    if (path === '/v1/url') return inner(u);
    if (path === '/v2/url') return inner(u && percentDecode(u.replaceAll('-', '%').replaceAll('_', '/')));
  }
  if (host === 'urldefense.com' && path.startsWith('/v3/__')) {
    const decoded = proofpointV3(text);
    return decoded === null ? { kind: 'broken' } : inner(decoded);
  }
  if (isUnder(host, 'mimecast.com') || isUnder(host, 'mimecastprotect.com')) {
    // Every Teams host, personal Teams' too, has "teams" in it; mentionsTeams ignores case.
    const domain = url.searchParams.get('domain');
    const teamsHint = !domain || mentionsTeams(domain);
    return teamsHint ? { kind: 'opaque' } : { kind: 'notTeams' };
  }
  return null;
}

function inner(text: string | null): Unwrapped {
  return text ? { kind: 'inner', text } : { kind: 'notTeams' };
}

/** Proofpoint's run-length tokens: `**A` stands for the next 2 saved characters, `**B` for 3, … */
const RUN_LENGTH_CODES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Proofpoint URL Defense v3: `urldefense.com/v3/__<url>__;<base64url>!!<ids>$`. Characters it
 * considered unsafe are replaced by `*` in <url> and saved, in order, in the base64 part
 * (mirrors Proofpoint's published decoder).
 */
function proofpointV3(text: string): string | null {
  const start = text.indexOf('/v3/__') + '/v3/__'.length;
  const end = text.indexOf('__;', start);
  if (end < 0) return null;
  const bang = text.indexOf('!', end);
  const saved = base64UrlDecode(text.slice(end + 3, bang < 0 ? text.length : bang));
  if (saved === null) return null;
  const chars = Array.from(saved);
  const encoded = percentDecode(text.slice(start, end));
  let out = '';
  let next = 0;
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded[i];
    if (c !== '*') {
      out += c;
      continue;
    }
    let take = 1;
    if (encoded[i + 1] === '*') {
      // Past the end, encoded[i + 2] is undefined, which is no code.
      const run = RUN_LENGTH_CODES.indexOf(encoded[i + 2]);
      if (run >= 0) {
        take = run + 2;
        i += 2;
      }
    }
    if (next + take > chars.length) return null;
    out += chars.slice(next, next + take).join('');
    next += take;
  }
  return out;
}
