// Process: server. Builds the Doorway service as a Fastify instance, without listening: index.ts
// listens, tests call inject() or listen on port 0. Everything that talks to the outside (ACS,
// stores, the clock, the log) comes in through `AppDeps`, so tests inject loopback stand-ins.
// Layout: cross-cutting rules in hooks/ (registered once, in the order they must run), one route
// per file in routes/.
import type { TokenScope } from '@azure/communication-identity';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { createAcsIssuer, type AcsIssuer } from './acs-issuer';
import type { RateLimitConfig, ServerConfig } from './config';
import { parseConnectionString } from './connection-string';
import { registerAppKey } from './hooks/app-key';
import { createClientErrorHandler } from './hooks/client-error';
import { registerErrorHandler } from './hooks/error-handler';
import { registerJsonOnly } from './hooks/json-only';
import { registerNotFound } from './hooks/not-found';
import { registerRateLimit } from './hooks/rate-limit';
import { registerRequestLog } from './hooks/request-log';
import { registerRequestMetrics } from './hooks/request-metrics';
import { registerSecurityHeaders } from './hooks/security-headers';
import { registerLifecycle } from './lifecycle';
import { createJsonLog, type ServerLog } from './log';
import { meteredIssuer } from './metered-upstreams';
import { createMetrics, type Metrics } from './metrics';
import { createRefreshGrants } from './refresh-grant';
import type { InvitationAppDeps } from './invitation-wiring';
import { healthzRoute } from './routes/healthz';
import { guestInvitationRoutes } from './routes/invitations-guest';
import { staffInvitationRoutes } from './routes/invitations-staff';
import { joinPageRoutes } from './routes/join-page';
import { readyzRoute } from './routes/readyz';
import { tokenRoute } from './routes/token';
import { createMemoryRateLimitStore, type RateLimitStore } from './stores/rate-limit-store';
import { createRedisRateLimitStore } from './stores/rate-limit-store-redis';

export interface AppDeps {
  config: ServerConfig;
  log?: ServerLog;
  now?: () => number;
  /** Replaces the ACS client (tests of failures ACS will not produce on demand). */
  issuer?: AcsIssuer;
  /** The invitation feature (staff API, guest API, landing page); absent when not configured. */
  invitations?: InvitationAppDeps;
  /** Shared state: with it, the stores keep their state in Redis (and fall back to memory while it is down). */
  redis?: Redis;
  /** Where the counters go; /metrics (metrics-app.ts) serves the same registry. */
  metrics?: Metrics;
}

export function buildApp(deps: AppDeps): FastifyInstance {
  const { config, log = createJsonLog(), now = Date.now } = deps;
  const connection = parseConnectionString(config.connectionString);
  if (!connection) throw new Error('ACS connection string is malformed');
  const scopes: TokenScope[] = config.chatJoin ? ['voip.join', 'chat.join'] : ['voip.join'];
  const metrics = deps.metrics ?? createMetrics();
  const acs =
    deps.issuer ??
    createAcsIssuer({ connectionString: config.connectionString, scopes, expiresInMinutes: config.tokenExpiryMinutes, timeoutMs: config.acsTimeoutMs });
  const issuer = meteredIssuer(acs, metrics);
  const rateLimitStore = config.rateLimit ? rateLimitStoreFor(config.rateLimit, deps.redis, metrics, now) : undefined;

  const app = Fastify({
    logger: false,
    bodyLimit: config.maxBodyBytes,
    http: {
      maxHeaderSize: 8192,
      headersTimeout: config.headersTimeoutMs,
      // Node enforces both timeouts only when it checks its connections (every 30 s by default),
      // so a slow client could hold a connection for 30 s whatever the timeout: check often.
      connectionsCheckingInterval: Math.min(1_000, config.headersTimeoutMs / 2),
    },
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: 5_000,
    // Requests on open connections while draining are still answered (with Connection: close).
    return503OnClosing: false,
    clientErrorHandler: createClientErrorHandler(log),
  });
  // Beyond the cap Node closes new connections at once: a flood of idle sockets cannot exhaust memory.
  app.server.maxConnections = config.maxConnections;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerLifecycle(app);
  registerRequestLog(app, log);
  registerRequestMetrics(app, metrics);
  registerSecurityHeaders(app);
  registerErrorHandler(app, log);
  registerNotFound(app);
  // The request rules, in the order they run: rate limit, app key, content type.
  registerRateLimit(app, rateLimitStore, config.trustProxy, log, metrics);
  registerAppKey(app, config.appKey, log);
  registerJsonOnly(app);

  void app.register(healthzRoute, { draining: () => app.lifecycle.draining });
  const { redis } = deps;
  void app.register(readyzRoute, { draining: () => app.lifecycle.draining, ...(redis ? { redisUp: () => redis.status === 'ready' } : {}) });
  void app.register(tokenRoute, { issuer, grants: createRefreshGrants(connection.accessKey, config.grantChainMaxMinutes * 60_000), scopes, ...(config.chatJoin && { chatEndpoint: connection.endpoint.origin }), log, now });
  if (deps.invitations) {
    const { service, staffAuth, codeLimiter } = deps.invitations;
    void app.register(staffInvitationRoutes, { service, staffAuth, log });
    void app.register(guestInvitationRoutes, { service, codeLimiter, trustProxy: config.trustProxy, log });
    void app.register(joinPageRoutes, { ...deps.invitations, trustProxy: config.trustProxy });
  }
  return app;
}

function rateLimitStoreFor(config: RateLimitConfig, redis: Redis | undefined, metrics: Metrics, now: () => number): RateLimitStore {
  const local = createMemoryRateLimitStore(config, now);
  return redis ? createRedisRateLimitStore(redis, config, { bucket: 'token', local, metrics, now }) : local;
}
