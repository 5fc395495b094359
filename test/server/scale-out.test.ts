// Several instances of the service on loopback, sharing one Redis (a real redis-server) and one
// fake ACS, behind a round-robin balancer: limits hold per client across instances, grants from
// one instance are honoured by another, and losing Redis mid-load degrades to local limits with
// no 5xx, until it is back.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { ServerConfig } from '../../server/config';
import { createJsonLog } from '../../server/log';
import { createMetrics, type Metrics } from '../../server/metrics';
import { createRedisClient, redisReady } from '../../server/redis-client';
import { redisTestsRun, startRedisServer, type RedisServer } from '../support/redis-server';
import { startBalancer, type Balancer } from './balancer';
import { startFakeAcs, type FakeAcs } from './fake-acs';
import { testConfig } from './harness';

const BURST = 5;
let redisServer: RedisServer;
beforeAll(async () => {
  if (redisTestsRun) redisServer = await startRedisServer();
});
afterAll(async () => {
  await (redisServer as RedisServer | undefined)?.stop();
});

interface Cluster {
  balancer: Balancer;
  acs: FakeAcs;
  instances: Array<{ app: FastifyInstance; redis: Redis; metrics: Metrics; url: string }>;
  logs: string[];
  close(): Promise<void>;
}

let cluster: Cluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

async function startCluster(size: number, overrides: Partial<ServerConfig> = {}): Promise<Cluster> {
  const acs = await startFakeAcs();
  const logs: string[] = [];
  const log = createJsonLog((line) => logs.push(line));
  const config = testConfig(acs.connectionString, { rateLimit: { burst: BURST, perMinute: 1 }, trustProxy: true, ...overrides });
  // Each test starts from an empty Redis, as a fresh deployment would.
  const admin = createRedisClient(redisServer.url, log);
  await redisReady(admin);
  await admin.flushall();
  admin.disconnect();
  const instances: Cluster['instances'] = [];
  for (let i = 0; i < size; i++) {
    const redis = createRedisClient(redisServer.url, log);
    await redisReady(redis);
    const metrics = createMetrics();
    const app = buildApp({ config, log, redis, metrics });
    await app.listen({ host: '127.0.0.1', port: 0 });
    instances.push({ app, redis, metrics, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` });
  }
  const balancer = await startBalancer(instances.map((instance) => instance.url));
  return (cluster = {
    balancer,
    acs,
    instances,
    logs,
    close: async () => {
      await balancer.close();
      for (const instance of instances) {
        await instance.app.lifecycle.drainAndClose(1_000);
        instance.redis.disconnect();
      }
      await acs.close();
    },
  });
}

/** `count` token requests at once through the balancer; the statuses, in any order (0: no answer). */
async function flood(url: string, count: number, body: object = { displayName: 'Ada' }): Promise<number[]> {
  return Promise.all(
    Array.from({ length: count }, () =>
      fetch(`${url}/api/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
        .then(async (res) => (await res.arrayBuffer(), res.status))
        .catch(() => 0),
    ),
  );
}

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }), {});

describe.runIf(redisTestsRun)('scaled out behind a balancer, sharing Redis', () => {
  it.each([2, 4])('a flood from one client across %i instances gets exactly its burst', async (size) => {
    const { balancer } = await startCluster(size);
    const statuses = await flood(balancer.url, 40);
    expect(tally(statuses)).toEqual({ 200: BURST, 429: 40 - BURST });
    // Every instance took part, so the limit held across them, not within one.
    expect(balancer.sent.every((count) => count >= 40 / size - 1)).toBe(true);
  });

  it('a refresh grant issued by one instance is honoured by another', async () => {
    const { instances, acs } = await startCluster(2);
    const post = (url: string, body: object) =>
      fetch(`${url}/api/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(
        (res) => res.json() as Promise<{ user: { communicationUserId: string }; refreshGrant: string }>,
      );
    const first = await post(instances[0].url, { displayName: 'Ada' });
    const refreshed = await post(instances[1].url, { displayName: 'Ada', refreshGrant: first.refreshGrant });
    expect(refreshed.user.communicationUserId).toBe(first.user.communicationUserId);
    expect(acs.requests.map((request) => request.url.split('?')[0])).toEqual([
      '/identities',
      `/identities/${encodeURIComponent(first.user.communicationUserId)}/:issueAccessToken`,
    ]);
  });

  it('with Redis stopped mid-load: no 5xx, limits continue locally; with Redis back: shared limits resume', async () => {
    const { balancer, instances, logs } = await startCluster(2);
    expect(tally(await flood(balancer.url, 20))).toEqual({ 200: BURST, 429: 20 - BURST });

    // Load keeps running while Redis goes away.
    const duringLoad = flood(balancer.url, 30);
    await redisServer.stop();
    const outage = [...(await duringLoad), ...(await flood(balancer.url, 30))];
    expect(outage.filter((status) => status >= 500 || status === 0)).toEqual([]);
    const allowed = outage.filter((status) => status === 200).length;
    // Each instance now limits on its own: at most its own burst each, and still refusing the rest.
    expect(allowed).toBeLessThanOrEqual(instances.length * BURST);
    expect(outage.filter((status) => status === 429).length).toBeGreaterThan(0);
    const readiness = await fetch(`${instances[0].url}/readyz`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toEqual({ status: 'redisUnavailable', redis: 'unavailable' });
    const fallbacks = await Promise.all(instances.map(async (instance) => (await instance.metrics.rateLimitLocalFallback.get()).values[0]?.value ?? 0));
    expect(fallbacks.every((count) => count > 0)).toBe(true);
    expect(logs.some((line) => line.includes('"redisUnavailable"'))).toBe(true);

    await redisServer.start();
    await Promise.all(instances.map((instance) => redisReady(instance.redis, 10_000)));
    expect((await fetch(`${instances[1].url}/readyz`)).status).toBe(200);
    // The restarted Redis is empty: one shared burst again, across both instances.
    expect(tally(await flood(balancer.url, 20))).toEqual({ 200: BURST, 429: 20 - BURST });
  });
});
