// Breakout rooms in Node: the real MeetingCallSession, feature modules and call model switch from
// the main meeting's call to a room's call and back, against the scripted meeting's
// Features.BreakoutRooms (the .d.ts's assigned room, settings and 'join' event; join() and
// returnToMainMeeting() give the new call). What the meeting received says what the guest's
// client sent; the old call's listener counts say the session let go of it. Fake clock only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenReply } from '../../../common/ipc-contract';
import { BREAKOUT_MOVE_TIMEOUT_MS, MeetingCallSession, type JoinOptions } from '../../../renderer/calling/call-session';
import { DeviceService } from '../../../renderer/calling/devices';
import type { ScriptedMeetingConfig } from '../../../renderer/calling/practice/control';
import { ScriptedMeeting } from '../../../renderer/calling/practice/meeting';
import type { ScriptedCall } from '../../../renderer/calling/practice/sdk';
import { Features } from '../../support/scripted-meeting/node-sdk';
import { nodeDeviceManager } from '../../support/scripted-meeting/node-devices';
import { fakeAcsToken } from '../../support/scripted-meeting/page';
import { MeetingRecorder } from '../../support/scripted-meeting/recorder';

vi.mock('@azure/communication-calling', () => import('../../support/scripted-meeting/node-sdk'));

const LINK = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ2YmY4MzAtYWE4Zi00ZGU4LTk3ZjMtYzk2ZTdhMjQ5YmM0%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%7d';
const sessions: MeetingCallSession[] = [];
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/** Joins a scripted meeting of four from Node and waits until connected. */
async function inMeeting(config: ScriptedMeetingConfig = {}, options: Partial<JoinOptions> = {}) {
  const meeting = new ScriptedMeeting({ connectDelayMs: 300, participants: 4, ...config }, { features: Features });
  const recorder = new MeetingRecorder(meeting);
  const devices = new DeviceService(nodeDeviceManager());
  const session = new MeetingCallSession(
    {
      createCallAgent: (credential, agentOptions) => meeting.createCallAgent(credential, agentOptions),
      releaseCallAgent: (agent) => agent.dispose(),
      createRemoteRenderer: (stream) => meeting.createRemoteRenderer(stream),
      schedule: (flush) => queueMicrotask(flush),
    },
    devices,
    {
      target: { kind: 'link', meetingLink: LINK },
      displayName: 'Ada Guest',
      cameraOn: true,
      microphoneOn: true,
      getToken: async (): Promise<TokenReply> => ({ ok: true, token: fakeAcsToken('acs:scripted_guest'), expiresOnMs: Date.now() + 3_600_000 }),
      devices: { camera: { id: 'desk', name: 'Desk camera' } },
      access: { camera: 'granted', microphone: 'granted' },
      ...options,
    },
  );
  sessions.push(session);
  await advance(300);
  const state = () => session.state.get();
  expect(state().phase).toBe('connected');
  return { session, meeting, recorder, devices, state };
}

/** Every listener the guest's client keeps on a call: its own, its features', its people's. */
function listenersOn(call: ScriptedCall, people = call.remoteParticipants): number {
  return call.listenerCount() + call.featureListenerCount() + people.reduce((n, p) => n + p.listenerCount(), 0);
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-02T09:00:00Z') });
});
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.dispose().catch(() => undefined);
  vi.useRealTimers();
});

