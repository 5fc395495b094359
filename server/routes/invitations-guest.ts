// Process: server. The guest's invitation API, as common/invitation.ts fixes it: GET
// /api/invitations/<id> (the view; a grant releases a bound invitation's join details), POST
// /<id>/code (email a one-time code), POST /<id>/verify (check it, answer a grant). Code routes are
// rate-limited per client here and per invitation in the service.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { InvitationErrorCode } from '../../common/invitation';
import { clientKey } from '../client-key';
import { ERROR_CODES } from '../errors';
import type { GuestOutcome, InvitationService } from '../invitation-service';
import type { ServerLog } from '../log';
import type { RateLimitStore } from '../stores/rate-limit-store';

export interface GuestRoutesDeps {
  service: InvitationService;
  codeLimiter: RateLimitStore;
  trustProxy: boolean;
  log: ServerLog;
}

export const GUEST_ERROR_STATUS: Record<InvitationErrorCode, number> = {
  unknownInvitation: 404,
  expired: 410,
  revoked: 410,
  wrongCode: 401,
  codeExpired: 401,
  locked: 423,
  rateLimited: 429,
  serviceError: 502,
};

const idParams = z.strictObject({ id: z.string().max(64) });
const meeting = z.strictObject({ subject: z.string(), startsAt: z.string(), endsAt: z.string(), organizer: z.string() });
const openView = z.strictObject({
  status: z.literal('open'),
  meeting,
  join: z.strictObject({ joinUrl: z.string(), meetingId: z.string().optional(), passcode: z.string().optional() }),
  guestName: z.string().optional(),
  language: z.string().optional(),
});
const view = z.union([openView, z.strictObject({ status: z.literal('verificationRequired'), meeting, emailHint: z.string() })]);
// The contract's codes, plus the service-wide ones for malformed requests (invalidRequest, ...).
const guestError = z.strictObject({ error: z.enum(ERROR_CODES), attemptsLeft: z.number().int().optional() });

/** Sends a guest failure with its status (and Retry-After, attempts left). */
export function sendGuestFailure(reply: FastifyReply, failure: Extract<GuestOutcome<unknown>, { ok: false }>) {
  if (failure.retryAfterSeconds !== undefined) reply.header('retry-after', String(failure.retryAfterSeconds));
  return reply
    .code(GUEST_ERROR_STATUS[failure.error])
    .type('application/json; charset=utf-8')
    // An undefined attemptsLeft is left out of the JSON.
    .send({ error: failure.error, attemptsLeft: failure.attemptsLeft });
}

/** The per-client limit on code routes; a failure to send, or undefined to go on. */
export async function limitClient(limiter: RateLimitStore, request: FastifyRequest, trustProxy: boolean) {
  const forwarded = request.headers['x-forwarded-for'];
  // Node joins repeated X-Forwarded-For headers into one string (entries separated by commas).
  const decision = await limiter.take(clientKey(request.raw.socket.remoteAddress, typeof forwarded === 'string' ? forwarded : undefined, trustProxy));
  return decision.allowed ? undefined : { ok: false as const, error: 'rateLimited' as const, retryAfterSeconds: decision.retryAfterSeconds };
}

export const guestInvitationRoutes: FastifyPluginAsyncZod<GuestRoutesDeps> = async (app, { service, codeLimiter, trustProxy, log }) => {
  app.get(
    '/api/invitations/:id',
    {
      config: { name: 'invitationView' },
      schema: { params: idParams, headers: z.object({ authorization: z.string().max(200).optional() }), response: { 200: view, '4xx': guestError } },
    },
    async (request, reply) => {
      const grant = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(request.headers.authorization ?? '')?.[1];
      const outcome = await service.view(request.params.id, grant);
      if (!outcome.ok) return sendGuestFailure(reply, outcome);
      service.recordOpened(request.params.id, 'api');
      return reply.code(200).send(outcome.value);
    },
  );

  app.post(
    '/api/invitations/:id/code',
    {
      config: { name: 'invitationCode', jsonOnly: true },
      schema: { params: idParams, body: z.strictObject({}), response: { 202: z.strictObject({ sent: z.literal(true), expiresInSeconds: z.number() }), '4xx': guestError, '5xx': guestError } },
    },
    async (request, reply) => {
      const limited = await limitClient(codeLimiter, request, trustProxy);
      if (limited) return sendGuestFailure(reply, limited);
      const outcome = await service.sendCode(request.params.id, 'api');
      if (!outcome.ok) {
        if (outcome.error === 'serviceError') log.error('codeMailFailed');
        return sendGuestFailure(reply, outcome);
      }
      return reply.code(202).send({ sent: true, expiresInSeconds: outcome.value.expiresInSeconds });
    },
  );

  app.post(
    '/api/invitations/:id/verify',
    {
      config: { name: 'invitationVerify', jsonOnly: true },
      schema: { params: idParams, body: z.strictObject({ code: z.string().max(32) }), response: { 200: z.strictObject({ grant: z.string(), expiresInSeconds: z.number(), view: openView }), '4xx': guestError } },
    },
    async (request, reply) => {
      const limited = await limitClient(codeLimiter, request, trustProxy);
      if (limited) return sendGuestFailure(reply, limited);
      const outcome = await service.verify(request.params.id, request.body.code.trim(), 'api');
      if (!outcome.ok) return sendGuestFailure(reply, outcome);
      return reply.code(200).send(outcome.value);
    },
  );
};
