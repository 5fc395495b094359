// The service's configuration, from environment variables (see README.md, "Configuration").
import { z } from 'zod';
import { isLoopbackHttp, parseConnectionString } from './connection-string';

export interface RateLimitConfig {
  /** Requests a client may make at once. */
  burst: number;
  /** Steady rate the bucket refills at. */
  perMinute: number;
}

export interface ServerConfig {
  connectionString: string;
  host: string;
  port: number;
  /** ACS accepts 60–1440. */
  tokenExpiryMinutes: number;
  /** Add the chat.join scope (meeting chat for guests). */
  chatJoin: boolean;
  /** When set, requests must carry it in X-Doorway-App-Key. */
  appKey?: string;
  /** null: no limit (only behind a proxy that limits). */
  rateLimit: RateLimitConfig | null;
  /** Take the client address from the last X-Forwarded-For entry (set only behind a proxy that appends it). */
  trustProxy: boolean;
  maxBodyBytes: number;
  /** Per token request to ACS, the SDK's retries included. */
  acsTimeoutMs: number;
  /** Time a client has to send its headers, and its whole request; then 408 and the connection closes. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Open connections beyond this are refused (closed at once). */
  maxConnections: number;
  /** A refresh-grant chain (one identity, refreshed again and again) ends this long after its first token. */
  grantChainMaxMinutes: number;
  /** Shared state (rate limits) for several instances; unset: each instance keeps its own in memory. */
  redisUrl?: string;
  /** Serve Prometheus /metrics on this port (a separate listener, not exposed with the service). */
  metricsPort?: number;
  /** On SIGTERM, keep serving (readiness failing) this long so the load balancer stops sending, then drain. */
  shutdownDelayMs: number;
}

const flag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');
const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const envSchema = z.object({
  ACS_CONNECTION_STRING: z
    .string({ error: 'is not set: use the connection string of your Communication Services resource (Azure portal, Keys)' })
    .refine((value) => parseConnectionString(value) !== undefined, 'must look like endpoint=https://...;accesskey=<base64>')
    .refine((value) => {
      const endpoint = parseConnectionString(value)?.endpoint;
      return !endpoint || endpoint.protocol === 'https:' || isLoopbackHttp(endpoint);
    }, 'the endpoint must be https'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer(0, 65_535).default(8080),
  TOKEN_EXPIRY_MINUTES: integer(60, 1440).default(60),
  CHAT_JOIN: flag.default(false),
  APP_KEY: z.string().min(16, 'use at least 16 characters').optional(),
  RATE_LIMIT_BURST: integer(1, 10_000).default(5),
  RATE_LIMIT_PER_MINUTE: integer(0, 1_000_000).default(10),
  TRUST_PROXY: flag.default(false),
  MAX_BODY_BYTES: integer(256, 65_536).default(4096),
  ACS_TIMEOUT_MS: integer(1000, 60_000).default(10_000),
  HEADERS_TIMEOUT_MS: integer(1000, 60_000).default(10_000),
  REQUEST_TIMEOUT_MS: integer(1000, 120_000).default(15_000),
  MAX_CONNECTIONS: integer(1, 100_000).default(1000),
  GRANT_CHAIN_MAX_HOURS: integer(1, 72).default(24),
  REDIS_URL: z
    .string()
    .refine((value) => /^rediss?:\/\/[^\s]+$/.test(value), 'must be redis://[user:password@]host:port[/db] or rediss://...')
    .optional(),
  METRICS_PORT: integer(1, 65_535).optional(),
  SHUTDOWN_DELAY_MS: integer(0, 60_000).default(0),
});

/** Reads the configuration; problems name the variable, never its value (a connection string is a secret). */
export function configFromEnv(env: Readonly<Record<string, string | undefined>>): { ok: true; config: ServerConfig } | { ok: false; problems: string[] } {
  // Empty variables count as unset, as most platforms cannot delete one.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  }
  const e = parsed.data;
  const config: ServerConfig = {
    connectionString: e.ACS_CONNECTION_STRING,
    host: e.HOST,
    port: e.PORT,
    tokenExpiryMinutes: e.TOKEN_EXPIRY_MINUTES,
    chatJoin: e.CHAT_JOIN,
    rateLimit: e.RATE_LIMIT_PER_MINUTE === 0 ? null : { burst: e.RATE_LIMIT_BURST, perMinute: e.RATE_LIMIT_PER_MINUTE },
    trustProxy: e.TRUST_PROXY,
    maxBodyBytes: e.MAX_BODY_BYTES,
    acsTimeoutMs: e.ACS_TIMEOUT_MS,
    headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: Math.max(e.REQUEST_TIMEOUT_MS, e.HEADERS_TIMEOUT_MS),
    maxConnections: e.MAX_CONNECTIONS,
    grantChainMaxMinutes: e.GRANT_CHAIN_MAX_HOURS * 60,
    shutdownDelayMs: e.SHUTDOWN_DELAY_MS,
  };
  if (e.REDIS_URL) config.redisUrl = e.REDIS_URL;
  if (e.METRICS_PORT !== undefined) config.metricsPort = e.METRICS_PORT;
  if (e.APP_KEY) config.appKey = e.APP_KEY;
  return { ok: true, config };
}
