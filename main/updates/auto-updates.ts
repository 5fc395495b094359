// Process: main. Keeps Doorway up to date from the branding's update feed without ever interrupting
// a meeting: updates download in the background and install when the app quits; the guest is asked
// to restart only right after a call ends. Off when no feed is configured, and in development.

/** The part of electron-updater's `autoUpdater` used here (a fake in tests). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface AutoUpdatesOptions {
  /** The branding's `updateFeed`; '' turns updates off. */
  feedUrl: string;
  isPackaged: boolean;
  /** Called only when updates are on: electron-updater sets itself up on first access. */
  updater(): Updater;
  isInMeeting(): boolean;
  /** Asks the guest whether to restart now; false leaves the update for the next quit. */
  askToRestart(): Promise<boolean>;
  log: (message: string) => void;
  setInterval(callback: () => void, ms: number): void;
  checkEveryMs?: number;
}

export interface AutoUpdates {
  /** The renderer's call presence changed: a call that just ended is the moment to ask. */
  presenceChanged(inMeeting: boolean): void;
}

export function startAutoUpdates(options: AutoUpdatesOptions): AutoUpdates | null {
  const { feedUrl, log } = options;
  if (!feedUrl) {
    log('updates off: no update feed configured');
    return null;
  }
  if (!options.isPackaged) {
    log('updates off: development build');
    return null;
  }

  const updater = options.updater();
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.setFeedURL({ provider: 'generic', url: feedUrl });

  let downloaded: string | null = null;
  let asked = false;
  let asking = false;

  // An offline guest is not bothered: errors go to the log only.
  updater.on('error', (error) => log(`update failed: ${error.message}`));
  updater.on('update-downloaded', ({ version }) => {
    downloaded = version;
    log(`update ${version} downloaded: installs on quit`);
  });

  const check = () => void updater.checkForUpdates().catch((error: Error) => log(`update check failed: ${error.message}`));
  check();
  options.setInterval(check, options.checkEveryMs ?? 4 * 60 * 60_000);

  async function offerRestart(): Promise<void> {
    if (!downloaded || asked || asking) return;
    asking = true;
    const restart = await options.askToRestart();
    asking = false;
    // Asked once per run; a guest who said "later" gets the update on quit.
    asked = true;
    // The guest may have joined another call while the question was open.
    if (restart && !options.isInMeeting()) {
      log(`restarting to install update ${downloaded}`);
      updater.quitAndInstall(false, true);
    }
  }

  let wasInMeeting = false;
  return {
    presenceChanged(inMeeting) {
      const callEnded = wasInMeeting && !inMeeting;
      wasInMeeting = inMeeting;
      if (callEnded) void offerRestart();
    },
  };
}
