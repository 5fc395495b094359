// Process: server. The per-client rate limit for routes marked `rateLimited`, run first among the
// request rules so that it also bounds guessing at the app key. Clients are keyed by address (or
// IPv6 /64); X-Forwarded-For counts only when the service is told to trust its proxy.
import type { FastifyInstance } from 'fastify';
import { clientKey } from '../client-key';
import { sendError } from '../errors';
import type { ServerLog } from '../log';
import type { Metrics } from '../metrics';
import type { RateLimitStore } from '../stores/rate-limit-store';

export function registerRateLimit(app: FastifyInstance, limiter: RateLimitStore | undefined, trustProxy: boolean, log: ServerLog, metrics: Metrics): void {
  if (!limiter) return;
  app.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.config.rateLimited) return;
    const forwarded = request.headers['x-forwarded-for'];
    // Node joins repeated X-Forwarded-For headers into one string (entries separated by commas).
    const key = clientKey(request.raw.socket.remoteAddress, typeof forwarded === 'string' ? forwarded : undefined, trustProxy);
    const decision = await limiter.take(key);
    if (decision.allowed) return;
    log.warn('rateLimited');
    metrics.rateLimited.inc();
    reply.header('retry-after', String(decision.retryAfterSeconds));
    return sendError(reply, 429, 'rateLimited', true);
  });
}
