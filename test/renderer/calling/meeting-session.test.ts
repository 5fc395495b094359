// The calling layer in Node, against the scripted meeting as a strict counterpart: the real
// MeetingCallSession, DeviceService, feature modules, call model and the real
// AzureCommunicationTokenCredential drive the scripted SDK objects; the meeting records what the
// guest's client sent (test/support/scripted-meeting/recorder.ts) and the tests assert on that,
// not only on the state the screen would show. Time is the fake clock's: connecting, the lobby
// and token renewals happen when the test advances it, never after a real wait. The SDK's module
// is replaced by node-sdk.ts (the SDK cannot load outside a browser); video views need a DOM and
// are tested in Chromium. Each of the review's mutants of call-session.ts fails here: the display
// name replaced by '' (the join tests), always joining unmuted (the first join test), and the
// token refresher returning the first token (the renewal test).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenReply } from '../../../common/ipc-contract';
import type { CallState } from '../../../renderer/calling/call-model';
import { MeetingCallSession, rawIdOfToken, type JoinOptions } from '../../../renderer/calling/call-session';
import { DeviceService } from '../../../renderer/calling/devices';
import type { ScriptedMeetingConfig } from '../../../renderer/calling/practice/control';
import { ScriptedMeeting } from '../../../renderer/calling/practice/meeting';
import type { DisplayMediaGrant } from '../../../renderer/calling/practice/screen-share';
import { PRACTICE_CONFIG, playPracticeScript } from '../../../renderer/calling/practice/practice-meeting';
import { Features } from '../../support/scripted-meeting/node-sdk';
import { CAMERAS, nodeDeviceManager } from '../../support/scripted-meeting/node-devices';
import { fakeAcsToken } from '../../support/scripted-meeting/page';
import { MeetingRecorder } from '../../support/scripted-meeting/recorder';

vi.mock('@azure/communication-calling', () => import('../../support/scripted-meeting/node-sdk'));

const LINK = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ2YmY4MzAtYWE4Zi00ZGU4LTk3ZjMtYzk2ZTdhMjQ5YmM0%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%7d';
const HOUR = 3_600_000;

/** Main's token service as the renderer sees it: each call mints a new token (numbered by its issue time). */
function tokenService(lifetimeMs = HOUR) {
  const issued: string[] = [];
  return {
    issued,
    getToken: vi.fn(async (): Promise<TokenReply> => {
      // Distinct even within one millisecond: the issue count goes into the identity's name.
      const token = fakeAcsToken(`acs:scripted_guest_${issued.length}`, lifetimeMs);
      issued.push(token);
      return { ok: true, token, expiresOnMs: Date.now() + lifetimeMs };
    }),
  };
}

/** What getDisplayMedia gives when the guest picks the "Claim form" window: one video track that can end. */
async function chosenWindow(): Promise<DisplayMediaGrant> {
  const track = Object.assign(new EventTarget(), { kind: 'video', label: 'Claim form', stop: () => undefined });
  const stream = { getVideoTracks: () => [track], getAudioTracks: () => [], getTracks: () => [track], id: 'display-1' } as unknown as MediaStream;
  return { stream, name: 'Claim form', audio: false };
}

interface Joined {
  session: MeetingCallSession;
  meeting: ScriptedMeeting;
  recorder: MeetingRecorder;
  tokens: ReturnType<typeof tokenService>;
  devices: DeviceService;
  state(): CallState;
}

const sessions: MeetingCallSession[] = [];

/** Joins a scripted meeting from Node, as the meeting screen does (fake clock running). */
async function join(config: ScriptedMeetingConfig, options: Partial<JoinOptions> = {}, tokens = tokenService(), play?: (meeting: ScriptedMeeting) => void): Promise<Joined> {
  const meeting = new ScriptedMeeting({ connectDelayMs: 300, ...config }, { features: Features, displayMedia: chosenWindow });
  play?.(meeting);
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
      cameraOn: false,
      microphoneOn: false,
      getToken: tokens.getToken,
      devices: {},
      access: { camera: 'granted', microphone: 'granted' },
      ...options,
    },
  );
  sessions.push(session);
  await vi.advanceTimersByTimeAsync(0);
  return { session, meeting, recorder, tokens, devices, state: () => session.state.get() };
}

/** Lets the meeting's timers and the session's promises run for `ms` of fake time. */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-02T09:00:00Z') });
});
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.dispose().catch(() => undefined);
  vi.useRealTimers();
});

describe('what the meeting receives when the guest joins', () => {
  it('the guest’s display name, muted as chosen, camera off as chosen, on the meeting’s link', async () => {
    const { recorder, state } = await join({});
    const [join1] = recorder.of('join');
    expect(join1).toEqual({ kind: 'join', locator: { meetingLink: LINK }, displayName: 'Ada Guest', muted: true, video: false, cameraId: null });
    expect(recorder.of('agent')).toEqual([{ kind: 'agent', displayName: 'Ada Guest' }]);
    expect(state().phase).toBe('connecting');
  });

  it('unmuted with the chosen camera when the guest chose so', async () => {
    const { recorder, devices } = await join({}, { microphoneOn: true, cameraOn: true, devices: { camera: { id: 'desk', name: 'Desk camera' } } });
    expect(devices.state.get().cameraId).toBe('camera:desk');
    expect(recorder.of('join')).toEqual([{ kind: 'join', locator: { meetingLink: LINK }, displayName: 'Ada Guest', muted: false, video: true, cameraId: 'camera:desk' }]);
  });

  it('a meeting ID and passcode as the locator, and a name with any characters as it was typed', async () => {
    const { recorder } = await join({}, { displayName: '김서연 (Contoso)', target: { kind: 'meetingId', meetingId: '234567890123', passcode: 'Ab3xYz' } });
    expect(recorder.of('join')[0]).toMatchObject({ locator: { meetingId: '234567890123', passcode: 'Ab3xYz' }, displayName: '김서연 (Contoso)' });
  });
});

describe('the token, read at each use', () => {
  it('the meeting reads the token main gave at join, then the renewed one at each renewal', async () => {
    const { recorder, tokens, state } = await join({ tokenCheckMs: 5 * 60_000 });
    await advance(300);
    expect(state().phase).toBe('connected');
    const [first] = tokens.issued;
    expect(recorder.tokens('agent')).toEqual([first]);
    expect(recorder.tokens('join')).toEqual([first]);

    // Past the first token's hour: the credential renewed through main, and the meeting read the new token.
    await advance(HOUR + 60_000);
    expect(tokens.issued.length).toBeGreaterThanOrEqual(2);
    const renewals = recorder.tokens('renewal');
    expect(renewals.length).toBeGreaterThanOrEqual(12);
    expect(renewals.at(-1)).not.toBe(first);
    expect(tokens.issued).toContain(renewals.at(-1));
    // Every token the meeting read was still valid then: it did not end the call for an expired one.
    expect(state().phase).toBe('connected');
    expect(recorder.of('tokenFailed')).toEqual([]);
  });
});

