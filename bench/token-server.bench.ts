// Load test of the reference token service on loopback: npx tsx bench/token-server.bench.ts
// (BENCH_SECONDS, default 10). The service runs with its real ACS client against the fake ACS
// (which checks every request's HMAC signature), so each token costs two HTTP round trips.
// Phase 1: concurrent clients, each request from a new address (X-Forwarded-For, trusted here),
// so the rate limiter runs but never refuses. Phase 2: a flood from one address. Prints figures only.
import { startFakeAcs } from '../test/server/fake-acs';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../server/app';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 16;
const MAX_REQUESTS = 200_000;
const FLOOD_REQUESTS = 500;
const RATE_LIMIT = { burst: 5, perMinute: 10 };

const acs = await startFakeAcs();
const app = buildApp({
  config: {
    connectionString: acs.connectionString,
    host: '127.0.0.1',
    port: 0,
    tokenExpiryMinutes: 60,
    chatJoin: false,
    rateLimit: RATE_LIMIT,
    trustProxy: true,
    maxBodyBytes: 4096,
    acsTimeoutMs: 10_000,
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 15_000,
    maxConnections: 1000,
    grantChainMaxMinutes: 24 * 60,
    shutdownDelayMs: 0,
  },
  log: { info() {}, warn() {}, error() {} },
});
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as AddressInfo;
const url = `http://127.0.0.1:${port}/api/token`;
const body = JSON.stringify({ displayName: 'Bench Guest' });

async function post(address: string): Promise<number> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body });
  await res.arrayBuffer();
  return res.status;
}

// Phase 1
const latencies: number[] = [];
let sent = 0;
let failed = 0;
const deadline = performance.now() + SECONDS * 1000;
const started = performance.now();
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < deadline && sent < MAX_REQUESTS) {
      const n = sent++;
      const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
      const t0 = performance.now();
      const status = await post(address).catch(() => 0);
      latencies.push(performance.now() - t0);
      if (status !== 200) failed++;
    }
  }),
);
const elapsedS = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const percentile = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!.toFixed(1);
console.log(
  `load: ${elapsedS.toFixed(1)} s, ${CLIENTS} concurrent clients, ${latencies.length} requests, ` +
    `${(latencies.length / elapsedS).toFixed(0)} req/s, p50 ${percentile(0.5)} ms, p99 ${percentile(0.99)} ms, non-200 ${failed}`,
);

// Phase 2
const statuses = new Map<number, number>();
let flooded = 0;
const floodStarted = performance.now();
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (flooded < FLOOD_REQUESTS) {
      flooded++;
      const status = await post('198.51.100.1').catch(() => 0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }),
);
console.log(
  `flood: ${FLOOD_REQUESTS} requests from one client in ${((performance.now() - floodStarted) / 1000).toFixed(1)} s ` +
    `(limit: burst ${RATE_LIMIT.burst}, ${RATE_LIMIT.perMinute}/min): 200 × ${statuses.get(200) ?? 0}, 429 × ${statuses.get(429) ?? 0}` +
    `, other × ${FLOOD_REQUESTS - (statuses.get(200) ?? 0) - (statuses.get(429) ?? 0)}`,
);

await app.lifecycle.drainAndClose(1_000);
await acs.close();
