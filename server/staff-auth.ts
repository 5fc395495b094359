// Process: server. Who may create and revoke invitations: staff holding an Entra ID access token
// for the organization's tenant with the required app role, checked against the tenant's signing
// keys (jose, JWKS fetched and cached), or an operator holding the admin key (constant-time
// compare). Answers a reason for the log; never logs tokens or keys.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

export const PUBLIC_AUTHORITY_HOST = 'https://login.microsoftonline.com';

export interface StaffAuthOptions {
  tenantId: string;
  /** Accepted `aud` values: the service's client id and its Application ID URI. */
  audiences: string[];
  requiredRole: string;
  authorityHost?: string;
  /** Optional operator key (X-Doorway-Admin-Key), 32+ characters. */
  adminKey?: string;
  /** For the JWKS fetch (tests trust a loopback certificate). */
  fetch?: typeof fetch;
}

export type StaffIdentity = { kind: 'entra'; objectId: string } | { kind: 'adminKey' };

export type StaffRejection = 'missing' | 'invalidToken' | 'expired' | 'wrongTenant' | 'missingRole' | 'wrongAdminKey';

export type StaffAuthResult = { ok: true; staff: StaffIdentity } | { ok: false; reason: StaffRejection };

export interface StaffAuth {
  /** `authorization`: the Authorization header; `adminKey`: the X-Doorway-Admin-Key header. */
  authenticate(authorization: string | undefined, adminKey: string | undefined): Promise<StaffAuthResult>;
}

export function createStaffAuth(options: StaffAuthOptions): StaffAuth {
  const authorityHost = (options.authorityHost ?? PUBLIC_AUTHORITY_HOST).replace(/\/+$/, '');
  const jwks: JWTVerifyGetKey = createRemoteJWKSet(new URL(`${authorityHost}/${options.tenantId}/discovery/v2.0/keys`), {
    timeoutDuration: 5_000,
    cooldownDuration: 30_000,
    ...(options.fetch ? { [customFetch]: options.fetch } : {}),
  });
  // v2 tokens name the tenant in the issuer; v1 tokens (an API whose accessTokenAcceptedVersion is unset) use sts.windows.net.
  const issuers = [`${authorityHost}/${options.tenantId}/v2.0`, `https://sts.windows.net/${options.tenantId}/`];
  const adminDigest = options.adminKey ? sha256(options.adminKey) : undefined;

  return {
    async authenticate(authorization, adminKey) {
      if (adminKey !== undefined) {
        // Digests compare in constant time whatever the lengths.
        if (adminDigest && timingSafeEqual(adminDigest, sha256(adminKey))) return { ok: true, staff: { kind: 'adminKey' } };
        return { ok: false, reason: 'wrongAdminKey' };
      }
      const token = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization ?? '')?.[1];
      if (!token) return { ok: false, reason: authorization ? 'invalidToken' : 'missing' };
      try {
        const { payload } = await jwtVerify(token, jwks, { issuer: issuers, audience: options.audiences, algorithms: ['RS256'], clockTolerance: 60, requiredClaims: ['exp', 'tid'] });
        // Entra signs every tenant's tokens with the same keys: the tenant claim is what keeps other tenants out.
        if (payload.tid !== options.tenantId) return { ok: false, reason: 'wrongTenant' };
        const roles = Array.isArray(payload.roles) ? payload.roles : [];
        if (!roles.includes(options.requiredRole)) return { ok: false, reason: 'missingRole' };
        return { ok: true, staff: { kind: 'entra', objectId: typeof payload.oid === 'string' ? payload.oid : 'unknown' } };
      } catch (error) {
        if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
        if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'iss') return { ok: false, reason: 'wrongTenant' };
        return { ok: false, reason: 'invalidToken' };
      }
    },
  };
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
