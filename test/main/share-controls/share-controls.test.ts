// The always-on-top sharing controls with a fake window: when the window exists and shows, where
// it goes, what it is told, what its buttons do, and which window may use which IPC channel.
import { describe, expect, it } from 'vitest';
import { invokeChannels, type InvokeName, type ShareControlAction, type ShareControlsState } from '../../../common/ipc-contract';
import { createInvokeHandlers, type MainServices } from '../../../main/ipc/invoke-handlers';
import { registerIpcHandlers, trustMainFrameOf } from '../../../main/ipc/ipc-manager';
import { adoptControlsWindow, type ControlsBrowserWindow } from '../../../main/share-controls/controls-window';
import { SHARE_CONTROLS_CHANNELS, trustByChannel } from '../../../main/share-controls/ipc-trust';
import { CONTROLS_SIZE, NOT_SHARING, ShareControls, placeControls } from '../../../main/share-controls/share-controls';
import { SHARE_CONTROLS_URL, shareControlsWindowOptions } from '../../../main/share-controls/window-options';
import { mainWindowOptions } from '../../../main/window/main-window-options';
import { FakeIpcMain, FakeWebContents } from '../../support/fake-electron';
import { FakeControlsWindow } from '../../support/share-controls';

const SHARING: ShareControlsState = { sharing: true, muted: false, canUnmute: true, speaker: null };
const AREA = { x: 0, y: 25, width: 1440, height: 875 };

function setup() {
  const windows: FakeControlsWindow[] = [];
  const relayed: ShareControlAction[] = [];
  const logs: string[] = [];
  let focused = 0;
  let area = AREA;
  const controls = new ShareControls({
    createWindow: (events) => {
      const window = new FakeControlsWindow(events);
      windows.push(window);
      return window;
    },
    workArea: () => area,
    relay: (action) => relayed.push(action),
    focusMeeting: () => void (focused += 1),
    view: () => ({ language: 'ko-KR', theme: 'dark', accentColor: '#4f52b2' }),
    log: (m) => logs.push(m),
  });
  return {
    controls,
    windows,
    relayed,
    logs,
    focusCount: () => focused,
    setArea: (next: typeof AREA) => void (area = next),
    window: () => windows[windows.length - 1],
  };
}

describe('share controls: when they show', () => {
  it('no window until the guest shares; created hidden while the meeting window has focus', () => {
    const s = setup();
    s.controls.update(NOT_SHARING);
    expect(s.windows).toHaveLength(0);
    s.controls.update(SHARING);
    expect(s.windows).toHaveLength(1);
    expect(s.window().visible).toBe(false);
    expect(s.controls.isVisible).toBe(false);
  });

  it('shows (without taking focus) at the top centre when the guest goes to another app, hides when they come back', () => {
    const s = setup();
    s.controls.update(SHARING);
    s.controls.meetingFocusChanged(false);
    expect(s.window().calls).toEqual([`setPosition ${(1440 - CONTROLS_SIZE.width) / 2},37`, 'showInactive']);
    expect(s.controls.isVisible).toBe(true);
    s.controls.meetingFocusChanged(true);
    expect(s.window().calls.at(-1)).toBe('hide');
    expect(s.controls.isVisible).toBe(false);
  });

  it('appears at once when sharing starts while the meeting window is in the background', () => {
    const s = setup();
    s.controls.meetingFocusChanged(false);
    expect(s.windows).toHaveLength(0);
    s.controls.update(SHARING);
    expect(s.window().visible).toBe(true);
  });

  it('closes its window when sharing stops, and makes a new one for the next share', () => {
    const s = setup();
    s.controls.update(SHARING);
    s.controls.meetingFocusChanged(false);
    s.controls.update(NOT_SHARING);
    expect(s.windows[0].calls.at(-1)).toBe('close');
    expect(s.controls.hasWindow).toBe(false);
    s.controls.update(SHARING);
    expect(s.windows).toHaveLength(2);
    expect(s.windows[1].visible).toBe(true);
  });

  it('closes with the meeting: page reload, renderer gone or window closed', () => {
    const s = setup();
    s.controls.update(SHARING);
    s.controls.meetingGone();
    expect(s.window().destroyed).toBe(true);
    expect(s.controls.ready().state).toEqual(NOT_SHARING);
  });

  it('stays away for the rest of the share once the guest closes it, and returns for the next share', () => {
    const s = setup();
    s.controls.update(SHARING);
    s.controls.meetingFocusChanged(false);
    s.window().closeByGuest();
    expect(s.controls.hasWindow).toBe(false);
    s.controls.update({ ...SHARING, muted: true });
    s.controls.meetingFocusChanged(true);
    s.controls.meetingFocusChanged(false);
    expect(s.windows).toHaveLength(1);
    s.controls.update(NOT_SHARING);
    s.controls.update(SHARING);
    expect(s.windows).toHaveLength(2);
  });

  it('keeps the place the guest dragged it to, inside the work area', () => {
    const s = setup();
    s.controls.update(SHARING);
    s.controls.meetingFocusChanged(false);
    s.window().dragTo(40, 700);
    s.controls.meetingFocusChanged(true);
    s.controls.meetingFocusChanged(false);
    expect(s.window().calls.at(-2)).toBe('setPosition 40,700');
    // The meeting moved to a smaller display: the remembered place is pulled inside it.
    s.setArea({ x: 0, y: 0, width: 800, height: 600 });
    s.controls.meetingFocusChanged(true);
    s.controls.meetingFocusChanged(false);
    expect(s.window().calls.at(-2)).toBe(`setPosition 40,${600 - CONTROLS_SIZE.height}`);
  });
});

