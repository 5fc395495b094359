// Process: server. The rate limit shared by every instance through Redis: one hash per limit and
// client, `doorway:ratelimit:<limit>:<digest of the client key>` (no addresses stored in clear), updated by one Lua
// script so that concurrent requests on different instances cannot both take the last token. The
// key expires once the bucket would be full again. While Redis is unreachable each decision falls
// back to this instance's own memory store (counted, never dropped); once Redis answers again the
// shared limits resume.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RateLimitConfig } from '../config';
import type { Metrics } from '../metrics';
import { retryAfterSeconds, type RateLimitStore } from './rate-limit-store';

// KEYS[1]: the bucket. ARGV: burst, tokens per ms, now (ms), ttl (ms). Returns {allowed, tokens left}.
// Elapsed time never goes negative, so an instance whose clock lags cannot refill anyone's bucket.
const TAKE_SCRIPT = `
local burst = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(bucket[1]) or burst
local updated = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - updated) * perMs)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(math.max(now, updated)))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {allowed, tostring(tokens)}
`;

type TakeCommand = (key: string, burst: number, perMs: number, nowMs: number, ttlMs: number) => Promise<[number, string]>;

/** `bucket` names the limit (`token`, `code`), so one client's limits do not share a bucket. */
export function rateLimitKey(bucket: string, clientKey: string): string {
  return `doorway:ratelimit:${bucket}:${createHash('sha256').update(clientKey).digest('base64url').slice(0, 22)}`;
}

export function createRedisRateLimitStore(
  redis: Redis,
  config: RateLimitConfig,
  deps: { bucket: string; local: RateLimitStore; metrics: Metrics; now?: () => number },
): RateLimitStore {
  const { bucket, local, metrics, now = Date.now } = deps;
  const perMs = config.perMinute / 60_000;
  const ttlMs = Math.ceil(config.burst / perMs) + 1_000;
  if (!('doorwayTake' in redis)) redis.defineCommand('doorwayTake', { numberOfKeys: 1, lua: TAKE_SCRIPT });
  const take = (redis as unknown as { doorwayTake: TakeCommand }).doorwayTake.bind(redis);

  return {
    async take(clientKey) {
      try {
        const [allowed, tokens] = await take(rateLimitKey(bucket, clientKey), config.burst, perMs, now(), ttlMs);
        return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterSeconds: retryAfterSeconds(Number(tokens), config) };
      } catch {
        metrics.redisErrors.inc({ operation: 'rateLimit' });
        metrics.rateLimitLocalFallback.inc();
        return local.take(clientKey);
      }
    },
  };
}
