// One contract for every invitation store, run against the memory store and against the Redis store
// on a real redis-server: round trips, atomic updates under concurrency, and TTLs.
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClient, redisReady } from '../../../server/redis-client';
import { createMemoryInvitationStore, type Invitation, type InvitationStore } from '../../../server/stores/invitation-store';
import { createRedisInvitationStore, invitationKey } from '../../../server/stores/invitation-store-redis';
import { redisTestsRun, startRedisServer, type RedisServer } from '../../support/redis-server';
import { ADMIN_KEY, ORGANIZER, startInvitationApp } from '../invitation-app';

let server: RedisServer;
let redis: Redis;
beforeAll(async () => {
  if (!redisTestsRun) return;
  server = await startRedisServer();
  redis = createRedisClient(server.url, { info() {}, warn() {}, error() {} });
  await redisReady(redis);
});
afterAll(async () => {
  // A failed start leaves them unset, and its own error is the one to read.
  (redis as Redis | undefined)?.disconnect();
  await (server as RedisServer | undefined)?.stop();
});

let ids = 0;
function invitation(): Invitation {
  return {
    id: `inv${++ids}abcdefghijklmnop`,
    createdAt: 1_000,
    expiresAt: 9_000_000,
    createdBy: 'adminKey',
    meeting: { subject: 'Review', startsAt: '2026-12-02T10:00:00Z', endsAt: '2026-12-02T11:00:00Z', organizer: 'Grace' },
    join: { joinUrl: 'https://teams.microsoft.com/meet/123?p=abc' },
    guest: { name: 'Ada' },
    codesSentAt: [],
    failedAttempts: 0,
    grants: [],
  };
}

const stores: Array<[string, () => InvitationStore]> = [
  ['memory', () => createMemoryInvitationStore()],
  ...(redisTestsRun ? [['redis', () => createRedisInvitationStore(redis)] as [string, () => InvitationStore]] : []),
];

describe.each(stores)('invitation store contract: %s', (_name, create) => {
  it('stores and returns an invitation, and nothing for an unknown id', async () => {
    const store = create();
    const value = invitation();
    await store.create(value, 3_600);
    expect(await store.get(value.id)).toEqual(value);
    expect(await store.get('unknown')).toBeUndefined();
  });

  it('returns copies: changing one does not change what is stored', async () => {
    const store = create();
    const value = invitation();
    await store.create(value, 3_600);
    const read = (await store.get(value.id))!;
    read.failedAttempts = 99;
    expect((await store.get(value.id))!.failedAttempts).toBe(0);
  });

  it('applies every one of many concurrent updates (atomic per id)', async () => {
    const store = create();
    const value = invitation();
    await store.create(value, 3_600);
    await Promise.all(Array.from({ length: 15 }, () => store.update(value.id, (current) => ({ ...current, failedAttempts: current.failedAttempts + 1 }))));
    expect((await store.get(value.id))!.failedAttempts).toBe(15);
  });

  it('returns the new value from update, and undefined for an unknown id', async () => {
    const store = create();
    const value = invitation();
    await store.create(value, 3_600);
    expect(await store.update(value.id, (current) => ({ ...current, revokedAt: 5 }))).toMatchObject({ id: value.id, revokedAt: 5 });
    expect(await store.update('unknown', (current) => current)).toBeUndefined();
  });
});

describe('invitation store in memory', () => {
  it('forgets an invitation when its TTL has passed, to the millisecond', async () => {
    const clock = { now: 50_000 };
    const store = createMemoryInvitationStore(() => clock.now);
    const value = invitation();
    await store.create(value, 2);
    clock.now += 1_999;
    expect(await store.update(value.id, (current) => ({ ...current, failedAttempts: 1 }))).toMatchObject({ failedAttempts: 1 });
    clock.now += 1;
    expect(await store.get(value.id)).toBeUndefined();
    expect(await store.update(value.id, (current) => current)).toBeUndefined();
  });
});

