// Process: server. The closed list of error codes the service answers with ({ error: code }), one
// place to send them, and the zod schema routes declare for their error responses. Never carries
// details: an error body is a code and nothing else.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export const ERROR_CODES = [
  'invalidJson',
  'invalidRequest',
  'invalidDisplayName',
  'appKeyRequired',
  'notFound',
  'methodNotAllowed',
  'bodyTooLarge',
  'unsupportedMediaType',
  // Refused by Node's HTTP parser or its timeouts, before any route (hooks/client-error.ts).
  'requestTimeout',
  'headersTooLarge',
  'rateLimited',
  'internal',
  'upstreamFailed',
  'upstreamThrottled',
  'upstreamTimeout',
  // The staff invitation API (routes/invitations-staff.ts).
  'staffAuthRequired',
  'staffRoleRequired',
  'invalidJoinUrl',
  'emailRequired',
  'mailNotConfigured',
  'meetingEnded',
  'meetingNotFound',
  'graphFailed',
  'graphThrottled',
  // The guest invitation API (common/invitation.ts, InvitationErrorCode).
  'unknownInvitation',
  'expired',
  'revoked',
  'wrongCode',
  'codeExpired',
  'locked',
  'serviceError',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorBody = z.strictObject({ error: z.enum(ERROR_CODES) });

/** `closeConnection`: answered before the body was read, so do not wait for (and parse past) it. */
export function sendError(reply: FastifyReply, status: number, code: ErrorCode, closeConnection = false): FastifyReply {
  if (closeConnection) reply.header('connection', 'close');
  return reply.code(status).type('application/json; charset=utf-8').send({ error: code });
}
