// Process: renderer. The entry of the SDK chunk: everything here may use the ACS Calling SDK.
import { CallClient, VideoStreamRenderer, type CallAgent } from '@azure/communication-calling';
import type { CallSession } from './call-model';
import { MeetingCallSession, type CallDeps, type JoinOptions } from './call-session';
import { DeviceService } from './devices';

export interface CallingApi {
  /** The meeting's devices (the join screen uses the platform's own, renderer/media/). */
  devices: DeviceService;
  /** Joins a meeting; the session is in the 'connecting' phase at once (the meeting screen). */
  joinMeeting(options: JoinOptions): CallSession;
}

/** Where calls come from: the SDK's (default) or, in the test build only, the scripted meeting's. */
export type CallingDeps = Partial<Pick<CallDeps, 'createCallAgent' | 'createRemoteRenderer' | 'schedule'>>;

export async function createCallingApi(deps: CallingDeps = {}): Promise<CallingApi> {
  const client = new CallClient();
  const deviceManager = await client.getDeviceManager();
  const devices = new DeviceService(deviceManager);
  // A CallClient holds one CallAgent at a time: each meeting waits for the previous agent's release.
  let released: Promise<void> = Promise.resolve();
  const createAgent = deps.createCallAgent ?? ((credential, options) => client.createCallAgent(credential, options));
  const callDeps: CallDeps = {
    createCallAgent: async (credential, options) => {
      await released;
      return createAgent(credential, options);
    },
    releaseCallAgent: (agent: CallAgent) => (released = agent.dispose().catch(() => undefined)),
    createRemoteRenderer: deps.createRemoteRenderer ?? ((stream) => new VideoStreamRenderer(stream)),
    schedule: deps.schedule,
  };
  return {
    devices,
    joinMeeting: (options) => new MeetingCallSession(callDeps, devices, options),
  };
}