describe('when main has no token', () => {
  it('at join: the meeting receives nothing and the guest is told why', async () => {
    const getToken = vi.fn(async (): Promise<TokenReply> => ({ ok: false, error: 'offline' }));
    const logs: string[] = [];
    const { recorder, meeting, state } = await join({}, { getToken, log: (level, message) => logs.push(`${level}: ${message}`) });
    await advance(300);
    expect(logs).toEqual(['warn: meeting: no token: offline']);
    expect(state().phase).toBe('ended');
    expect(state().ended).toMatchObject({ kind: 'tokenUnavailable', tokenError: 'offline', rejoin: true });
    expect(recorder.received).toEqual([]);
    expect(meeting.agents()).toEqual({ created: 0, disposed: 0 });
  });
});

describe('when main cannot renew the token during the call', () => {
  it('the credential’s early renewals fail without an unhandled rejection, and before the token runs out the call ends and the guest is told why', async () => {
    const escaped: unknown[] = [];
    const onEscape = (reason: unknown) => escaped.push(reason);
    process.on('unhandledRejection', onEscape);
    try {
      const tokens = tokenService();
      let mainUp = true;
      const getToken = vi.fn(async (): Promise<TokenReply> => (mainUp ? tokens.getToken() : { ok: false, error: 'offline' }));
      const { state, recorder, meeting } = await join({ tokenCheckMs: 5 * 60_000 }, { getToken });
      await advance(300);
      expect(state().phase).toBe('connected');
      mainUp = false;

      // 50 minutes in, the credential renews early (10 minutes before the hour) and main says no:
      // the guest stays in the call on the token they have, and the credential tries again.
      await advance(HOUR - 4 * 60_000);
      expect(getToken.mock.calls.length).toBeGreaterThanOrEqual(3);
      expect(state().phase).toBe('connected');

      // Before the token runs out, the call ends with the token service's reason on the ended screen.
      await advance(4 * 60_000);
      expect(state().phase).toBe('ended');
      expect(state().ended).toMatchObject({ kind: 'tokenUnavailable', tokenError: 'offline', rejoin: true });
      expect(meeting.agents()).toEqual({ created: 1, disposed: 1 });
      // The meeting never read an expired token or a failed credential.
      expect(recorder.of('tokenFailed')).toEqual([]);
      expect(recorder.tokens().every((token) => token === tokens.issued[0])).toBe(true);

      // Nothing keeps asking main once the meeting is over.
      const asked = getToken.mock.calls.length;
      await advance(2 * HOUR);
      expect(getToken.mock.calls.length).toBe(asked);
      // Node reports unhandled rejections after the microtasks of the turn that made them: one real turn.
      vi.useRealTimers();
      await new Promise((resolve) => setImmediate(resolve));
      expect(escaped).toEqual([]);
    } finally {
      process.off('unhandledRejection', onEscape);
    }
  });

  it('a renewal that fails once is tried again, and the renewed token reaches the meeting', async () => {
    const tokens = tokenService();
    let refusals = 1;
    const getToken = vi.fn(async (): Promise<TokenReply> => (getToken.mock.calls.length > 1 && refusals-- > 0 ? { ok: false, error: 'timeout' } : tokens.getToken()));
    const logs: string[] = [];
    const { state, recorder } = await join({ tokenCheckMs: 5 * 60_000 }, { getToken, log: (level, message) => logs.push(`${level}: ${message}`) });
    await advance(HOUR + 60_000);
    expect(state().phase).toBe('connected');
    expect(refusals).toBe(-1);
    // The failed renewal is in the log the guest can copy for support.
    expect(logs.filter((line) => line.startsWith('warn: meeting: token renewal failed: timeout'))).toHaveLength(1);
    expect(tokens.issued).toHaveLength(2);
    expect(recorder.tokens('renewal').at(-1)).toBe(tokens.issued[1]);
  });
});

describe('leaving before the meeting answers', () => {
  it('while the call agent is being made: no join is sent and the agent is released', async () => {
    // The agent is made, then handed over only when the test says so.
    const handOver: { agent?: () => void } = {};
    const slowAgent = (meeting: ScriptedMeeting) => {
      const create = meeting.createCallAgent.bind(meeting);
      meeting.createCallAgent = async (...args) => {
        const agent = await create(...args);
        await new Promise<void>((resolve) => (handOver.agent = resolve));
        return agent;
      };
    };
    const { session, recorder, meeting, state } = await join({}, {}, tokenService(), slowAgent);
    // The session's start-up promises (token, device access) settle on the fake clock's microtasks.
    for (let turn = 0; turn < 20 && !handOver.agent; turn++) await advance(0);
    expect(handOver.agent).toBeDefined();
    const left = session.leave();
    handOver.agent?.();
    await left;
    await advance(300);
    expect(recorder.of('join')).toEqual([]);
    expect(meeting.agents()).toEqual({ created: 1, disposed: 1 });
    expect(state().phase).toBe('ended');
  });
});

describe('what the meeting receives during the call', () => {
  it('each mute and unmute, camera on and off, camera switch, hand, and the hang-up, in order', async () => {
    const { session, recorder, meeting, state } = await join({}, { cameraOn: true, devices: { camera: { id: 'front', name: 'Front camera' } } });
    await advance(300);
    const from = recorder.received.length;
    await session.setMicrophone(true);
    await session.setMicrophone(false);
    await session.setCamera(false);
    await session.setCamera(true);
    await session.selectCamera(CAMERAS[1].id);
    await session.setHandRaised(true);
    await session.setHandRaised(false);
    await session.leave();
    await advance(0);
    expect(recorder.kindsSince(from)).toEqual(['unmute', 'mute', 'stopVideo', 'startVideo', 'switchCamera', 'raiseHand', 'lowerHand', 'hangUp']);
    expect(recorder.of('stopVideo')[0].cameraId).toBe('camera:front');
    expect(recorder.of('switchCamera')).toEqual([{ kind: 'switchCamera', cameraId: 'camera:desk' }]);
    expect(meeting.callState()).toBe('Disconnected');
    expect(state().phase).toBe('ended');
  });

  it('the screen share the guest starts (with the chosen window) and stops', async () => {
    const { session, recorder } = await join({});
    await advance(300);
    const from = recorder.received.length;
    await session.startScreenShare();
    await advance(0);
    expect(session.screenShare.get().status).toBe('on');
    await session.stopScreenShare();
    await advance(0);
    expect(recorder.received.slice(from)).toEqual([{ kind: 'startScreenShare', source: 'Claim form', audio: false }, { kind: 'stopScreenShare' }]);
  });

  it('sends nothing the meeting forbids: no unmute while the organizer has disabled microphones', async () => {
    const { session, recorder, meeting, state } = await join({});
    await advance(300);
    meeting.setCapability('unmuteMic', false, 'MeetingRestricted');
    await advance(0);
    const from = recorder.received.length;
    await session.setMicrophone(true);
    expect(recorder.kindsSince(from)).toEqual([]);
    expect(state().local.muted).toBe(true);
  });
});

