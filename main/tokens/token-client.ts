// Process: main. Fetches ACS tokens from the organization's token service. Takes `fetch` as a
// parameter: the app passes Electron's `net.fetch` (system proxy and certificates), tests pass
// Node's against a loopback server. Never throws; every failure becomes a TokenErrorCode.
import { z } from 'zod';
import { vetChatEndpoint } from './chat-endpoint';
import { acceptIssuedToken, type IssueResult, type IssuedToken } from './issued-token';
import { backoffDelayMs, parseRetryAfterMs } from './retry';
import { createTokenCache, type Issue } from './token-cache';
import type { TokenErrorCode, TokenLog, TokenSource } from './types';

/** Electron's `net.fetch` and Node's `fetch` both fit; the client only ever passes a string URL. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface TokenClientOptions {
  /** A URL already accepted by resolveTokenEndpoint. Never logged: it may carry a function key. */
  endpoint: string;
  fetch: FetchLike;
  /** Sent as `X-Doorway-App-Key` when the service requires one (see server/README.md). */
  appKey?: string;
  /** Electron's `net.isOnline`: tells 'offline' from 'unreachable' after a network error. */
  isOnline?: () => boolean;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1); drives the backoff jitter. */
  random?: () => number;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  maxAttempts?: number;
  /** All attempts and waits together. */
  maxTotalMs?: number;
  /** A Retry-After longer than this ends the retries with 'rateLimited' instead of waiting. */
  maxRetryAfterMs?: number;
  refreshMarginMs?: number;
  log?: TokenLog;
}

export const TOKEN_CLIENT_DEFAULTS = {
  timeoutMs: 10_000,
  maxAttempts: 4,
  maxTotalMs: 30_000,
  maxRetryAfterMs: 20_000,
  refreshMarginMs: 15 * 60_000,
  backoffBaseMs: 500,
  backoffCapMs: 8_000,
} as const;

/** A token response is a few KB; anything much larger is not one. */
const MAX_RESPONSE_BYTES = 64 * 1024;

// The JSON of @azure/communication-identity's CommunicationUserToken, plus Doorway's optional
// refreshGrant (server/README.md). Extra fields are ignored so other services fit.
const tokenResponseSchema = z.object({
  token: z.string().min(1).max(16_384),
  expiresOn: z.string().refine((value) => !Number.isNaN(Date.parse(value))),
  user: z.object({ communicationUserId: z.string().min(1).max(1024) }),
  refreshGrant: z.string().min(1).max(4096).optional(),
  // Doorway's service adds it when it grants chat; a value that is not an ACS endpoint is ignored.
  chatEndpoint: z.string().max(512).optional(),
});

interface AttemptFailure {
  ok: false;
  error: TokenErrorCode;
  retry: boolean;
  retryAfterMs?: number;
  status?: number;
  /** A network error's code (ECONNRESET, ERR_CONNECTION_REFUSED), for the log. */
  cause?: string;
}

