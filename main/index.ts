// Process: main. The Electron glue, kept thin: it creates the Electron objects and hands them to
// the plain modules beside it, which hold the logic and are tested in plain Node.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  BrowserWindow,
  Menu,
  app,
  clipboard,
  desktopCapturer,
  dialog,
  ipcMain,
  nativeTheme,
  net,
  protocol,
  screen,
  session,
  shell,
  systemPreferences,
} from 'electron';
import { autoUpdater } from 'electron-updater';
import brandingFile from '../build/branding.json';
import { eventChannels, type EventContract, type EventName } from '../common/ipc-contract';
import { loadLocale, pickLocale, SOURCE_LOCALE, translate, type MessageKey, type Params } from '../common/i18n';
import { createAppProtocolHandler } from './app-protocol/app-protocol-handler';
import { APP_ENTRY_URL, APP_SCHEME, isAppUrl } from './app-protocol/origin';
import { CaptureBroker } from './capture/capture-broker';
import { capturePlan, mergeFeatures } from './capture/capture-strategy';
import { brandBackgroundUrl, parseBranding } from './config/branding';
import { BACKGROUND_EXTENSIONS, createBackgroundImages } from './backgrounds/background-image';
import { RendererRecovery } from './crash/renderer-recovery';
import { JoinLinkRouter } from './deep-links/join-link-router';
import { receiveDeepLinks } from './deep-links/link-intake';
import { localeFileReader, localeFilesFolder } from './i18n/locale-files';
import { createInvokeHandlers } from './ipc/invoke-handlers';
import { registerIpcHandlers, trustMainFrameOf } from './ipc/ipc-manager';
import { createInvitationService } from './invitations/invitation-service';
import { resolveServiceOrigin } from './invitations/service-origin';
import { meetingIdInvite, parseDeepLink, parseMeetingInvite } from './links';
import { createRotatingLog } from './logging/rotating-log';
import { createMediaAccess } from './media/media-access';
import { menuTemplate } from './menu/menu-template';
import { protocolClientArgs } from './protocol-client';
import { installPermissionHandlers } from './security/permissions';
import { chromeUserAgent } from './security/user-agent';
import { lockDownWebContents, vetExternalUrl } from './security/web-contents';
import { openSettingsStore } from './settings/settings-store';
import { adoptControlsWindow } from './share-controls/controls-window';
import { trustByChannel } from './share-controls/ipc-trust';
import { MiniWindow } from './mini-window/mini-window';
import { MINI_WINDOW_URL, miniWindowOptions } from './mini-window/window-options';
import { ShareControls } from './share-controls/share-controls';
import { SHARE_CONTROLS_URL, shareControlsWindowOptions } from './share-controls/window-options';
import { createTokenService } from './tokens/token-service';
import { diagnosticsReport } from './diagnostics';
import { startAutoUpdates, type AutoUpdates } from './updates/auto-updates';
import { createCloseGuard } from './window/close-guard';
import { mainWindowOptions } from './window/main-window-options';

// The guest's language is read from the catalogue files the build puts next to this bundle; English
// is bundled and answers for any locale (or key) that cannot be read.
const readLocale = localeFileReader(localeFilesFolder(__dirname));

// The single-instance lock comes first: a second launch (a link clicked while Doorway runs)
// hands its argv to the first instance and exits before doing anything else.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  try {
    start();
  } catch (error) {
    startFailed(error);
  }
}

/**
 * Whatever stops start-up ends in a dialog and a log line, never in a process that holds the
 * single-instance lock with nothing on screen. Only the error's code or name is shown and logged:
 * its message may hold the guest's paths.
 */
