// Process: server. Refresh grants: when a guest's token nears expiry mid-call, the app must get a
// new token for the SAME ACS identity (the call belongs to it). The service cannot trust a bare
// user id for that (other meeting participants can see it), so each token comes with a grant: the
// user id, the token's expiry and when the chain of refreshes began, MACed with a key derived from
// the ACS access key. No state to store, every instance of the service accepts every other's
// grants, and rotating the access key invalidates them (the app then gets a new identity). A grant
// is worth exactly as much as the token it came with, until that token expires, and is handled
// (never logged) like one. The chain is capped: however often it is refreshed, a grant is never
// honoured past `maxChainMs` after the identity's first token, so a leaked grant cannot be renewed
// forever.
import { createHmac, timingSafeEqual } from 'node:crypto';

const VERSION = 'v2';

export type GrantCheck =
  | { ok: true; userId: string; chainStartMs: number }
  | { ok: false; reason: 'invalid' | 'expired' | 'chainEnded' };

export interface RefreshGrants {
  /** `chainStartMs`: when this identity's first token was issued (now, for a new identity). */
  issue(userId: string, notAfterMs: number, chainStartMs: number): string;
  verify(grant: string, nowMs: number): GrantCheck;
}

export function createRefreshGrants(accessKey: Buffer, maxChainMs: number): RefreshGrants {
  // A derived key, so a grant's MAC can never be confused with an ACS request signature.
  const key = createHmac('sha256', accessKey).update('doorway refresh grant').digest();
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  const seconds = (ms: number) => Math.floor(ms / 1000);

  return {
    issue(userId, notAfterMs, chainStartMs) {
      // A grant never outlives its chain, even if the token it came with would.
      const notAfter = seconds(Math.min(notAfterMs, chainStartMs + maxChainMs));
      const payload = `${VERSION}.${Buffer.from(userId).toString('base64url')}.${notAfter}.${seconds(chainStartMs)}`;
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    verify(grant, nowMs) {
      const match = /^(v2\.([A-Za-z0-9_-]+)\.(\d{1,12})\.(\d{1,12}))\.([A-Za-z0-9_-]{43})$/.exec(grant);
      if (!match) return { ok: false, reason: 'invalid' };
      const [, payload, encodedUserId, notAfterSeconds, chainStartSeconds, signature] = match;
      // Compared as the canonical text, not as decoded bytes: the MAC's last base64url character
      // carries padding bits a decoder ignores, so a changed grant could otherwise still verify.
      const expected = Buffer.from(mac(payload).toString('base64url'));
      const given = Buffer.from(signature);
      // Both are 43 characters (the pattern above), as timingSafeEqual requires.
      if (!timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
      const chainStartMs = Number(chainStartSeconds) * 1000;
      if (chainStartMs + maxChainMs <= nowMs) return { ok: false, reason: 'chainEnded' };
      if (Number(notAfterSeconds) * 1000 <= nowMs) return { ok: false, reason: 'expired' };
      return { ok: true, userId: Buffer.from(encodedUserId, 'base64url').toString('utf8'), chainStartMs };
    },
  };
}
