// Process: main. The one window's options. Security-relevant preferences are spelled out even
// where they are Electron's defaults, so a reader (and the security gate) sees every one.
import type { BrowserWindowConstructorOptions } from 'electron';

export function mainWindowOptions(preloadPath: string, title: string, backgroundColor: string): BrowserWindowConstructorOptions {
  return {
    title,
    width: 1100,
    height: 760,
    minWidth: 480,
    minHeight: 520,
    show: false, // shown on ready-to-show: no white flash
    backgroundColor,
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click opens nothing either (new windows are denied anyway).
      disableBlinkFeatures: 'Auxclick',
      // Keep a meeting's audio and video running when the window is behind others.
      backgroundThrottling: false,
      // V8 code cache (the app:// scheme has the codeCache privilege) written on the first load
      // instead of after Chromium's heat check (a script seen twice), so the second launch
      // already skips compiling our code and the 7 MB SDK.
      v8CacheOptions: 'bypassHeatCheck',
    },
  };
}
