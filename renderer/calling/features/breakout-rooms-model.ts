// Process: renderer. The breakout-rooms slice of the call model (Features.BreakoutRooms): the room
// the organizer assigned the guest, whether it is open, where the guest is (main meeting, moving
// in, in the room, moving back), what the room's settings allow, and the one message the guest
// should read now. Pure: no SDK import, not even a type, because views and Node tests load it.

/** Where the guest is: the session's call is the main meeting's, or the room's, or changing. */
export type BreakoutWhere = 'main' | 'joining' | 'room' | 'returning';

export interface BreakoutRoomInfo {
  /** The room's name as the organizer gave it ('' when the service sends none). */
  readonly name: string;
  readonly open: boolean;
  /** Teams moves people in when the room opens; otherwise the guest chooses when to join. */
  readonly autoMove: boolean;
}

/**
 * What the guest is told besides where they are: moving failed (the service refused or ACS gave
 * no room call), and the room closed and they are back in the main meeting.
 */
export type BreakoutNotice = 'joinFailed' | 'returnFailed' | 'returned';

export interface BreakoutState {
  readonly room: BreakoutRoomInfo | null;
  readonly where: BreakoutWhere;
  /** The room's settings let the guest go back to the main meeting by themselves. */
  readonly canReturn: boolean;
  /** When the room closes (epoch ms), when the organizer set a time. */
  readonly endsAt: number | null;
  readonly notice: BreakoutNotice | null;
}

export type BreakoutEvent =
  | { type: 'breakout/assigned'; room: BreakoutRoomInfo | null }
  | { type: 'breakout/settings'; canReturn: boolean; endsAt: number | null }
  | { type: 'breakout/moving'; to: 'room' | 'main' }
  | { type: 'breakout/moved'; to: 'room' | 'main' }
  | { type: 'breakout/failed'; to: 'room' | 'main' }
  | { type: 'breakout/dismiss' };

export const initialBreakoutState: BreakoutState = Object.freeze({ room: null, where: 'main', canReturn: true, endsAt: null, notice: null });

function sameRoom(a: BreakoutRoomInfo | null, b: BreakoutRoomInfo | null): boolean {
  return a === b || (a !== null && b !== null && a.name === b.name && a.open === b.open && a.autoMove === b.autoMove);
}

/** Applies one breakout event; an event that changes nothing returns the same object. */
export function applyBreakoutEvent(state: BreakoutState, event: BreakoutEvent): BreakoutState {
  switch (event.type) {
    case 'breakout/assigned':
      if (sameRoom(state.room, event.room)) return state;
      return { ...state, room: event.room ? { ...event.room } : null };
    case 'breakout/settings':
      if (state.canReturn === event.canReturn && state.endsAt === event.endsAt) return state;
      return { ...state, canReturn: event.canReturn, endsAt: event.endsAt };
    case 'breakout/moving': {
      const where = event.to === 'room' ? 'joining' : 'returning';
      return state.where === where && state.notice === null ? state : { ...state, where, notice: null };
    }
    case 'breakout/moved':
      if (event.to === 'room') return state.where === 'room' ? state : { ...state, where: 'room', notice: null };
      // Back in the main meeting: the room's settings and end time were the room's.
      return { ...state, where: 'main', notice: 'returned', canReturn: true, endsAt: null };
    case 'breakout/failed':
      // Still where the guest was before the move began.
      return { ...state, where: event.to === 'room' ? 'main' : 'room', notice: event.to === 'room' ? 'joinFailed' : 'returnFailed' };
    case 'breakout/dismiss':
      return state.notice === null ? state : { ...state, notice: null };
  }
}

/** The guest may press "Join room" now: assigned to an open room and in the main meeting. */
export function canJoinRoom(state: BreakoutState): boolean {
  return state.where === 'main' && state.room !== null && state.room.open;
}
