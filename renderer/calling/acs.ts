// Process: renderer. The entry of the SDK chunk: everything here may use the ACS Calling SDK.
import { CallClient, Features, VideoStreamRenderer, type CallAgent } from '@azure/communication-calling';
import type { CallSession } from './call-model';
import { MeetingCallSession, type CallDeps, type JoinOptions } from './call-session';
import { EchoTestCall, type TestCallOptions } from './test-call';
import type { TestCallHandle } from './test-call-model';
import { DeviceService } from './devices';
import type { EffectsOptions } from './effects-controller';
import { loadNoiseSuppression } from './effects-package';
import { EffectsPreview } from './effects-preview';
import type { EffectsPreviewHandle, EffectsState } from './features/effects-model';
import type { Store } from './model';
import type { ScriptedMeetingConfig, ScriptedMeetingControl } from './practice/control';
import { ScriptedMeeting } from './practice/meeting';
import { PRACTICE_CONFIG, PRACTICE_LINK, playPracticeScript, practiceToken } from './practice/practice-meeting';

export interface CallingApi {
  /** The meeting's devices (the join screen uses the platform's own, renderer/media/). */
  devices: DeviceService;
  /** Joins a meeting; the session is in the 'connecting' phase at once (the meeting screen). */
  joinMeeting(options: JoinOptions): CallSession;
  /** Opens a practice meeting (simulated people, practice/): it joins nothing real and needs no token service. */
  joinPractice(options: PracticeOptions): CallSession;
  /** Calls the ACS test bot (8:echo123) with the guest's token: the test call. */
  testCall(options: TestCallOptions): TestCallHandle;
  /** The test call's steps against the practice meeting's bot (no token service; nothing leaves the computer). */
  practiceTestCall(options: Omit<TestCallOptions, 'getToken'>): TestCallHandle;
  /** The join screen's effects on its preview (`store`: the picker's state so far); Join hands it to the meeting. */
  effectsPreview(options: EffectsOptions, store: Store<EffectsState>, log: (message: string) => void): EffectsPreviewHandle;
  /** Loads noise suppression's part of the effects package ahead of a meeting (a failure waits for the meeting's own try). */
  preloadNoiseSuppression(): void;
}

export type PracticeOptions = Omit<JoinOptions, 'target' | 'getToken'>;

/** Development builds only (see index.ts): a scripted meeting takes every join instead of Teams. */
export interface ScriptedForTests {
  config: ScriptedMeetingConfig;
  /** Hands the test its controls. */
  expose(meeting: ScriptedMeetingControl): void;
}

export async function createCallingApi(scripted?: ScriptedForTests): Promise<CallingApi> {
  // Before the device manager (which waits for the SDK's config service): the test's controls are there as soon as the chunk is.
  const meeting = scripted ? new ScriptedMeeting(scripted.config, { features: Features }) : null;
  if (meeting) scripted?.expose(meeting);
  const client = new CallClient();
  const deviceManager = await client.getDeviceManager();
  const devices = new DeviceService(deviceManager);
  // A CallClient holds one CallAgent at a time: each meeting waits for the previous agent's release.
  let released: Promise<void> = Promise.resolve();
  // A test call still running when a meeting starts is ended first (its agent is the client's one).
  let testing: TestCallHandle | null = null;
  const sdkDeps: CallDeps = {
    createCallAgent: async (credential, options) => {
      await testing?.stop();
      await released;
      return client.createCallAgent(credential, options);
    },
    releaseCallAgent: (agent: CallAgent) => (released = agent.dispose().catch(() => undefined)),
    createRemoteRenderer: (stream) => new VideoStreamRenderer(stream),
  };
  const meetingDeps: CallDeps = meeting ? { ...sdkDeps, ...meeting.deps } : sdkDeps;
  // The test call's own agent waits only for the previous release (not for itself).
  const testCallDeps: CallDeps = meeting
    ? meetingDeps
    : {
        ...sdkDeps,
        createCallAgent: async (credential, options) => {
          await released;
          return client.createCallAgent(credential, options);
        },
      };
  return {
    devices,
    preloadNoiseSuppression: () => void loadNoiseSuppression().catch(() => undefined),
    joinMeeting: (options) => new MeetingCallSession(meetingDeps, devices, options),
    testCall: (options) => (testing = new EchoTestCall(testCallDeps, devices, options)),
    practiceTestCall: (options) => {
      const practice = new ScriptedMeeting(PRACTICE_CONFIG, { features: Features });
      return new EchoTestCall({ ...sdkDeps, ...practice.deps }, devices, { ...options, getToken: async () => ({ ok: true, ...practiceToken(Date.now()) }) });
    },
    effectsPreview: (options, store, log) => new EffectsPreview(options, store, devices, log),
    joinPractice: (options) => {
      const practice = new ScriptedMeeting(PRACTICE_CONFIG, { features: Features });
      const stopScript = playPracticeScript(practice);
      const session = new MeetingCallSession({ ...sdkDeps, ...practice.deps }, devices, {
        ...options,
        target: { kind: 'link', meetingLink: PRACTICE_LINK },
        getToken: async () => ({ ok: true, ...practiceToken(Date.now()) }),
      });
      const off = session.state.subscribe((state) => {
        if (state.phase !== 'ended') return;
        stopScript();
        off();
      });
      return session;
    },
  };
}
