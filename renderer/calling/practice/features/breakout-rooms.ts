// Process: renderer. Features.BreakoutRooms as the SDK's .d.ts declares it for a guest: the
// assigned room (a BreakoutRoom whose join() and returnToMainMeeting() give a call), the room's
// settings, and the 'join' event that hands over the room's call when Teams moves the guest in.
// The meeting (meeting.ts) makes the calls; this is only the feature's surface.
import type { BreakoutRoom, BreakoutRoomsCallFeature, BreakoutRoomsSettings, BreakoutRoomState, Call, Invitee } from '@azure/communication-calling';
import { ScriptedFeature } from './feature';

/** The meeting's side of a room: what join() and returnToMainMeeting() do. */
export interface RoomHost {
  joinRoom(room: ScriptedBreakoutRoom): Promise<Call>;
  returnToMain(room: ScriptedBreakoutRoom): Promise<Call>;
}

export class ScriptedBreakoutRoom implements BreakoutRoom {
  state: BreakoutRoomState = 'closed';
  call?: Call;
  readonly invitees: Invitee[] = [];

  constructor(
    readonly threadId: string,
    readonly displayName: string,
    readonly autoMoveParticipantToBreakoutRoom: boolean,
    private readonly host: RoomHost,
  ) {}

  join(): Promise<Call> {
    return this.host.joinRoom(this);
  }

  returnToMainMeeting(): Promise<Call> {
    return this.host.returnToMain(this);
  }
}

export class ScriptedBreakoutRooms extends ScriptedFeature implements BreakoutRoomsCallFeature {
  assignedBreakoutRooms?: BreakoutRoom;
  breakoutRoomsSettings?: BreakoutRoomsSettings;
  // Every room is listed for organizers and room managers only, never for a guest.
  readonly breakoutRooms?: BreakoutRoom[] = undefined;

  constructor() {
    super('BreakoutRooms');
  }

  scriptAssigned(room: BreakoutRoom | undefined): void {
    this.assignedBreakoutRooms = room;
    this.emit('breakoutRoomsUpdated', { type: 'assignedBreakoutRooms', data: room });
  }

  scriptSettings(settings: BreakoutRoomsSettings | undefined): void {
    this.breakoutRoomsSettings = settings;
    this.emit('breakoutRoomsUpdated', { type: 'breakoutRoomsSettings', data: settings });
  }

  /** Teams moved the guest in: the room's call. */
  scriptJoined(call: Call): void {
    this.emit('breakoutRoomsUpdated', { type: 'join', data: call });
  }
}
