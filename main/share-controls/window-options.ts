// Process: main. The sharing controls' window: small, frameless, always on top, out of the
// taskbar, with exactly the main window's sandboxed web preferences (same preload, same page
// origin; main's IPC check gives it its own two channels only).
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_PANEL_URL } from '../app-protocol/origin';
import { mainWindowOptions } from '../window/main-window-options';
import { CONTROLS_SIZE } from './share-controls';

/** The controls page: the small windows' page (panel.html, the app without its shell), routed by its fragment. */
export const SHARE_CONTROLS_URL = `${APP_PANEL_URL}#share-controls`;

export function shareControlsWindowOptions(preloadPath: string, title: string, backgroundColor: string): BrowserWindowConstructorOptions {
  const { webPreferences } = mainWindowOptions(preloadPath, title, backgroundColor);
  return {
    title,
    width: CONTROLS_SIZE.width,
    height: CONTROLS_SIZE.height,
    show: false,
    frame: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    movable: true,
    backgroundColor,
    webPreferences: { ...webPreferences },
  };
}
