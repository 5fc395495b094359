// Process: server. The Redis connection shared by the Redis stores (REDIS_URL). Tuned so that an
// unreachable Redis costs a request little: no offline queue and no per-command retries (a command
// fails at once while disconnected, and the store falls back to local state), a short command
// timeout (a hung Redis; one second, since a busy event loop can delay a healthy answer by
// hundreds of milliseconds), and reconnection in the background forever. Never logs the URL (it may
// hold a password).
import { Redis } from 'ioredis';
import type { ServerLog } from './log';

export function createRedisClient(url: string, log: ServerLog, options: { commandTimeoutMs?: number } = {}): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 1_000,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    lazyConnect: false,
  });
  let up = false;
  redis.on('ready', () => {
    up = true;
    log.info('redisConnected');
  });
  // Logged once per outage, not per reconnect attempt; the stores count the failed commands.
  redis.on('close', () => {
    if (!up) return;
    up = false;
    log.warn('redisUnavailable');
  });
  // Without a listener ioredis prints every failed reconnect to the console.
  redis.on('error', () => undefined);
  return redis;
}

/** Resolves once connected, or rejects after `timeoutMs` (tests and start-up checks). */
export function redisReady(redis: Redis, timeoutMs = 5_000): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error('Redis did not become ready'));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
}
