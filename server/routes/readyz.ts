// Process: server. GET/HEAD /readyz: readiness. 200 when this instance should get traffic: not
// draining, and Redis reachable when REDIS_URL is set (the configuration was checked at start-up,
// or the process would have exited). 503 with the reason otherwise. Never calls ACS.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const readyAnswer = z.strictObject({
  status: z.enum(['ready', 'draining', 'redisUnavailable']),
  redis: z.enum(['ok', 'unavailable', 'notConfigured']),
});

export interface ReadyzDeps {
  draining: () => boolean;
  /** undefined: no Redis configured. */
  redisUp?: () => boolean;
}

export const readyzRoute: FastifyPluginAsyncZod<ReadyzDeps> = async (app, { draining, redisUp }) => {
  app.get('/readyz', { config: { name: 'readyz' }, schema: { response: { 200: readyAnswer, 503: readyAnswer } } }, async (_request, reply) => {
    const redis = redisUp === undefined ? 'notConfigured' : redisUp() ? 'ok' : 'unavailable';
    if (draining()) return reply.code(503).send({ status: 'draining', redis });
    if (redis === 'unavailable') return reply.code(503).send({ status: 'redisUnavailable', redis });
    return reply.code(200).send({ status: 'ready', redis });
  });
};
