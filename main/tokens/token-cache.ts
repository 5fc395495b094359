// Process: main. Turns a function that issues tokens into a TokenSource: one fetch at a time
// (single flight), a cached token served while fresh, and a still-valid cached token kept when a
// refresh fails.
import { EXPIRY_SKEW_MS, type IssueResult, type IssuedToken } from './issued-token';
import type { TokenLog, TokenResult, TokenSource } from './types';

/** `previous` is the cached token (still valid) when this is a refresh, so the issuer can keep the identity. */
export type Issue = (request: { displayName: string; previous?: IssuedToken }) => Promise<IssueResult>;

export interface TokenCacheOptions {
  now: () => number;
  /**
   * Refresh once the token is this close to expiry. Keep it above the 10 minutes at which the
   * renderer's AzureCommunicationTokenCredential (refreshProactively) asks for a new token, so
   * that request gets a new token in one round trip.
   */
  refreshMarginMs: number;
  log: TokenLog;
}

interface Entry {
  issued: IssuedToken;
  /** After this the token is stale: still usable, but the next getToken fetches a new one. */
  refreshAtMs: number;
}

export function createTokenCache(issue: Issue, options: TokenCacheOptions): TokenSource {
  const { now, refreshMarginMs, log } = options;
  let entry: Entry | undefined;
  let inflight: Promise<TokenResult> | undefined;
  // Bumped by clear(): a fetch started before it must not refill the cache.
  let generation = 0;

  const isValid = (e: Entry | undefined): e is Entry => !!e && now() < e.issued.expiresOnMs - EXPIRY_SKEW_MS;

  async function fetchToken(displayName: string): Promise<TokenResult> {
    const started = generation;
    const previous = isValid(entry) ? entry.issued : undefined;
    let result: IssueResult;
    try {
      result = await issue(previous ? { displayName, previous } : { displayName });
    } catch {
      // Issuers do not throw; if one does, the guest still gets an error code, not a rejection.
      log('tokenIssuerThrew');
      result = { ok: false, error: 'serviceError' };
    }
    if (!result.ok) {
      if (started === generation && isValid(entry)) {
        log('tokenRefreshFailedKeepingCached', { error: result.error });
        return publicResult(entry.issued);
      }
      return result;
    }
    if (started === generation) {
      const issuedAt = now();
      // Half the lifetime at the latest, so a service issuing short tokens does not cause a fetch per call.
      const refreshAtMs = Math.max(issuedAt + (result.expiresOnMs - issuedAt) / 2, result.expiresOnMs - refreshMarginMs);
      if (previous && previous.userId !== result.userId) log('tokenIdentityChanged');
      entry = { issued: result, refreshAtMs };
    }
    return publicResult(result);
  }

  function getToken(displayName: string): Promise<TokenResult> {
    if (entry && now() < entry.refreshAtMs) return Promise.resolve(publicResult(entry.issued));
    if (!inflight) {
      const current = fetchToken(displayName).finally(() => {
        if (inflight === current) inflight = undefined;
      });
      inflight = current;
    }
    return inflight;
  }

  return {
    getToken,
    prefetch(displayName) {
      void getToken(displayName);
    },
    clear() {
      // Stryker disable next-line AssignmentOperator: equivalent: only a change of generation matters, not its direction.
      generation += 1;
      entry = undefined;
      inflight = undefined;
    },
  };
}

/** Drops the refresh grant: it stays inside the cache. */
function publicResult(issued: IssuedToken): TokenResult {
  const result: TokenResult = { ok: true, token: issued.token, expiresOnMs: issued.expiresOnMs, userId: issued.userId };
  if (issued.chatEndpoint) result.chatEndpoint = issued.chatEndpoint;
  return result;
}
