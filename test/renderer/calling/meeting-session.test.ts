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
import { MeetingCallSession, type JoinOptions } from '../../../renderer/calling/call-session';
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
    const { recorder, meeting, state } = await join({}, { getToken });
    await advance(300);
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
    const { state, recorder } = await join({ tokenCheckMs: 5 * 60_000 }, { getToken });
    await advance(HOUR + 60_000);
    expect(state().phase).toBe('connected');
    expect(refusals).toBe(-1);
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
