// The meeting's mini window with a fake window: when it exists and shows (in a meeting, the meeting
// window not in front, the setting on, not while the sharing controls stand in), that it never
// takes focus, where it goes, what it is told, what its presses do, and which window may use which
// IPC channel.
import { describe, expect, it } from 'vitest';
import { invokeChannels, type InvokeName, type MiniWindowAction, type MiniWindowState } from '../../../common/ipc-contract';
import { NOT_IN_MEETING } from '../../../common/mini-window';
import { createInvokeHandlers, type MainServices } from '../../../main/ipc/invoke-handlers';
import { registerIpcHandlers, trustMainFrameOf } from '../../../main/ipc/ipc-manager';
import { MINI_WINDOW_CHANNELS, SHARE_CONTROLS_CHANNELS, trustByChannel } from '../../../main/share-controls/ipc-trust';
import { MINI_WINDOW_SIZE, MiniWindow, placeMiniWindow } from '../../../main/mini-window/mini-window';
import { MINI_WINDOW_URL, miniWindowOptions } from '../../../main/mini-window/window-options';
import { mainWindowOptions } from '../../../main/window/main-window-options';
import { FakeIpcMain, FakeWebContents } from '../../support/fake-electron';
import { FakeControlsWindow } from '../../support/share-controls';

const IN_MEETING: MiniWindowState = { inMeeting: true, sharing: false, muted: true, canUnmute: true, videoOn: false, canTurnVideoOn: true, speaker: { name: 'Ada Lovelace', initials: 'AL', speaking: false } };
const AREA = { x: 0, y: 25, width: 1440, height: 875 };

function setup(enabled = true) {
  const windows: FakeControlsWindow<MiniWindowState>[] = [];
  const relayed: MiniWindowAction[] = [];
  let focused = 0;
  const setting = { enabled };
  const mini = new MiniWindow({
    createWindow: (events) => {
      const window = new FakeControlsWindow<MiniWindowState>(events);
      windows.push(window);
      return window;
    },
    workArea: () => AREA,
    relay: (action) => relayed.push(action),
    focusMeeting: () => void (focused += 1),
    enabled: () => setting.enabled,
    view: () => ({ language: 'ko-KR', theme: 'dark', accentColor: '#4f52b2' }),
    log: () => undefined,
  });
  return { mini, windows, relayed, setting, focusCount: () => focused, window: () => windows[windows.length - 1] };
}

