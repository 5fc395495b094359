// The real entry point (npm run token-server) in a child process: configuration from the
// environment, JSON logs on stdout, exit 0 on SIGTERM after finishing the request in flight.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { redisTestsRun, startRedisServer, type RedisServer } from '../support/redis-server';
import { startBalancer, type Balancer } from './balancer';
import { startFakeAcs, type FakeAcs } from './fake-acs';
import { postToken } from './harness';

const ROOT = path.resolve(import.meta.dirname, '../..');
let acs: FakeAcs | undefined;
let redis: RedisServer | undefined;
let balancer: Balancer | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await balancer?.close();
  await acs?.close();
  await redis?.stop();
  acs = undefined;
  redis = undefined;
  balancer = undefined;
});

function runEntry(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: string[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const complete = buffered.split('\n');
    buffered = complete.pop()!;
    lines.push(...complete);
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  // Resolves when the named line arrives (each stdout chunk is a chance), fails when the child exits without it.
  const event = (name: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((entry) => entry.event === name);
        if (!line) return false;
        child.stdout.off('data', onData);
        resolve(line);
        return true;
      };
      const onData = () => void check();
      if (check()) return;
      child.stdout.on('data', onData);
      void exited.then(() => check() || reject(new Error(`no "${name}" log line; got ${lines.join('\n')}`)));
    });
  return { child, lines, exited, event };
}

// Each test starts the entry point through tsx, which takes tens of seconds on a loaded two-core machine.
describe('token service entry point', { timeout: 120_000 }, () => {
  it('starts from the environment and shuts down gracefully on SIGTERM', async () => {
    acs = await startFakeAcs({ latencyMs: 400 });
    const run = runEntry({ ACS_CONNECTION_STRING: acs.connectionString, HOST: '127.0.0.1', PORT: '0' });
    const listening = await run.event('listening');
    const url = `http://127.0.0.1:${listening.port as number}`;

    const pending = postToken(url, { displayName: 'Ada' });
    // SIGTERM while the request waits for ACS: it must still be answered.
    await expect.poll(() => acs!.requests.length, { timeout: 5_000 }).toBe(1);
    run.child.kill('SIGTERM');
    expect((await pending).status).toBe(200);
    expect(await run.exited).toBe(0);
    expect(run.lines.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['listening', 'shuttingDown', 'tokenIssued', 'request', 'stopped']);
    expect(run.lines.join('\n')).not.toContain(acs.issuedTokens[0]);
  });

  it('exits 1 with the problem named when the configuration is invalid', async () => {
    const run = runEntry({ ACS_CONNECTION_STRING: 'endpoint=https://contoso.example/;accesskey=c2VjcmV0', TOKEN_EXPIRY_MINUTES: '5' });
    const entry = await run.event('invalidConfiguration');
    expect(await run.exited).toBe(1);
    expect(String(entry.problems)).toContain('TOKEN_EXPIRY_MINUTES');
    expect(run.lines.join('\n')).not.toContain('c2VjcmV0');
  });

  it.runIf(redisTestsRun)('drains on SIGTERM under load behind a balancer: readiness fails first, no request is cut off', async () => {
    acs = await startFakeAcs({ latencyMs: 50 });
    redis = await startRedisServer();
    const env = {
      ACS_CONNECTION_STRING: acs.connectionString,
      HOST: '127.0.0.1',
      PORT: '0',
      REDIS_URL: redis.url,
      TRUST_PROXY: '1',
      RATE_LIMIT_PER_MINUTE: '0',
      SHUTDOWN_DELAY_MS: '400',
    };
    const runs = [runEntry(env), runEntry(env)];
    const urls = await Promise.all(runs.map(async (run) => `http://127.0.0.1:${(await run.event('listening')).port as number}`));
    await Promise.all(runs.map((run) => run.event('redisConnected')));
    balancer = await startBalancer(urls, { readinessPollMs: 50 });

    const statuses: number[] = [];
    let running = true;
    const load = Promise.all(
      Array.from({ length: 6 }, async () => {
        while (running) {
          statuses.push(await postToken(balancer!.url, { displayName: 'Ada' }).then(async (res) => (await res.arrayBuffer(), res.status), () => 0));
        }
      }),
    );
    // Under load on both instances before the drain, and for as many requests again after it.
    await expect.poll(() => statuses.length >= 20 && balancer!.sent.every((count) => count > 0), { timeout: 15_000 }).toBe(true);
    runs[0].child.kill('SIGTERM');
    expect(await runs[0].exited).toBe(0);
    const afterDrain = statuses.length;
    await expect.poll(() => statuses.length - afterDrain, { timeout: 15_000 }).toBeGreaterThanOrEqual(20);
    running = false;
    await load;

    // Every request got a whole answer from one instance or the other, before, during and after
    // the drain.
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(balancer.sent.every((count) => count > 0)).toBe(true);
    const events = runs[0].lines.map((line) => (JSON.parse(line) as { event: string }).event);
    expect(events.slice(events.indexOf('shuttingDown'))).toContain('stopped');
    expect(events.at(-1)).toBe('stopped');
  });
});
