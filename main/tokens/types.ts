// Process: main. The shapes every token source (the HTTP token client, the development identity
// issuer) shares, so the IPC handler does not care where a token came from.

import type { TokenErrorCode } from '../../common/ipc-contract';

/** Why no token could be had: the contract's stable codes, each with a `token.error.<code>` message. */
export type { TokenErrorCode };

export const TOKEN_ERROR_CODES: readonly TokenErrorCode[] = [
  'notConfigured',
  'offline',
  'unreachable',
  'refused',
  'rateLimited',
  'serviceError',
  'badResponse',
  'timeout',
];

/**
 * `userId` stays in main (logs and the renderer never see it); `expiresOnMs` is epoch ms;
 * `chatEndpoint` is a vetted ACS chat endpoint (chat-endpoint.ts), present when the service grants chat.
 */
export type TokenResult =
  | { ok: true; token: string; expiresOnMs: number; userId: string; chatEndpoint?: string }
  | { ok: false; error: TokenErrorCode };

/**
 * A source of ACS tokens for one guest. Never throws or rejects.
 *
 * - `getToken` answers from the cache while the token is fresh (far from expiry), otherwise fetches
 *   one (concurrent calls share one fetch). The renderer's `tokenRefresher` calls it too: once the
 *   cached token is within the refresh margin it gets a new one, for the same ACS identity when the
 *   service supports it. If a refresh fails while the cached token is still valid, the cached one
 *   is returned (the credential will ask again as expiry nears).
 * - `prefetch` starts `getToken` in the background (join screen) so Join does not wait.
 * - `clear` forgets the token and the identity (the guest's visit ended); a fetch in flight when
 *   `clear` is called does not refill the cache.
 */
export interface TokenSource {
  getToken(displayName: string): Promise<TokenResult>;
  prefetch(displayName: string): void;
  clear(): void;
}

/** Logs events with non-secret fields only (never tokens, user ids, endpoints or names). */
export type TokenLog = (event: string, fields?: Record<string, unknown>) => void;
