// The load generator for bench/token-server.bench.ts, run as its own process so that the load does
// not share an event loop with the service or the fake ACS. Reads LOAD_URLS (comma-separated base
// URLs, used round-robin), LOAD_SECONDS, LOAD_CLIENTS and LOAD_MODE (`spread`: each request from a
// new address via X-Forwarded-For, so the limiter runs but never refuses; `flood`: LOAD_REQUESTS
// from one address). Prints one JSON line: requests, seconds, latencies' p50/p99, statuses.
export {};

const urls = (process.env.LOAD_URLS ?? '').split(',').filter(Boolean);
const seconds = Number(process.env.LOAD_SECONDS ?? 5);
const clients = Number(process.env.LOAD_CLIENTS ?? 16);
const mode = process.env.LOAD_MODE ?? 'spread';
const floodRequests = Number(process.env.LOAD_REQUESTS ?? 500);
const body = JSON.stringify({ displayName: 'Bench Guest' });

let sent = 0;
const latencies: number[] = [];
const statuses: Record<string, number> = {};

async function post(address: string): Promise<void> {
  const url = urls[sent % urls.length];
  sent++;
  const t0 = performance.now();
  const status = await fetch(`${url}/api/token`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body })
    .then(async (res) => (await res.arrayBuffer(), res.status))
    .catch(() => 0);
  latencies.push(performance.now() - t0);
  statuses[status] = (statuses[status] ?? 0) + 1;
}

const started = performance.now();
const deadline = started + seconds * 1000;
await Promise.all(
  Array.from({ length: clients }, async () => {
    if (mode === 'flood') {
      while (sent < floodRequests) await post('198.51.100.1');
      return;
    }
    while (performance.now() < deadline) {
      const n = sent;
      await post(`10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`);
    }
  }),
);
const elapsedS = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(q * latencies.length) - 1))] ?? NaN;
console.log(JSON.stringify({ requests: latencies.length, seconds: elapsedS, p50: at(0.5), p99: at(0.99), statuses }));
