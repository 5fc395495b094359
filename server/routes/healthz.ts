// Process: server. GET/HEAD /healthz: liveness. 200 while the process serves, 503 once it is
// draining. It never calls ACS or Redis: a slow dependency must not get a live process restarted.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const healthAnswer = z.strictObject({ status: z.enum(['ok', 'shuttingDown']) });

export const healthzRoute: FastifyPluginAsyncZod<{ draining: () => boolean }> = async (app, { draining }) => {
  app.get('/healthz', { config: { name: 'healthz' }, schema: { response: { 200: healthAnswer, 503: healthAnswer } } }, async (_request, reply) =>
    draining() ? reply.code(503).send({ status: 'shuttingDown' }) : reply.code(200).send({ status: 'ok' }),
  );
};