export function createTokenClient(options: TokenClientOptions): TokenSource {
  const {
    endpoint,
    fetch: fetchFn,
    appKey,
    isOnline,
    now = Date.now,
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random = Math.random,
    timeoutMs = TOKEN_CLIENT_DEFAULTS.timeoutMs,
    maxAttempts = TOKEN_CLIENT_DEFAULTS.maxAttempts,
    maxTotalMs = TOKEN_CLIENT_DEFAULTS.maxTotalMs,
    maxRetryAfterMs = TOKEN_CLIENT_DEFAULTS.maxRetryAfterMs,
    refreshMarginMs = TOKEN_CLIENT_DEFAULTS.refreshMarginMs,
    log = () => {},
  } = options;

  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (appKey) headers['x-doorway-app-key'] = appKey;

  async function attemptOnce(body: string, attemptTimeoutMs: number): Promise<IssuedToken | AttemptFailure> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), attemptTimeoutMs);
    try {
      const response = await fetchFn(endpoint, {
        method: 'POST',
        headers,
        body,
        signal: controller.signal,
        // A redirect could take the display name (and app key) somewhere else, maybe over http.
        redirect: 'manual',
        credentials: 'omit',
      });
      const { status } = response;
      if (status >= 200 && status < 300) {
        const text = await readLimitedText(response, MAX_RESPONSE_BYTES);
        const result: IssueResult = text === undefined ? { ok: false, error: 'badResponse' } : parseTokenResponse(text);
        return result.ok ? result : { ...result, retry: false, status };
      }
      await response.body?.cancel().catch(() => {});
      if (status === 429 || status >= 500) {
        const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), now());
        const failure: AttemptFailure = { ok: false, error: status === 429 ? 'rateLimited' : 'serviceError', retry: true, status };
        if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
        return failure;
      }
      if (status === 401 || status === 403) return { ok: false, error: 'refused', retry: false, status };
      // Other 4xx: the request will not get better by repeating it. 3xx: a redirect we refuse to follow.
      return { ok: false, error: status >= 400 ? 'serviceError' : 'badResponse', retry: false, status };
    } catch (error) {
      if (controller.signal.aborted) return { ok: false, error: 'timeout', retry: true };
      const cause = networkErrorCode(error);
      const offline = isOnline?.() === false || cause === 'ERR_INTERNET_DISCONNECTED';
      const failure: AttemptFailure = { ok: false, error: offline ? 'offline' : 'unreachable', retry: true };
      if (cause) failure.cause = cause;
      return failure;
    } finally {
      clearTimeout(timer);
    }
  }

  function parseTokenResponse(text: string): IssueResult {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, error: 'badResponse' };
    }
    const parsed = tokenResponseSchema.safeParse(json);
    if (!parsed.success) return { ok: false, error: 'badResponse' };
    const { token, expiresOn, user, refreshGrant } = parsed.data;
    const chatEndpoint = parsed.data.chatEndpoint === undefined ? null : vetChatEndpoint(parsed.data.chatEndpoint);
    if (parsed.data.chatEndpoint !== undefined && !chatEndpoint) log('chatEndpointRefused');
    const issued = { token, expiresOnMs: Date.parse(expiresOn), userId: user.communicationUserId, ...(chatEndpoint && { chatEndpoint }) };
    return acceptIssuedToken(refreshGrant === undefined ? issued : { ...issued, refreshGrant }, now());
  }

  const issue: Issue = async ({ displayName, previous }) => {
    const started = now();
    // With a grant from the cached token, the service re-issues for the same identity (mid-call refresh).
    const body = JSON.stringify(previous?.refreshGrant ? { displayName, refreshGrant: previous.refreshGrant } : { displayName });
    let error: TokenErrorCode = 'timeout';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const remainingMs = maxTotalMs - (now() - started);
      if (remainingMs <= 0) break;
      const result = await attemptOnce(body, Math.min(timeoutMs, remainingMs));
      if (result.ok) {
        log('tokenFetched', { attempt, elapsedMs: now() - started });
        return result;
      }
      const { status, cause, retry, retryAfterMs } = result;
      error = result.error;
      log('tokenAttemptFailed', { attempt, error, ...(status !== undefined && { status }), ...(cause && { cause }) });
      if (!retry || attempt === maxAttempts) break;
      if (retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) break;
      const delayMs =
        retryAfterMs ?? backoffDelayMs(attempt - 1, random, TOKEN_CLIENT_DEFAULTS.backoffBaseMs, TOKEN_CLIENT_DEFAULTS.backoffCapMs);
      if (now() - started + delayMs >= maxTotalMs) break;
      await sleep(delayMs);
    }
    return { ok: false, error };
  };

  return createTokenCache(issue, { now, refreshMarginMs, log });
}

/** Reads the body as UTF-8 text, or undefined once it exceeds `maxBytes`. */
export async function readLimitedText(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A short, non-identifying code for a network failure: Node's `cause.code` (ECONNRESET) or
 * Chromium's net error name (net::ERR_CONNECTION_REFUSED). Messages are not logged: they hold hosts.
 */
function networkErrorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string' && /^[A-Z0-9_]+$/.test(cause.code)) return cause.code;
  const message = error instanceof Error ? error.message : '';
  return /net::(ERR_[A-Z_]+)/.exec(message)?.[1];
}