describe('what the meeting tells the guest', () => {
  it('people already in the call when join() returns are in the roster before any event', async () => {
    const { state, meeting } = await join({ participantsAtJoin: 2, participants: 0 });
    expect(meeting.participantIds()).toHaveLength(2);
    expect(state().participants.size).toBe(2);
    expect(state().phase).toBe('connecting');
  });

  it('the call’s new id once connected (idChanged)', async () => {
    const { state, meeting } = await join({});
    const before = state().callId;
    expect(before).toMatch(/^scripted-call-/);
    await advance(300);
    expect(state().callId).not.toBe(before);
    expect(state().callId).toBe((meeting as unknown as { call: { id: string } }).call.id);
  });

  it('a screen share appearing and going (videoStreamsUpdated), and no listener left after the call', async () => {
    const { state, meeting, session } = await join({ participants: 2 });
    await advance(300);
    const [sharer] = meeting.participantIds();
    meeting.setScreenShare(sharer, true);
    await advance(0);
    expect(state().participants.get(sharer)?.screenShareAvailable).toBe(true);
    meeting.setScreenShare(sharer, false);
    await advance(0);
    expect(state().participants.get(sharer)?.screenShareAvailable).toBe(false);
    const call = meeting.call!;
    const people = [...call.remoteParticipants];
    await session.leave();
    await advance(0);
    expect(people.map((p) => p.listenerCount())).toEqual([0, 0]);
    expect(call.listenerCount()).toBe(0);
    expect(meeting.featureListeners()).toBe(0);
  });

  it('waits in the lobby until admitted, on the meeting’s clock', async () => {
    const { state, meeting } = await join({ lobby: true });
    await advance(299);
    expect(state().phase).toBe('connecting');
    await advance(1);
    expect(state().phase).toBe('lobby');
    meeting.admit();
    await advance(0);
    expect(state().phase).toBe('connected');
    expect(state().participants.size).toBe(2);
  });
});

describe('call quality (Features.MediaStats)', () => {
  it('samples each second on the meeting’s clock, judges each way apart, and disposes its collector at the end', async () => {
    const { state, meeting, session } = await join({ participants: 2 });
    await advance(300);
    expect(meeting.mediaStatsCollectors()).toBe(1);
    await advance(1_000);
    expect(state().mediaStats.send.level).toBe('good');
    expect(state().mediaStats.receive.level).toBe('good');
    // The network gets bad one way: shown after three samples (three seconds), not the first.
    meeting.setNetwork('receive', { rttMs: 80, lossPercent: 20, jitterMs: 20 });
    await advance(2_000);
    expect(state().mediaStats.receive.level).toBe('good');
    await advance(1_000);
    expect(state().mediaStats.receive.level).toBe('poor');
    expect(state().mediaStats.send.level).toBe('good');
    await session.leave();
    await advance(0);
    expect(meeting.mediaStatsCollectors()).toBe(0);
    expect(meeting.featureListeners()).toBe(0);
  });
});

describe('the practice meeting’s script', () => {
  it('people take turns speaking, react, raise and lower a hand, share a screen and spotlight the guest, on the meeting’s clock', async () => {
    let stop = () => undefined as void;
    const { state, meeting, session } = await join(PRACTICE_CONFIG, {}, tokenService(), (m) => (stop = playPracticeScript(m)));
    await advance(PRACTICE_CONFIG.connectDelayMs!);
    expect(state().phase).toBe('connected');
    expect(state().participants.size).toBe(4);
    const seen = { speakers: new Set<string>(), hand: false, share: false, reaction: false, spotlight: false };
    for (let beat = 0; beat < 12; beat++) {
      await advance(4_000);
      const people = [...state().participants.values()];
      for (const p of people) if (p.speaking) seen.speakers.add(p.id);
      if (people.some((p) => p.handRaised)) seen.hand = true;
      if (people.some((p) => p.screenShareAvailable)) seen.share = true;
      if (state().reactions.byParticipant.size > 0) seen.reaction = true;
      if (state().spotlight.self) seen.spotlight = true;
    }
    expect(seen.speakers.size).toBeGreaterThanOrEqual(3);
    expect(seen.hand).toBe(true);
    expect(seen.share).toBe(true);
    expect(seen.reaction).toBe(true);
    expect(seen.spotlight).toBe(true);
    // The next round takes the guest out of the spotlight again.
    await advance(4_000);
    expect(state().spotlight.self).toBe(false);
    // After the full round, the hand is down and the share has ended again.
    expect([...state().participants.values()].some((p) => p.handRaised || p.screenShareAvailable)).toBe(false);
    await session.leave();
    await advance(0);
    stop();
    expect(meeting.callState()).toBe('Disconnected');
  });
});

describe('what the guest changes before the meeting answers', () => {
  /** A token service that answers only when the test says so. */
  function heldToken() {
    const tokens = tokenService();
    const held: { release?: () => void } = {};
    const getToken = vi.fn(async (): Promise<TokenReply> => {
      if (tokens.issued.length === 0) await new Promise<void>((resolve) => (held.release = resolve));
      return tokens.getToken();
    });
    return { tokens, held, getToken };
  }

  it('muting while Doorway fetches the token: the meeting is joined muted (privacy)', async () => {
    const { held, getToken } = heldToken();
    const { session, recorder, state } = await join({}, { microphoneOn: true, getToken });
    expect(state().local.muted).toBe(false);
    await session.setMicrophone(false);
    session.flush();
    expect(state().local.muted).toBe(true);
    held.release?.();
    await advance(0);
    expect(recorder.of('join')[0]).toMatchObject({ muted: true, video: false });
    expect(recorder.of('unmute')).toEqual([]);
  });

  it('unmuting and turning the camera on while waiting: joined unmuted with the camera', async () => {
    const { held, getToken } = heldToken();
    const { session, recorder } = await join({}, { getToken, devices: { camera: { id: 'desk', name: 'Desk camera' } } });
    await session.toggleMicrophone();
    await session.toggleCamera();
    held.release?.();
    await advance(0);
    expect(recorder.of('join')[0]).toMatchObject({ muted: false, video: true, cameraId: 'camera:desk' });
  });

  it('the camera chosen on, with no camera there: joined without video, and the screen says the camera is off', async () => {
    const none = () => {
      const manager = nodeDeviceManager() as unknown as { getCameras: () => Promise<unknown[]> };
      manager.getCameras = async () => [];
      return manager;
    };
    const meeting = new ScriptedMeeting({}, { features: Features, displayMedia: chosenWindow });
    const recorder = new MeetingRecorder(meeting);
    const session = new MeetingCallSession(
      { createCallAgent: (c, o) => meeting.createCallAgent(c, o), releaseCallAgent: (a) => a.dispose(), createRemoteRenderer: (s) => meeting.createRemoteRenderer(s), schedule: (f) => queueMicrotask(f) },
      new DeviceService(none() as never),
      { target: { kind: 'link', meetingLink: LINK }, displayName: 'Ada Guest', cameraOn: true, microphoneOn: false, getToken: tokenService().getToken, access: { camera: 'granted', microphone: 'granted' } },
    );
    sessions.push(session);
    await advance(0);
    expect(recorder.of('join')[0]).toMatchObject({ video: false, cameraId: null, muted: true });
    expect(session.state.get().local.videoOn).toBe(false);
    // Asked again for the camera: nothing is sent, and the guest is told it failed.
    await session.setCamera(true);
    await advance(0);
    expect(recorder.of('startVideo')).toEqual([]);
    expect(session.state.get().notices).toContain('actionFailed');
    expect(session.state.get().local.videoOn).toBe(false);
  });

  it('a meeting ID without a passcode is joined with the ID alone', async () => {
    const { recorder } = await join({}, { target: { kind: 'meetingId', meetingId: '234567890123', passcode: '' } });
    expect(recorder.of('join')[0].locator).toEqual({ meetingId: '234567890123' });
  });

  it('without the join screen’s answer, the SDK asks for device access before joining', async () => {
    const { recorder, devices } = await join({}, { access: undefined, cameraOn: true, devices: { camera: { id: 'desk', name: 'Desk camera' } } });
    expect(devices.state.get().cameraAccess).toBe('granted');
    expect(recorder.of('join')[0]).toMatchObject({ video: true, cameraId: 'camera:desk' });
  });
});

