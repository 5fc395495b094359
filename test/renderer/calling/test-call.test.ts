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
import { EchoTestCall, type TestCallOptions } from '../../../renderer/calling/test-call';
import { Features } from '../../support/scripted-meeting/node-sdk';
import { nodeDeviceManager } from '../../support/scripted-meeting/node-devices';
import { fakeAcsToken } from '../../support/scripted-meeting/page';
import { MeetingRecorder } from '../../support/scripted-meeting/recorder';

vi.mock('@azure/communication-calling', () => import('../../support/scripted-meeting/node-sdk'));

const calls: EchoTestCall[] = [];

const goodToken = async (): Promise<TokenReply> => ({ ok: true, token: fakeAcsToken('acs:tester'), expiresOnMs: Date.now() + 3_600_000 });

interface StartOptions {
  access?: TestCallOptions['access'];
  /** Runs before the agent is made (a test holds it there, or makes it fail). */
  beforeAgent?: () => Promise<void>;
}

function start(config: ScriptedMeetingConfig = {}, getToken: () => Promise<TokenReply> = goodToken, options: StartOptions = {}) {
  const meeting = new ScriptedMeeting({ connectDelayMs: 300, ...config }, { features: Features });
  const recorder = new MeetingRecorder(meeting);
  const agents: { disposed: number } = { disposed: 0 };
  const deviceManager = nodeDeviceManager();
  const askedPermission = vi.spyOn(deviceManager, 'askDevicePermission');
  const devices = new DeviceService(deviceManager);
  const logged: string[] = [];
  const call = new EchoTestCall(
    {
      createCallAgent: async (credential, agentOptions) => {
        await options.beforeAgent?.();
        return meeting.createCallAgent(credential, agentOptions);
      },
      releaseCallAgent: async (agent) => {
        agents.disposed++;
        await agent.dispose();
      },
    },
    devices,
    {
      displayName: 'Tess Tester',
      getToken,
      access: 'access' in options ? options.access : { camera: 'granted', microphone: 'granted' },
      log: (level, message) => logged.push(`${level} ${message}`),
    },
  );
  calls.push(call);
  return { meeting, recorder, call, agents, devices, askedPermission, logged, phase: () => call.state.get().phase };
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
  it('moves on by time when the bot’s talking is never heard, to done', async () => {
    const { recorder, phase } = start({ echoBot: 'manual' });
    await advance(300);
    expect(phase()).toBe('greeting');
    // Time is checked every half second: the first check after the greeting's longest.
    await advance(8_500);
    expect(phase()).toBe('speakNow');
    await advance(12_000);
    expect(phase()).toBe('playingBack');
    await advance(14_000);
    expect(phase()).toBe('done');
    await advance(0);
    expect(recorder.of('hangUp')).toHaveLength(1);
  });

  it('says in the log how it ended, with the codes support looks up', async () => {
    const failed = start({ endWhileConnecting: { code: 490, subCode: 4525 } });
    await advance(300);
    expect(failed.logged).toContain('info test call: test call failed (networkLost 490/4525)');
    const noToken = start({}, async () => ({ ok: false, error: 'unreachable' }));
    await advance(0);
    expect(noToken.logged).toEqual(['warn test call: no token: unreachable', 'info test call: test call failed (tokenUnavailable -/-)']);
    const done = start();
    await advance(23_300);
    expect(done.phase()).toBe('done');
    expect(done.logged).toContain('info test call: test call done');
  });

  it('renews a token that runs out during the test through main, and the call reads the renewed one', async () => {
    // A token with ten minutes and five seconds left: the credential renews it five seconds in.
    const issued: string[] = [];
    const getToken = vi.fn(async (): Promise<TokenReply> => {
      const lifetime = issued.length === 0 ? 10 * 60_000 + 5_000 : 3_600_000;
      issued.push(fakeAcsToken(`acs:tester_${issued.length}`, lifetime));
      return { ok: true, token: issued.at(-1)!, expiresOnMs: Date.now() + lifetime };
    });
    const { recorder, phase } = start({ tokenCheckMs: 4_000 }, getToken);
    await advance(9_000);
    expect(getToken).toHaveBeenCalledTimes(2);
    expect(recorder.tokens('renewal')).toEqual([issued[0], issued[1]]);
    expect(phase()).not.toBe('failed');
  });

  it('ends with the token service’s reason when main cannot renew a token about to run out, and asks no more', async () => {
    let first = true;
    const getToken = vi.fn(async (): Promise<TokenReply> => {
      if (!first) return { ok: false, error: 'offline' };
      first = false;
      return { ok: true, token: fakeAcsToken('acs:tester', 20_000), expiresOnMs: Date.now() + 20_000 };
    });
    const { call, recorder, logged, phase } = start({}, getToken);
    // Under ten minutes left: the credential renews at half the remaining life, 10 s in.
    await advance(10_500);
    expect(phase()).toBe('failed');
    expect(call.state.get().failure).toMatchObject({ kind: 'tokenUnavailable', tokenError: 'offline' });
    expect(logged).toContain('warn test call: token renewal failed: offline (10 s left)');
    await advance(0);
    expect(recorder.of('hangUp')).toHaveLength(1);
    await advance(3_600_000);
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it('explains an agent the SDK would not make, and releases what it had', async () => {
    const refused = Object.assign(new Error('Access denied'), { code: 403, subCode: 5828 });
    const getToken = vi.fn(goodToken);
    const { call, recorder, logged, phase } = start({}, getToken, {
      beforeAgent: async () => {
        throw refused;
      },
    });
    await advance(0);
    expect(phase()).toBe('failed');
    // The credential went with it: it never renews the token afterwards.
    await advance(3_600_000);
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(call.state.get().failure).toMatchObject({ code: 403, subCode: 5828 });
    expect(logged[0]).toBe('error test call: test call failed: Access denied (403/5828)');
    expect(recorder.of('startCall')).toEqual([]);
  });

  it('stopped before the token came, calls nobody', async () => {
    let give: (reply: TokenReply) => void = () => undefined;
    const { recorder, call, agents, phase } = start({}, () => new Promise<TokenReply>((resolve) => (give = resolve)));
    const stopping = call.stop();
    expect(phase()).toBe('stopped');
    give(await goodToken());
    await stopping;
    await advance(1_000);
    expect(recorder.of('agent')).toEqual([]);
    expect(recorder.of('startCall')).toEqual([]);
    expect(agents.disposed).toBe(0);
  });

  it('stopped while the agent was being made, lets the agent go and calls nobody', async () => {
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const { recorder, call, agents, phase, logged } = start({}, goodToken, { beforeAgent: () => gate });
    await advance(0);
    const stopping = call.stop();
    expect(phase()).toBe('stopped');
    open();
    await stopping;
    // A stop is not a failure: nothing but the stop is logged.
    expect(logged).toEqual(['info test call: test call stopped']);
    await advance(1_000);
    expect(recorder.of('startCall')).toEqual([]);
    expect(agents.disposed).toBe(1);
  });

  it('asks for device access only when the join screen did not find out', async () => {
    const known = start();
    await advance(0);
    expect(known.askedPermission).not.toHaveBeenCalled();
    expect(known.devices.state.get()).toMatchObject({ cameraAccess: 'granted', microphoneAccess: 'granted' });
    for (const access of [undefined, { camera: 'unknown', microphone: 'granted' }, { camera: 'granted', microphone: 'unknown' }] as const) {
      const unknown = start({}, goodToken, { access });
      await advance(0);
      expect(unknown.askedPermission).toHaveBeenCalledTimes(1);
      expect(unknown.recorder.of('startCall')).toHaveLength(1);
    }
  });
});