describe('share controls: what they show and what they do', () => {
  it('first paint: the guest language and look, and the current state', () => {
    const s = setup();
    s.controls.update({ ...SHARING, speaker: 'Ada Lovelace' });
    expect(s.controls.ready()).toEqual({ language: 'ko-KR', theme: 'dark', accentColor: '#4f52b2', state: { ...SHARING, speaker: 'Ada Lovelace' } });
  });

  it('sends each change of mute or speaker once, and nothing when nothing changed', () => {
    const s = setup();
    s.controls.update(SHARING);
    s.controls.update(SHARING);
    s.controls.update({ ...SHARING, speaker: 'Grace' });
    s.controls.update({ ...SHARING, speaker: 'Grace' });
    s.controls.update({ ...SHARING, speaker: 'Grace', muted: true });
    expect(s.window().states).toEqual([SHARING, { ...SHARING, speaker: 'Grace' }, { ...SHARING, speaker: 'Grace', muted: true }]);
  });

  it('relays Stop and Mute to the meeting window; Show meeting focuses it', () => {
    const s = setup();
    s.controls.update(SHARING);
    s.controls.action('toggleMute');
    s.controls.action('stopSharing');
    s.controls.action('showMeeting');
    expect(s.relayed).toEqual(['toggleMute', 'stopSharing']);
    expect(s.focusCount()).toBe(1);
  });

  it('ignores presses when nobody is sharing (a late click after the share ended)', () => {
    const s = setup();
    s.controls.action('stopSharing');
    s.controls.action('showMeeting');
    expect(s.relayed).toEqual([]);
    expect(s.focusCount()).toBe(0);
    expect(s.logs).toContain('share controls: ignored stopSharing (not sharing)');
  });
});

describe('share controls: placement', () => {
  it('centres at the top of the work area (below a menu bar), or keeps a remembered place inside it', () => {
    expect(placeControls({ x: 1920, y: 0, width: 1920, height: 1040 }, null)).toEqual({ x: 1920 + (1920 - CONTROLS_SIZE.width) / 2, y: 12 });
    expect(placeControls(AREA, { x: -500, y: -500 })).toEqual({ x: 0, y: 25 });
    expect(placeControls(AREA, { x: 5000, y: 5000 })).toEqual({ x: 1440 - CONTROLS_SIZE.width, y: 25 + 875 - CONTROLS_SIZE.height });
    // A work area narrower than the controls: the left edge, never off screen.
    expect(placeControls({ x: 0, y: 0, width: 300, height: 40 }, null)).toEqual({ x: 0, y: 0 });
  });
});

describe('share controls: the window', () => {
  it('is small, frameless, always on top, out of the taskbar, with the main window sandboxed preferences', () => {
    const options = shareControlsWindowOptions('/app/preload/index.cjs', 'Doorway', '#fff');
    expect(options).toMatchObject({ width: CONTROLS_SIZE.width, height: CONTROLS_SIZE.height, frame: false, alwaysOnTop: true, skipTaskbar: true, resizable: false, show: false, fullscreenable: false });
    expect(options.webPreferences).toEqual(mainWindowOptions('/app/preload/index.cjs', 'Doorway', '#fff').webPreferences);
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(SHARE_CONTROLS_URL).toBe('app://localhost/panel.html#share-controls');
  });
});