describe('the guest’s controls during the call', () => {
  it('toggles send what the screen shows: unmute, camera on with the chosen camera, then off again', async () => {
    const { session, recorder, state } = await join({}, { devices: { camera: { id: 'desk', name: 'Desk camera' } } });
    await advance(300);
    const from = recorder.received.length;
    await session.toggleMicrophone();
    await session.toggleCamera();
    await advance(0);
    expect(state().local).toMatchObject({ muted: false, videoOn: true });
    await session.toggleMicrophone();
    await session.toggleCamera();
    await advance(0);
    expect(state().local).toMatchObject({ muted: true, videoOn: false });
    expect(recorder.received.slice(from)).toEqual([
      { kind: 'unmute' },
      { kind: 'startVideo', cameraId: 'camera:desk' },
      { kind: 'mute' },
      { kind: 'stopVideo', cameraId: 'camera:desk' },
    ]);
  });

  it('an action the SDK refuses shows the failure notice and the real state; the next success clears it', async () => {
    const logs: string[] = [];
    const { session, meeting, state } = await join({}, { log: (level, message) => logs.push(`${level}: ${message}`) });
    await advance(300);
    const call = meeting.call!;
    const unmute = call.unmute.bind(call);
    call.unmute = async () => {
      throw Object.assign(new Error('device busy'), { code: 500, subCode: 1 });
    };
    await session.setMicrophone(true);
    await advance(0);
    expect(state().notices).toContain('actionFailed');
    expect(state().local.muted).toBe(true);
    expect(logs.filter((line) => line.startsWith('warn'))).toEqual(['warn: meeting: unmute failed: device busy (500/1)']);
    call.unmute = unmute;
    await session.setMicrophone(true);
    await advance(0);
    expect(state().notices).not.toContain('actionFailed');
    expect(state().local.muted).toBe(false);
  });

  it('a camera the SDK cannot start: the notice, and the camera shown off; started later, the notice goes', async () => {
    const logs: string[] = [];
    const { session, meeting, state, recorder } = await join({}, { devices: { camera: { id: 'desk', name: 'Desk camera' } }, log: (level, message) => logs.push(`${level}: ${message}`) });
    await advance(300);
    meeting.setCapability('turnVideoOn', false, 'MeetingRestricted');
    await advance(0);
    // Forbidden: not even asked.
    await session.setCamera(true);
    expect(recorder.of('startVideo')).toEqual([]);
    meeting.setCapability('turnVideoOn', true, 'Capable');
    await advance(0);
    const call = meeting.call!;
    const startVideo = call.startVideo.bind(call);
    call.startVideo = async () => {
      throw new Error('camera in use');
    };
    await session.setCamera(true);
    await advance(0);
    expect(state().local.videoOn).toBe(false);
    expect(state().notices).toContain('actionFailed');
    expect(logs).toContain('warn: meeting: start video failed: camera in use');
    call.startVideo = startVideo;
    await session.setCamera(true);
    await advance(0);
    expect(state().local.videoOn).toBe(true);
    expect(state().notices).not.toContain('actionFailed');
    expect(recorder.of('startVideo')).toEqual([{ kind: 'startVideo', cameraId: 'camera:desk' }]);
  });

  it('the camera shows on or off at once, before the meeting confirms', async () => {
    const { session, meeting, state } = await join({}, { devices: { camera: { id: 'desk', name: 'Desk camera' } } });
    await advance(300);
    const call = meeting.call!;
    const startVideo = call.startVideo.bind(call);
    const stopVideo = call.stopVideo.bind(call);
    let confirm: () => void = () => undefined;
    call.startVideo = (stream) => new Promise<void>((resolve) => (confirm = () => void startVideo(stream).then(resolve)));
    const on = session.setCamera(true);
    await advance(0);
    expect(state().local.videoOn).toBe(true);
    confirm();
    await on;
    call.stopVideo = (stream) => new Promise<void>((resolve) => (confirm = () => void stopVideo(stream).then(resolve)));
    const off = session.setCamera(false);
    await advance(0);
    expect(state().local.videoOn).toBe(false);
    confirm();
    await off;
    expect(meeting.local().video).toBe(false);
  });

  it('muted by someone else: told so, and the notice goes when the guest unmutes', async () => {
    const { session, meeting, state, recorder } = await join({}, { microphoneOn: true });
    await advance(300);
    meeting.muteByOthers();
    await advance(0);
    expect(state().local.muted).toBe(true);
    expect(state().notices).toContain('mutedByOthers');
    await session.setMicrophone(true);
    await advance(0);
    expect(recorder.of('unmute')).toEqual([{ kind: 'unmute' }]);
    expect(state().local.muted).toBe(false);
    expect(state().notices).not.toContain('mutedByOthers');
  });

  it('the microphone and speaker chosen in the meeting are the SDK’s; a failing switch shows the notice', async () => {
    const logs: string[] = [];
    const { session, devices, state } = await join({}, { log: (level, message) => logs.push(`${level}: ${message}`) });
    await advance(300);
    await session.selectMicrophone('microphone:headset');
    await session.selectSpeaker('speaker:headset');
    expect(devices.state.get()).toMatchObject({ sdkMicrophoneId: 'microphone:headset', sdkSpeakerId: 'speaker:headset' });
    devices.selectMicrophone = async () => {
      throw new Error('gone');
    };
    devices.selectSpeaker = async () => {
      throw new Error('gone');
    };
    await session.selectMicrophone('microphone:built-in');
    await advance(0);
    expect(state().notices).toContain('actionFailed');
    await session.selectSpeaker('speaker:built-in');
    expect(logs.filter((line) => line.startsWith('warn'))).toEqual(['warn: meeting: switch microphone failed: gone', 'warn: meeting: switch speaker failed: gone']);
  });

  it('reactions, captions, spotlight and consent go to the meeting through their features', async () => {
    const { session, recorder, meeting, state } = await join({ consentRequired: true, recording: true, capabilities: { setCaptionLanguage: { isPresent: true, reason: 'Capable' } } }, { captionLanguage: 'fr' });
    await advance(300);
    expect(state().recordingActive).toBe(true);
    expect(state().consentRequired).toBe(true);
    await session.grantConsent();
    await advance(0);
    expect(recorder.of('grantConsent')).toHaveLength(1);
    expect(state().consentRequired).toBe(false);

    await session.reactions.send('like');
    expect(recorder.of('reaction')).toEqual([{ kind: 'reaction', reaction: 'like' }]);

    await session.captions.start();
    await advance(0);
    expect(recorder.of('startCaptions')).toHaveLength(1);
    // The caption language remembered from last time is asked for once captions run.
    expect(meeting.captions().captionLanguage).toBe('fr');
    await session.captions.setSpokenLanguage('de-de');
    await session.captions.setCaptionLanguage('ko');
    await session.captions.stop();
    expect(recorder.of('spokenLanguage')).toEqual([{ kind: 'spokenLanguage', language: 'de-de' }]);
    expect(recorder.of('captionLanguage').at(-1)).toEqual({ kind: 'captionLanguage', language: 'ko' });
    expect(recorder.of('stopCaptions')).toHaveLength(1);
    await advance(0);
    expect(meeting.captions().captionLanguage).toBe('ko');
    // Started again in this meeting: the language chosen in it, not the remembered one.
    await session.captions.start();
    await advance(0);
    expect(meeting.captions().captionLanguage).toBe('ko');
    expect(recorder.of('captionLanguage').map((r) => r.language)).toEqual(['fr', 'ko']);
    // A start the service refuses shows a notice, which the guest can dismiss.
    meeting.failNextCaptionsStart();
    await session.captions.stop();
    await advance(0);
    await session.captions.start();
    await advance(0);
    expect(state().captions.notice).not.toBeNull();
    session.captions.dismissNotice();
    await advance(0);
    expect(state().captions.notice).toBeNull();

    meeting.setSpotlight(['self']);
    await advance(0);
    expect(state().spotlight.self).toBe(true);
    await session.spotlight.leave();
    expect(recorder.of('stopSpotlight')).toEqual([{ kind: 'stopSpotlight', self: true }]);

    session.mediaStats.setIncomingVideo(false);
    session.mediaStats.dismissAdvice();
    session.breakoutRooms.dismissNotice();
    await advance(0);
    expect(state().mediaStats).toMatchObject({ incomingVideoOff: true, adviceDismissed: true });
  });
});

