import { describe, expect, it } from 'vitest';
import { invokeChannels, type InvokeName } from '../../../common/ipc-contract';
import { registerIpcHandlers, trustMainFrameOf, type InvokeHandlers } from '../../../main/ipc/ipc-manager';
import { FakeIpcMain, FakeWebContents } from '../../support/fake-electron';

function setup() {
  const ipc = new FakeIpcMain();
  const contents = new FakeWebContents('app://localhost/index.html');
  const calls: Array<[string, unknown]> = [];
  const logs: string[] = [];
  const handlers = new Proxy({} as InvokeHandlers, {
    get: (_target, name: string) => (request: unknown) => {
      calls.push([name, request]);
      return `reply:${name}`;
    },
  });
  const levels: string[] = [];
  const unregister = registerIpcHandlers(ipc, handlers, trustMainFrameOf(() => contents, (url) => url.startsWith('app://localhost/')), (level, m) => {
    levels.push(level);
    logs.push(m);
  });
  return { ipc, contents, calls, logs, levels, unregister };
}

describe('IPC manager', () => {
  it('registers one handler per contract channel, and removes them all', () => {
    const { ipc, unregister } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.values(invokeChannels).sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('passes a valid payload from our main frame to the handler and returns its reply', async () => {
    const { ipc, contents, calls } = setup();
    await expect(ipc.invoke(invokeChannels.getToken, contents.eventFromMainFrame(), { displayName: 'Ada' })).resolves.toBe('reply:getToken');
    await expect(ipc.invoke(invokeChannels.rendererReady, contents.eventFromMainFrame(), undefined)).resolves.toBe('reply:rendererReady');
    expect(calls).toEqual([
      ['getToken', { displayName: 'Ada' }],
      ['rendererReady', undefined],
    ]);
  });

  it('refuses messages from other frames, other windows and other origins', async () => {
    const { ipc, contents, calls, logs, levels } = setup();
    const subframe = { senderFrame: { url: 'app://localhost/index.html' } as never };
    await expect(ipc.invoke(invokeChannels.parseInvite, subframe, 'x')).rejects.toThrow('untrusted sender');
    await expect(ipc.invoke(invokeChannels.parseInvite, { senderFrame: null }, 'x')).rejects.toThrow('untrusted sender');
    contents.mainFrame.url = 'https://evil.example/';
    await expect(ipc.invoke(invokeChannels.parseInvite, contents.eventFromMainFrame(), 'x')).rejects.toThrow('untrusted sender');
    expect(calls).toEqual([]);
    expect(logs).toEqual(Array(3).fill('ipc: refused parseInvite from an untrusted frame'));
    // A refusal is a warning in the log (a compromised or confused page), not routine information.
    expect(levels).toEqual(['warn', 'warn', 'warn']);
  });

  it('refuses every message while our window is gone', async () => {
    const ipc = new FakeIpcMain();
    const contents = new FakeWebContents('app://localhost/index.html');
    const calls: string[] = [];
    const handlers = new Proxy({} as InvokeHandlers, { get: (_target, name: string) => () => void calls.push(name) });
    registerIpcHandlers(ipc, handlers, trustMainFrameOf(() => null, () => true), () => undefined);
    await expect(ipc.invoke(invokeChannels.getToken, contents.eventFromMainFrame(), { displayName: 'Ada' })).rejects.toThrow('untrusted sender');
    expect(calls).toEqual([]);
  });

  it('lets through every request the app’s windows send, on each channel, unchanged', async () => {
    const { ipc, contents, calls, logs } = setup();
    const id = 'AbCdEfGhIjKlMnOpQrSt_-';
    const speaker = { name: 'Grace Hopper', initials: 'GH', speaking: true };
    const mini = { inMeeting: true, sharing: false, muted: true, canUnmute: true, videoOn: false, canTurnVideoOn: true, speaker };
    const valid: Array<[InvokeName, unknown]> = [
      ['rendererReady', undefined],
      ['parseInvite', 'Join: https://teams.microsoft.com/meet/123?p=abc'],
      ['getInvitation', { id }],
      ['requestInvitationCode', { id }],
      ['verifyInvitationCode', { id, code: '123 456' }],
      ['getToken', { displayName: 'Ada Lovelace' }],
      ['getToken', { displayName: 'x'.repeat(256) }],
      ['prefetchToken', { displayName: '김서연' }],
      ['updateSettings', { displayName: 'Ada', cameraOn: false, backgroundEffect: 'brand:contoso-blue' }],
      ['updateSettings', {}],
      ...(['camera', 'microphone', 'screen'] as const).map((kind): [InvokeName, unknown] => ['mediaAccess', kind]),
      ['openMediaSettings', 'camera'],
      ['setCallPresence', { inMeeting: true, meeting: 'Weekly sync', callId: 'c-1' }],
      ['setCallPresence', { inMeeting: false }],
      ['refreshCaptureSources', { requestId: 'r'.repeat(64) }],
      ['chooseCaptureSource', { requestId: 'r1', sourceId: 'screen:1:0', shareAudio: true }],
      ['chooseCaptureSource', { requestId: 'r1', sourceId: null, shareAudio: false }],
      ...(['info', 'warn', 'error'] as const).map((level): [InvokeName, unknown] => ['log', { level, message: 'meeting: joined' }]),
      ['setShareControls', { sharing: true, muted: false, canUnmute: true, speaker: 'Grace Hopper' }],
      ['setShareControls', { sharing: false, muted: true, canUnmute: false, speaker: null }],
      ['shareControlsReady', undefined],
      // Every button of the sharing controls and of the mini window.
      ...(['stopSharing', 'toggleMute', 'showMeeting'] as const).map((action): [InvokeName, unknown] => ['shareControlAction', action]),
      ['setMiniWindow', mini],
      ['setMiniWindow', { ...mini, speaker: null }],
      ['miniWindowReady', undefined],
      ...(['toggleMute', 'toggleCamera', 'leave', 'showMeeting'] as const).map((action): [InvokeName, unknown] => ['miniWindowAction', action]),
      ['chooseBackgroundImage', undefined],
      ['savedBackgroundImage', undefined],
    ];
    // Every channel is in the table.
    expect(new Set(valid.map(([name]) => name))).toEqual(new Set(Object.keys(invokeChannels)));
    for (const [name, payload] of valid) {
      await expect(ipc.invoke(invokeChannels[name], contents.eventFromMainFrame(), payload), `${name} ${JSON.stringify(payload)}`).resolves.toBe(`reply:${name}`);
    }
    expect(calls).toEqual(valid);
    expect(logs).toEqual([]);
  });

  it('refuses each field just past its limit, and actions no window has', async () => {
    const { ipc, contents, calls } = setup();
    const speaker = { name: 'Grace Hopper', initials: 'GH', speaking: true };
    const mini = { inMeeting: true, sharing: false, muted: true, canUnmute: true, videoOn: false, canTurnVideoOn: true, speaker };
    const bad: Array<[InvokeName, unknown]> = [
      ['setCallPresence', { inMeeting: true, meeting: 'm'.repeat(4097) }],
      ['setCallPresence', { inMeeting: true, callId: 'c'.repeat(129) }],
      ['setCallPresence', { inMeeting: 'yes' }],
      ['refreshCaptureSources', { requestId: '' }],
      ['refreshCaptureSources', { requestId: 'r'.repeat(65) }],
      ['chooseCaptureSource', { requestId: 'r1', sourceId: 's'.repeat(257), shareAudio: false }],
      ['log', { level: 'debug', message: 'x' }],
      ['log', { level: 'info', message: 'x'.repeat(4097) }],
      ['setShareControls', { sharing: true, muted: false, canUnmute: true, speaker: 's'.repeat(257) }],
      ['setShareControls', { sharing: true, muted: false, canUnmute: true }],
      ['shareControlAction', 'leave'],
      ['shareControlAction', 'toggleCamera'],
      ['miniWindowAction', 'stopSharing'],
      ['miniWindowAction', ''],
      ['setMiniWindow', { ...mini, speaker: { ...speaker, initials: 'ABCDEFGHI' } }],
      ['setMiniWindow', { ...mini, speaker: { ...speaker, name: 'n'.repeat(257) } }],
      ['setMiniWindow', { ...mini, speaker: { ...speaker, extra: 1 } }],
      ['setMiniWindow', { ...mini, videoOn: undefined }],
      ['openMediaSettings', 'speaker'],
      ['miniWindowReady', 'now'],
      ['shareControlsReady', {}],
    ];
    for (const [name, payload] of bad) {
      await expect(ipc.invoke(invokeChannels[name], contents.eventFromMainFrame(), payload), `${name} ${JSON.stringify(payload)}`).rejects.toThrow('invalid payload');
    }
    expect(calls).toEqual([]);
  });

  it('refuses payloads that do not match the channel schema, without logging them', async () => {
    const { ipc, contents, calls, logs, levels } = setup();
    const bad: Array<[InvokeName, unknown]> = [
      ['getToken', { displayName: 'Ada', extra: 1 }],
      ['getToken', 'Ada'],
      // The token service's own rule (1–256 characters once trimmed, no control characters).
      ['getToken', { displayName: 'x'.repeat(257) }],
      ['getToken', { displayName: 'Ada\u0007' }],
      ['getToken', { displayName: 'Ada\nLovelace' }],
      ['prefetchToken', { displayName: '   ' }],
      ['parseInvite', 42],
      ['parseInvite', 'x'.repeat(1_000_001)],
      ['getInvitation', { id: 'short' }],
      ['getInvitation', { id: '../../admin/AbCdEfGhIjK' }],
      ['getInvitation', { id: 'AbCdEfGhIjKlMnOpQrSt_-', origin: 'https://evil.example' }],
      ['getInvitation', 'AbCdEfGhIjKlMnOpQrSt_-'],
      ['requestInvitationCode', { id: 'AbCdEfGhIjKlMnOpQrSt_-', email: 'someone@example.com' }],
      ['verifyInvitationCode', { id: 'AbCdEfGhIjKlMnOpQrSt_-' }],
      ['verifyInvitationCode', { id: 'AbCdEfGhIjKlMnOpQrSt_-', code: '' }],
      ['verifyInvitationCode', { id: 'AbCdEfGhIjKlMnOpQrSt_-', code: '1'.repeat(33) }],
      ['verifyInvitationCode', { id: 'AbCdEfGhIjKlMnOpQrSt_-', code: 123456 }],
      ['updateSettings', { displayName: 'secret-name', cameraOn: 'yes' }],
      ['updateSettings', { unknownKey: true }],
      ['mediaAccess', 'geolocation'],
      ['chooseCaptureSource', { requestId: 'r', sourceId: { id: 'screen:1' }, shareAudio: false }],
      ['rendererReady', { sneaky: true }],
      // The renderer never names a file: main's own dialog does.
      ['chooseBackgroundImage', '/etc/passwd'],
      ['savedBackgroundImage', { path: '/home/guest/secret.png' }],
      ['updateSettings', { backgroundEffect: 'sparkles' }],
      ['updateSettings', { backgroundEffect: 'brand:../../etc' }],
      ['updateSettings', { noiseSuppression: 'on' }],
    ];
    for (const [name, payload] of bad) {
      await expect(ipc.invoke(invokeChannels[name], contents.eventFromMainFrame(), payload), name).rejects.toThrow('invalid payload');
    }
    expect(calls).toEqual([]);
    expect(logs).toHaveLength(bad.length);
    expect(logs[0]).toBe('ipc: refused getToken: payload does not match its schema');
    expect(new Set(levels)).toEqual(new Set(['warn']));
    expect(logs.join('\n')).not.toContain('secret-name');
  });
});
