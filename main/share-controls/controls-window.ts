// Process: main. Makes a newly created BrowserWindow the sharing controls: above full-screen apps,
// on every workspace, left out of the picture the guest shares where the OS can, and its moves
// reported on every platform. Takes the window as a parameter; main/index.ts creates it.
import type { BrowserWindow, WebContents } from 'electron';
import type { ShareControlsState } from '../../common/ipc-contract';
import { eventChannels } from '../../common/ipc-contract';
import type { ControlsWindow, ControlsWindowEvents } from './share-controls';

/** The BrowserWindow calls used here, with Electron's own signatures. */
export interface ControlsBrowserWindow
  extends Pick<
    BrowserWindow,
    'setAlwaysOnTop' | 'setVisibleOnAllWorkspaces' | 'setContentProtection' | 'showInactive' | 'hide' | 'close' | 'isDestroyed' | 'setPosition' | 'getPosition'
  > {
  on(event: 'move', listener: () => void): unknown;
  on(event: 'moved', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  readonly webContents: Pick<WebContents, 'send'>;
}

export function adoptControlsWindow(window: ControlsBrowserWindow, platform: NodeJS.Platform, events: ControlsWindowEvents): ControlsWindow {
  window.setAlwaysOnTop(true, 'screen-saver');
  // skipTransformProcessType: without it macOS turns the app into a UI element and back, and its
  // dock icon flickers each time sharing starts.
  if (platform !== 'win32') window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true, skipTransformProcessType: true });
  if (platform !== 'linux') window.setContentProtection(true);
  // 'moved' (once, after a drag) exists only on macOS and Windows; Linux reports each 'move'.
  if (platform === 'linux') window.on('move', () => events.moved());
  else window.on('moved', () => events.moved());
  window.on('closed', () => events.closed());
  return {
    showInactive: () => window.showInactive(),
    hide: () => window.hide(),
    close: () => window.close(),
    isDestroyed: () => window.isDestroyed(),
    setPosition: (x, y) => window.setPosition(x, y),
    getPosition: () => window.getPosition(),
    sendState: (state: ShareControlsState) => window.webContents.send(eventChannels.shareControlsChanged, state),
  };
}