describe('meeting chat access', () => {
  it('only once admitted, on the meeting’s thread, as the token’s identity, with the current token', async () => {
    const tokens = tokenService();
    const getToken = vi.fn(async (): Promise<TokenReply> => {
      const reply = await tokens.getToken();
      return reply.ok ? { ...reply, chatEndpoint: 'https://contoso.communication.azure.com/' } : reply;
    });
    const { session, meeting } = await join({ lobby: true }, { getToken, displayName: 'Ada Guest' });
    expect(session.chatAccess()).toBeNull();
    await advance(300);
    expect(session.state.get().phase).toBe('lobby');
    expect(session.chatAccess()).toBeNull();
    meeting.admit();
    await advance(0);
    const access = session.chatAccess();
    expect(access).toMatchObject({
      threadId: '19:meeting_scripted@thread.v2',
      endpoint: 'https://contoso.communication.azure.com/',
      userId: '8:acs:scripted_guest_0',
      displayName: 'Ada Guest',
      joinedAt: new Date('2026-12-02T09:00:00Z').getTime(),
    });
    expect((await access!.token()).token).toBe(tokens.issued[0]);
  });

  it('none for a call without a chat thread', async () => {
    const tokens = tokenService();
    const getToken = vi.fn(async (): Promise<TokenReply> => {
      const reply = await tokens.getToken();
      return reply.ok ? { ...reply, chatEndpoint: 'https://contoso.communication.azure.com/' } : reply;
    });
    const { session, meeting } = await join({}, { getToken });
    await advance(300);
    const call = meeting.call!;
    Object.assign(call, { info: { ...call.info, threadId: undefined } });
    expect(session.chatAccess()).toBeNull();
  });

  it('none when the token service grants no chat', async () => {
    const { session } = await join({});
    await advance(300);
    expect(session.state.get().phase).toBe('connected');
    expect(session.chatAccess()).toBeNull();
  });
});

describe('leaving and the end of the meeting', () => {
  it('a hang-up the SDK never confirms still ends the meeting for the guest, once', async () => {
    const { session, meeting, recorder, state } = await join({});
    await advance(300);
    const call = meeting.call!;
    call.hangUp = async () => {
      throw new Error('no answer');
    };
    await session.leave();
    await session.leave();
    expect(state().local.leaving).toBe(true);
    await advance(2_999);
    expect(state().phase).toBe('connected');
    await advance(1);
    expect(state().phase).toBe('ended');
    expect(state().ended).toMatchObject({ kind: 'left', callId: call.id });
    expect(recorder.of('hangUp')).toEqual([]);
    expect(meeting.agents()).toEqual({ created: 1, disposed: 1 });
  });

  it('removed by the organizer: the reason, and no Rejoin; the agent is released', async () => {
    const { meeting, state } = await join({});
    await advance(300);
    meeting.end(0, 5000);
    await advance(0);
    expect(state().ended).toMatchObject({ kind: 'removed', code: 0, subCode: 5000, rejoin: false });
    expect(meeting.agents()).toEqual({ created: 1, disposed: 1 });
  });

  it('a meeting that refuses guests while connecting: the ended screen says why', async () => {
    const { state } = await join({ endWhileConnecting: { code: 403 } });
    await advance(300);
    expect(state().ended).toMatchObject({ kind: 'anonymousNotAllowed', code: 403 });
  });

  it('an agent the SDK cannot make ends the join with its codes', async () => {
    const log: string[] = [];
    const meeting = new ScriptedMeeting({}, { features: Features, displayMedia: chosenWindow });
    const session = new MeetingCallSession(
      {
        createCallAgent: async () => {
          throw Object.assign(new Error('offline'), { code: 490, subCode: 4525 });
        },
        releaseCallAgent: (a) => a.dispose(),
        createRemoteRenderer: (s) => meeting.createRemoteRenderer(s),
        schedule: (f) => queueMicrotask(f),
      },
      new DeviceService(nodeDeviceManager()),
      { target: { kind: 'link', meetingLink: LINK }, displayName: 'Ada Guest', cameraOn: false, microphoneOn: false, getToken: tokenService().getToken, access: { camera: 'granted', microphone: 'granted' }, log: (level, message) => log.push(`${level}: ${message}`) },
    );
    sessions.push(session);
    await advance(0);
    expect(session.state.get().ended).toMatchObject({ kind: 'networkLost', code: 490, subCode: 4525, rejoin: true });
    expect(log).toContain('error: meeting: join failed: offline (490/4525)');
  });

  it('reconnecting and back, on the call’s state', async () => {
    const { meeting, state } = await join({});
    await advance(300);
    meeting.setCallState('Connecting');
    await advance(0);
    expect(state().phase).toBe('reconnecting');
    meeting.setCallState('Connected');
    await advance(0);
    expect(state().phase).toBe('connected');
  });
});

