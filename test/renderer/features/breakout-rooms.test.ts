// Features.BreakoutRooms through its module, against a typed stand-in of the SDK's
// BreakoutRoomsCallFeature: the room as the model keeps it, the room's end from either form the SDK
// gives, what is shown at attach, when the guest is moved (only by changes, only from a settled
// place), and when Join and Return do nothing.
import type { BreakoutRoom, BreakoutRoomsCallFeature, BreakoutRoomsSettings, Call, TeamsCall } from '@azure/communication-calling';
import { describe, expect, it } from 'vitest';
import { ScriptedFeature } from '../../../renderer/calling/practice/features/feature';
import { attachBreakoutRooms, roomEndOf, roomInfo, type BreakoutHooks } from '../../../renderer/calling/features/breakout-rooms';
import type { BreakoutWhere } from '../../../renderer/calling/features/breakout-rooms-model';
import { recordingContext } from './context';

class StandInBreakoutRooms extends ScriptedFeature implements BreakoutRoomsCallFeature {
  constructor(
    public assignedBreakoutRooms: BreakoutRoom | undefined,
    public breakoutRoomsSettings: BreakoutRoomsSettings | undefined,
  ) {
    super('BreakoutRooms');
  }
  breakoutRooms: BreakoutRoom[] | undefined = undefined;
  override emit(event: string, ...args: unknown[]): void {
    super.emit(event, ...args);
  }
}

const ROOM_CALL = { id: 'room-call' } as unknown as Call;
const MAIN_CALL = { id: 'main-call' } as unknown as TeamsCall;

function room(extra: Partial<BreakoutRoom> = {}): BreakoutRoom & { joined: number; returned: number } {
  const value = {
    id: 'r1',
    displayName: 'Room 1',
    state: 'open',
    autoMoveParticipantToBreakoutRoom: false,
    joined: 0,
    returned: 0,
    join: async () => {
      value.joined++;
      return ROOM_CALL;
    },
    returnToMainMeeting: async () => {
      value.returned++;
      return MAIN_CALL;
    },
    ...extra,
  };
  return value as unknown as BreakoutRoom & { joined: number; returned: number };
}

function attach(feature: StandInBreakoutRooms, where: BreakoutWhere = 'main') {
  const ctx = recordingContext({ now: 10_000, tick: 0 });
  const moves: Array<{ to: 'room' | 'main'; go: (() => Promise<Call | TeamsCall>) | null }> = [];
  const arrived: Array<Call | TeamsCall> = [];
  const place = { where };
  const hooks: BreakoutHooks = { where: () => place.where, move: (to, go) => moves.push({ to, go }), arrived: (call) => arrived.push(call) };
  const handle = attachBreakoutRooms(feature, ctx, hooks);
  return { ctx, moves, arrived, place, handle };
}

