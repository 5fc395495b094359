// Process: main. Reads a JWT's expiry without checking its signature: ACS checks signatures; main
// only needs to know when to refresh and to reject a token that is not one at all.

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The token's `exp` claim as epoch milliseconds, or undefined if it is not a JWT with a numeric `exp`. */
export function readJwtExpiryMs(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    // A payload of null, a number or a string has no `exp`.
    const exp = (payload as { exp?: unknown } | null)?.exp;
    return typeof exp === 'number' && Number.isFinite(exp) && exp > 0 ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