describe('the people in the meeting', () => {
  it('names, mutes, speaking, leaving and camera follow the meeting', async () => {
    const { meeting, state } = await join({ participants: 2, videoParticipants: 0 });
    await advance(300);
    const [a, b] = meeting.participantIds();
    meeting.setName(a, 'Grace Hopper');
    meeting.setMuted(a, true);
    meeting.setSpeaking(b, true);
    meeting.setVideo(b, true);
    await advance(0);
    expect(state().participants.get(a)).toMatchObject({ name: 'Grace Hopper', muted: true, status: 'connected' });
    expect(state().participants.get(b)).toMatchObject({ speaking: true, videoAvailable: true, screenShareAvailable: false });
    meeting.setVideo(b, false);
    meeting.removeParticipants([a]);
    await advance(0);
    expect(state().participants.get(b)?.videoAvailable).toBe(false);
    expect(state().participants.has(a)).toBe(false);
    const [c] = meeting.addParticipants(1, { video: true, name: 'Late Comer' });
    await advance(0);
    expect(state().participants.get(c)).toMatchObject({ name: 'Late Comer', videoAvailable: true });
  });

  it('remote video: one view per shown tile, no more camera views than the meeting advises, each released', async () => {
    const { session, meeting } = await join({ participants: 3, optimalVideoCount: 2 });
    await advance(300);
    const views: Array<{ scalingMode?: string; disposed: boolean }> = [];
    const renderers: Array<{ disposed: boolean }> = [];
    (session as unknown as { deps: { createRemoteRenderer: unknown } }).deps.createRemoteRenderer = () => {
      const renderer = { disposed: false, async createView(options?: { scalingMode?: string }) {
        const view = { scalingMode: options?.scalingMode, disposed: false };
        views.push(view);
        return { target: { id: `view-${views.length}` } as unknown as HTMLElement, dispose: () => (view.disposed = true) };
      }, dispose: () => (renderer.disposed = true) };
      renderers.push(renderer);
      return renderer;
    };
    const shown: unknown[][] = [];
    const host = () => {
      const children: unknown[] = [];
      shown.push(children);
      return { replaceChildren: (...nodes: unknown[]) => children.splice(0, children.length, ...nodes), contains: (node: unknown) => children.includes(node) } as unknown as HTMLElement;
    };
    const [a, b, c] = meeting.participantIds();
    const stops = [a, b, c].map((id) => session.renderParticipantVideo(id, host()));
    await advance(0);
    expect(views.map((v) => v.scalingMode)).toEqual(['Crop', 'Crop']);
    expect(shown.map((children) => children.length)).toEqual([1, 1, 0]);
    // Someone without a screen share: nothing to render.
    session.renderParticipantVideo(a, host(), 'screenShare')();
    stops[0]();
    await advance(0);
    expect(views[0].disposed).toBe(true);
    expect(renderers[0].disposed).toBe(true);
    expect(shown[0]).toEqual([]);
    // The freed slot goes to the third tile.
    expect(views).toHaveLength(3);
    expect(shown[2]).toHaveLength(1);
    meeting.setScreenShare(b, true);
    await advance(0);
    const stopShare = session.renderParticipantVideo(b, host(), 'screenShare');
    await advance(0);
    expect(views.at(-1)?.scalingMode).toBe('Fit');
    stopShare();
    stops[1]();
    stops[2]();
    expect(views.every((v) => v.disposed)).toBe(true);
  });
});

/** A meeting whose calls do not offer some features (an older service, a tenant that turned them off). */
function withoutFeatures(missing: unknown[]) {
  return (meeting: ScriptedMeeting) => {
    const create = meeting.createCallAgent.bind(meeting);
    meeting.createCallAgent = async (...args) => {
      const agent = await create(...args);
      const joinMeeting = agent.join.bind(agent);
      agent.join = ((locator: never, options: never) => {
        const call = joinMeeting(locator, options);
        const feature = call.feature.bind(call);
        call.feature = ((factory: unknown) => {
          if (missing.includes(factory)) throw new Error('not offered');
          return feature(factory as never);
        });
        return call;
      });
      return agent;
    };
  };
}

describe('leaving, as the ended screen explains it', () => {
  it('the guest’s own Leave reads as "you left", with Rejoin and the call id', async () => {
    const { session, meeting, state } = await join({});
    await advance(300);
    const callId = meeting.call!.id;
    await session.leave();
    await advance(0);
    expect(state().ended).toMatchObject({ kind: 'left', callId, rejoin: true });
  });

  it('Leave while Doorway fetches the token: the meeting receives nothing, no agent is made, and it reads as "you left"', async () => {
    let answer: (reply: TokenReply) => void = () => undefined;
    const getToken = vi.fn(() => new Promise<TokenReply>((resolve) => (answer = resolve)));
    const { session, recorder, meeting, state } = await join({}, { getToken });
    // Nothing to chat in yet.
    expect(session.chatAccess()).toBeNull();
    await session.leave();
    expect(state()).toMatchObject({ phase: 'ended', ended: { kind: 'left', callId: null } });
    answer({ ok: true, token: fakeAcsToken('acs:scripted_guest_0', HOUR), expiresOnMs: Date.now() + HOUR });
    await advance(300);
    expect(recorder.received).toEqual([]);
    expect(meeting.agents()).toEqual({ created: 0, disposed: 0 });
    // Nor does anything go on asking main for tokens.
    await advance(2 * HOUR);
    expect(getToken).toHaveBeenCalledTimes(1);
  });

  it('Leave while the devices are being read: no agent is made', async () => {
    const devices = new DeviceService(nodeDeviceManager());
    let release: (() => void) | undefined;
    devices.adopt = () => new Promise((resolve) => (release = () => resolve(devices.state.get())));
    const meeting = new ScriptedMeeting({}, { features: Features, displayMedia: chosenWindow });
    const recorder = new MeetingRecorder(meeting);
    const session = new MeetingCallSession(
      { createCallAgent: (c, o) => meeting.createCallAgent(c, o), releaseCallAgent: (a) => a.dispose(), createRemoteRenderer: (s) => meeting.createRemoteRenderer(s), schedule: (f) => queueMicrotask(f) },
      devices,
      { target: { kind: 'link', meetingLink: LINK }, displayName: 'Ada Guest', cameraOn: false, microphoneOn: false, getToken: tokenService().getToken, access: { camera: 'granted', microphone: 'granted' } },
    );
    sessions.push(session);
    // The token arrives and the session asks for the devices (on the fake clock's microtasks).
    for (let turn = 0; turn < 20 && !release; turn++) await advance(0);
    expect(release).toBeDefined();
    // The token is there, the call is not: nothing to chat in yet.
    expect(session.chatAccess()).toBeNull();
    await session.leave();
    release?.();
    await advance(300);
    expect(meeting.agents()).toEqual({ created: 0, disposed: 0 });
    // Not even asked for one: the meeting was sent nothing.
    expect(recorder.received).toEqual([]);
  });

  it('the ended state is there as soon as the SDK says the call is over, before any frame', async () => {
    const { meeting, state } = await join({});
    await advance(300);
    meeting.end(0, 4097);
    expect(state().ended).toMatchObject({ kind: 'endedForEveryone', rejoin: false });
  });

  it('logs why a hang-up or an action failed, for the diagnostics the guest can copy', async () => {
    const logs: string[] = [];
    const { session, meeting } = await join({}, { log: (level, message) => logs.push(`${level}: ${message}`) });
    await advance(300);
    const call = meeting.call!;
    call.mute = async () => {
      throw Object.assign(new Error('busy'), { code: 500, subCode: 7 });
    };
    await session.setMicrophone(false);
    call.hangUp = async () => {
      throw new Error('no answer');
    };
    await session.leave();
    expect(logs).toContain('warn: meeting: mute failed: busy (500/7)');
    expect(logs).toContain('warn: meeting: hang up failed: no answer');
  });
});

