// Process: main. The mini window's BrowserWindow options: the sharing controls' design (small,
// frameless, always on top, out of the taskbar, the main window's sandboxed web preferences, same
// preload and page origin; main's IPC check gives it its own two channels only), at its own size.
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_PANEL_URL } from '../app-protocol/origin';
import { shareControlsWindowOptions } from '../share-controls/window-options';
import { MINI_WINDOW_SIZE } from './mini-window';

/** The mini window's page: the small windows' page (panel.html, the app without its shell), routed by its fragment. */
export const MINI_WINDOW_URL = `${APP_PANEL_URL}#mini-window`;

export function miniWindowOptions(preloadPath: string, title: string, backgroundColor: string): BrowserWindowConstructorOptions {
  return { ...shareControlsWindowOptions(preloadPath, title, backgroundColor), width: MINI_WINDOW_SIZE.width, height: MINI_WINDOW_SIZE.height };
}
