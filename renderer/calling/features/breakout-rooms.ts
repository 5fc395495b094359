// Process: renderer (SDK glue, type-only SDK import). Features.BreakoutRooms for a guest: the room
// the organizer assigned, its settings, and the moves between the main meeting's call and the
// room's call. ACS puts Communication Services users in Teams breakout rooms (assigned rooms,
// join, settings; the list of all rooms is for organizers only). The SDK moves the guest in by
// itself when the room says so (autoMoveParticipantToBreakoutRoom) and hands over the room's call
// in a 'join' event; otherwise the guest presses Join (room.join()). When the room closes the
// guest goes back with returnToMainMeeting(), which gives the main meeting's call. The session
// owns the switch of calls (hooks); this module only reads the feature and says when to move.
import type { BreakoutRoom, BreakoutRoomsCallFeature, BreakoutRoomsEventData, BreakoutRoomsSettings, Call, TeamsCall } from '@azure/communication-calling';
import { listen } from '../sdk-events';
import type { BreakoutRoomInfo, BreakoutWhere } from './breakout-rooms-model';
import { detacher, type FeatureContext, type FeatureHandle } from './feature-context';

export interface BreakoutHooks {
  /** Where the session is now (moves start only from a settled place). */
  where(): BreakoutWhere;
  /**
   * The guest should move. `go` gives the call to switch to; null when the SDK moves by itself
   * (its 'join' event, through arrived()).
   */
  move(to: 'room' | 'main', go: (() => Promise<Call | TeamsCall>) | null): void;
  /** The SDK gave the call the guest is now in (its 'join' event). */
  arrived(call: Call | TeamsCall): void;
}

export interface BreakoutRoomsHandle extends FeatureHandle {
  join(): Promise<void>;
  returnToMain(): Promise<void>;
}

/** The room as the model keeps it. */
export function roomInfo(room: BreakoutRoom | undefined): BreakoutRoomInfo | null {
  return room ? { name: room.displayName ?? '', open: room.state === 'open', autoMove: room.autoMoveParticipantToBreakoutRoom ?? false } : null;
}

/** The room's end as epoch ms: the SDK gives either a timestamp or a delta from now. */
export function roomEndOf(settings: BreakoutRoomsSettings | undefined, now: number): number | null {
  const end = settings?.roomEndTime;
  if (!end) return null;
  if ('attemptTimestamp' in end) return typeof end.attemptTimestamp === 'number' && end.attemptTimestamp > 0 ? end.attemptTimestamp : null;
  return typeof end.deltaTimeInMs === 'number' && end.deltaTimeInMs >= 0 ? now + end.deltaTimeInMs : null;
}

export function attachBreakoutRooms(feature: BreakoutRoomsCallFeature, ctx: FeatureContext, hooks: BreakoutHooks): BreakoutRoomsHandle {
  let room = feature.assignedBreakoutRooms;
  let canReturn = !feature.breakoutRoomsSettings?.disableReturnToMainMeeting;
  const settings = (value: BreakoutRoomsSettings | undefined) => {
    canReturn = !value?.disableReturnToMainMeeting;
    ctx.push({ type: 'breakout/settings', canReturn, endsAt: roomEndOf(value, ctx.now()) });
  };
  // What is already true when the call attaches is only shown: moves follow changes, so a guest
  // who went back by choice is not pulled into a room that is still open.
  ctx.push({ type: 'breakout/assigned', room: roomInfo(room) });
  if (feature.breakoutRoomsSettings) settings(feature.breakoutRoomsSettings);

  const assigned = (next: BreakoutRoom | undefined) => {
    const previous = room;
    room = next;
    ctx.push({ type: 'breakout/assigned', room: roomInfo(next) });
    const where = hooks.where();
    if (next?.state === 'open' && where === 'main' && next.autoMoveParticipantToBreakoutRoom) hooks.move('room', null);
    else if (where === 'room' && next?.state !== 'open' && previous) {
      const leaving = previous;
      hooks.move('main', () => leaving.returnToMainMeeting());
    }
  };
  const off = [
    listen(feature, 'breakoutRoomsUpdated', (event: BreakoutRoomsEventData) => {
      switch (event.type) {
        case 'assignedBreakoutRooms':
          assigned(event.data);
          break;
        case 'breakoutRoomsSettings':
          settings(event.data);
          break;
        case 'join':
          hooks.arrived(event.data);
          break;
        case 'breakoutRooms':
          // Every room: sent to organizers and room managers only; a guest has no use for it.
          break;
      }
    }),
  ];
  return {
    detach: detacher(off),
    join() {
      const target = room;
      if (!target || target.state !== 'open' || hooks.where() !== 'main') return Promise.resolve();
      hooks.move('room', () => target.join());
      return Promise.resolve();
    },
    returnToMain() {
      const target = room;
      if (!target || !canReturn || hooks.where() !== 'room') return Promise.resolve();
      hooks.move('main', () => target.returnToMainMeeting());
      return Promise.resolve();
    },
  };
}
