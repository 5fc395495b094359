// One contract for every rate-limit store, run against the memory store and against the Redis store
// on a real redis-server; then what only the Redis store does: the limit is shared by every
// instance, keys are named and expire, and an unreachable Redis falls back to local limits
// (counted) until it answers again.
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../../server/metrics';
import { createRedisClient, redisReady } from '../../../server/redis-client';
import { createMemoryRateLimitStore, type RateLimitStore } from '../../../server/stores/rate-limit-store';
import { createRedisRateLimitStore, rateLimitKey } from '../../../server/stores/rate-limit-store-redis';
import { redisTestsRun, startRedisServer, type RedisServer } from '../../support/redis-server';

const silent = { info() {}, warn() {}, error() {} };
let server: RedisServer;
const clients: Redis[] = [];

beforeAll(async () => {
  if (redisTestsRun) server = await startRedisServer();
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await (server as RedisServer | undefined)?.stop();
});

async function redisClient(): Promise<Redis> {
  const client = createRedisClient(server.url, silent);
  clients.push(client);
  await redisReady(client);
  return client;
}

let keyspace = 0;
type StoreFactory = (config: { burst: number; perMinute: number }, now: () => number) => Promise<RateLimitStore>;

const stores: Array<[string, StoreFactory]> = [
  ['memory', async (config, now) => createMemoryRateLimitStore(config, now)],
  ...(redisTestsRun
    ? [['redis', async (config, now) => createRedisRateLimitStore(await redisClient(), config, { bucket: 'test', local: createMemoryRateLimitStore(config, now), metrics: createMetrics(), now })] as [string, StoreFactory]]
    : []),
];

describe.each(stores)('rate-limit store contract: %s', (_name, create) => {
  // Each test uses client keys no other test uses (the Redis keyspace is shared by the suite).
  const client = (name: string) => `${name}-${++keyspace}`;

  it('allows the burst, then one request per refill interval, with Retry-After', async () => {
    let now = 1_000_000;
    const store = await create({ burst: 2, perMinute: 30 }, () => now);
    const a = client('a');
    expect([await store.take(a), await store.take(a), await store.take(a)]).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: false, retryAfterSeconds: 2 },
    ]);
    expect(await store.take(client('b'))).toEqual({ allowed: true });
    now += 2_000;
    expect(await store.take(a)).toEqual({ allowed: true });
    expect((await store.take(a)).allowed).toBe(false);
  });

  it('never refills past the burst, and a clock that goes back refills nothing', async () => {
    let now = 5_000_000;
    const store = await create({ burst: 2, perMinute: 60 }, () => now);
    const c = client('c');
    now += 60 * 60_000; // an hour idle
    expect((await Promise.all([1, 2, 3].map(() => store.take(c)))).filter((d) => d.allowed)).toHaveLength(2);
    now -= 30_000;
    expect((await store.take(c)).allowed).toBe(false);
  });

  it('grants exactly the burst to concurrent requests', async () => {
    const store = await create({ burst: 5, perMinute: 1 }, Date.now);
    const d = client('d');
    const decisions = await Promise.all(Array.from({ length: 40 }, () => store.take(d)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
  });
});

describe.runIf(redisTestsRun)('rate-limit store in Redis', () => {
  const config = { burst: 3, perMinute: 1 };

  it('is shared: two instances with their own connections give one client one burst', async () => {
    const [one, two] = [await redisClient(), await redisClient()].map((redis) =>
      createRedisRateLimitStore(redis, config, { bucket: 'test', local: createMemoryRateLimitStore(config), metrics: createMetrics() }),
    );
    const key = `shared-${++keyspace}`;
    const decisions = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? one : two).take(key)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(3);
  });

  it('names its keys doorway:ratelimit:<limit>:<digest>, never the address, and gives them a TTL', async () => {
    const redis = await redisClient();
    const store = createRedisRateLimitStore(redis, config, { bucket: 'test', local: createMemoryRateLimitStore(config), metrics: createMetrics() });
    await store.take('203.0.113.9');
    const key = rateLimitKey('test', '203.0.113.9');
    expect(key).toMatch(/^doorway:ratelimit:test:[A-Za-z0-9_-]{22}$/);
    expect(await redis.keys('*203.0.113.9*')).toEqual([]);
    const ttl = await redis.pttl(key);
    // A full bucket's refill time, plus a second: an emptied bucket never expires into a full one early.
    expect(ttl).toBeGreaterThan(3 * 60_000);
    expect(ttl).toBeLessThanOrEqual(3 * 60_000 + 1_000);
  });

  it('falls back to local limits while Redis is down (counted), and shares again once it is back', async () => {
    const redis = await redisClient();
    const metrics = createMetrics();
    const store = createRedisRateLimitStore(redis, config, { bucket: 'test', local: createMemoryRateLimitStore(config), metrics });
    const key = `outage-${++keyspace}`;
    await server.stop();
    try {
      const during = await Promise.all(Array.from({ length: 6 }, () => store.take(key)));
      // Still limited: the local bucket gives its burst, then refuses.
      expect(during.map((decision) => decision.allowed)).toEqual([true, true, true, false, false, false]);
      expect((await metrics.rateLimitLocalFallback.get()).values[0].value).toBe(6);
      expect((await metrics.redisErrors.get()).values).toEqual([expect.objectContaining({ labels: { operation: 'rateLimit' }, value: 6 })]);
    } finally {
      await server.start();
    }
    await redisReady(redis, 10_000);
    // The restarted Redis is empty: the shared bucket is full again, and it is the one used.
    const after = await Promise.all(Array.from({ length: 5 }, () => store.take(key)));
    expect(after.filter((decision) => decision.allowed)).toHaveLength(3);
    expect((await metrics.rateLimitLocalFallback.get()).values[0].value).toBe(6);
    expect(await redis.exists(rateLimitKey('test', key))).toBe(1);
  });
});