describe.runIf(redisTestsRun)('invitation store in Redis', () => {
  it('an invitation created on one instance opens on another', async () => {
    const [one, two] = [await startInvitationApp({ store: createRedisInvitationStore(redis) }), await startInvitationApp({ store: createRedisInvitationStore(redis) })];
    try {
      const meeting = one.graph.addMeeting(ORGANIZER);
      const { id } = await one.createInvitation({ meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER } });
      const opened = await two.app.inject({ method: 'GET', url: `/api/invitations/${id}` });
      expect(opened.statusCode).toBe(200);
      expect(opened.json()).toMatchObject({ status: 'open' });
      // Revoked on the second, refused on the first.
      expect((await two.app.inject({ method: 'DELETE', url: `/api/invitations/${id}`, headers: { 'x-doorway-admin-key': ADMIN_KEY } })).statusCode).toBe(204);
      expect((await one.app.inject({ method: 'GET', url: `/api/invitations/${id}` })).json()).toEqual({ error: 'revoked' });
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('keys doorway:invitation:<id> with the TTL, kept across updates, and forgets it after', async () => {
    const store = createRedisInvitationStore(redis);
    const value = invitation();
    await store.create(value, 1);
    await store.update(value.id, (current) => ({ ...current, failedAttempts: 1 }));
    const ttl = await redis.pttl(invitationKey(value.id));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1_000);
    await expect.poll(() => store.get(value.id), { timeout: 5_000 }).toBeUndefined();
  });

  it('applies a change again on top of a write that came in between, and reports an invitation deleted in between as gone', async () => {
    const store = createRedisInvitationStore(redis);
    const value = invitation();
    await store.create(value, 60);
    // ioredis sends commands in order on one connection: this SET lands between the read and the
    // compare-and-set of the first try, which must then read again and apply the change anew.
    let tries = 0;
    const updated = await store.update(value.id, (current) => {
      tries += 1;
      if (tries === 1) void redis.set(invitationKey(value.id), JSON.stringify({ ...current, failedAttempts: 5 }), 'KEEPTTL');
      return { ...current, failedAttempts: current.failedAttempts + 1 };
    });
    expect([tries, updated?.failedAttempts, (await store.get(value.id))?.failedAttempts]).toEqual([2, 6, 6]);
    expect(await store.update(value.id, () => (void redis.del(invitationKey(value.id)), value))).toBeUndefined();
    expect(await store.get(value.id)).toBeUndefined();
  });

  it('gives up after 20 conflicting writes instead of trying forever', async () => {
    const store = createRedisInvitationStore(redis);
    const value = invitation();
    await store.create(value, 60);
    let tries = 0;
    await expect(
      store.update(value.id, (current) => {
        tries += 1;
        void redis.set(invitationKey(value.id), JSON.stringify({ ...current, failedAttempts: tries }), 'KEEPTTL');
        return current;
      }),
    ).rejects.toThrow('invitation update kept conflicting');
    expect(tries).toBe(20);
  });

  it('keeps an invitation with a TTL under a second for one second', async () => {
    const store = createRedisInvitationStore(redis);
    const value = invitation();
    await store.create(value, 0.2);
    const ttl = await redis.pttl(invitationKey(value.id));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1_000);
  });

  it('is shared: an invitation created through one connection is seen and updated through another', async () => {
    const other = createRedisClient(server.url, { info() {}, warn() {}, error() {} });
    await redisReady(other);
    try {
      const value = invitation();
      await createRedisInvitationStore(redis).create(value, 60);
      expect(await createRedisInvitationStore(other).update(value.id, (current) => ({ ...current, revokedAt: 7 }))).toMatchObject({ revokedAt: 7 });
      expect((await createRedisInvitationStore(redis).get(value.id))!.revokedAt).toBe(7);
    } finally {
      other.disconnect();
    }
  });
});
