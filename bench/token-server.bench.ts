// Load test of the Doorway service on loopback: npx tsx bench/token-server.bench.ts
// (BENCH_SECONDS per phase, default 10). Each service instance is the real entry point
// (server/index.ts) in its own process, with its real ACS client against the fake ACS (which checks
// every request's HMAC signature, so each token costs two HTTP round trips); the load comes from a
// separate process (bench/token-load-client.ts), round-robin over the instances. Phases:
//   1. one instance, limits in memory;  2. two instances sharing a real redis-server;
//   3. a flood from one client across the two (the shared limit: exactly one burst);
//   4. what Redis adds per request: the rate-limit check alone, Redis store vs memory store.
// Prints figures only.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createMetrics } from '../server/metrics';
import { createRedisClient, redisReady } from '../server/redis-client';
import { createMemoryRateLimitStore } from '../server/stores/rate-limit-store';
import { createRedisRateLimitStore } from '../server/stores/rate-limit-store-redis';
import { startFakeAcs } from '../test/server/fake-acs';
import { startRedisServer } from '../test/support/redis-server';

const ROOT = path.resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 16;
const RATE_LIMIT = { burst: 5, perMinute: 10 };
const silent = { info() {}, warn() {}, error() {} };
// Not bench/support.ts's: that one loads the Electron test harness, which this bench does not need.
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

const acs = await startFakeAcs();
const redisServer = await startRedisServer();
const children: ChildProcess[] = [];

/** The real entry point in a child process; resolves with its URL once it logs `listening`. */
function startInstance(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      ACS_CONNECTION_STRING: acs.connectionString,
      HOST: '127.0.0.1',
      PORT: '0',
      TRUST_PROXY: '1',
      RATE_LIMIT_BURST: String(RATE_LIMIT.burst),
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT.perMinute),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let buffered = '';
    let url: string | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const entry = JSON.parse(line) as { event: string; port?: number };
        if (entry.event === 'listening') url = `http://127.0.0.1:${entry.port}`;
        // With Redis, wait until it is connected (until then limits are local).
        if (url && (entry.event === 'redisConnected' || !env.REDIS_URL)) resolve(url);
      }
    });
    child.once('exit', (code) => reject(new Error(`instance exited (${code})`)));
  });
}

interface LoadResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
}

function runLoad(urls: string[], env: Record<string, string> = {}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/token-load-client.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOAD_URLS: urls.join(','), LOAD_SECONDS: String(SECONDS), LOAD_CLIENTS: String(CLIENTS), ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as LoadResult) : reject(new Error(`load client exited (${code})`))));
  });
}

const describeLoad = (r: LoadResult) =>
  `${r.requests} requests in ${r.seconds.toFixed(1)} s: ${(r.requests / r.seconds).toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ` +
  `non-200 ${r.requests - (r.statuses['200'] ?? 0)}`;

try {
  const single = await startInstance({});
  console.log(`one instance (memory limits), ${CLIENTS} clients: ${describeLoad(await runLoad([single]))}`);
  children.pop()!.kill('SIGTERM');

  const pair = [await startInstance({ REDIS_URL: redisServer.url }), await startInstance({ REDIS_URL: redisServer.url })];
  console.log(`two instances sharing Redis, ${CLIENTS} clients: ${describeLoad(await runLoad(pair))}`);

  const flood = await runLoad(pair, { LOAD_MODE: 'flood', LOAD_REQUESTS: '500' });
  console.log(
    `flood: 500 requests from one client across two instances (burst ${RATE_LIMIT.burst}, ${RATE_LIMIT.perMinute}/min): ` +
      Object.entries(flood.statuses)
        .map(([status, count]) => `${status} × ${count}`)
        .join(', '),
  );

  // What Redis adds: the rate-limit decision alone, sequentially, Redis store vs memory store.
  const redis = createRedisClient(redisServer.url, silent);
  await redisReady(redis);
  const memory = createMemoryRateLimitStore({ burst: 1_000_000, perMinute: 1_000_000 });
  const shared = createRedisRateLimitStore(redis, { burst: 1_000_000, perMinute: 1_000_000 }, { bucket: 'bench', local: memory, metrics: createMetrics() });
  const time = async (take: (key: string) => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < 5_000; i++) {
      const t0 = performance.now();
      await take(`10.0.${(i >> 8) & 255}.${i & 255}`);
      samples.push(performance.now() - t0);
    }
    return samples.sort((a, b) => a - b);
  };
  const viaMemory = await time((key) => memory.take(key));
  const viaRedis = await time((key) => shared.take(key));
  console.log(
    `rate-limit check per request (5000 sequential): Redis p50 ${percentile(viaRedis, 50).toFixed(3)} ms, p99 ${percentile(viaRedis, 99).toFixed(3)} ms; ` +
      `memory p50 ${percentile(viaMemory, 50).toFixed(3)} ms, p99 ${percentile(viaMemory, 99).toFixed(3)} ms ` +
      `(Redis adds p99 ${(percentile(viaRedis, 99) - percentile(viaMemory, 99)).toFixed(3)} ms; target < 2 ms)`,
  );
  redis.disconnect();
} finally {
  for (const child of children) child.kill('SIGTERM');
  await redisServer.stop();
  await acs.close();
}
