// Process: server. One-time codes for bound invitations: 6 random digits, stored only as an HMAC
// keyed by the service's invitation key and bound to the invitation id, compared in constant time.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_PATTERN = /^\d{6}$/;

export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function codeDigest(key: string, invitationId: string, code: string): string {
  return createHmac('sha256', key).update(`code:${invitationId}:${code}`).digest('base64url');
}

/** Constant time over equal-length digests (every digest here is the same length). */
export function codeMatches(key: string, invitationId: string, code: string, digest: string): boolean {
  const given = Buffer.from(codeDigest(key, invitationId, code));
  const stored = Buffer.from(digest);
  return given.length === stored.length && timingSafeEqual(given, stored);
}
