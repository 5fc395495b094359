// Process: server. The staff side of invitations: POST /api/invitations creates one (from a Teams
// join URL, or by creating the meeting), DELETE /api/invitations/<id> revokes one. Staff prove who
// they are with an Entra ID token of the tenant carrying the app role, or the admin key. Graph
// failures come back with the operator message from graph-client's one mapping.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALE_TAGS } from '../../common/i18n';
import { sendError } from '../errors';
import type { CreateOutcome, InvitationService } from '../invitation-service';
import type { ServerLog } from '../log';
import { isTimeZone } from '../meeting-time';
import type { StaffAuth, StaffIdentity } from '../staff-auth';
import { MAX_JOIN_URL } from '../teams-link';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffIdentity;
  }
}

export interface StaffRoutesDeps {
  service: InvitationService;
  staffAuth: StaffAuth;
  log: ServerLog;
}

const NO_CONTROL = /^[^\p{Cc}]*$/u;
const organizer = z.string().trim().min(1).max(320).regex(NO_CONTROL);
const MAX_MEETING_MS = 24 * 3_600_000;

const createRequest = z.strictObject({
  meeting: z.union([
    z.strictObject({ joinUrl: z.string().max(MAX_JOIN_URL), organizer }),
    z
      .strictObject({
        organizer,
        subject: z.string().trim().min(1).max(255).regex(NO_CONTROL),
        startsAt: z.iso.datetime({ offset: true }),
        endsAt: z.iso.datetime({ offset: true }),
        chat: z.enum(['enabled', 'disabled', 'limited']).optional(),
      })
      .refine((m) => Date.parse(m.endsAt) > Date.parse(m.startsAt) && Date.parse(m.endsAt) - Date.parse(m.startsAt) <= MAX_MEETING_MS),
  ]),
  organizerName: z.string().trim().min(1).max(256).regex(NO_CONTROL).optional(),
  guest: z
    .strictObject({
      name: z.string().trim().min(1).max(256).regex(NO_CONTROL).optional(),
      email: z.email().max(254).optional(),
      language: z.string().max(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/).optional(),
      timeZone: z.string().max(64).refine(isTimeZone).optional(),
    })
    .optional(),
  bindToEmail: z.boolean().optional(),
  sendEmail: z.boolean().optional(),
});

const mail = z.strictObject({ subject: z.string(), html: z.string(), text: z.string() });
const meeting = z.strictObject({ subject: z.string(), startsAt: z.string(), endsAt: z.string(), organizer: z.string() });
const createAnswer = z.strictObject({
  id: z.string(),
  url: z.string(),
  appLink: z.string(),
  expiresAt: z.string(),
  bound: z.boolean(),
  meeting,
  // The guest's language (when staff named one) and English.
  emails: z.partialRecord(z.enum(LOCALE_TAGS), mail),
  ics: z.string(),
  mail: z.union([z.strictObject({ sent: z.literal(true) }), z.strictObject({ sent: z.literal(false), reason: z.string().optional() })]),
});
const staffError = z.strictObject({ error: z.string(), message: z.string().optional() });
const idParams = z.strictObject({ id: z.string().max(64) });

export const staffInvitationRoutes: FastifyPluginAsyncZod<StaffRoutesDeps> = async (app, { service, staffAuth, log }) => {
  // Before the body is read: a stranger's request costs no parsing.
  app.addHook('onRequest', async (request, reply) => {
    // Node keeps the first of repeated Authorization headers and joins repeated custom ones into one
    // string: each arrives as a string or not at all.
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const result = await staffAuth.authenticate(header('authorization'), header('x-doorway-admin-key'));
    if (result.ok) {
      request.staff = result.staff;
      return;
    }
    log.warn('staffRejected', { reason: result.reason });
    if (result.reason === 'missingRole') return sendError(reply, 403, 'staffRoleRequired');
    reply.header('www-authenticate', 'Bearer');
    return sendError(reply, 401, 'staffAuthRequired');
  });

  app.post(
    '/api/invitations',
    {
      config: { name: 'invitationCreate', jsonOnly: true },
      schema: { body: createRequest, response: { 201: createAnswer, '4xx': staffError, '5xx': staffError } },
    },
    async (request, reply) => {
      const outcome = await service.create(request.staff!, request.body);
      if (outcome.ok) return reply.code(201).send(outcome.invitation);
      return sendCreateFailure(reply, outcome, log);
    },
  );

  app.delete(
    '/api/invitations/:id',
    { config: { name: 'invitationRevoke' }, schema: { params: idParams, response: { 204: z.null(), '4xx': staffError } } },
    async (request, reply) => {
      if (!(await service.revoke(request.staff!, request.params.id))) return sendError(reply, 404, 'unknownInvitation');
      return reply.code(204).send(null);
    },
  );
};

function sendCreateFailure(reply: FastifyReply, outcome: Extract<CreateOutcome, { ok: false }>, log: ServerLog) {
  switch (outcome.error) {
    case 'invalidJoinUrl':
    case 'emailRequired':
      return sendError(reply, 400, outcome.error);
    case 'meetingEnded':
    case 'mailNotConfigured':
      return sendError(reply, 409, outcome.error);
    case 'graphNotConfigured':
      return sendError(reply, 503, 'graphFailed');
    case 'graph': {
      const { failure, message, retryAfterSeconds } = outcome.graph;
      if (failure === 'throttled' || failure === 'notFound') log.warn('graphFailed', { failure });
      else log.error('graphFailed', { failure });
      if (failure === 'notFound') return reply.code(404).send({ error: 'meetingNotFound', message });
      if (failure === 'throttled') {
        reply.header('retry-after', String(retryAfterSeconds ?? 30));
        return reply.code(503).send({ error: 'graphThrottled', message });
      }
      return reply.code(failure === 'timeout' ? 504 : 502).send({ error: 'graphFailed', message });
    }
  }
}
