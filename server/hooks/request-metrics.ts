// Process: server. Counts every request by route name, method and status (or "aborted"), and times
// it, when its connection is done with it. Route names only: never the URL.
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics';

export function registerRequestMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onRequest', (request, reply, done) => {
    const stopTimer = metrics.httpDuration.startTimer();
    reply.raw.once('close', () => {
      const route = request.routeOptions.config.name ?? request.knownRoute ?? 'notFound';
      stopTimer({ route });
      const status = reply.raw.writableEnded ? String(reply.raw.statusCode) : 'aborted';
      metrics.httpRequests.inc({ route, method: request.method, status });
    });
    done();
  });
}
