// Process: server. One `request` log line per request when its connection is done with it: route
// name (never the URL), method, status (or `aborted` when the client left before the answer) and
// duration. Never the client address or any header.
import type { FastifyInstance } from 'fastify';
import type { ServerLog } from '../log';

export function registerRequestLog(app: FastifyInstance, log: ServerLog): void {
  app.addHook('onRequest', (request, reply, done) => {
    const started = performance.now();
    reply.raw.once('close', () => {
      const route = request.routeOptions.config.name ?? request.knownRoute ?? 'notFound';
      const durationMs = Math.round(performance.now() - started);
      // Closed before the answer was sent: the client went away, and never saw the status code.
      if (!reply.raw.writableEnded) return log.info('request', { route, method: request.method, aborted: true, durationMs });
      log.info('request', { route, method: request.method, status: reply.raw.statusCode, durationMs });
    });
    done();
  });
}