describe('a breakout round trip, moved by Teams', () => {
  it('assigned, moved in, talking, moved back: name, mute, camera and devices kept, modules moved, nothing left on the old calls', async () => {
    const { session, meeting, recorder, devices, state } = await inMeeting();
    const phases = new Set<string>();
    session.state.subscribe((s) => phases.add(s.phase));
    const main = meeting.call!;
    const mainPeople = [...main.remoteParticipants];
    const camera = devices.state.get().cameraId;

    meeting.assignBreakoutRoom('Room 2', { participants: 2, endsInMs: 600_000 });
    await advance(0);
    expect(state().breakout).toMatchObject({ room: { name: 'Room 2', open: false, autoMove: true }, where: 'main' });

    meeting.openBreakoutRoom();
    await advance(0);
    expect(state().breakout.where).toBe('joining');
    expect(state().breakout.endsAt).toBe(Date.now() + 600_000);
    await advance(300);
    expect(state().breakout.where).toBe('room');
    expect(meeting.breakoutRoom()).toEqual({ where: 'room', name: 'Room 2', open: true });
    // The room's people, and only them; the model follows the room's call.
    expect(state().participants.size).toBe(2);
    expect(state().callId).toBe(meeting.call!.id);
    expect(recorder.of('breakoutJoin')).toEqual([{ kind: 'breakoutJoin', room: 'Room 2', displayName: 'Ada Guest', muted: false, video: true, cameraId: 'camera:desk' }]);
    expect(state().local).toMatchObject({ muted: false, videoOn: true });
    // Every module let go of the main meeting's call and of the people who stayed there.
    const room = meeting.call!;
    expect(listenersOn(main, mainPeople.filter((p) => !room.remoteParticipants.includes(p)))).toBe(0);

    // Talking in the room: the room's features are the session's now.
    const [speaker] = meeting.participantIds();
    meeting.setSpeaking(speaker, true);
    meeting.raiseHand(speaker, true);
    meeting.setRecording(true);
    await advance(0);
    expect(state().participants.get(speaker)).toMatchObject({ speaking: true, handRaised: true });
    expect(state().recordingActive).toBe(true);
    const from = recorder.received.length;
    await session.setMicrophone(false);
    await session.setMicrophone(true);
    expect(recorder.kindsSince(from)).toEqual(['mute', 'unmute']);
    expect(room.isMuted).toBe(false);

    meeting.closeBreakoutRoom();
    await advance(0);
    expect(state().breakout.where).toBe('returning');
    await advance(300);
    expect(state().breakout).toMatchObject({ where: 'main', notice: 'returned', endsAt: null });
    expect(meeting.breakoutRoom().where).toBe('main');
    // Everyone is back: the two from the room and the two who stayed.
    expect(state().participants.size).toBe(4);
    expect(recorder.of('breakoutReturn')).toEqual([{ kind: 'breakoutReturn', displayName: 'Ada Guest', muted: false, video: true }]);
    expect(meeting.local()).toMatchObject({ muted: false, video: true });
    expect(devices.state.get().cameraId).toBe(camera);
    expect(listenersOn(room)).toBe(0);
    // One meeting throughout: never ended, never shown as reconnecting.
    expect([...phases]).toEqual(['connected']);
    expect(state().ended).toBeNull();
    // The main meeting's recording mark is the main meeting's again.
    expect(state().recordingActive).toBe(false);
  });

  it('carries mute and camera when the room’s call starts without them, and a choice made during the move', async () => {
    const { session, meeting, recorder, state } = await inMeeting({ roomKeepsMedia: false }, { microphoneOn: true });
    meeting.assignBreakoutRoom('Room 1');
    meeting.openBreakoutRoom();
    await advance(0);
    expect(state().breakout.where).toBe('joining');
    // The guest turns the camera off while moving: that is what the room gets.
    await session.setCamera(false);
    await advance(300);
    expect(state().breakout.where).toBe('room');
    const [moved] = recorder.of('breakoutJoin');
    expect(moved).toMatchObject({ muted: true, video: false });
    // The room's call started muted: the session unmuted it, and left the camera off as chosen.
    expect(meeting.local()).toMatchObject({ muted: false, video: false });
    expect(state().local).toMatchObject({ muted: false, videoOn: false });
  });
});

describe('rooms the guest joins by choice', () => {
  it('says the room is open, joins on Join, goes back on Return while the room stays open, and is not pulled in again', async () => {
    const { session, meeting, state } = await inMeeting();
    meeting.assignBreakoutRoom('Design review', { autoMove: false });
    meeting.openBreakoutRoom();
    await advance(1000);
    expect(state().breakout).toMatchObject({ room: { name: 'Design review', open: true, autoMove: false }, where: 'main' });
    expect(meeting.breakoutRoom().where).toBe('main');

    await session.breakoutRooms.join();
    await advance(300);
    expect(state().breakout.where).toBe('room');
    expect(state().participants.size).toBe(1);

    await session.breakoutRooms.returnToMain();
    await advance(300);
    expect(state().breakout.where).toBe('main');
    expect(state().participants.size).toBe(3);
    await advance(5000);
    expect(meeting.breakoutRoom()).toMatchObject({ where: 'main', open: true });
  });

  it('offers no way back when the room’s settings forbid it', async () => {
    const { session, meeting, recorder, state } = await inMeeting();
    meeting.assignBreakoutRoom('Focus', { canReturn: false });
    meeting.openBreakoutRoom();
    await advance(300);
    expect(state().breakout).toMatchObject({ where: 'room', canReturn: false });
    await session.breakoutRooms.returnToMain();
    await advance(300);
    expect(state().breakout.where).toBe('room');
    expect(recorder.of('breakoutReturn')).toEqual([]);
  });
});