describe('share controls: IPC trust', () => {
  function ipcSetup() {
    const ipc = new FakeIpcMain();
    const meeting = new FakeWebContents('app://localhost/index.html');
    const controlsPage = new FakeWebContents('app://localhost/panel.html#share-controls');
    const calls: string[] = [];
    const handlers = createInvokeHandlers(
      new Proxy({} as MainServices, {
        get: (_t, service: string) =>
          new Proxy(() => undefined, {
            get: (_f, method: string) => (...args: unknown[]) => void calls.push(`${service}.${method}(${JSON.stringify(args[0] ?? '')})`),
            apply: (_f, _this, args) => void calls.push(`${service}(${JSON.stringify(args[0] ?? '')})`),
          }),
      }),
    );
    const isOwn = (url: string) => url.startsWith('app://localhost/');
    registerIpcHandlers(ipc, handlers, trustByChannel(trustMainFrameOf(() => meeting, isOwn), trustMainFrameOf(() => controlsPage, isOwn)), () => undefined);
    return { ipc, meeting, controlsPage, calls };
  }

  it('the controls window may only ask for its first paint and press its buttons', async () => {
    const { ipc, controlsPage, calls } = ipcSetup();
    await ipc.invoke(invokeChannels.shareControlsReady, controlsPage.eventFromMainFrame(), undefined);
    await ipc.invoke(invokeChannels.shareControlAction, controlsPage.eventFromMainFrame(), 'stopSharing');
    expect(calls).toEqual(['shareControls.ready("")', 'shareControls.action("stopSharing")']);
    const others = (Object.keys(invokeChannels) as InvokeName[]).filter((name) => !SHARE_CONTROLS_CHANNELS.has(name));
    expect(others).toContain('getToken');
    expect(others).toContain('setShareControls');
    for (const name of others) {
      await expect(ipc.invoke(invokeChannels[name], controlsPage.eventFromMainFrame(), undefined), name).rejects.toThrow('untrusted sender');
    }
    expect(calls).toHaveLength(2);
  });

  it('the meeting window may not use the controls channels; it sets what they show', async () => {
    const { ipc, meeting, calls } = ipcSetup();
    await expect(ipc.invoke(invokeChannels.shareControlAction, meeting.eventFromMainFrame(), 'stopSharing')).rejects.toThrow('untrusted sender');
    await expect(ipc.invoke(invokeChannels.shareControlsReady, meeting.eventFromMainFrame(), undefined)).rejects.toThrow('untrusted sender');
    await ipc.invoke(invokeChannels.setShareControls, meeting.eventFromMainFrame(), SHARING);
    expect(calls).toEqual([`shareControls.update(${JSON.stringify(SHARING)})`]);
  });

  it('a subframe or another origin in the controls window is refused, and payloads are schema-checked', async () => {
    const { ipc, controlsPage, meeting } = ipcSetup();
    await expect(ipc.invoke(invokeChannels.shareControlAction, { senderFrame: { url: 'app://localhost/index.html' } as never }, 'stopSharing')).rejects.toThrow('untrusted sender');
    controlsPage.mainFrame.url = 'https://evil.example/';
    await expect(ipc.invoke(invokeChannels.shareControlAction, controlsPage.eventFromMainFrame(), 'stopSharing')).rejects.toThrow('untrusted sender');
    controlsPage.mainFrame.url = 'app://localhost/panel.html#share-controls';
    await expect(ipc.invoke(invokeChannels.shareControlAction, controlsPage.eventFromMainFrame(), 'leaveMeeting')).rejects.toThrow('invalid payload');
    await expect(ipc.invoke(invokeChannels.setShareControls, meeting.eventFromMainFrame(), { ...SHARING, speaker: 'x'.repeat(257) })).rejects.toThrow('invalid payload');
    await expect(ipc.invoke(invokeChannels.setShareControls, meeting.eventFromMainFrame(), { ...SHARING, extra: 1 })).rejects.toThrow('invalid payload');
  });
});

describe('share controls: the window on each platform', () => {
  /** A BrowserWindow as far as adoptControlsWindow uses it: records calls, emits its events. */
  class RecordingWindow implements ControlsBrowserWindow {
    readonly calls: Array<[string, ...unknown[]]> = [];
    readonly listeners = new Map<string, () => void>();
    readonly webContents = { send: (channel: string, ...args: unknown[]) => void this.calls.push(['send', channel, ...args]) };
    setAlwaysOnTop(...args: unknown[]) {
      this.calls.push(['setAlwaysOnTop', ...args]);
    }
    setVisibleOnAllWorkspaces(...args: unknown[]) {
      this.calls.push(['setVisibleOnAllWorkspaces', ...args]);
    }
    setContentProtection(...args: unknown[]) {
      this.calls.push(['setContentProtection', ...args]);
    }
    showInactive() {}
    hide() {}
    close() {}
    isDestroyed() {
      return false;
    }
    setPosition() {}
    getPosition() {
      return [10, 20];
    }
    on(event: string, listener: () => void) {
      this.listeners.set(event, listener);
      return this;
    }
  }

  function adopt(platform: NodeJS.Platform) {
    const window = new RecordingWindow();
    const events: string[] = [];
    adoptControlsWindow(window, platform, { moved: () => events.push('moved'), closed: () => events.push('closed') });
    return { window, events };
  }

  it('reports a drag on Linux too, where Electron has no "moved" event', () => {
    const linux = adopt('linux');
    linux.window.listeners.get('move')?.();
    expect(linux.events).toEqual(['moved']);
    expect(linux.window.listeners.has('moved')).toBe(false);
    const mac = adopt('darwin');
    mac.window.listeners.get('moved')?.();
    expect(mac.events).toEqual(['moved']);
  });

  it('stays on every workspace on macOS without turning the app into a UI element (no dock flicker)', () => {
    const { window } = adopt('darwin');
    expect(window.calls).toContainEqual(['setVisibleOnAllWorkspaces', true, { visibleOnFullScreen: true, skipTransformProcessType: true }]);
    expect(window.calls).toContainEqual(['setContentProtection', true]);
    expect(adopt('win32').window.calls.map(([name]) => name)).not.toContain('setVisibleOnAllWorkspaces');
  });
});