describe('mini window: when it shows', () => {
  it('only in a meeting whose window is not in front; shown without focus at the bottom right, hidden when the meeting is back', () => {
    const s = setup();
    s.mini.meetingInFrontChanged(false);
    expect(s.windows).toHaveLength(0);
    s.mini.update(IN_MEETING);
    expect(s.window().calls).toEqual([`setPosition ${placeMiniWindow(AREA, null).x},${placeMiniWindow(AREA, null).y}`, 'showInactive']);
    expect(s.mini.isVisible).toBe(true);
    expect(placeMiniWindow(AREA, null)).toEqual({ x: 1440 - MINI_WINDOW_SIZE.width - 16, y: 25 + 875 - MINI_WINDOW_SIZE.height - 16 });
    s.mini.meetingInFrontChanged(true);
    expect(s.window().visible).toBe(false);
    expect(s.window().calls.at(-1)).toBe('hide');
    // Never 'show' or 'focus': the window must not take the keyboard from the app the guest is in.
    s.mini.meetingInFrontChanged(false);
    expect(s.window().calls.filter((c) => c === 'showInactive')).toHaveLength(2);
    expect(s.window().calls.some((c) => /^(show|focus)$/.test(c))).toBe(false);
  });

  it('no window while the meeting window is in front; none in the lobby or after the meeting, which closes it', () => {
    const s = setup();
    s.mini.update(IN_MEETING);
    expect(s.windows).toHaveLength(0);
    s.mini.meetingInFrontChanged(false);
    expect(s.windows).toHaveLength(1);
    s.mini.update(NOT_IN_MEETING);
    expect(s.window().destroyed).toBe(true);
    expect(s.mini.hasWindow).toBe(false);
  });

  it('stands aside while the sharing controls are up, and comes back when sharing stops', () => {
    const s = setup();
    s.mini.meetingInFrontChanged(false);
    s.mini.update({ ...IN_MEETING, sharing: true });
    expect(s.windows).toHaveLength(0);
    s.mini.update(IN_MEETING);
    expect(s.window().visible).toBe(true);
    s.mini.update({ ...IN_MEETING, sharing: true });
    expect(s.window().visible).toBe(false);
  });

  it('follows the setting, also when it changes during the meeting', () => {
    const s = setup(false);
    s.mini.meetingInFrontChanged(false);
    s.mini.update(IN_MEETING);
    expect(s.windows).toHaveLength(0);
    s.setting.enabled = true;
    s.mini.settingChanged();
    expect(s.window().visible).toBe(true);
    s.setting.enabled = false;
    s.mini.settingChanged();
    expect(s.window().visible).toBe(false);
  });

  it('closed by the guest: not again this meeting, back in the next; a dragged place is kept', () => {
    const s = setup();
    s.mini.meetingInFrontChanged(false);
    s.mini.update(IN_MEETING);
    s.window().dragTo(40, 60);
    s.window().closeByGuest();
    s.mini.meetingInFrontChanged(true);
    s.mini.meetingInFrontChanged(false);
    expect(s.windows).toHaveLength(1);
    s.mini.update(NOT_IN_MEETING);
    s.mini.update(IN_MEETING);
    expect(s.windows).toHaveLength(2);
    expect(s.window().calls).toEqual(['setPosition 40,60', 'showInactive']);
  });

  it('is told each change of what it shows, once', () => {
    const s = setup();
    s.mini.meetingInFrontChanged(false);
    s.mini.update(IN_MEETING);
    s.mini.update({ ...IN_MEETING });
    const speaking = { ...IN_MEETING, speaker: { ...IN_MEETING.speaker!, speaking: true } };
    s.mini.update(speaking);
    s.mini.update({ ...speaking, muted: false });
    expect(s.window().states).toEqual([speaking, { ...speaking, muted: false }]);
    expect(s.mini.ready()).toEqual({ language: 'ko-KR', theme: 'dark', accentColor: '#4f52b2', state: { ...speaking, muted: false } });
  });
});

describe('mini window: presses', () => {
  it('mute, camera and leave go to the meeting window; a click brings the meeting back; nothing outside a meeting', () => {
    const s = setup();
    s.mini.update(IN_MEETING);
    for (const action of ['toggleMute', 'toggleCamera', 'leave', 'showMeeting'] as const) s.mini.action(action);
    expect(s.relayed).toEqual(['toggleMute', 'toggleCamera', 'leave']);
    expect(s.focusCount()).toBe(1);
    s.mini.update(NOT_IN_MEETING);
    s.mini.action('leave');
    s.mini.action('showMeeting');
    expect(s.relayed).toHaveLength(3);
    expect(s.focusCount()).toBe(1);
  });
});

describe('mini window: the window', () => {
  it('has the sharing controls’ design at its own size, with the main window’s sandboxed preferences, on its own route', () => {
    const options = miniWindowOptions('/app/preload.cjs', 'Doorway', '#ffffff');
    expect(options).toMatchObject({ ...MINI_WINDOW_SIZE, show: false, frame: false, alwaysOnTop: true, skipTaskbar: true, resizable: false, minimizable: false });
    expect(options.webPreferences).toEqual(mainWindowOptions('/app/preload.cjs', 'Doorway', '#ffffff').webPreferences);
    expect(MINI_WINDOW_URL).toBe('app://localhost/panel.html#mini-window');
  });
});