describe('device access before joining', () => {
  it('asks the SDK only for what the join screen could not tell', async () => {
    const asked: unknown[] = [];
    const spy = (meeting: ScriptedMeeting) => meeting;
    for (const [access, expected] of [
      [{ camera: 'granted', microphone: 'granted' }, 0],
      [{ camera: 'unknown', microphone: 'granted' }, 1],
      [{ camera: 'granted', microphone: 'unknown' }, 1],
    ] as const) {
      const manager = nodeDeviceManager() as unknown as { askDevicePermission: (c: unknown) => Promise<unknown> };
      const before = asked.length;
      const ask = manager.askDevicePermission.bind(manager);
      manager.askDevicePermission = (c) => {
        asked.push(c);
        return ask(c);
      };
      const meeting = spy(new ScriptedMeeting({}, { features: Features, displayMedia: chosenWindow }));
      const recorder = new MeetingRecorder(meeting);
      const session = new MeetingCallSession(
        { createCallAgent: (c, o) => meeting.createCallAgent(c, o), releaseCallAgent: (a) => a.dispose(), createRemoteRenderer: (s) => meeting.createRemoteRenderer(s), schedule: (f) => queueMicrotask(f) },
        new DeviceService(manager as never),
        { target: { kind: 'link', meetingLink: LINK }, displayName: 'Ada Guest', cameraOn: true, microphoneOn: false, getToken: tokenService().getToken, access, devices: { camera: { id: 'desk', name: 'Desk camera' } } },
      );
      sessions.push(session);
      await advance(0);
      expect(asked.length - before).toBe(expected);
      expect(recorder.of('join')[0]).toMatchObject({ cameraId: 'camera:desk' });
    }
  });

  it('a device service that already knows the access asks nothing', async () => {
    const manager = nodeDeviceManager() as unknown as { askDevicePermission: () => Promise<unknown> };
    const ask = vi.fn(manager.askDevicePermission.bind(manager));
    manager.askDevicePermission = ask;
    const devices = new DeviceService(manager as never);
    await devices.adopt({}, { camera: 'granted', microphone: 'granted' });
    const meeting = new ScriptedMeeting({}, { features: Features, displayMedia: chosenWindow });
    const recorder = new MeetingRecorder(meeting);
    const session = new MeetingCallSession(
      { createCallAgent: (c, o) => meeting.createCallAgent(c, o), releaseCallAgent: (a) => a.dispose(), createRemoteRenderer: (s) => meeting.createRemoteRenderer(s), schedule: (f) => queueMicrotask(f) },
      devices,
      { target: { kind: 'link', meetingLink: LINK }, displayName: 'Ada Guest', cameraOn: false, microphoneOn: false, getToken: tokenService().getToken },
    );
    sessions.push(session);
    await advance(0);
    expect(ask).not.toHaveBeenCalled();
    expect(recorder.of('join')).toHaveLength(1);
  });
});

describe('features the meeting does not offer', () => {
  it('each is logged by name and left out; the meeting goes on, and the controls for them do nothing', async () => {
    const logs: string[] = [];
    const all = Object.values(Features);
    const { session, recorder, state } = await join({}, { log: (level, message) => logs.push(`${level}: ${message}`) }, tokenService(), withoutFeatures(all));
    await advance(300);
    expect(state().phase).toBe('connected');
    const names = logs.filter((line) => line.includes('unavailable')).map((line) => /feature (\w+) unavailable: not offered/.exec(line)?.[1]);
    expect(names.sort()).toEqual(
      ['Capabilities', 'Recording', 'Transcription', 'DominantSpeakers', 'RaiseHand', 'OptimalVideoCount', 'UserFacingDiagnostics', 'Reaction', 'MediaStats', 'Captions', 'BreakoutRooms', 'Spotlight', 'TogetherMode', 'TeamsMeetingAudioConferencing'].sort(),
    );
    const from = recorder.received.length;
    // Each control still returns a promise that settles, and sends nothing.
    await expect(session.reactions.send('like')).resolves.toBeUndefined();
    await expect(session.captions.start()).resolves.toBeUndefined();
    await expect(session.captions.stop()).resolves.toBeUndefined();
    await expect(session.captions.setSpokenLanguage('de-de')).resolves.toBeUndefined();
    await expect(session.captions.setCaptionLanguage('de')).resolves.toBeUndefined();
    await expect(session.breakoutRooms.join()).resolves.toBeUndefined();
    await expect(session.breakoutRooms.returnToMain()).resolves.toBeUndefined();
    await expect(session.spotlight.leave()).resolves.toBeUndefined();
    await expect(session.setHandRaised(true)).resolves.toBeUndefined();
    await expect(session.grantConsent()).resolves.toBeUndefined();
    session.captions.dismissNotice();
    session.mediaStats.setIncomingVideo(false);
    session.mediaStats.dismissAdvice();
    expect(recorder.received.slice(from)).toEqual([]);
    // No together-mode scene to render.
    const host = { replaceChildren: vi.fn() } as unknown as HTMLElement;
    session.renderTogetherMode(host)();
    expect(host.replaceChildren).not.toHaveBeenCalled();
    // With no recording or transcription feature there is no consent to ask for.
    expect(state().consentRequired).toBe(false);
  });

  it('a missing transcription feature alone: no consent is asked for, recording still shows', async () => {
    const { state } = await join({ recording: true, consentRequired: true }, {}, tokenService(), withoutFeatures([Features.Transcription]));
    await advance(300);
    expect(state().recordingActive).toBe(true);
    expect(state().consentRequired).toBe(false);
  });

  it('consent asked for by transcription alone is asked for', async () => {
    const { state, meeting } = await join({ transcription: true }, {}, tokenService());
    await advance(300);
    expect(state().consentRequired).toBe(false);
    meeting.setConsentRequired(true);
    await advance(0);
    expect(state().consentRequired).toBe(true);
  });
});

describe('what the meeting shows through its features, in the session', () => {
  it('dominant speakers, call-health notices, together mode and dial-in details', async () => {
    const dialIn = { conferenceId: '123 456 789#', numbers: [{ number: '+1 555 0100', country: 'United States', city: 'Seattle' }] };
    const { meeting, state, session } = await join({ participants: 2, dialIn });
    await advance(300);
    const [a, b] = meeting.participantIds();
    meeting.setDominantSpeakers([b, a]);
    meeting.setDiagnostic('network', 'noNetwork', true);
    await advance(0);
    expect(state().dominantSpeakers).toEqual([b, a]);
    expect(state().notices).toContain('noNetwork');
    meeting.setDiagnostic('network', 'noNetwork', false);
    meeting.setTogetherMode(true);
    await advance(0);
    expect(state().notices).not.toContain('noNetwork');
    expect(state().togetherMode.active).toBe(true);
    expect(state().dialIn).toMatchObject({ status: 'available', conferenceId: '123 456 789#' });
    // The scene renders into its host (shown whole).
    const views: Array<{ scalingMode?: string }> = [];
    (session as unknown as { deps: { createRemoteRenderer: unknown } }).deps.createRemoteRenderer = () => ({
      createView: async (options?: { scalingMode?: string }) => {
        views.push({ scalingMode: options?.scalingMode });
        return { target: {} as HTMLElement, dispose: () => undefined };
      },
      dispose: () => undefined,
    });
    const shown: unknown[] = [];
    meeting.setTogetherMode(false);
    await advance(0);
    // Off: no scene to render.
    session.renderTogetherMode({ replaceChildren: () => undefined } as unknown as HTMLElement)();
    expect(views).toEqual([]);
    meeting.setTogetherMode(true);
    await advance(0);
    const stop = session.renderTogetherMode({ replaceChildren: (...nodes: unknown[]) => shown.splice(0, shown.length, ...nodes), contains: (n: unknown) => shown.includes(n) } as unknown as HTMLElement);
    await advance(0);
    expect(views).toEqual([{ scalingMode: 'Fit' }]);
    expect(shown).toHaveLength(1);
    stop();
    expect(shown).toHaveLength(0);
  });

  it('performance mark when the call starts connecting (the join-screen benchmark reads it)', async () => {
    // The fake clock replaces `performance`; its mark() is what the session calls.
    const mark = vi.spyOn(performance, 'mark');
    const { meeting } = await join({});
    expect(mark.mock.calls.filter(([name]) => name === 'doorway:call-connecting')).toHaveLength(1);
    // Only when connecting: not again once connected, nor at the end.
    await advance(300);
    meeting.end(0, 4097);
    await advance(0);
    expect(mark.mock.calls.filter(([name]) => name === 'doorway:call-connecting')).toHaveLength(1);
  });
});