function startFailed(error: unknown): void {
  const reason = errorName(error);
  // The rotating log may be what failed: stderr is the log of last resort.
  process.stderr.write(`Doorway failed to start: ${reason}\n`);
  const show = async () => {
    const lang = pickLocale(app.getPreferredSystemLanguages());
    await loadLocale(lang, readLocale).catch(() => undefined); // English, then
    const params = { app: app.getName(), reason, logs: safePath(() => app.getPath('logs')) };
    dialog.showErrorBox(translate(lang, 'dialog.startFailed.title', params), translate(lang, 'dialog.startFailed.message', params));
    app.quit();
  };
  if (app.isReady()) void show();
  else app.whenReady().then(show, () => app.exit(1));
}

function errorName(error: unknown): string {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  if (typeof code === 'string' && /^[A-Z0-9_]+$/.test(code)) return code;
  return typeof name === 'string' ? name : 'unknown error';
}

function safePath(read: () => string): string {
  try {
    return read();
  } catch {
    return '?';
  }
}

function start(): void {
  const brandingResult = parseBranding(brandingFile);
  if (!brandingResult.ok) {
    void app.whenReady().then(() => {
      dialog.showErrorBox(translate(SOURCE_LOCALE, 'dialog.badBranding.title', { app: 'Doorway' }), brandingResult.message);
      app.quit();
    });
    return;
  }
  const branding = brandingResult.branding;
  const isDevelopment = !app.isPackaged;
  app.setName(branding.productName);

  // How screen sharing is answered here (main/capture/capture-strategy.ts); Wayland needs the
  // PipeWire capturer switched on before the app is ready.
  const capturing = capturePlan({ platform: process.platform, env: process.env });
  if (capturing.enableFeatures.length > 0) {
    app.commandLine.appendSwitch('enable-features', mergeFeatures(app.commandLine.getSwitchValue('enable-features'), capturing.enableFeatures));
  }

  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);

  const log = createRotatingLog({ directory: app.getPath('logs'), echo: isDevelopment });
  log.info(`start ${branding.productName} ${app.getVersion()} on ${process.platform} ${process.arch}`);

  const settings = openSettingsStore(app.getPath('userData'), (m) => log.warn(m));
  // The guest's theme is the whole app's: every window's background and prefers-color-scheme
  // follow it from the first frame, which index.html's shell paints before any script runs.
  nativeTheme.themeSource = settings.get().theme;
  const language = () => {
    const chosen = settings.get().language;
    if (chosen !== 'system') return chosen;
    if (branding.defaultLanguage !== 'system') return branding.defaultLanguage;
    return pickLocale([...app.getPreferredSystemLanguages(), app.getLocale()]);
  };
  const t = (key: MessageKey, params?: Params) => translate(language(), key, { app: branding.productName, ...params });

  let mainWindow: BrowserWindow | null = null;
  let controlsWindow: BrowserWindow | null = null;
  let miniBrowserWindow: BrowserWindow | null = null;
  const contents = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null);
  const controlsContents = () => (controlsWindow && !controlsWindow.isDestroyed() ? controlsWindow.webContents : null);
  const miniContents = () => (miniBrowserWindow && !miniBrowserWindow.isDestroyed() ? miniBrowserWindow.webContents : null);
  const send = <K extends EventName>(name: K, payload: EventContract[K]) => contents()?.send(eventChannels[name], payload);
  const isOwnFrame = (frame: unknown) => !!frame && frame === contents()?.mainFrame && isAppUrl(contents()?.getURL() ?? '');

  const openExternal = (url: string): boolean => {
    const vetted = vetExternalUrl(url);
    if (!vetted) {
      log.warn('openExternal refused: not a vetted https URL');
      return false;
    }
    shell.openExternal(vetted).catch((error: unknown) => log.warn(`openExternal failed: ${errorName(error)}`));
    return true;
  };

  const ask = async (title: MessageKey, message: MessageKey, yes: MessageKey, no: MessageKey) => {
    const window = mainWindow;
    const options = { type: 'question' as const, title: t(title), message: t(title), detail: t(message), buttons: [t(yes), t(no)], defaultId: 1, cancelId: 1 };
    const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    return response === 0;
  };

  const setTimer = (callback: () => void, ms: number) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  };
  const preloadPath = path.join(__dirname, '..', 'preload', 'index.cjs');

  /** Brings the window forward; with none (macOS keeps running without), opens a new one. */
  const focusWindow = () => {
    if (!mainWindow) {
      // Before 'ready' the window is created by the ready handler, which then delivers the link.
      if (app.isReady()) createWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  /** Loads the app page; a failure other than a newer load superseding it is told to the guest. */
  const loadApp = (window: BrowserWindow, url: string) => {
    window.loadURL(url).catch((error: unknown) => {
      const reason = errorName(error);
      log.error(`loading the app page failed: ${reason}`);
      if (reason === 'ERR_ABORTED' || window.isDestroyed()) return;
      dialog.showErrorBox(t('dialog.loadFailed.title'), t('dialog.loadFailed.message', { reason }));
    });
  };

  const recovery = new RendererRecovery({
    reload: () => {
      if (mainWindow && !mainWindow.isDestroyed()) loadApp(mainWindow, APP_ENTRY_URL);
    },
    crashRenderer: () => contents()?.forcefullyCrashRenderer(),
    crashLoop: () => {
      void ask('dialog.crashLoop.title', 'dialog.crashLoop.message', 'dialog.crashLoop.restart', 'dialog.crashLoop.quit').then((restart) => {
        if (restart) {
          app.relaunch();
          app.exit(0);
        } else app.quit();
      });
    },
    sendJoinRequest: (request) => send('joinRequested', request),
    log: (m) => log.warn(m),
    now: Date.now,
    setTimer,
  });
  let updates: AutoUpdates | null = null;

  // Invitations are read from this one origin (or not at all); links cannot name another.
  const serviceOrigin = resolveServiceOrigin({ configured: branding.serviceUrl, env: process.env, isPackaged: app.isPackaged });
  const linkOptions = serviceOrigin ? { serviceOrigin } : {};
  const invitations = createInvitationService({
    origin: serviceOrigin,
    fetch: (input, init) => net.fetch(input, init),
    isOnline: () => net.isOnline(),
    parseMeeting: (joinUrl) => parseMeetingInvite(joinUrl),
    meetingIdInvite,
    log: (event, fields) => log.info(fields ? `invitations: ${event} ${JSON.stringify(fields)}` : `invitations: ${event}`),
  });

  const joinLinks = new JoinLinkRouter({
    parse: (url) => parseDeepLink(url, branding.linkScheme, linkOptions),
    send: (request) => {
      recovery.inviteSeen(request.invite);
      send('joinRequested', request);
    },
    focusWindow,
    confirmLeaveMeeting: () => ask('dialog.switch.title', 'dialog.switch.message', 'dialog.switch.leave', 'dialog.switch.stay'),
    log: (m) => log.info(m),
  });

  const linkIntake = receiveDeepLinks(app, joinLinks, branding.linkScheme, focusWindow);

  const registration = protocolClientArgs(process.platform, app.isPackaged, process.execPath, path.resolve(process.argv[1] ?? '.'));
  if (registration.executable) app.setAsDefaultProtocolClient(branding.linkScheme, registration.executable, registration.args);
  else app.setAsDefaultProtocolClient(branding.linkScheme);

  const media = createMediaAccess(process.platform, process.platform === 'darwin' || process.platform === 'win32' ? systemPreferences : null, (url) => shell.openExternal(url));
  const tokens = createTokenService({ branding, isPackaged: app.isPackaged, env: process.env, fetch: (input, init) => net.fetch(input, init), isOnline: () => net.isOnline(), log: (m) => log.info(m) });

  const capture = new CaptureBroker({
    listSources: () =>
      desktopCapturer.getSources({ types: ['screen', 'window'], thumbnailSize: { width: 320, height: 180 }, fetchWindowIcons: true }),
    isOwnFrame,
    sendRequest: (request) => send('captureRequested', request),
    sendCancelled: (requestId) => send('captureCancelled', { requestId }),
    systemAudioSupported: capturing.systemAudio,
    screenAccess: () => media.access('screen'),
    newId: () => randomUUID(),
    log: (m) => log.info(m),
    mode: capturing.mode,
    // Doorway's own windows are never offered: sharing the meeting into itself only mirrors it.
    excludedSourceIds: () => [mainWindow, controlsWindow, miniBrowserWindow].flatMap((w) => (w && !w.isDestroyed() ? [w.getMediaSourceId()] : [])),
    setTimer,
  });

  const shareControls = new ShareControls({
    createWindow: (events) => {
      const backgroundColor = nativeTheme.shouldUseDarkColors ? '#26262c' : '#ffffff';
      const options = shareControlsWindowOptions(preloadPath, branding.productName, backgroundColor);
      // The security-critical preferences, written here for reviewers and the security gate.
      const window = new BrowserWindow({
        ...options,
        webPreferences: { ...options.webPreferences, sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick', v8CacheOptions: 'bypassHeatCheck' },
      });
      controlsWindow = window;
      const adopted = adoptControlsWindow(window, process.platform, {
        moved: () => events.moved(),
        closed: () => {
          if (controlsWindow === window) controlsWindow = null;
          events.closed();
        },
      });
      window.loadURL(SHARE_CONTROLS_URL).catch((error: unknown) => log.warn(`sharing controls did not load: ${errorName(error)}`));
      return adopted;
    },
    workArea: () => (mainWindow && !mainWindow.isDestroyed() ? screen.getDisplayMatching(mainWindow.getBounds()) : screen.getPrimaryDisplay()).workArea,
    relay: (action) => send('shareControlRequested', action),
    focusMeeting: () => focusWindow(),
    view: () => ({ language: language(), theme: settings.get().theme, accentColor: branding.accentColor }),
    log: (m) => log.info(m),
  });

  const miniWindow = new MiniWindow({
    createWindow: (events) => {
      const backgroundColor = nativeTheme.shouldUseDarkColors ? '#26262c' : '#ffffff';
      const options = miniWindowOptions(preloadPath, branding.productName, backgroundColor);
      // The security-critical preferences, written here for reviewers and the security gate.
      const window = new BrowserWindow({
        ...options,
        webPreferences: { ...options.webPreferences, sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick', v8CacheOptions: 'bypassHeatCheck' },
      });
      miniBrowserWindow = window;
      const adopted = adoptControlsWindow(window, process.platform, {
        moved: () => events.moved(),
        closed: () => {
          if (miniBrowserWindow === window) miniBrowserWindow = null;
          events.closed();
        },
      });
      window.loadURL(MINI_WINDOW_URL).catch((error: unknown) => log.warn(`mini window did not load: ${errorName(error)}`));
      return { ...adopted, sendState: (state) => window.webContents.send(eventChannels.miniWindowChanged, state) };
    },
    workArea: () => (mainWindow && !mainWindow.isDestroyed() ? screen.getDisplayMatching(mainWindow.getBounds()) : screen.getPrimaryDisplay()).workArea,
    relay: (action) => send('miniWindowRequested', action),
    focusMeeting: () => focusWindow(),
    enabled: () => settings.get().miniWindow,
    view: () => ({ language: language(), theme: settings.get().theme, accentColor: branding.accentColor }),
    log: (m) => log.info(m),
  });

  const backgrounds = createBackgroundImages({
    directory: path.join(app.getPath('userData'), 'backgrounds'),
    chooseFile: async () => {
      const options: Electron.OpenDialogOptions = {
        title: t('effects.image.dialogTitle'),
        properties: ['openFile'],
        filters: [{ name: t('effects.image.filterName'), extensions: [...BACKGROUND_EXTENSIONS] }],
      };
      const window = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    log: (m) => log.info(m),
  });

  registerIpcHandlers(
    ipcMain,
    createInvokeHandlers({
      appInfo: () => ({
        productName: branding.productName,
        version: app.getVersion(),
        platform: process.platform === 'darwin' || process.platform === 'win32' || process.platform === 'linux' ? process.platform : 'other',
        systemLanguage: language(),
        accentColor: branding.accentColor,
        backgrounds: branding.backgrounds.map(({ id, label, file }) => ({ id, label, url: brandBackgroundUrl(file) })),
        supportUrl: branding.supportUrl || null,
        tokenServiceConfigured: tokens.configured,
        runningFromSource: !app.isPackaged,
      }),
      backgrounds,
      settings: {
        get recovered() {
          return settings.recovered;
        },
        get inMemory() {
          return settings.inMemory;
        },
        get: () => settings.get(),
        update: (patch) => {
          const next = settings.update(patch);
          if (patch.miniWindow !== undefined) miniWindow.settingChanged();
          if (patch.theme !== undefined) nativeTheme.themeSource = next.theme;
          if (patch.language !== undefined && app.isReady()) void loadLocale(language(), readLocale).then(applyMenu, () => applyMenu());
          return next;
        },
      },
      parseInvite: (text) => {
        const invite = parseMeetingInvite(text, linkOptions);
        recovery.inviteSeen(invite);
        return invite;
      },
      tokens,
      invitations,
      media,
      renderer: {
        // A rejoin offer first, so a deep link that waited (the newer intent) is the last one shown.
        ready: () => {
          recovery.rendererReady();
          joinLinks.rendererReady();
        },
        presence: ({ inMeeting, meeting, callId }) => {
          joinLinks.setInMeeting(inMeeting);
          tokens.presenceChanged(inMeeting);
          recovery.presenceChanged({ inMeeting, ...(meeting && { invite: parseMeetingInvite(meeting) }), ...(callId && { callId }) });
          updates?.presenceChanged(inMeeting);
        },
      },
      capture,
      shareControls,
      miniWindow,
      log,
    }),
    // The sharing controls' and the mini window get their own two channels each; the meeting window all the others.
    trustByChannel(trustMainFrameOf(contents, isAppUrl), trustMainFrameOf(controlsContents, isAppUrl), trustMainFrameOf(miniContents, isAppUrl)),
    (_level, message) => log.warn(message),
  );

  // Every web contents, including any a bug might create, is locked down the same way.
  app.on('web-contents-created', (_event, created) => lockDownWebContents(created, openExternal, (m) => log.warn(m)));

  app
    .whenReady()
    .then(() => {
      const defaultSession = session.defaultSession;
      protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(__dirname, '..', 'renderer')));
      installPermissionHandlers(defaultSession, isAppUrl);
      defaultSession.setUserAgent(chromeUserAgent(defaultSession.getUserAgent(), branding.productName));
      defaultSession.setDisplayMediaRequestHandler((request, callback) => void capture.handleRequest(request, callback), {
        useSystemPicker: capturing.useSystemPicker,
      });
      updates = startAutoUpdates({
        feedUrl: branding.updateFeed,
        isPackaged: app.isPackaged,
        updater: () => autoUpdater,
        isInMeeting: () => joinLinks.isInMeeting,
        askToRestart: () => ask('update.ready.title', 'update.ready.message', 'update.ready.restart', 'update.ready.later'),
        log: (m) => log.info(m),
        setInterval: (callback, ms) => void setInterval(callback, ms),
      });

      // The menu in the guest's language once its strings are loaded (in English if they cannot be).
      void loadLocale(language(), readLocale)
        .catch((error: unknown) => log.warn(`i18n: ${language()} not loaded (${errorName(error)})`))
        .then(applyMenu);

      createWindow();
      linkIntake.deliverLaunchLink(process.argv);
    })
    .catch(startFailed);

  /** The application menu in the guest's language (built again when they change it). */
  function applyMenu(): void {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(
          process.platform,
          branding.productName,
          { help: t('menu.help'), copyDiagnostics: t('menu.copyDiagnostics'), openLogsFolder: t('menu.openLogsFolder'), support: t('menu.support') },
          {
            copyDiagnostics: () => void clipboard.writeText(diagnosticsReport({ app: app.getVersion(), electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', acsCalling: process.env.DOORWAY_ACS_CALLING_VERSION ?? 'unknown', os: `${process.platform} ${process.getSystemVersion()} ${process.arch}`, lastCallId: recovery.lastCallId, recentLog: log.recent() })),
            openLogsFolder: () => void shell.openPath(path.dirname(log.file)),
            openSupport: branding.supportUrl ? () => openExternal(branding.supportUrl) : null,
          },
          isDevelopment,
        ),
      ),
    );
  }

  let closeGuard: ReturnType<typeof createCloseGuard> | null = null;

  function createWindow(): void {
    const backgroundColor = nativeTheme.shouldUseDarkColors ? '#1b1b1f' : '#f5f5f7';
    const options = mainWindowOptions(preloadPath, branding.productName, backgroundColor);
    // The security-critical preferences, written here for reviewers and the security gate.
    const window = new BrowserWindow({
      ...options,
      webPreferences: { ...options.webPreferences, sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick', v8CacheOptions: 'bypassHeatCheck' },
    });
    mainWindow = window;
    window.once('ready-to-show', () => window.show());
    // The page that held the meeting is gone (reload or crash): nothing may wait on it.
    const pageGone = (why: string) => {
      capture.cancelPending(why);
      shareControls.meetingGone();
      miniWindow.meetingGone();
      joinLinks.rendererGone();
    };
    window.webContents.on('did-start-loading', () => {
      pageGone('page loading');
      recovery.pageLoading();
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      log.error(`renderer gone: ${details.reason}`);
      pageGone('renderer gone');
      recovery.rendererGone(details.reason);
    });
    window.on('focus', () => shareControls.meetingFocusChanged(true));
    window.on('blur', () => shareControls.meetingFocusChanged(false));
    // In front: focused, shown and not minimized (no platform reports being covered by other windows).
    const inFront = () => miniWindow.meetingInFrontChanged(!window.isDestroyed() && window.isFocused() && window.isVisible() && !window.isMinimized());
    window.on('focus', inFront);
    window.on('blur', inFront);
    window.on('minimize', inFront);
    window.on('restore', inFront);
    window.on('show', inFront);
    window.on('hide', inFront);
    window.on('unresponsive', () => recovery.unresponsive());
    window.on('responsive', () => recovery.responsive());

    const guard = createCloseGuard({
      isInMeeting: () => joinLinks.isInMeeting,
      confirmLeave: () => ask('dialog.quit.title', 'dialog.quit.message', 'dialog.quit.leave', 'dialog.quit.stay'),
      requestLeave: () => send('leaveRequested', undefined),
      waitUntilLeft: async (timeoutMs) => {
        const deadline = Date.now() + timeoutMs;
        while (joinLinks.isInMeeting && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      },
      close: () => window.close(),
      quit: () => app.quit(),
    });
    closeGuard = guard;
    window.on('close', (event) => guard.onClose(event));
    window.on('closed', () => {
      capture.cancelPending('window closed');
      shareControls.meetingGone();
      miniWindow.meetingGone();
      // Links that come now wait for the next window (macOS keeps running without one).
      joinLinks.rendererGone();
      recovery.windowClosed();
      tokens.presenceChanged(false);
      if (closeGuard === guard) closeGuard = null;
      mainWindow = null;
    });
    loadApp(window, APP_ENTRY_URL);
  }

  app.on('before-quit', () => closeGuard?.quitRequested());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && app.isReady()) createWindow();
  });
}