describe('when the guest cannot go in', () => {
  it('a refused join keeps the guest in the main meeting and says so', async () => {
    const { session, meeting, recorder, state } = await inMeeting({ roomJoinRefused: true });
    meeting.assignBreakoutRoom('Room 3', { autoMove: false, participants: 3 });
    meeting.openBreakoutRoom();
    await advance(0);
    await session.breakoutRooms.join();
    await advance(0);
    expect(recorder.of('breakoutJoin')[0]).toMatchObject({ refused: 'policy' });
    expect(state()).toMatchObject({ phase: 'connected', breakout: { where: 'main', notice: 'joinFailed' } });
    expect(state().participants.size).toBe(1);
    session.breakoutRooms.dismissNotice();
    await advance(0);
    expect(state().breakout.notice).toBeNull();
  });

  it('Teams moves everyone but never hands over a room call: told after the time limit, still in the meeting', async () => {
    const { meeting, state } = await inMeeting({ roomJoinRefused: true });
    meeting.assignBreakoutRoom('Room 4');
    meeting.openBreakoutRoom();
    await advance(0);
    expect(state().breakout.where).toBe('joining');
    await advance(BREAKOUT_MOVE_TIMEOUT_MS);
    expect(state()).toMatchObject({ phase: 'connected', breakout: { where: 'main', notice: 'joinFailed' } });
  });
});

describe('moves in the log and at their edges', () => {
  it('each move is logged where it goes and when it arrives, and a refused one with why', async () => {
    const logs: string[] = [];
    const { session, meeting } = await inMeeting({}, { log: (level, message) => logs.push(`${level}: ${message}`) });
    meeting.assignBreakoutRoom('Design review', { autoMove: false });
    meeting.openBreakoutRoom();
    await advance(0);
    await session.breakoutRooms.join();
    await advance(300);
    await session.breakoutRooms.returnToMain();
    await advance(300);
    expect(logs.filter((line) => line.includes('breakout:'))).toEqual([
      'info: meeting: breakout: moving to the room',
      'info: meeting: breakout: in the room',
      'info: meeting: breakout: moving to the main meeting',
      'info: meeting: breakout: in the main meeting',
    ]);
  });

  it('a refused join is logged with the service’s reason', async () => {
    const logs: string[] = [];
    const { session, meeting } = await inMeeting({ roomJoinRefused: true }, { log: (level, message) => logs.push(`${level}: ${message}`) });
    meeting.assignBreakoutRoom('Room 3', { autoMove: false });
    meeting.openBreakoutRoom();
    await advance(0);
    await session.breakoutRooms.join();
    await advance(0);
    expect(logs.filter((line) => line.startsWith('warn: meeting: breakout:'))).toEqual([expect.stringMatching(/^warn: meeting: breakout: move to the room failed: .+\(\d+\/\d+\)$/)]);
  });

  it('the main meeting ending while a move never arrives: the meeting is over, with the main call’s reason', async () => {
    const { meeting, state } = await inMeeting({ roomJoinRefused: true });
    meeting.assignBreakoutRoom('Room 4');
    meeting.openBreakoutRoom();
    await advance(0);
    expect(state().breakout.where).toBe('joining');
    meeting.end(0, 4097);
    await advance(0);
    // During the move the old call's end is not the meeting's end…
    expect(state().phase).not.toBe('ended');
    await advance(BREAKOUT_MOVE_TIMEOUT_MS);
    // …but once the move fails, there is no meeting left to stay in.
    expect(state()).toMatchObject({ phase: 'ended', ended: { kind: 'endedForEveryone', code: 0, subCode: 4097 } });
  });

  it('mute and camera chosen during the move are shown at once and are what the room’s call gets', async () => {
    const { session, meeting, state } = await inMeeting({}, { microphoneOn: true });
    meeting.assignBreakoutRoom('Room 5');
    meeting.openBreakoutRoom();
    await advance(0);
    expect(state().breakout.where).toBe('joining');
    await session.toggleMicrophone();
    await session.toggleCamera();
    await advance(0);
    expect(state().local).toMatchObject({ muted: true, videoOn: false });
    await advance(300);
    expect(state().breakout.where).toBe('room');
    expect(meeting.local()).toMatchObject({ muted: true, video: false });
    expect(state().local).toMatchObject({ muted: true, videoOn: false });
  });
});
