// Mints ACS identities and tokens through @azure/communication-identity. The SDK signs each
// request (HMAC-SHA256 with the access key) and accepts a plain-http endpoint when told to, which
// the tests use to point it at a local fake ACS; so there is no hand-written REST client to keep
// in step with the API.
import { CommunicationIdentityClient, type TokenScope } from '@azure/communication-identity';
import { isLoopbackHttp, parseConnectionString } from './connection-string';

export interface AcsToken {
  token: string;
  expiresOn: Date;
  userId: string;
}

/** 'denied': ACS rejected our signature (wrong access key); 'notFound': the identity was deleted. */
export type AcsFailure = 'timeout' | 'unreachable' | 'throttled' | 'denied' | 'notFound' | 'failed';

export type AcsResult = { ok: true; value: AcsToken } | { ok: false; failure: AcsFailure; status?: number };

export interface AcsIssuer {
  createIdentityWithToken(): Promise<AcsResult>;
  issueToken(userId: string): Promise<AcsResult>;
}

export interface AcsIssuerOptions {
  connectionString: string;
  scopes: TokenScope[];
  expiresInMinutes: number;
  timeoutMs: number;
}

export function createAcsIssuer({ connectionString, scopes, expiresInMinutes, timeoutMs }: AcsIssuerOptions): AcsIssuer {
  // Stryker disable next-line OptionalChaining: only buildApp calls this, after refusing any connection string parseConnectionString cannot read.
  const endpoint = parseConnectionString(connectionString)?.endpoint;
  const client = new CommunicationIdentityClient(connectionString, {
    allowInsecureConnection: !!endpoint && isLoopbackHttp(endpoint),
    // Bounded: the app waits at most ~10 s per attempt and retries on its side too.
    retryOptions: { maxRetries: 2, retryDelayInMs: 300, maxRetryDelayInMs: 2_000 },
  });
  const options = () => ({ tokenExpiresInMinutes: expiresInMinutes, abortSignal: AbortSignal.timeout(timeoutMs) });

  async function call(mint: () => Promise<AcsToken>): Promise<AcsResult> {
    try {
      return { ok: true, value: await mint() };
    } catch (error) {
      return classify(error);
    }
  }

  return {
    createIdentityWithToken: () =>
      call(async () => {
        const { token, expiresOn, user } = await client.createUserAndToken(scopes, options());
        return { token, expiresOn, userId: user.communicationUserId };
      }),
    issueToken: (userId) =>
      call(async () => {
        const { token, expiresOn } = await client.getToken({ communicationUserId: userId }, scopes, options());
        return { token, expiresOn, userId };
      }),
  };
}

/** The SDK throws RestError (statusCode, or none for network errors) and AbortError. Messages are not kept: they quote URLs with user ids. */
function classify(error: unknown): AcsResult {
  const { name, statusCode } = (error ?? {}) as { name?: unknown; statusCode?: unknown };
  if (name === 'AbortError') return { ok: false, failure: 'timeout' };
  if (typeof statusCode !== 'number') return { ok: false, failure: 'unreachable' };
  const failure: AcsFailure =
    statusCode === 401 || statusCode === 403 ? 'denied' : statusCode === 404 ? 'notFound' : statusCode === 429 ? 'throttled' : 'failed';
  return { ok: false, failure, status: statusCode };
}
