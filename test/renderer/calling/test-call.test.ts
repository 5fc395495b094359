// The test call in Node, against the scripted meeting's echo bot (the SDK's interfaces; the real
// bot cannot be reached here): the real EchoTestCall, DeviceService and credential call 8:echo123
// with the guest's token and name, follow the bot's script on the fake clock to done, hang up and
// release the agent with no listener left; a failure is explained as a meeting's would be; the
// guest can stop it at any time. What the meeting received is asserted, not only the phases.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TokenReply } from '../../../common/ipc-contract';
import { DeviceService } from '../../../renderer/calling/devices';
import type { ScriptedMeetingConfig } from '../../../renderer/calling/practice/control';
import { ScriptedMeeting } from '../../../renderer/calling/practice/meeting';
import { EchoTestCall } from '../../../renderer/calling/test-call';
import { Features } from '../../support/scripted-meeting/node-sdk';
import { nodeDeviceManager } from '../../support/scripted-meeting/node-devices';
import { fakeAcsToken } from '../../support/scripted-meeting/page';
import { MeetingRecorder } from '../../support/scripted-meeting/recorder';

vi.mock('@azure/communication-calling', () => import('../../support/scripted-meeting/node-sdk'));

const calls: EchoTestCall[] = [];

function start(config: ScriptedMeetingConfig = {}, getToken: () => Promise<TokenReply> = async () => ({ ok: true, token: fakeAcsToken('acs:tester'), expiresOnMs: Date.now() + 3_600_000 })) {
  const meeting = new ScriptedMeeting({ connectDelayMs: 300, ...config }, { features: Features });
  const recorder = new MeetingRecorder(meeting);
  const agents: { disposed: number } = { disposed: 0 };
  const call = new EchoTestCall(
    {
      createCallAgent: (credential, options) => meeting.createCallAgent(credential, options),
      releaseCallAgent: async (agent) => {
        agents.disposed++;
        await agent.dispose();
      },
    },
    new DeviceService(nodeDeviceManager()),
    { displayName: 'Tess Tester', getToken, access: { camera: 'granted', microphone: 'granted' } },
  );
  calls.push(call);
  return { meeting, recorder, call, agents, phase: () => call.state.get().phase };
}

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-02T09:00:00Z') });
});
afterEach(async () => {
  for (const call of calls.splice(0)) await call.stop().catch(() => undefined);
  vi.useRealTimers();
});

describe('the test call', () => {
  it('calls the echo bot with the guest’s token and name, follows its script to done, and hangs up', async () => {
    const { meeting, recorder, call, agents, phase } = start();
    await advance(0);
    expect(recorder.of('startCall')).toEqual([{ kind: 'startCall', participants: ['8:echo123'], displayName: 'Tess Tester', muted: false }]);
    expect(recorder.tokens('agent')[0]).toContain('.');
    expect(phase()).toBe('calling');
    await advance(300);
    expect(meeting.echoBotStep()).toBe('greeting');
    expect(phase()).toBe('greeting');
    await advance(3_000);
    expect(meeting.echoBotStep()).toBe('recording');
    expect(phase()).toBe('speakNow');
    await advance(10_000);
    expect(phase()).toBe('playingBack');
    await advance(10_000);
    expect(phase()).toBe('done');
    expect(call.state.get().failure).toBeNull();
    await advance(0);
    expect(recorder.of('hangUp')).toHaveLength(1);
    expect(meeting.callState()).toBe('Disconnected');
    expect(agents.disposed).toBe(1);
    const scripted = meeting.call!;
    expect(scripted.listenerCount()).toBe(0);
    expect(scripted.remoteParticipants).toEqual([]);
  });

  it('explains a failure as a meeting join would (490/4525: the network)', async () => {
    const { call, agents, phase } = start({ endWhileConnecting: { code: 490, subCode: 4525 } });
    await advance(300);
    expect(phase()).toBe('failed');
    expect(call.state.get().failure).toMatchObject({ kind: 'networkLost', code: 490, subCode: 4525, rejoin: true });
    await advance(0);
    expect(agents.disposed).toBe(1);
  });

  it('explains a token the service would not give, and calls nobody', async () => {
    const { call, recorder, phase } = start({}, async () => ({ ok: false, error: 'unreachable' }));
    await advance(0);
    expect(phase()).toBe('failed');
    expect(call.state.get().failure).toMatchObject({ kind: 'tokenUnavailable', tokenError: 'unreachable' });
    expect(recorder.of('startCall')).toEqual([]);
  });

  it('stops when the guest stops it, hanging up and releasing everything', async () => {
    const { meeting, recorder, call, agents, phase } = start({ echoBot: 'manual' });
    await advance(300);
    meeting.echoBotNext();
    expect(phase()).toBe('speakNow');
    await call.stop();
    expect(phase()).toBe('stopped');
    expect(recorder.of('hangUp')).toHaveLength(1);
    expect(agents.disposed).toBe(1);
    expect(meeting.call!.listenerCount()).toBe(0);
    // Nothing moves it on afterwards.
    meeting.echoBotNext();
    await advance(30_000);
    expect(phase()).toBe('stopped');
  });
});