describe('mini window: IPC trust', () => {
  function ipcSetup() {
    const ipc = new FakeIpcMain();
    const meeting = new FakeWebContents('app://localhost/index.html');
    const controlsPage = new FakeWebContents('app://localhost/panel.html#share-controls');
    const miniPage = new FakeWebContents('app://localhost/panel.html#mini-window');
    const calls: string[] = [];
    const handlers = createInvokeHandlers(
      new Proxy({} as MainServices, {
        get: (_t, service: string) =>
          new Proxy(() => undefined, {
            get: (_f, method: string) => (...args: unknown[]) => void calls.push(`${service}.${method}(${JSON.stringify(args[0] ?? '')})`),
          }),
      }),
    );
    const isOwn = (url: string) => url.startsWith('app://localhost/');
    registerIpcHandlers(
      ipc,
      handlers,
      trustByChannel(trustMainFrameOf(() => meeting, isOwn), trustMainFrameOf(() => controlsPage, isOwn), trustMainFrameOf(() => miniPage, isOwn)),
      () => undefined,
    );
    return { ipc, meeting, controlsPage, miniPage, calls };
  }

  it('the mini window may only ask for its first paint and press its buttons', async () => {
    const { ipc, miniPage, calls } = ipcSetup();
    await ipc.invoke(invokeChannels.miniWindowReady, miniPage.eventFromMainFrame(), undefined);
    await ipc.invoke(invokeChannels.miniWindowAction, miniPage.eventFromMainFrame(), 'leave');
    expect(calls).toEqual(['miniWindow.ready("")', 'miniWindow.action("leave")']);
    const others = (Object.keys(invokeChannels) as InvokeName[]).filter((name) => !MINI_WINDOW_CHANNELS.has(name));
    expect(others).toEqual(expect.arrayContaining(['getToken', 'setMiniWindow', 'shareControlAction', 'updateSettings']));
    for (const name of others) {
      await expect(ipc.invoke(invokeChannels[name], miniPage.eventFromMainFrame(), undefined), name).rejects.toThrow('untrusted sender');
    }
    expect(calls).toHaveLength(2);
  });

  it('neither the meeting window nor the sharing controls may use its channels; the meeting sets what it shows', async () => {
    const { ipc, meeting, controlsPage, calls } = ipcSetup();
    for (const page of [meeting, controlsPage]) {
      await expect(ipc.invoke(invokeChannels.miniWindowAction, page.eventFromMainFrame(), 'leave')).rejects.toThrow('untrusted sender');
      await expect(ipc.invoke(invokeChannels.miniWindowReady, page.eventFromMainFrame(), undefined)).rejects.toThrow('untrusted sender');
    }
    await expect(ipc.invoke(invokeChannels.setMiniWindow, controlsPage.eventFromMainFrame(), IN_MEETING)).rejects.toThrow('untrusted sender');
    await ipc.invoke(invokeChannels.setMiniWindow, meeting.eventFromMainFrame(), IN_MEETING);
    expect(calls).toEqual([`miniWindow.update(${JSON.stringify(IN_MEETING)})`]);
    expect([...SHARE_CONTROLS_CHANNELS].some((name) => MINI_WINDOW_CHANNELS.has(name))).toBe(false);
  });

  it('a subframe or another origin in the mini window is refused, and payloads are schema-checked', async () => {
    const { ipc, miniPage, meeting } = ipcSetup();
    await expect(ipc.invoke(invokeChannels.miniWindowAction, { senderFrame: { url: 'app://localhost/index.html' } as never }, 'leave')).rejects.toThrow('untrusted sender');
    miniPage.mainFrame.url = 'https://evil.example/';
    await expect(ipc.invoke(invokeChannels.miniWindowAction, miniPage.eventFromMainFrame(), 'leave')).rejects.toThrow('untrusted sender');
    miniPage.mainFrame.url = 'app://localhost/panel.html#mini-window';
    await expect(ipc.invoke(invokeChannels.miniWindowAction, miniPage.eventFromMainFrame(), 'stopSharing')).rejects.toThrow('invalid payload');
    await expect(ipc.invoke(invokeChannels.setMiniWindow, meeting.eventFromMainFrame(), { ...IN_MEETING, speaker: { name: 'x'.repeat(257), initials: 'X', speaking: false } })).rejects.toThrow('invalid payload');
    await expect(ipc.invoke(invokeChannels.setMiniWindow, meeting.eventFromMainFrame(), { ...IN_MEETING, extra: 1 })).rejects.toThrow('invalid payload');
  });
});
