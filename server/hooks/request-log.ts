// Process: server. One `request` log line per request when its connection is done with it: route
// name (never the URL), method, status and duration. Never the client address or any header.
import type { FastifyInstance } from 'fastify';
import type { ServerLog } from '../log';

export function registerRequestLog(app: FastifyInstance, log: ServerLog): void {
  app.addHook('onRequest', (request, reply, done) => {
    const started = performance.now();
    reply.raw.once('close', () => {
      log.info('request', {
        route: request.routeOptions.config.name ?? request.knownRoute ?? 'notFound',
        method: request.method,
        status: reply.raw.statusCode,
        durationMs: Math.round(performance.now() - started),
      });
    });
    done();
  });
}
