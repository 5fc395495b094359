// Process: renderer. The credential a call agent reads its ACS token from: the SDK's own
// AzureCommunicationTokenCredential, which renews the token early (refreshProactively), with a
// refresher whose failures are handled here.
//
// Why the refresher must not throw on an early renewal: the credential runs it from its own timer,
// `setTimeout(() => this.updateTokenAndReschedule(), ...)` (autoRefreshTokenCredential.js in
// @azure/communication-common 2.5), and nothing awaits that promise. A refresher that rejects there
// makes an unhandled rejection, and the credential stops renewing. So when main cannot renew:
// - while the token still has more than GIVE_UP_MS to live, the refresher answers with the token
//   the call already has; the credential keeps it and tries again at half its remaining life;
// - below that, the call cannot go on: `onGiveUp` ends it (the ended screen says why, with the
//   token service's reason), the credential is disposed (no further renewals), and the refresher
//   answers with the still-valid token;
// - when the SDK itself waits for a token (it asks only once the token has expired), the call is
//   ended the same way, and the SDK's own request fails (it reports 400/40234, "token refresh
//   failed").
//
// The refresher never rejects: the SDK's request may share one renewal with the credential's
// timer (an early renewal still waiting on main when the token expires), and a rejection would
// reach that timer too. The SDK is given a thin wrapper instead, which knows whether the SDK is
// waiting and fails its request once the call has been given up.

import { AzureCommunicationTokenCredential, type CommunicationTokenCredential } from '@azure/communication-common';
import type { TokenErrorCode, TokenReply } from '../../common/ipc-contract';

/** Below this much life left on the token, a failed renewal ends the call rather than trying again. */
export const GIVE_UP_MS = 60_000;

export interface GuestCredentialOptions {
  /** The token main gave at join. */
  token: string;
  /** Asks main for a new token. */
  renew(): Promise<TokenReply>;
  /** The call cannot go on without a token (called once). */
  onGiveUp(error: TokenErrorCode): void;
  log(level: 'warn', message: string): void;
}

/** A JWT's payload claims; null when the token is not a JWT. */
export function tokenClaims(token: string): Record<string, unknown> | null {
  try {
    const payload = token.split('.')[1] ?? '';
    // atob decodes without the padding JWTs leave out (forgiving-base64, in Chromium and Node alike).
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** When a JWT expires (ms since the epoch), from its `exp` claim; null when it has none. */
export function tokenExpiresMs(token: string): number | null {
  const exp = tokenClaims(token)?.exp;
  return typeof exp === 'number' ? exp * 1000 : null;
}

export interface GuestCredential extends CommunicationTokenCredential {
  dispose(): void;
}

export function createGuestCredential(options: GuestCredentialOptions): GuestCredential {
  let current = options.token;
  let waiting = 0;
  let gaveUp = false;
  const inner = new AzureCommunicationTokenCredential({
    token: options.token,
    refreshProactively: true,
    tokenRefresher: async () => {
      const reply = await options.renew();
      if (reply.ok) {
        current = reply.token;
        return reply.token;
      }
      // The credential's own clock (it schedules and checks expiry on Date.now()).
      const left = (tokenExpiresMs(current) ?? 0) - Date.now();
      options.log('warn', `token renewal failed: ${reply.error} (${Math.max(0, Math.round(left / 1000))} s left)`);
      if (waiting > 0 || left <= 0) {
        // The SDK is waiting for this answer (its wrapper fails it), or the token is gone anyway
        // (the machine slept past it). Any answer would reject in the credential's timer; the
        // credential is disposed: leave it unsettled.
        giveUp(reply.error);
        return new Promise<string>(() => undefined);
      }
      if (left <= GIVE_UP_MS) giveUp(reply.error);
      return current;
    },
  });
  let failWaiting: (error: Error) => void = () => undefined;
  const givenUp = new Promise<never>((_, reject) => (failWaiting = reject));
  // Nothing may be waiting when the call is given up.
  givenUp.catch(() => undefined);
  function giveUp(error: TokenErrorCode): void {
    if (gaveUp) return;
    gaveUp = true;
    inner.dispose();
    failWaiting(new Error(`Doorway could not renew the meeting token (${error})`));
    options.onGiveUp(error);
  }
  return {
    async getToken(getOptions) {
      waiting += 1;
      try {
        return await Promise.race([inner.getToken(getOptions), givenUp]);
      } finally {
        waiting -= 1;
      }
    },
    dispose: () => inner.dispose(),
  };
}
