// Process: server. The per-client rate limit: token buckets where each client may make `burst`
// requests at once and `perMinute` on average. This file holds the interface and the in-memory
// store (one instance's own limits); rate-limit-store-redis.ts shares them across instances.
// Memory is bounded: past `maxClients`, the least recently seen client is forgotten (it starts again
// with a full bucket, which is the cost of the bound).
import type { RateLimitConfig } from '../config';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimitStore {
  take(clientKey: string): Promise<RateDecision>;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Seconds until a bucket holding `tokens` (< 1) has one whole token again. */
export function retryAfterSeconds(tokens: number, config: RateLimitConfig): number {
  const perMs = config.perMinute / 60_000;
  return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
}

export function createMemoryRateLimitStore(config: RateLimitConfig, now: () => number = Date.now, maxClients = 100_000): RateLimitStore {
  const perMs = config.perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  function takeNow(clientKey: string): RateDecision {
    const nowMs = now();
    const bucket = buckets.get(clientKey) ?? { tokens: config.burst, updatedMs: nowMs };
    bucket.tokens = Math.min(config.burst, bucket.tokens + Math.max(0, nowMs - bucket.updatedMs) * perMs);
    bucket.updatedMs = nowMs;
    // Re-inserting keeps the map in least-recently-seen order for eviction.
    buckets.delete(clientKey);
    buckets.set(clientKey, bucket);
    if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: retryAfterSeconds(bucket.tokens, config) };
  }

  return { take: (clientKey) => Promise.resolve(takeNow(clientKey)) };
}
