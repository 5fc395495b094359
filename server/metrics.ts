// Process: server. The service's Prometheus metrics, in a registry of its own (so several instances
// in one test process do not collide). Labels are route names, methods, status codes and failure
// kinds only: never identities, names, tokens, addresses or URLs.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'route' | 'method' | 'status'>;
  httpDuration: Histogram<'route'>;
  tokensIssued: Counter<'refreshed'>;
  rateLimited: Counter;
  /** Requests whose rate limit was decided by this instance alone because Redis was unreachable. */
  rateLimitLocalFallback: Counter;
  upstreamErrors: Counter<'upstream' | 'failure'>;
  upstreamDuration: Histogram<'upstream'>;
  redisErrors: Counter<'operation'>;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({ name: 'doorway_http_requests_total', help: 'Requests answered (status "aborted": the client left first)', labelNames: ['route', 'method', 'status'], registers }),
    httpDuration: new Histogram({ name: 'doorway_http_request_duration_seconds', help: 'Time to answer a request', labelNames: ['route'], buckets: LATENCY_BUCKETS, registers }),
    tokensIssued: new Counter({ name: 'doorway_tokens_issued_total', help: 'ACS tokens issued', labelNames: ['refreshed'], registers }),
    rateLimited: new Counter({ name: 'doorway_rate_limited_total', help: 'Requests refused by the per-client rate limit', registers }),
    rateLimitLocalFallback: new Counter({ name: 'doorway_rate_limit_local_fallback_total', help: 'Rate-limit decisions made locally because Redis was unreachable', registers }),
    upstreamErrors: new Counter({ name: 'doorway_upstream_errors_total', help: 'Failed calls to an upstream (acs, graph)', labelNames: ['upstream', 'failure'], registers }),
    upstreamDuration: new Histogram({ name: 'doorway_upstream_duration_seconds', help: 'Time an upstream call took', labelNames: ['upstream'], buckets: LATENCY_BUCKETS, registers }),
    redisErrors: new Counter({ name: 'doorway_redis_errors_total', help: 'Redis commands that failed (the service fell back to local state)', labelNames: ['operation'], registers }),
  };
}
