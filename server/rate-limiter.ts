// Process: server. Per-client token buckets: each client may make `burst` requests at once and
// `perMinute` on average. Memory is bounded: past `maxClients`, the least recently seen client is
// forgotten (it starts again with a full bucket, which is the cost of the bound). `take()` is
// async so that a shared (Redis) implementation can stand in for this one.
import type { RateLimitConfig } from './config';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(clientKey: string): Promise<RateDecision>;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export function createRateLimiter(config: RateLimitConfig, now: () => number = Date.now, maxClients = 100_000): RateLimiter {
  const perMs = config.perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  function takeNow(clientKey: string): RateDecision {
    const nowMs = now();
    const bucket = buckets.get(clientKey) ?? { tokens: config.burst, updatedMs: nowMs };
    bucket.tokens = Math.min(config.burst, bucket.tokens + (nowMs - bucket.updatedMs) * perMs);
    bucket.updatedMs = nowMs;
    // Re-inserting keeps the map in least-recently-seen order for eviction.
    buckets.delete(clientKey);
    buckets.set(clientKey, bucket);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }

  return { take: (clientKey) => Promise.resolve(takeNow(clientKey)) };
}
