// A code request whose store update is re-applied after a write conflict (the Redis store reads,
// changes and compares-and-sets, and runs the change again on the state it finds when another
// request wrote first): the answer follows the state that was written, not an earlier pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffIdentity } from '../../server/staff-auth';
import { createMemoryInvitationStore, type Invitation, type InvitationStore } from '../../server/stores/invitation-store';
import { lastCode, ORGANIZER, startInvitationFixture, type InvitationFixture } from './invitation-fixture';

let fx: InvitationFixture;
/** When set, the next update first runs the change on this state (a pass that lost the race), then on the stored one. */
let conflictWith: ((current: Invitation) => Invitation) | null = null;

function conflictingStore(): InvitationStore {
  const store = createMemoryInvitationStore();
  return {
    ...store,
    async update(id, change) {
      const stale = conflictWith;
      conflictWith = null;
      if (stale) {
        const current = await store.get(id);
        if (current) change(stale(current));
      }
      return store.update(id, change);
    },
  };
}

beforeAll(async () => {
  fx = await startInvitationFixture({ store: conflictingStore() });
});
afterAll(() => fx.close());

describe('a code request retried after a write conflict', () => {
  it('a pass that saw a code sent a moment ago, then the stored state without it: the code is sent and it works', async () => {
    const staff: StaffIdentity = { kind: 'entra', objectId: 'staff-oid-1' };
    const meeting = fx.graph.addMeeting(ORGANIZER);
    const outcome = await fx.service.create(staff, { meeting: { joinUrl: meeting.joinWebUrl, organizer: ORGANIZER }, guest: { email: 'pat.guest@example.org' }, bindToEmail: true });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const { id } = outcome.invitation;
    // The first pass reads a state where a code went out a second ago (another request's, since undone).
    conflictWith = (current) => ({ ...current, codesSentAt: [...current.codesSentAt, fx.clock.now - 1_000] });
    expect(await fx.service.sendCode(id, 'page')).toEqual({ ok: true, value: { expiresInSeconds: 600 } });
    expect((await fx.service.verify(id, lastCode(fx.graph), 'page')).ok).toBe(true);
  });
});
