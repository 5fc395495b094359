// Process: server. The metrics listener (METRICS_PORT): GET /metrics in Prometheus text format, on
// its own port so it is never exposed through the service's ingress. Nothing else is served here.
import Fastify, { type FastifyInstance } from 'fastify';
import type { Metrics } from './metrics';

export function buildMetricsApp(metrics: Metrics): FastifyInstance {
  // Fastify's default: no logger (the service logs through log.ts only).
  const app = Fastify();
  app.get('/metrics', async (_request, reply) =>
    reply.header('cache-control', 'no-store').type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
  return app;
}
