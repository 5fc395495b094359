// Process: main. Development without a deployed token service: with ACS_CONNECTION_STRING set,
// main issues tokens itself through @azure/communication-identity. Packaged builds refuse this
// mode, so a connection string (full control of the ACS resource) never ships to guests.
import { CommunicationIdentityClient, type TokenScope } from '@azure/communication-identity';
import { acceptIssuedToken, type IssueResult } from './issued-token';
import { createTokenCache, type Issue } from './token-cache';
import type { TokenErrorCode, TokenLog, TokenSource } from './types';

export const DEV_CONNECTION_STRING_ENV = 'ACS_CONNECTION_STRING';

const SCOPES: TokenScope[] = ['voip.join'];
/** The shortest lifetime ACS issues (its range is 60–1440 minutes). */
const TOKEN_EXPIRES_IN_MINUTES = 60;

export interface DevIdentityOptions {
  connectionString: string;
  isPackaged: boolean;
  now?: () => number;
  /** Per SDK call, its own retries included. */
  timeoutMs?: number;
  refreshMarginMs?: number;
  log?: TokenLog;
}

export type DevIdentitySetup =
  | { kind: 'ok'; source: TokenSource }
  | { kind: 'refused'; reason: 'packaged' }
  /** The SDK rejected the connection string (its message, which quotes the string, is not kept). */
  | { kind: 'invalid' };

export function createDevIdentitySource(options: DevIdentityOptions): DevIdentitySetup {
  const { connectionString, isPackaged, now = Date.now, timeoutMs = 15_000, refreshMarginMs = 15 * 60_000, log = () => {} } = options;
  if (isPackaged) return { kind: 'refused', reason: 'packaged' };

  let client: CommunicationIdentityClient;
  try {
    client = new CommunicationIdentityClient(connectionString, {
      // The SDK refuses http; a loopback endpoint (a local fake ACS) is the one place it is fine.
      allowInsecureConnection: isLoopbackEndpoint(connectionString),
      retryOptions: { maxRetries: 2, retryDelayInMs: 500, maxRetryDelayInMs: 4_000 },
    });
  } catch {
    return { kind: 'invalid' };
  }

  const issue: Issue = async ({ previous }): Promise<IssueResult> => {
    const requestOptions = { tokenExpiresInMinutes: TOKEN_EXPIRES_IN_MINUTES, abortSignal: AbortSignal.timeout(timeoutMs) };
    try {
      // A refresh keeps the identity: the call in progress belongs to it.
      if (previous) {
        const user = { communicationUserId: previous.userId };
        const { token, expiresOn } = await client.getToken(user, SCOPES, requestOptions);
        return acceptIssuedToken({ token, expiresOnMs: expiresOn.getTime(), userId: previous.userId }, now());
      }
      const { token, expiresOn, user } = await client.createUserAndToken(SCOPES, requestOptions);
      return acceptIssuedToken({ token, expiresOnMs: expiresOn.getTime(), userId: user.communicationUserId }, now());
    } catch (error) {
      const code = classifySdkError(error);
      log('devTokenFailed', { error: code });
      return { ok: false, error: code };
    }
  };

  log('devIdentityMode');
  return { kind: 'ok', source: createTokenCache(issue, { now, refreshMarginMs, log }) };
}

function isLoopbackEndpoint(connectionString: string): boolean {
  const endpoint = /(?:^|;)\s*endpoint=([^;]+)/i.exec(connectionString)?.[1];
  try {
    const url = new URL(endpoint ?? '');
    return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/** Maps the SDK's errors (RestError with statusCode, AbortError) to the shared codes. */
function classifySdkError(error: unknown): TokenErrorCode {
  const { name, statusCode } = (error ?? {}) as { name?: unknown; statusCode?: unknown };
  if (name === 'AbortError') return 'timeout';
  if (typeof statusCode !== 'number') return 'unreachable';
  if (statusCode === 401 || statusCode === 403) return 'refused';
  if (statusCode === 429) return 'rateLimited';
  return 'serviceError';
}
