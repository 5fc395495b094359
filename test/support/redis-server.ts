// A real redis-server (Debian's package) for tests: started on a free loopback port with no
// persistence, stopped after. `stop()` then `start()` again reuses the same port, so clients that
// reconnect find it: that is how tests take Redis away mid-run and bring it back.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';

/**
 * Whether the Redis suites run: redis-server is on PATH, or the run requires it (.ci/run sets
 * DOORWAY_REQUIRE_REDIS=1, so CI fails rather than skips when it is missing). No npm package ships
 * a Redis binary, so on a machine without it `npm test` skips these suites and says why.
 */
export const redisTestsRun: boolean = process.env.DOORWAY_REQUIRE_REDIS === '1' || spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
export const NO_REDIS = 'redis-server is not installed (apt-get install redis-server): the real-Redis tests are skipped';
if (!redisTestsRun) console.warn(NO_REDIS);

export interface RedisServer {
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A port the OS just handed out on loopback (redis-server needs an explicit one). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** True once the server answers PING with PONG. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.setTimeout(500, () => socket.destroy());
    socket.once('data', (data) => {
      resolve(data.toString().startsWith('+PONG'));
      socket.destroy();
    });
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = started;
    let exited: string | undefined;
    // A spawn that fails (ENOENT: not on PATH) emits 'error' and never sets exitCode; unhandled, it
    // would crash the worker with no word of what is missing.
    let spawnFailed: string | undefined;
    started.once('error', (error: NodeJS.ErrnoException) => {
      spawnFailed = error.code === 'ENOENT' ? `redis-server is not on PATH, and DOORWAY_REQUIRE_REDIS=1 requires it (apt-get install redis-server)` : `redis-server could not start: ${error.message}`;
    });
    started.stderr.on('data', (chunk: Buffer) => (exited = (exited ?? '') + chunk.toString('utf8')));
    started.once('exit', (code) => (exited = `redis-server exited (${code}) ${exited ?? ''}`));
    for (let waited = 0; waited < 10_000; waited += 25) {
      if (spawnFailed) throw new Error(spawnFailed);
      if (started.exitCode !== null) throw new Error(exited);
      if (await pings(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('redis-server did not answer PING within 10 s');
  }

  async function stop(): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  }

  await start();
  return { url: `redis://127.0.0.1:${port}`, port, start, stop };
}
