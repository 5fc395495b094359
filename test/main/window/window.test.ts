import { describe, expect, it } from 'vitest';
import { protocolClientArgs } from '../../../main/protocol-client';
import { createCloseGuard } from '../../../main/window/close-guard';
import { mainWindowOptions } from '../../../main/window/main-window-options';
import { menuTemplate } from '../../../main/menu/menu-template';

describe('main window options', () => {
  it('sandboxes and isolates the renderer and starts hidden', () => {
    const options = mainWindowOptions('/app/preload.cjs', 'Doorway', '#000000');
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('keeps V8 code cache from the first launch on', () => {
    expect(mainWindowOptions('/app/preload.cjs', 'Doorway', '#000000').webPreferences?.v8CacheOptions).toBe('bypassHeatCheck');
  });
});

describe('close guard', () => {
  function setup(inMeeting: boolean, leave: boolean) {
    const events: string[] = [];
    let prevented = 0;
    let meeting = inMeeting;
    const guard = createCloseGuard({
      isInMeeting: () => meeting,
      confirmLeave: async () => {
        events.push('ask');
        return leave;
      },
      requestLeave: () => {
        events.push('leave');
        meeting = false;
      },
      waitUntilLeft: async () => void events.push('wait'),
      close: () => events.push('close'),
      quit: () => events.push('quit'),
    });
    const close = () => guard.onClose({ preventDefault: () => void prevented++ });
    return { events, close, guard, prevented: () => prevented };
  }

  it('closes at once outside a meeting', () => {
    const s = setup(false, true);
    s.close();
    expect(s.prevented()).toBe(0);
    expect(s.events).toEqual([]);
  });

  it('asks during a meeting, leaves cleanly, then closes', async () => {
    const s = setup(true, true);
    s.close();
    expect(s.prevented()).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(s.events).toEqual(['ask', 'leave', 'wait', 'close']);
  });

  it('Cmd+Q during a meeting quits once the guest agreed to leave (macOS keeps running after the last window)', async () => {
    const s = setup(true, true);
    s.guard.quitRequested();
    s.close();
    await new Promise((r) => setTimeout(r, 0));
    expect(s.events).toEqual(['ask', 'leave', 'wait', 'quit']);
  });

  it('a quit the guest declined is forgotten: closing the window later only closes it', async () => {
    let leave = false;
    const events: string[] = [];
    let meeting = true;
    const guard = createCloseGuard({
      isInMeeting: () => meeting,
      confirmLeave: async () => leave,
      requestLeave: () => void (meeting = false),
      waitUntilLeft: async () => undefined,
      close: () => events.push('close'),
      quit: () => events.push('quit'),
    });
    guard.quitRequested();
    guard.onClose({ preventDefault: () => undefined });
    await new Promise((r) => setTimeout(r, 0));
    leave = true;
    guard.onClose({ preventDefault: () => undefined });
    await new Promise((r) => setTimeout(r, 0));
    expect(events).toEqual(['close']);
  });

  it('stays when the guest says stay', async () => {
    const s = setup(true, false);
    s.close();
    await new Promise((r) => setTimeout(r, 0));
    expect(s.events).toEqual(['ask']);
  });
});

describe('protocol client registration', () => {
  it('puts -- before the link on Windows so it is never read as a switch', () => {
    expect(protocolClientArgs('win32', true, 'C:\\Doorway.exe', 'C:\\app')).toEqual({ executable: 'C:\\Doorway.exe', args: ['--'] });
    expect(protocolClientArgs('win32', false, 'C:\\electron.exe', 'C:\\src')).toEqual({ executable: 'C:\\electron.exe', args: ['C:\\src', '--'] });
    expect(protocolClientArgs('darwin', true, '/x', '/y')).toEqual({});
  });
});

describe('application menu', () => {
  const labels = { help: 'Help', copyDiagnostics: 'Copy diagnostics', openLogsFolder: 'Open logs folder', support: 'Get support' };
  const actions = { copyDiagnostics: () => undefined, openLogsFolder: () => undefined, openSupport: null };

  it('has the app menu on macOS and a File menu elsewhere', () => {
    expect(menuTemplate('darwin', 'Doorway', labels, actions, false)[0].label).toBe('Doorway');
    expect(menuTemplate('win32', 'Doorway', labels, actions, false)[0].role).toBe('fileMenu');
  });

  it('offers reload and devtools only in development', () => {
    const roles = (dev: boolean) =>
      JSON.stringify(menuTemplate('linux', 'Doorway', labels, actions, dev).find((m) => m.role === 'viewMenu'));
    expect(roles(false)).not.toMatch(/reload|toggleDevTools/);
    expect(roles(true)).toMatch(/toggleDevTools/);
  });
});
