// Process: server. Invitations in Redis, so that every instance sees every invitation: one JSON
// string per invitation at `doorway:invitation:<id>`, expiring with the invitation's TTL. `update`
// is atomic per id without locks: read, apply the change, then write only if the stored value is
// still the one read (a Lua compare-and-set that keeps the TTL), else read again and retry. Unlike
// rate limits there is no local fallback: an invitation created on one instance must be the one
// every instance sees, so a Redis failure is an error for the caller.
import type { Redis } from 'ioredis';
import type { Invitation, InvitationStore } from './invitation-store';

// KEYS[1]: the invitation. ARGV: the value read, the new value. 1: written; 0: changed meanwhile; -1: gone.
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if not current then return -1 end
if current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
return 1
`;

type CompareAndSet = (key: string, expected: string, next: string) => Promise<number>;

const MAX_ATTEMPTS = 20;

export const invitationKey = (id: string) => `doorway:invitation:${id}`;

export function createRedisInvitationStore(redis: Redis): InvitationStore {
  if (!('doorwayInvitationCas' in redis)) redis.defineCommand('doorwayInvitationCas', { numberOfKeys: 1, lua: COMPARE_AND_SET });
  const compareAndSet = (redis as unknown as { doorwayInvitationCas: CompareAndSet }).doorwayInvitationCas.bind(redis);

  return {
    async create(invitation, ttlSeconds) {
      await redis.set(invitationKey(invitation.id), JSON.stringify(invitation), 'EX', Math.max(1, Math.ceil(ttlSeconds)));
    },
    async get(id) {
      const stored = await redis.get(invitationKey(id));
      return stored === null ? undefined : (JSON.parse(stored) as Invitation);
    },
    async update(id, change) {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const stored = await redis.get(invitationKey(id));
        if (stored === null) return undefined;
        const next = change(JSON.parse(stored) as Invitation);
        const written = await compareAndSet(invitationKey(id), stored, JSON.stringify(next));
        if (written === 1) return next;
        if (written === -1) return undefined;
      }
      throw new Error('invitation update kept conflicting');
    },
  };
}
