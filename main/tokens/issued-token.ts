// Process: main. The checks every issued token passes before main hands it out, whichever source
// issued it: it must be a JWT with `exp`, and must not be (nearly) expired.
import { readJwtExpiryMs } from './jwt';
import type { TokenResult } from './types';

/** A token this close to expiry counts as expired: clocks drift, and joining takes a while. */
export const EXPIRY_SKEW_MS = 60_000;

/** A token as a source issued it; `refreshGrant` (optional) lets the service re-issue for the same identity. */
export type IssuedToken = Extract<TokenResult, { ok: true }> & { refreshGrant?: string };
export type IssueResult = IssuedToken | Extract<TokenResult, { ok: false }>;

/**
 * Accepts a token if it is a JWT that outlives `nowMs` by the skew. The expiry is the earlier of the
 * JWT's `exp` and the service's `expiresOnMs` (a service may shorten, never lengthen, a token).
 */
export function acceptIssuedToken(
  issued: { token: string; expiresOnMs: number; userId: string; refreshGrant?: string; chatEndpoint?: string },
  nowMs: number,
): IssueResult {
  const jwtExpiryMs = readJwtExpiryMs(issued.token);
  if (jwtExpiryMs === undefined || !Number.isFinite(issued.expiresOnMs)) return { ok: false, error: 'badResponse' };
  const expiresOnMs = Math.min(jwtExpiryMs, issued.expiresOnMs);
  if (expiresOnMs <= nowMs + EXPIRY_SKEW_MS) return { ok: false, error: 'badResponse' };
  const accepted: IssuedToken = { ok: true, token: issued.token, expiresOnMs, userId: issued.userId };
  if (issued.refreshGrant !== undefined) accepted.refreshGrant = issued.refreshGrant;
  if (issued.chatEndpoint !== undefined) accepted.chatEndpoint = issued.chatEndpoint;
  return accepted;
}
