// Process: server. Entry point (npm run token-server): configuration from the environment, JSON
// logs on stdout, Redis when REDIS_URL is set, /metrics on METRICS_PORT, and a graceful drain on
// SIGTERM/SIGINT (what App Service and container platforms send before stopping): readiness fails,
// SHUTDOWN_DELAY_MS passes, requests in flight finish, then the process exits.
import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import { configFromEnv } from './config';
import { invitationConfigFromEnv } from './invitation-config';
import { createInvitationDeps } from './invitation-wiring';
import { createJsonLog } from './log';
import { buildMetricsApp } from './metrics-app';
import { createMetrics } from './metrics';
import { createRedisClient } from './redis-client';
import { createMemoryRateLimitStore } from './stores/rate-limit-store';
import { createRedisInvitationStore } from './stores/invitation-store-redis';
import { createRedisRateLimitStore } from './stores/rate-limit-store-redis';

const log = createJsonLog();
const parsed = configFromEnv(process.env);
if (!parsed.ok) {
  log.error('invalidConfiguration', { problems: parsed.problems.join('; ') });
  process.exit(1);
}
const { config } = parsed;

const invitations = invitationConfigFromEnv(process.env);
if (!invitations.ok) {
  log.error('invalidConfiguration', { problems: invitations.problems.join('; ') });
  process.exit(1);
}

const metrics = createMetrics({ processMetrics: true });
// Start-up does not wait for Redis: until it answers, limits are local and readiness fails.
const redis = config.redisUrl ? createRedisClient(config.redisUrl, log) : undefined;
// One-time-code guesses are limited per client across all instances too.
const codeLimit = { burst: 5, perMinute: 6 };
const codeLimiter = redis
  ? createRedisRateLimitStore(redis, codeLimit, { bucket: 'code', local: createMemoryRateLimitStore(codeLimit), metrics })
  : undefined;
const app = buildApp({
  config,
  log,
  metrics,
  ...(redis ? { redis } : {}),
  ...(invitations.config
    ? { invitations: createInvitationDeps(invitations.config, { log, metrics, ...(redis ? { codeLimiter, store: createRedisInvitationStore(redis) } : {}) }) }
    : {}),
});
const metricsApp = config.metricsPort === undefined ? undefined : buildMetricsApp(metrics);
try {
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address() as AddressInfo;
  log.info('listening', { host: address.address, port: address.port });
  if (metricsApp) {
    await metricsApp.listen({ host: config.host, port: config.metricsPort! });
    log.info('metricsListening', { port: (metricsApp.server.address() as AddressInfo).port });
  }
} catch (error) {
  log.error('listenFailed', { code: (error as { code?: string }).code });
  process.exit(1);
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info('shuttingDown', { signal });
    void app.lifecycle.drainAndClose(10_000, config.shutdownDelayMs).then(async () => {
      await metricsApp?.close();
      await redis?.quit().catch(() => undefined);
      log.info('stopped');
      process.exit(0);
    });
  });
}