describe('remote participants, in detail', () => {
  it('no listener is left on a participant’s streams, removed ones included', async () => {
    const { meeting, session } = await join({ participants: 2 });
    await advance(300);
    const call = meeting.call!;
    const [sharer] = meeting.participantIds();
    meeting.setScreenShare(sharer, true);
    await advance(0);
    const streams = call.remoteParticipants.flatMap((p) => [...p.videoStreams]) as unknown as Array<{ listenerCount(): number }>;
    meeting.setScreenShare(sharer, false);
    await advance(0);
    const removedShare = streams.filter((s) => !call.remoteParticipants.some((p) => (p.videoStreams as unknown[]).includes(s)));
    expect(removedShare.length).toBeGreaterThan(0);
    expect(removedShare.map((s) => s.listenerCount())).toEqual(removedShare.map(() => 0));
    await session.leave();
    await advance(0);
    expect(streams.map((s) => s.listenerCount())).toEqual(streams.map(() => 0));
  });

  it('video for an unknown participant, or one without a camera, renders nothing; a view disposed before it exists is released', async () => {
    const { session, meeting } = await join({ participants: 2 });
    await advance(300);
    const created: Array<{ disposed: number }> = [];
    const renderers: Array<{ disposed: number }> = [];
    (session as unknown as { deps: { createRemoteRenderer: unknown } }).deps.createRemoteRenderer = () => {
      const renderer = {
        disposed: 0,
        createView: async () => {
          const view = { disposed: 0 };
          created.push(view);
          return { target: {} as HTMLElement, dispose: () => view.disposed++ };
        },
        dispose: () => renderer.disposed++,
      };
      renderers.push(renderer);
      return renderer;
    };
    const shown: unknown[] = [];
    const host = { replaceChildren: (...nodes: unknown[]) => shown.splice(0, shown.length, ...nodes), contains: (n: unknown) => shown.includes(n) } as unknown as HTMLElement;
    session.renderParticipantVideo('8:nobody', host)();
    expect(renderers).toHaveLength(0);
    const [a] = meeting.participantIds();
    // Gone before the SDK made the view: the view is released and never shown.
    const stop = session.renderParticipantVideo(a, host);
    stop();
    stop();
    await advance(0);
    expect(created).toEqual([{ disposed: 1 }]);
    expect(renderers.map((r) => r.disposed)).toEqual([1]);
    expect(shown).toEqual([]);
    // A host that shows something else by the time the view goes keeps it.
    const again = session.renderParticipantVideo(a, host);
    await advance(0);
    shown.splice(0, shown.length, 'placeholder');
    again();
    expect(shown).toEqual(['placeholder']);
  });

  it('a renderer the SDK refuses to make is logged, and nothing is shown', async () => {
    const logs: string[] = [];
    const { session, meeting } = await join({ participants: 1 }, { log: (level, message) => logs.push(`${level}: ${message}`) });
    await advance(300);
    (session as unknown as { deps: { createRemoteRenderer: unknown } }).deps.createRemoteRenderer = () => {
      throw new Error('stream gone');
    };
    const host = { replaceChildren: vi.fn() } as unknown as HTMLElement;
    session.renderParticipantVideo(meeting.participantIds()[0], host)();
    expect(host.replaceChildren).not.toHaveBeenCalled();
    expect(logs).toContain('warn: meeting: video renderer: stream gone');
  });
});

describe('cameras during the call', () => {
  it('choosing a camera with video off switches nothing and sends nothing; turned on, the chosen camera is sent', async () => {
    const { session, recorder, devices, state } = await join({});
    await advance(300);
    const from = recorder.received.length;
    await session.selectCamera('camera:desk');
    expect(devices.state.get().cameraId).toBe('camera:desk');
    expect(recorder.kindsSince(from)).toEqual([]);
    expect(state().notices).not.toContain('actionFailed');
    // Turning video off again when it is off sends nothing either.
    await session.setCamera(false);
    expect(recorder.kindsSince(from)).toEqual([]);
    expect(state().notices).not.toContain('actionFailed');
    await session.setCamera(true);
    expect(recorder.of('startVideo')).toEqual([{ kind: 'startVideo', cameraId: 'camera:desk' }]);
  });

  it('a camera switch the SDK refuses shows the notice', async () => {
    const logs: string[] = [];
    const { session, meeting, state } = await join({}, { cameraOn: true, log: (level, message) => logs.push(`${level}: ${message}`) });
    await advance(300);
    const stream = meeting.call!.localVideoStreams[0] as unknown as { switchSource: () => Promise<void> };
    stream.switchSource = async () => {
      throw new Error('device lost');
    };
    await session.selectCamera('camera:desk');
    await advance(0);
    expect(state().notices).toContain('actionFailed');
    expect(logs.filter((line) => line.startsWith('warn'))).toEqual(['warn: meeting: switch camera failed: device lost']);
  });

  it('camera on twice while it starts sends one start', async () => {
    const { session, recorder } = await join({});
    await advance(300);
    const first = session.toggleCamera();
    const second = session.toggleCamera();
    await Promise.all([first, second]);
    await advance(0);
    expect(recorder.of('startVideo')).toHaveLength(1);
    expect(recorder.of('stopVideo')).toHaveLength(1);
  });
});

describe('the guest’s own identity, read from the token', () => {
  const token = (payload: object) => `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

  it('is "8:" + the skypeid claim, from a base64url payload with - and _', () => {
    // This skypeid's JSON encodes to base64url with both '-' and '_' in it.
    const encoded = token({ skypeid: 'acs:>>>???~~~' }).split('.')[1];
    expect(encoded).toMatch(/-/);
    expect(encoded).toMatch(/_/);
    expect(rawIdOfToken(token({ skypeid: 'acs:>>>???~~~' }))).toBe('8:acs:>>>???~~~');
    // JWTs leave base64's padding out: one and two missing '=' read as well.
    for (const skypeid of ['acs:a', 'acs:ab']) {
      expect(token({ skypeid }).split('.')[1].length % 4).not.toBe(0);
      expect(rawIdOfToken(token({ skypeid }))).toBe(`8:${skypeid}`);
    }
  });

  it('is unknown for a token without a skypeid or with no payload', () => {
    expect(rawIdOfToken(token({ sub: 'someone' }))).toBeNull();
    expect(rawIdOfToken(token({ skypeid: 42 }))).toBeNull();
    expect(rawIdOfToken('not-a-token')).toBeNull();
  });

  it('a call the service ends with no reason given is not shown as the guest leaving', async () => {
    const { meeting, state } = await join({});
    await advance(300);
    meeting.end(0, 0);
    await advance(0);
    expect(state().ended).toMatchObject({ kind: 'unknown', code: 0, subCode: 0 });
  });
});
