// Refresh grants: when a guest's token nears expiry mid-call, the app must get a new token for the
// SAME ACS identity (the call belongs to it). The service cannot trust a bare user id for that
// (other meeting participants can see it), so each token comes with a grant: the user id and an
// expiry, MACed with a key derived from the ACS access key. No state to store, every instance of
// the service accepts every other's grants, and rotating the access key invalidates them (the app
// then gets a new identity). A grant is worth exactly as much as the token it came with, until
// that token expires, and is handled (never logged) like one.
import { createHmac, timingSafeEqual } from 'node:crypto';

const VERSION = 'v1';

export interface RefreshGrants {
  issue(userId: string, notAfterMs: number): string;
  /** The user id, if the grant is genuine and unexpired. */
  verify(grant: string, nowMs: number): string | undefined;
}

export function createRefreshGrants(accessKey: Buffer): RefreshGrants {
  // A derived key, so a grant's MAC can never be confused with an ACS request signature.
  const key = createHmac('sha256', accessKey).update('doorway refresh grant').digest();
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();

  return {
    issue(userId, notAfterMs) {
      const payload = `${VERSION}.${Buffer.from(userId).toString('base64url')}.${Math.floor(notAfterMs / 1000)}`;
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    verify(grant, nowMs) {
      const match = /^(v1\.([A-Za-z0-9_-]+)\.(\d{1,12}))\.([A-Za-z0-9_-]{43})$/.exec(grant);
      if (!match) return undefined;
      const [, payload, encodedUserId, notAfterSeconds, signature] = match;
      const expected = mac(payload!);
      const given = Buffer.from(signature!, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      if (Number(notAfterSeconds) * 1000 <= nowMs) return undefined;
      return Buffer.from(encodedUserId!, 'base64url').toString('utf8');
    },
  };
}
