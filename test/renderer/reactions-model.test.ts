// The reactions slice: received and expired reactions, the same object when nothing changed,
// bounded by expiry, and composed into the call model through its prefixed events.
import { describe, expect, it } from 'vitest';
import { applyEvents, initialCallState } from '../../renderer/calling/call-model';
import {
  REACTION_SHOWN_MS,
  applyReactionsEvent,
  initialReactionsState,
  isReactionType,
  reactionOf,
  type ReactionsState,
} from '../../renderer/calling/features/reactions-model';

describe('reactions slice', () => {
  it('keeps each person’s latest reaction, the guest’s apart', () => {
    let state: ReactionsState = initialReactionsState;
    state = applyReactionsEvent(state, { type: 'reactions/received', id: 'a', reaction: 'like', at: 100 });
    state = applyReactionsEvent(state, { type: 'reactions/received', id: 'a', reaction: 'heart', at: 200 });
    state = applyReactionsEvent(state, { type: 'reactions/received', id: null, reaction: 'applause', at: 300 });
    expect(reactionOf(state, 'a')).toEqual({ type: 'heart', at: 200 });
    expect(reactionOf(state, null)).toEqual({ type: 'applause', at: 300 });
    expect(reactionOf(state, 'b')).toBeNull();
    expect(state.byParticipant.size).toBe(1);
  });

  it('expires reactions older than the shown time, and returns the same object when none expire', () => {
    let state: ReactionsState = initialReactionsState;
    state = applyReactionsEvent(state, { type: 'reactions/received', id: 'a', reaction: 'like', at: 0 });
    state = applyReactionsEvent(state, { type: 'reactions/received', id: 'b', reaction: 'laugh', at: 1_000 });
    state = applyReactionsEvent(state, { type: 'reactions/received', id: null, reaction: 'surprised', at: 1_500 });
    expect(applyReactionsEvent(state, { type: 'reactions/expired', now: REACTION_SHOWN_MS - 1 })).toBe(state);
    const later = applyReactionsEvent(state, { type: 'reactions/expired', now: REACTION_SHOWN_MS });
    expect([...later.byParticipant.keys()]).toEqual(['b']);
    expect(later.self).toEqual({ type: 'surprised', at: 1_500 });
    const all = applyReactionsEvent(later, { type: 'reactions/expired', now: 1_500 + REACTION_SHOWN_MS });
    expect(all.byParticipant.size).toBe(0);
    expect(all.self).toBeNull();
  });

  it('stays bounded by expiry under a flood of reactions', () => {
    let state: ReactionsState = initialReactionsState;
    for (let i = 0; i < 3_000; i++) {
      state = applyReactionsEvent(state, { type: 'reactions/received', id: `p${i % 500}`, reaction: 'like', at: i * 10 });
      if (i % 30 === 0) state = applyReactionsEvent(state, { type: 'reactions/expired', now: i * 10 });
    }
    // At 100/s for a shown time of REACTION_SHOWN_MS, at most that many people can still show one.
    expect(state.byParticipant.size).toBeLessThanOrEqual(REACTION_SHOWN_MS / 10 + 30);
  });

  it('knows the five Teams reactions and nothing else', () => {
    expect(['like', 'heart', 'applause', 'laugh', 'surprised'].every(isReactionType)).toBe(true);
    expect(isReactionType('thumbsdown')).toBe(false);
    expect(isReactionType(undefined)).toBe(false);
  });

  it('is nested in the call state: prefixed events reach it, other fields stay identical', () => {
    const start = initialCallState({ muted: true, videoOn: false, now: 0 });
    const next = applyEvents(start, [{ type: 'reactions/received', id: 'a', reaction: 'like', at: 5 }]);
    expect(next.reactions.byParticipant.get('a')).toEqual({ type: 'like', at: 5 });
    expect(next.participants).toBe(start.participants);
    expect(next.capabilities).toBe(start.capabilities);
    expect(applyEvents(next, [{ type: 'reactions/expired', now: 6 }])).toBe(next);
  });
});