describe('breakout rooms feature', () => {
  it('keeps the room’s name, whether it is open and whether Teams moves people in', () => {
    expect(roomInfo(undefined)).toBeNull();
    expect(roomInfo(room())).toEqual({ name: 'Room 1', open: true, autoMove: false });
    expect(roomInfo(room({ displayName: undefined as unknown as string, state: 'closed', autoMoveParticipantToBreakoutRoom: undefined }))).toEqual({ name: '', open: false, autoMove: false });
    expect(roomInfo(room({ autoMoveParticipantToBreakoutRoom: true }))!.autoMove).toBe(true);
  });

  it('reads the room’s end as a timestamp or as time from now, and nothing from a value that is neither', () => {
    const at = (roomEndTime: unknown) => roomEndOf({ roomEndTime } as BreakoutRoomsSettings, 1_000);
    expect(roomEndOf(undefined, 1_000)).toBeNull();
    expect(roomEndOf({}, 1_000)).toBeNull();
    expect(at({ attemptTimestamp: 5_000 })).toBe(5_000);
    expect(at({ attemptTimestamp: 0 })).toBeNull();
    expect(at({ attemptTimestamp: -1 })).toBeNull();
    expect(at({ attemptTimestamp: '5000' })).toBeNull();
    expect(at({ deltaTimeInMs: 60_000 })).toBe(61_000);
    expect(at({ deltaTimeInMs: 0 })).toBe(1_000);
    expect(at({ deltaTimeInMs: -5 })).toBeNull();
    expect(at({ deltaTimeInMs: '60000' })).toBeNull();
  });

  it('shows what is true at attach, its settings included, and moves nobody', () => {
    const feature = new StandInBreakoutRooms(room({ autoMoveParticipantToBreakoutRoom: true }), { disableReturnToMainMeeting: true, roomEndTime: { deltaTimeInMs: 5_000 } });
    const { ctx, moves } = attach(feature);
    expect(ctx.take()).toEqual([
      { type: 'breakout/assigned', room: { name: 'Room 1', open: true, autoMove: true } },
      { type: 'breakout/settings', canReturn: false, endsAt: 15_000 },
    ]);
    expect(moves).toEqual([]);
    const bare = attach(new StandInBreakoutRooms(undefined, undefined));
    expect(bare.ctx.take()).toEqual([{ type: 'breakout/assigned', room: null }]);
  });

  it('moves the guest in when an open room that moves people is assigned, and back when it closes', async () => {
    const feature = new StandInBreakoutRooms(undefined, undefined);
    const { moves, place, ctx } = attach(feature);
    ctx.take();
    // Assigned, but the guest chooses when (no auto-move): no move.
    feature.emit('breakoutRoomsUpdated', { type: 'assignedBreakoutRooms', data: room() });
    expect(moves).toEqual([]);
    const auto = room({ autoMoveParticipantToBreakoutRoom: true });
    feature.emit('breakoutRoomsUpdated', { type: 'assignedBreakoutRooms', data: auto });
    expect(moves).toEqual([{ to: 'room', go: null }]);
    expect(ctx.take().at(-1)).toEqual({ type: 'breakout/assigned', room: { name: 'Room 1', open: true, autoMove: true } });
    place.where = 'room';
    feature.emit('breakoutRoomsUpdated', { type: 'assignedBreakoutRooms', data: { ...auto, state: 'closed' } });
    expect(moves[1].to).toBe('main');
    expect(await moves[1].go!()).toBe(MAIN_CALL);
    expect(auto.returned).toBe(1);
    // Unassigned while in the main meeting: nowhere to go.
    place.where = 'main';
    feature.emit('breakoutRoomsUpdated', { type: 'assignedBreakoutRooms', data: undefined });
    expect(moves).toHaveLength(2);
  });

  it('does not pull a guest in while moving, nor send them back while the room stays open', () => {
    const feature = new StandInBreakoutRooms(room(), undefined);
    const { moves, place } = attach(feature, 'joining');
    feature.emit('breakoutRoomsUpdated', { type: 'assignedBreakoutRooms', data: room({ autoMoveParticipantToBreakoutRoom: true }) });
    expect(moves).toEqual([]);
    place.where = 'room';
    feature.emit('breakoutRoomsUpdated', { type: 'assignedBreakoutRooms', data: room({ displayName: 'Renamed' }) });
    expect(moves).toEqual([]);
  });

  it('passes on new settings and the room’s call, and ignores the organizers’ list of rooms', () => {
    const feature = new StandInBreakoutRooms(undefined, undefined);
    const { ctx, arrived, moves } = attach(feature);
    ctx.take();
    feature.emit('breakoutRoomsUpdated', { type: 'breakoutRoomsSettings', data: { disableReturnToMainMeeting: false, roomEndTime: { attemptTimestamp: 99_000 } } });
    expect(ctx.take()).toEqual([{ type: 'breakout/settings', canReturn: true, endsAt: 99_000 }]);
    feature.emit('breakoutRoomsUpdated', { type: 'breakoutRoomsSettings', data: undefined });
    expect(ctx.take()).toEqual([{ type: 'breakout/settings', canReturn: true, endsAt: null }]);
    feature.emit('breakoutRoomsUpdated', { type: 'join', data: ROOM_CALL });
    expect(arrived).toEqual([ROOM_CALL]);
    feature.emit('breakoutRoomsUpdated', { type: 'breakoutRooms', data: [room()] });
    expect(ctx.take()).toEqual([]);
    expect(moves).toEqual([]);
  });

  it('joins only an open room from the main meeting, and returns only from the room when allowed', async () => {
    const open = room();
    const feature = new StandInBreakoutRooms(open, undefined);
    const { moves, place, handle } = attach(feature);
    await handle.returnToMain();
    expect(moves).toEqual([]);
    await handle.join();
    expect(moves.map((m) => m.to)).toEqual(['room']);
    expect(await moves[0].go!()).toBe(ROOM_CALL);
    expect(open.joined).toBe(1);
    place.where = 'room';
    await handle.join();
    expect(moves).toHaveLength(1);
    await handle.returnToMain();
    expect(moves.map((m) => m.to)).toEqual(['room', 'main']);
    await moves[1].go!();
    expect(open.returned).toBe(1);
    // The organizer forbids going back: Return does nothing.
    feature.emit('breakoutRoomsUpdated', { type: 'breakoutRoomsSettings', data: { disableReturnToMainMeeting: true } });
    await handle.returnToMain();
    expect(moves).toHaveLength(2);

    const closed = attach(new StandInBreakoutRooms(room({ state: 'closed' }), undefined));
    await closed.handle.join();
    const none = attach(new StandInBreakoutRooms(undefined, undefined), 'room');
    await none.handle.join();
    await none.handle.returnToMain();
    expect([...closed.moves, ...none.moves]).toEqual([]);
    const forbidden = attach(new StandInBreakoutRooms(room(), { disableReturnToMainMeeting: true }), 'room');
    await forbidden.handle.returnToMain();
    expect(forbidden.moves).toEqual([]);
  });

  it('detach leaves no listener', () => {
    const feature = new StandInBreakoutRooms(undefined, undefined);
    const { handle } = attach(feature);
    expect(feature.listenerCount()).toBe(1);
    handle.detach();
    expect(feature.listenerCount()).toBe(0);
  });
});
