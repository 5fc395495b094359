// The end-to-end harness: the built renderer in real Chromium, served from http://localhost
// through the app's own protocol handler (same files, same CSP), with the real preload bundle
// evaluated in the page and its `electron` import answered by a bridge to the real main-process
// IPC handlers running here in Node.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventChannels, type EventContract, type EventName, type MediaAccess, type TokenReply } from '../../common/ipc-contract';
import { pickLocale } from '../../common/i18n';
import { createAppProtocolHandler } from '../../main/app-protocol/app-protocol-handler';
import { createBackgroundImages } from '../../main/backgrounds/background-image';
import { brandBackgroundUrl, parseBranding } from '../../main/config/branding';
import { CaptureBroker, type DesktopSource } from '../../main/capture/capture-broker';
import { JoinLinkRouter } from '../../main/deep-links/join-link-router';
import { createInvokeHandlers, type MainServices } from '../../main/ipc/invoke-handlers';
import { registerIpcHandlers, trustMainFrameOf } from '../../main/ipc/ipc-manager';
import { trustByChannel } from '../../main/share-controls/ipc-trust';
import { ShareControls } from '../../main/share-controls/share-controls';
import { MiniWindow } from '../../main/mini-window/mini-window';
import type { MiniWindowState } from '../../common/ipc-contract';
import { createInvitationService } from '../../main/invitations/invitation-service';
import { meetingIdInvite, parseDeepLink, parseMeetingInvite } from '../../main/links';
import { openSettingsStore } from '../../main/settings/settings-store';
import { answerAcsConfigService } from './chromium';
import { FakeIpcMain, FakeWebContents } from './fake-electron';
import { FakeControlsWindow } from './share-controls';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DIST_DIR = path.resolve(ROOT, process.env.DOORWAY_OUT ?? 'dist');
export const RENDERER_DIR = path.join(DIST_DIR, 'renderer');
export const PRELOAD_FILE = path.join(DIST_DIR, 'preload', 'index.cjs');
export const OUTPUT_DIR = path.join(ROOT, 'test-output');
export const LINK_SCHEME = 'doorway';

/**
 * `startRendererServer`'s `revalidate`, for any server of the built renderer: adds the body's ETag
 * and `Cache-Control: no-cache` to `headers`, and says whether the request's If-None-Match matches
 * it (answer 304).
 */
export function revalidated(body: Buffer, request: IncomingMessage, headers: Record<string, string>): boolean {
  const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
  Object.assign(headers, { ETag: etag, 'Cache-Control': 'no-cache' });
  return request.headers['if-none-match'] === etag;
}

/**
 * Serves the built renderer (or another build of it, e.g. the scripted meeting's) through the app's
 * own protocol handler, on http://localhost. `revalidate`: each answer also
 * carries an ETag (the body's hash) and `Cache-Control: no-cache`, and a matching If-None-Match
 * gets 304, so a browser on a kept profile reuses its cached copy with its original response time
 * and with it the V8 code cache Chromium keyed to that response. This is the bench's model of
 * Electron's second launch: the app scheme's code cache (the `codeCache` privilege) is checked
 * against the script's content, not against an HTTP cache, so it holds as long as the files are
 * the same. Without it, a new browser process refetches every file and recompiles from source.
 */
