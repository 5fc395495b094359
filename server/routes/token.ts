// Process: server. POST /api/token: mints an ACS identity and a token for a guest, or, given a
// genuine refresh grant, a new token for the same identity. The rate limit, app key and JSON-only
// rules run first (hooks/); this file validates the body and talks to ACS through the issuer.
// Never logs a token, user id, grant or display name.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AcsIssuer, AcsResult } from '../acs-issuer';
import { errorBody, sendError } from '../errors';
import type { ServerLog } from '../log';
import type { RefreshGrants } from '../refresh-grant';

/** Teams shows up to 256 characters; counted in UTF-16 units, which never undercounts. */
export const MAX_DISPLAY_NAME = 256;

// No control characters (newlines; bidi overrides are Cf, not Cc, and are the renderer's concern).
const CONTROL_CHARACTERS = /\p{Cc}/u;

const isDisplayName = (name: string) => name.length >= 1 && name.length <= MAX_DISPLAY_NAME && !CONTROL_CHARACTERS.test(name);

export const tokenRequest = z.strictObject({
  // The raw bound is generous (the body limit is the real one); the name is checked after trimming.
  displayName: z.string().max(4 * MAX_DISPLAY_NAME).trim().refine(isDisplayName, { params: { error: 'invalidDisplayName' } }),
  refreshGrant: z.string().max(1024).optional(),
});

export const tokenAnswer = z.strictObject({
  token: z.string(),
  expiresOn: z.string(),
  user: z.strictObject({ communicationUserId: z.string() }),
  refreshGrant: z.string(),
  /** The ACS resource's origin, for meeting chat; only when the service grants chat.join. */
  chatEndpoint: z.string().optional(),
});

export interface TokenRouteDeps {
  issuer: AcsIssuer;
  grants: RefreshGrants;
  scopes: readonly string[];
  /** Sent with every token when the scopes include chat.join. */
  chatEndpoint?: string;
  log: ServerLog;
  now: () => number;
}

export const tokenRoute: FastifyPluginAsyncZod<TokenRouteDeps> = async (app, { issuer, grants, scopes, chatEndpoint, log, now }) => {
  /**
   * A genuine grant, within its chain's lifetime, gets a token for the same identity; otherwise (or
   * if the identity was deleted) a new identity, which starts a new chain.
   */
  async function issue(refreshGrant: string | undefined): Promise<{ result: AcsResult; chainStartMs: number }> {
    const check = refreshGrant === undefined ? undefined : grants.verify(refreshGrant, now());
    if (check && !check.ok) log.warn('refreshGrantRejected', { reason: check.reason });
    if (check?.ok) {
      const refreshed = await issuer.issueToken(check.userId);
      if (refreshed.ok) log.info('tokenIssued', { refreshed: true, scopes: scopes.join(' ') });
      if (refreshed.ok || refreshed.failure !== 'notFound') return { result: refreshed, chainStartMs: check.chainStartMs };
      log.warn('refreshIdentityGone');
    }
    const chainStartMs = now();
    const created = await issuer.createIdentityWithToken();
    if (created.ok) log.info('tokenIssued', { refreshed: false, scopes: scopes.join(' ') });
    return { result: created, chainStartMs };
  }

  function sendAcsFailure(reply: FastifyReply, result: Extract<AcsResult, { ok: false }>) {
    // 'denied' means this service's access key is wrong: the operator must act, hence an error.
    const fields = { failure: result.failure, status: result.status };
    if (result.failure === 'denied') log.error('acsFailed', fields);
    else log.warn('acsFailed', fields);
    if (result.failure === 'timeout') return sendError(reply, 504, 'upstreamTimeout');
    if (result.failure === 'throttled') {
      reply.header('retry-after', '10');
      return sendError(reply, 503, 'upstreamThrottled');
    }
    return sendError(reply, 502, 'upstreamFailed');
  }

  app.post(
    '/api/token',
    {
      config: { name: 'token', rateLimited: true, appKeyRequired: true, jsonOnly: true },
      schema: { body: tokenRequest, response: { 200: tokenAnswer, '4xx': errorBody, '5xx': errorBody } },
    },
    async (request, reply) => {
      const { result, chainStartMs } = await issue(request.body.refreshGrant);
      if (!result.ok) return sendAcsFailure(reply, result);
      const { token, expiresOn, userId } = result.value;
      return reply.code(200).send({
        token,
        expiresOn: expiresOn.toISOString(),
        user: { communicationUserId: userId },
        refreshGrant: grants.issue(userId, expiresOn.getTime(), chainStartMs),
        ...(chatEndpoint && { chatEndpoint }),
      });
    },
  );
};
