// What an operator's probes and scraper see, against a real redis-server on loopback and the real
// ioredis client: /healthz stays live while Redis is down and /readyz says why it is not ready, the
// Redis client logs each outage once and each return, /metrics counts the probes under their route
// names and is served as uncached Prometheus text, and waiting for Redis gives up at its timeout.
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { createJsonLog } from '../../server/log';
import { createMetrics } from '../../server/metrics';
import { buildMetricsApp } from '../../server/metrics-app';
import { createRedisClient, redisReady } from '../../server/redis-client';
import { redisTestsRun, startRedisServer, type RedisServer } from '../support/redis-server';
import { testConfig } from './harness';

let redisServer: RedisServer | undefined;
let redis: Redis | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  redis?.disconnect();
  await redisServer?.stop();
  app = redis = redisServer = undefined;
});

const events = (logs: string[], name: string) => logs.map((line) => JSON.parse(line) as { event: string }).filter((entry) => entry.event === name).length;
const probe = async (url: '/healthz' | '/readyz') => {
  const res = await app!.inject({ method: 'GET', url });
  return [res.statusCode, res.json()];
};

describe.runIf(redisTestsRun)('health probes and metrics with a real Redis', () => {
  it('stays live while Redis is down, reports not ready with the reason, logs the outage once, and is ready again when Redis is back', async () => {
    redisServer = await startRedisServer();
    const logs: string[] = [];
    const log = createJsonLog((line) => logs.push(line));
    redis = createRedisClient(redisServer.url, log);
    await redisReady(redis);
    const metrics = createMetrics();
    app = buildApp({ config: testConfig('endpoint=https://contoso.example/;accesskey=c2VjcmV0'), log, redis, metrics });

    expect(await probe('/healthz')).toEqual([200, { status: 'ok' }]);
    expect(await probe('/readyz')).toEqual([200, { status: 'ready', redis: 'ok' }]);
    expect(events(logs, 'redisConnected')).toBe(1);

    await redisServer.stop();
    await expect.poll(() => probe('/readyz'), { timeout: 10_000 }).toEqual([503, { status: 'redisUnavailable', redis: 'unavailable' }]);
    // Liveness never depends on Redis: a slow or absent Redis must not get the process restarted.
    expect(await probe('/healthz')).toEqual([200, { status: 'ok' }]);
    // The client keeps trying to reconnect; each failed attempt closes the connection again, but
    // the outage is logged once.
    let closes = 0;
    redis.on('close', () => (closes += 1));
    await expect.poll(() => closes, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    expect(events(logs, 'redisUnavailable')).toBe(1);

    await redisServer.start();
    await redisReady(redis, 10_000);
    expect(await probe('/readyz')).toEqual([200, { status: 'ready', redis: 'ok' }]);
    expect(events(logs, 'redisConnected')).toBe(2);
    // A second outage is a new one.
    await redisServer.stop();
    await expect.poll(() => events(logs, 'redisUnavailable'), { timeout: 10_000 }).toBe(2);

    const scrape = await buildMetricsApp(metrics).inject({ method: 'GET', url: '/metrics' });
    expect(scrape.statusCode).toBe(200);
    expect(scrape.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    // Scrapes go straight to the instance, never through a cache.
    expect(scrape.headers['cache-control']).toBe('no-store');
    expect(scrape.body).toContain('doorway_http_requests_total{route="healthz",method="GET",status="200"} 2');
    // Readiness was polled until it failed: at least the two answers above each way.
    expect(scrape.body).toMatch(/doorway_http_requests_total\{route="readyz",method="GET",status="200"\} ([2-9]|\d\d)\n/);
    expect(scrape.body).toMatch(/doorway_http_requests_total\{route="readyz",method="GET",status="503"\} [1-9]/);
    expect(scrape.body).toContain('doorway_http_request_duration_seconds_count{route="healthz"} 2');
  });

  it('gives up waiting for a Redis that does not answer after the time asked, and waits no longer once it is up', async () => {
    redisServer = await startRedisServer();
    await redisServer.stop();
    const logs: string[] = [];
    redis = createRedisClient(redisServer.url, createJsonLog((line) => logs.push(line)));
    await expect(redisReady(redis, 300)).rejects.toThrow('Redis did not become ready');
    expect(events(logs, 'redisConnected')).toBe(0);
    // A failed wait leaves no listener behind that would answer for it later.
    expect(redis.listenerCount('ready')).toBe(1);

    await redisServer.start();
    await redisReady(redis, 10_000);
    expect(redis.status).toBe('ready');
    await expect(redisReady(redis, 0)).resolves.toBeUndefined();
  });
});

describe('/metrics', () => {
  it('serves only GET /metrics', async () => {
    const metricsApp = buildMetricsApp(createMetrics());
    expect((await metricsApp.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(404);
    expect((await metricsApp.inject({ method: 'POST', url: '/metrics' })).statusCode).toBe(404);
  });
});