export async function startRendererServer(rendererDir: string = RENDERER_DIR, options: { revalidate?: boolean } = {}): Promise<{ origin: string; close(): Promise<void> }> {
  const handler = createAppProtocolHandler(rendererDir);
  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const answer = await handler(new Request(`app://localhost${request.url ?? '/'}`, { method: request.method }));
    const body = answer.body ? Buffer.from(await answer.arrayBuffer()) : undefined;
    const headers = Object.fromEntries(answer.headers);
    if (options.revalidate && answer.status === 200 && body && revalidated(body, request, headers)) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    response.writeHead(answer.status, headers);
    response.end(body);
  };
  const server: Server = createServer((request, response) => void serve(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface HarnessOptions {
  origin: string;
  /** The settings folder; reuse one to see what survives a restart. */
  settingsDir?: string;
  tokens?: MainServices['tokens'];
  /** The Doorway service main reads invitations from (a loopback origin); none: invitations off. */
  serviceOrigin?: string;
  captureSources?: DesktopSource[];
  /** Offer system audio with a share (as on Windows); default false. */
  captureSystemAudio?: boolean;
  /** The OS screen-recording permission main reports (macOS); default 'granted'. */
  screenAccess?: MediaAccess;
  locale?: string;
  /** AppInfo.runningFromSource (an unpackaged run); default false, as in a packaged build. */
  runningFromSource?: boolean;
  /** The page's time zone (IANA), e.g. 'Asia/Seoul'; default the machine's. */
  timezoneId?: string;
  colorScheme?: 'light' | 'dark';
  grantMedia?: boolean;
  viewport?: { width: number; height: number };
  /** What the OS open-file dialog answers for a background picture (a path, or null: cancelled). */
  chooseBackgroundFile?: () => Promise<string | null>;
  /** What the stand-in of the SDK's config service answers (default `{}`: effects stay off). */
  acsConfig?: object;
  /**
   * Present the plain Chrome user agent, as the app does (main/security/user-agent.ts): a headless
   * browser says "HeadlessChrome", which the SDK's environment table does not list, and the SDK
   * then reports effects unsupported whatever its config says. Default false.
   */
  chromeUserAgent?: boolean;
  /**
   * Give the pages Playwright's controllable clock (fake Date, performance.now, timers, animation
   * frames) from before they load. It runs at the normal pace until a test pauses it
   * (page-clock.ts); default false.
   */
  clock?: boolean;
}

export interface Harness {
  page: Page;
  context: BrowserContext;
  ipc: FakeIpcMain;
  contents: FakeWebContents;
  joinLinks: JoinLinkRouter;
  capture: CaptureBroker;
  /** The sharing controls' logic, with a fake window; its page opens with openShareControls(). */
  shareControls: ShareControls;
  controlsWindow(): FakeControlsWindow | null;
  controlsContents: FakeWebContents;
  /** Opens the sharing-controls page in a second page, bridged as the controls window. */
  openShareControls(): Promise<Page>;
  /** The mini window's logic, with a fake window; its page opens with openMiniWindow(). */
  miniWindow: MiniWindow;
  miniBrowserWindow(): FakeControlsWindow<MiniWindowState> | null;
  /** Opens the mini window's page in another page, bridged as the mini window. */
  openMiniWindow(): Promise<Page>;
  settingsDir: string;
  logs: string[];
  /** Loads the app's page and waits for the first screen. */
  open(): Promise<void>;
  close(): Promise<void>;
}

const NOT_CONFIGURED: MainServices['tokens'] = {
  get: async (): Promise<TokenReply> => ({ ok: false, error: 'notConfigured' }),
  prefetch: () => undefined,
};

const chromeUserAgents = new WeakMap<Browser, Promise<string>>();

/** The browser's own user agent with "HeadlessChrome" named "Chrome", as a headed Chromium says it (asked once per browser: it is the same for every context). */
function chromeUserAgentOf(browser: Browser): Promise<string> {
  let agent = chromeUserAgents.get(browser);
  if (!agent) {
    agent = readChromeUserAgent(browser);
    chromeUserAgents.set(browser, agent);
    agent.catch(() => chromeUserAgents.delete(browser));
  }
  return agent;
}

async function readChromeUserAgent(browser: Browser): Promise<string> {
  const probe = await browser.newContext();
  try {
    const page = await probe.newPage();
    return (await page.evaluate(() => navigator.userAgent)).replace('HeadlessChrome/', 'Chrome/');
  } finally {
    await probe.close();
  }
}

/** The branded backgrounds of the real branding file, as main lists them (the build copies them). */
function brandBackgrounds(): Array<{ id: string; label: string; url: string }> {
  const parsed = parseBranding(JSON.parse(readFileSync(path.join(ROOT, 'build', 'branding.json'), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.branding.backgrounds.map(({ id, label, file }) => ({ id, label, url: brandBackgroundUrl(file) }));
}

export async function createHarness(browser: Browser, options: HarnessOptions): Promise<Harness> {
  const settingsDir = options.settingsDir ?? mkdtempSync(path.join(tmpdir(), 'doorway-settings-'));
  const logs: string[] = [];
  const log = { info: (m: string) => logs.push(`info ${m}`), warn: (m: string) => logs.push(`warn ${m}`), error: (m: string) => logs.push(`error ${m}`) };
  const appUrl = `${options.origin}/index.html`;
  // The small windows' page (main/app-protocol/origin.ts APP_PANEL_URL).
  const panelUrl = `${options.origin}/panel.html`;
  const contents = new FakeWebContents(appUrl);
  const ipc = new FakeIpcMain();
  const isOwnUrl = (url: string) => {
    try {
      return new URL(url).origin === options.origin;
    } catch {
      return false;
    }
  };
  const send = <K extends EventName>(name: K, payload: EventContract[K]) => contents.send(eventChannels[name], payload);

  // main's real invitation service, with Node's fetch in place of Electron's net.fetch.
  const linkOptions = options.serviceOrigin ? { serviceOrigin: options.serviceOrigin } : {};
  const invitations = createInvitationService({
    origin: options.serviceOrigin ?? null,
    fetch: (url, init) => fetch(url, init),
    parseMeeting: (joinUrl) => parseMeetingInvite(joinUrl),
    meetingIdInvite,
    log: (event, fields) => log.info(`invitations: ${event}${fields ? ` ${JSON.stringify(fields)}` : ''}`),
  });

  const joinLinks = new JoinLinkRouter({
    parse: (url) => parseDeepLink(url, LINK_SCHEME, linkOptions),
    send: (request) => send('joinRequested', request),
    focusWindow: () => logs.push('info focus window'),
    confirmLeaveMeeting: async () => true,
    log: log.info,
  });
  const capture = new CaptureBroker({
    listSources: async () => options.captureSources ?? [],
    isOwnFrame: (frame) => frame === contents.mainFrame,
    sendRequest: (request) => send('captureRequested', request),
    sendCancelled: (requestId) => send('captureCancelled', { requestId }),
    systemAudioSupported: options.captureSystemAudio ?? false,
    screenAccess: () => options.screenAccess ?? 'granted',
    newId: () => randomUUID(),
    log: log.info,
  });
  const settings = openSettingsStore(settingsDir, log.warn);
  const controlsContents = new FakeWebContents(`${panelUrl}#share-controls`);
  let controlsWindow: FakeControlsWindow | null = null;
  const shareControls = new ShareControls({
    createWindow: (events) => (controlsWindow = new FakeControlsWindow(events, (state) => controlsContents.send(eventChannels.shareControlsChanged, state))),
    workArea: () => ({ x: 0, y: 0, width: 1920, height: 1040 }),
    relay: (action) => send('shareControlRequested', action),
    focusMeeting: () => logs.push('info focus window'),
    view: () => ({ language: pickLocale(options.locale), theme: 'system', accentColor: '#4f52b2' }),
    log: log.info,
  });
  const miniContents = new FakeWebContents(`${panelUrl}#mini-window`);
  let miniBrowserWindow: FakeControlsWindow<MiniWindowState> | null = null;
  const miniWindow = new MiniWindow({
    createWindow: (events) => (miniBrowserWindow = new FakeControlsWindow<MiniWindowState>(events, (state) => miniContents.send(eventChannels.miniWindowChanged, state))),
    workArea: () => ({ x: 0, y: 0, width: 1920, height: 1040 }),
    relay: (action) => send('miniWindowRequested', action),
    focusMeeting: () => logs.push('info focus window'),
    enabled: () => settings.get().miniWindow,
    view: () => ({ language: pickLocale(options.locale), theme: 'system', accentColor: '#4f52b2' }),
    log: log.info,
  });
  registerIpcHandlers(
    ipc,
    createInvokeHandlers({
      appInfo: () => ({
        productName: 'Doorway',
        version: '0.0.0-test',
        platform: 'linux',
        systemLanguage: pickLocale(options.locale),
        accentColor: '#4f52b2',
        backgrounds: brandBackgrounds(),
        supportUrl: null,
        tokenServiceConfigured: options.tokens !== undefined,
        runningFromSource: options.runningFromSource ?? false,
      }),
      settings,
      parseInvite: (text) => parseMeetingInvite(text, linkOptions),
      invitations,
      tokens: options.tokens ?? NOT_CONFIGURED,
      media: { access: () => 'unknown', openSettings: async () => false },
      renderer: { ready: () => joinLinks.rendererReady(), presence: ({ inMeeting }) => joinLinks.setInMeeting(inMeeting) },
      capture,
      shareControls,
      miniWindow,
      backgrounds: createBackgroundImages({
        directory: path.join(settingsDir, 'backgrounds'),
        chooseFile: options.chooseBackgroundFile ?? (async () => null),
        log: log.info,
      }),
      log,
    }),
    trustByChannel(trustMainFrameOf(() => contents, isOwnUrl), trustMainFrameOf(() => controlsContents, isOwnUrl), trustMainFrameOf(() => miniContents, isOwnUrl)),
    (_level, message) => log.warn(message),
  );

  const context = await browser.newContext({
    ...(options.chromeUserAgent && { userAgent: await chromeUserAgentOf(browser) }),
    locale: options.locale ?? 'en-US',
    ...(options.timezoneId && { timezoneId: options.timezoneId }),
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1100, height: 760 },
    permissions: options.grantMedia === false ? [] : ['camera', 'microphone'],
  });
  await answerAcsConfigService(context, options.acsConfig);
  if (options.clock) await context.clock.install();
  const page = await context.newPage();
  page.on('pageerror', (error) => logs.push(`pageerror ${error.message}`));

  await connectBridge(page, contents, ipc);

  return {
    page,
    context,
    ipc,
    contents,
    joinLinks,
    capture,
    shareControls,
    controlsWindow: () => controlsWindow,
    controlsContents,
    async openShareControls() {
      const controls = await context.newPage();
      controls.on('pageerror', (error) => logs.push(`pageerror (controls) ${error.message}`));
      await connectBridge(controls, controlsContents, ipc);
      await controls.goto(`${panelUrl}#share-controls`);
      return controls;
    },
    miniWindow,
    miniBrowserWindow: () => miniBrowserWindow,
    async openMiniWindow() {
      const mini = await context.newPage();
      mini.on('pageerror', (error) => logs.push(`pageerror (mini) ${error.message}`));
      await connectBridge(mini, miniContents, ipc);
      await mini.goto(`${panelUrl}#mini-window`);
      return mini;
    },
    settingsDir,
    logs,
    async open() {
      await page.goto(appUrl);
      // The app itself, not index.html's shell (renderer/join/AppShell.tsx).
      await page.locator('main:not([data-app-shell])').first().waitFor();
    },
    async close() {
      await context.close();
    },
  };
}

/**
 * The bridge between one page and the main handlers: the preload's ipcRenderer.invoke lands in
 * `ipc` as if sent by `contents` (its main frame, or another frame when it came from one), and
 * what main sends to `contents` reaches the preload's listeners.
 */
async function connectBridge(page: Page, contents: FakeWebContents, ipc: FakeIpcMain): Promise<void> {
  await page.exposeBinding('__doorwayHarnessInvoke', async (source, channel: string, payload: unknown) => {
    const fromMainFrame = source.frame === page.mainFrame();
    if (fromMainFrame) contents.mainFrame.url = source.frame.url();
    const event = fromMainFrame ? contents.eventFromMainFrame() : { senderFrame: { url: source.frame.url() } as never };
    return ipc.invoke(channel, event, payload ?? undefined);
  });
  contents.onSend = (channel, payload) => {
    void page.evaluate(([c, p]) => (window as unknown as HarnessWindow).__doorwayHarnessEmit(c, p), [channel, payload] as const).catch(() => undefined);
  };
  await page.addInitScript({ content: preloadInitScript() });
}

interface HarnessWindow {
  __doorwayHarnessEmit(channel: string, payload: unknown): void;
}

/**
 * The built preload bundle, evaluated before any page script with `require('electron')` answered
 * by the harness: contextBridge puts the bridge on window; ipcRenderer forwards to Node (through
 * the page's `__doorwayHarnessInvoke` binding); `__doorwayHarnessEmit` delivers main's sends.
 */
export function preloadInitScript(preloadFile: string = PRELOAD_FILE): string {
  const preload = readFileSync(preloadFile, 'utf8');
  return `(() => {
    const invoke = window.__doorwayHarnessInvoke;
    const listeners = new Map();
    const ipcRenderer = {
      invoke: (channel, payload) => invoke(channel, payload === undefined ? null : payload),
      on(channel, listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel).add(listener);
      },
      removeListener(channel, listener) { listeners.get(channel)?.delete(listener); },
    };
    Object.defineProperty(window, '__doorwayHarnessEmit', {
      value: (channel, payload) => { for (const l of [...(listeners.get(channel) ?? [])]) l({ sender: null }, payload); },
    });
    const contextBridge = {
      exposeInMainWorld(name, api) { Object.defineProperty(window, name, { value: Object.freeze(api), enumerable: false }); },
    };
    const require = (name) => {
      if (name !== 'electron') throw new Error('preload may only require electron, not ' + name);
      return { contextBridge, ipcRenderer };
    };
    const module = { exports: {} };
    (function (require, module, exports) {\n${preload}\n})(require, module, module.exports);
  })();`;
}
