// Each invoke channel's handler reaches the main-process service it names, with the renderer's
// request as that service expects it, and hands back the service's own reply: services here record
// their calls and answer with a value unique to the method.
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import type { InvokeName } from '../../../common/ipc-contract';
import { createInvokeHandlers, type MainServices } from '../../../main/ipc/invoke-handlers';

function setup() {
  const calls: Array<[string, unknown[]]> = [];
  const method =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, args]);
      return { reply: name };
    };
  const services = {
    appInfo: () => ({ version: '1.2.3', platform: 'linux' }),
    settings: { get: () => ({ displayName: 'Ada' }), update: method('settings.update'), recovered: true, inMemory: false },
    parseInvite: method('parseInvite'),
    invitations: { get: method('invitations.get'), requestCode: method('invitations.requestCode'), verify: method('invitations.verify') },
    tokens: { get: method('tokens.get'), prefetch: method('tokens.prefetch') },
    media: { access: method('media.access'), openSettings: method('media.openSettings') },
    renderer: { ready: method('renderer.ready'), presence: method('renderer.presence') },
    capture: { refresh: method('capture.refresh'), choose: method('capture.choose') },
    shareControls: { update: method('shareControls.update'), ready: method('shareControls.ready'), action: method('shareControls.action') },
    miniWindow: { update: method('miniWindow.update'), ready: method('miniWindow.ready'), action: method('miniWindow.action') },
    backgrounds: { choose: method('backgrounds.choose'), saved: method('backgrounds.saved') },
    log: { info: method('log.info'), warn: method('log.warn'), error: method('log.error') },
  } as unknown as MainServices;
  const handlers = createInvokeHandlers(services);
  const invoke = (name: InvokeName, request: unknown) =>
    (handlers[name] as (request: unknown, event: IpcMainInvokeEvent) => unknown)(request, {} as IpcMainInvokeEvent);
  return { calls, invoke };
}

const ID = 'AbCdEfGhIjKlMnOpQrSt_-';
const PRESENCE = { inMeeting: true, meeting: 'Weekly sync', callId: 'call-1' };
const CHOICE = { requestId: 'r1', sourceId: 'screen:1', shareAudio: true };
const SHARE_STATE = { sharing: true, muted: false, canUnmute: true, speaker: 'Grace' };
const MINI_STATE = { inMeeting: true, sharing: false, muted: true, canUnmute: true, videoOn: false, canTurnVideoOn: true, speaker: null };

const ROUTES: Array<[InvokeName, unknown, string, unknown[]]> = [
  ['parseInvite', 'Join: https://teams.microsoft.com/meet/1?p=x', 'parseInvite', ['Join: https://teams.microsoft.com/meet/1?p=x']],
  ['getInvitation', { id: ID }, 'invitations.get', [ID]],
  ['requestInvitationCode', { id: ID }, 'invitations.requestCode', [ID]],
  ['verifyInvitationCode', { id: ID, code: '123 456' }, 'invitations.verify', [ID, '123 456']],
  ['getToken', { displayName: 'Ada Guest' }, 'tokens.get', ['Ada Guest']],
  ['prefetchToken', { displayName: 'Ada Guest' }, 'tokens.prefetch', ['Ada Guest']],
  ['updateSettings', { cameraOn: true }, 'settings.update', [{ cameraOn: true }]],
  ['mediaAccess', 'camera', 'media.access', ['camera']],
  ['openMediaSettings', 'microphone', 'media.openSettings', ['microphone']],
  ['setCallPresence', PRESENCE, 'renderer.presence', [PRESENCE]],
  ['refreshCaptureSources', { requestId: 'r1' }, 'capture.refresh', ['r1']],
  ['chooseCaptureSource', CHOICE, 'capture.choose', [CHOICE]],
  ['setShareControls', SHARE_STATE, 'shareControls.update', [SHARE_STATE]],
  ['shareControlsReady', undefined, 'shareControls.ready', []],
  ['shareControlAction', 'stopSharing', 'shareControls.action', ['stopSharing']],
  ['setMiniWindow', MINI_STATE, 'miniWindow.update', [MINI_STATE]],
  ['miniWindowReady', undefined, 'miniWindow.ready', []],
  ['miniWindowAction', 'leave', 'miniWindow.action', ['leave']],
  ['chooseBackgroundImage', undefined, 'backgrounds.choose', []],
  ['savedBackgroundImage', undefined, 'backgrounds.saved', []],
];

describe('invoke handlers', () => {
  it.each(ROUTES)('%s reaches %s with the request and returns its reply', (channel, request, service, args) => {
    const { calls, invoke } = setup();
    expect(invoke(channel, request)).toEqual({ reply: service });
    expect(calls).toEqual([[service, args]]);
  });

  it('a renderer log line goes to main’s log at its level, marked as the renderer’s', () => {
    const { calls, invoke } = setup();
    for (const level of ['info', 'warn', 'error'] as const) invoke('log', { level, message: `join ${level}` });
    expect(calls).toEqual([
      ['log.info', ['renderer: join info']],
      ['log.warn', ['renderer: join warn']],
      ['log.error', ['renderer: join error']],
    ]);
  });

  it('rendererReady answers the app info with the settings, and only then releases the queued links', async () => {
    const { calls, invoke } = setup();
    expect(invoke('rendererReady', undefined)).toEqual({ version: '1.2.3', platform: 'linux', settings: { displayName: 'Ada' }, settingsRecovered: true, settingsInMemory: false });
    expect(calls).toEqual([]);
    await Promise.resolve();
    expect(calls).toEqual([['renderer.ready', []]]);
  });
});
