// The breakout-rooms slice: assignments, moves and their notices, and the same object whenever
// an event changes nothing (so the views are not woken for nothing).
import { describe, expect, it } from 'vitest';
import { applyBreakoutEvent, canJoinRoom, initialBreakoutState, type BreakoutEvent, type BreakoutState } from '../../renderer/calling/features/breakout-rooms-model';

const run = (events: BreakoutEvent[], from: BreakoutState = initialBreakoutState) => events.reduce(applyBreakoutEvent, from);
const ROOM = { name: 'Room 2', open: true, autoMove: false };

describe('breakout rooms model', () => {
  it('an assigned open room can be joined from the main meeting, not while moving or inside', () => {
    const assigned = run([{ type: 'breakout/assigned', room: ROOM }]);
    expect(canJoinRoom(assigned)).toBe(true);
    expect(canJoinRoom(run([{ type: 'breakout/assigned', room: { ...ROOM, open: false } }]))).toBe(false);
    const joining = applyBreakoutEvent(assigned, { type: 'breakout/moving', to: 'room' });
    expect(joining.where).toBe('joining');
    expect(canJoinRoom(joining)).toBe(false);
    expect(canJoinRoom(applyBreakoutEvent(joining, { type: 'breakout/moved', to: 'room' }))).toBe(false);
  });

  it('moving back resets the room’s settings and says the guest is back', () => {
    const inRoom = run([
      { type: 'breakout/assigned', room: ROOM },
      { type: 'breakout/settings', canReturn: false, endsAt: 1234 },
      { type: 'breakout/moving', to: 'room' },
      { type: 'breakout/moved', to: 'room' },
    ]);
    expect(inRoom).toMatchObject({ where: 'room', canReturn: false, endsAt: 1234, notice: null });
    const back = run([{ type: 'breakout/moving', to: 'main' }, { type: 'breakout/moved', to: 'main' }], inRoom);
    expect(back).toMatchObject({ where: 'main', canReturn: true, endsAt: null, notice: 'returned' });
    expect(applyBreakoutEvent(back, { type: 'breakout/dismiss' }).notice).toBeNull();
  });

  it('a failed move leaves the guest where they were, with its notice', () => {
    const failedIn = run([{ type: 'breakout/assigned', room: ROOM }, { type: 'breakout/moving', to: 'room' }, { type: 'breakout/failed', to: 'room' }]);
    expect(failedIn).toMatchObject({ where: 'main', notice: 'joinFailed' });
    const failedOut = run([{ type: 'breakout/moved', to: 'room' }, { type: 'breakout/moving', to: 'main' }, { type: 'breakout/failed', to: 'main' }]);
    expect(failedOut).toMatchObject({ where: 'room', notice: 'returnFailed' });
  });

  it('keeps the same object when nothing changes', () => {
    const assigned = run([{ type: 'breakout/assigned', room: ROOM }]);
    expect(applyBreakoutEvent(assigned, { type: 'breakout/assigned', room: { ...ROOM } })).toBe(assigned);
    expect(applyBreakoutEvent(initialBreakoutState, { type: 'breakout/settings', canReturn: true, endsAt: null })).toBe(initialBreakoutState);
    expect(applyBreakoutEvent(initialBreakoutState, { type: 'breakout/dismiss' })).toBe(initialBreakoutState);
    const inRoom = run([{ type: 'breakout/moved', to: 'room' }]);
    expect(applyBreakoutEvent(inRoom, { type: 'breakout/moved', to: 'room' })).toBe(inRoom);
  });
});
