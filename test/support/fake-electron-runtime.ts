// A typed fake Electron runtime for booting the production main bundle (dist/main/index.cjs),
// unchanged, in Node. Its `electron` import is answered by this runtime:
// - `app` emits Electron's lifecycle events, with Electron's names and argument order;
// - a BrowserWindow is a real Chromium page (playwright-core); its webContents loads the URL main
//   gives it, with the app:// scheme served by the handler main registered with protocol.handle;
// - ipcMain is connected to the real preload bundle (the one webPreferences.preload names);
// - session handlers, menus, dialogs, shell calls and protocol registrations are recorded.
// Each fake is checked against electron.d.ts (`implements`/`satisfies Pick<…>` with the members main
// uses), so a signature main relies on cannot drift from Electron's; events are emitted with
// Electron's names and argument order (Event first, as its listeners receive them).
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import Module from 'node:module';
import type { AddressInfo } from 'node:net';
import type {
  App,
  BrowserWindow as ElectronBrowserWindow,
  BrowserWindowConstructorOptions,
  Clipboard,
  CommandLine,
  DesktopCapturer,
  Dialog,
  IpcMain,
  IpcMainInvokeEvent,
  Menu as ElectronMenu,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  MessageBoxReturnValue,
  NativeTheme,
  Net,
  Protocol,
  Session,
  Shell,
  WebContents,
} from 'electron';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { answerAcsConfigService } from './chromium';
import { preloadInitScript } from './harness';

type Listener = (...args: never[]) => unknown;
type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export interface DialogRecord {
  kind: 'messageBox' | 'errorBox';
  title: string;
  message: string;
  detail?: string;
  buttons?: string[];
}

export interface RuntimeOptions {
  browser: Browser;
  /** app.getPath('userData'); 'logs' is <userData>/logs. */
  userData: string;
  /** process.argv for this launch, after the executable (a link clicked on a cold start goes here). */
  args?: string[];
  /** process.platform as the bundle sees it (its own checks read it). */
  platform?: NodeJS.Platform;
  /** Answers to showMessageBox, in order (the button index); a box with no answer waits. */
  answers?: number[];
  /** app.getPath names that throw, as Electron's does when the OS cannot give the folder. */
  brokenPaths?: string[];
  /** The OS's preferred languages, best first (app.getPreferredSystemLanguages; default en-US). */
  languages?: string[];
}

/** Electron's Event object as listeners receive it. */
function electronEvent() {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeElectronRuntime {
  readonly dialogs: DialogRecord[] = [];
  readonly menus: MenuItemConstructorOptions[][] = [];
  readonly opened: string[] = [];
  readonly calls: string[] = [];
  readonly sessionHandlers = new Set<string>();
  readonly windows: FakeWindow[] = [];
  readonly ipcHandlers = new Map<string, InvokeHandler>();
  readonly app: FakeApp;
  readonly electron: Record<string, unknown>;
  /** Resolves each pending showMessageBox, in order. */
  private readonly waitingBoxes: Array<(index: number) => void> = [];
  private readonly answers: number[];
  private protocolHandler: ProtocolHandler | null = null;
  private server: Server | null = null;
  private origin = '';
  private context: BrowserContext | null = null;

  constructor(readonly options: RuntimeOptions) {
    this.answers = [...(options.answers ?? [])];
    this.app = new FakeApp(this);
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the fake modules' methods below reach the runtime
    const runtime = this;

    const dialog = {
      showMessageBox(first: unknown, second?: MessageBoxOptions): Promise<MessageBoxReturnValue> {
        const options = (second ?? first) as MessageBoxOptions;
        runtime.dialogs.push({ kind: 'messageBox', title: options.title ?? '', message: options.message, detail: options.detail ?? '', buttons: options.buttons ?? [] });
        return new Promise((resolve) => {
          const answer = (response: number) => resolve({ response, checkboxChecked: false });
          const next = runtime.answers.shift();
          if (next !== undefined) answer(next);
          else runtime.waitingBoxes.push(answer);
        });
      },
      showErrorBox(title: string, content: string): void {
        runtime.dialogs.push({ kind: 'errorBox', title, message: content });
      },
    } satisfies Pick<Dialog, 'showErrorBox'> & { showMessageBox(window: unknown, options?: MessageBoxOptions): Promise<MessageBoxReturnValue> };

    const protocol = {
      registerSchemesAsPrivileged: (schemes: Parameters<Protocol['registerSchemesAsPrivileged']>[0]) => void runtime.calls.push(`registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join(',')}`),
      handle: (scheme: string, handler: ProtocolHandler) => {
        runtime.calls.push(`protocol.handle ${scheme}`);
        runtime.protocolHandler = handler;
      },
    } satisfies Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;

    const record = (name: string) => () => void runtime.sessionHandlers.add(name);
    const defaultSession = {
      setPermissionRequestHandler: record('setPermissionRequestHandler'),
      setPermissionCheckHandler: record('setPermissionCheckHandler'),
      setDevicePermissionHandler: record('setDevicePermissionHandler'),
      setDisplayMediaRequestHandler: record('setDisplayMediaRequestHandler'),
      getUserAgent: () => 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Doorway/0.1.0 Chrome/140.0.0.0 Electron/45.4.1 Safari/537.36',
      setUserAgent: (agent: string) => void runtime.calls.push(`setUserAgent ${agent}`),
    } satisfies Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler' | 'getUserAgent' | 'setUserAgent'>;

    const ipcMain = {
      handle(channel: string, listener: InvokeHandler) {
        if (runtime.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        runtime.ipcHandlers.set(channel, listener);
      },
      removeHandler: (channel: string) => void runtime.ipcHandlers.delete(channel),
      // electron-store listens for its renderer helper, which Doorway never uses.
      on: () => undefined,
    } satisfies Pick<IpcMain, 'handle' | 'removeHandler'> & { on(channel: string, listener: Listener): unknown };

    const Menu = {
      buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }) as unknown as ElectronMenu,
      setApplicationMenu: (menu: ElectronMenu | null) => void runtime.menus.push((menu as unknown as { template: MenuItemConstructorOptions[] } | null)?.template ?? []),
    };

    const shell = {
      openExternal: async (url: string) => void runtime.opened.push(url),
      openPath: async (path: string) => (runtime.calls.push(`openPath ${path}`), ''),
    } satisfies Pick<Shell, 'openExternal' | 'openPath'>;

    const display = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
    this.electron = {
      app: this.app,
      BrowserWindow: makeBrowserWindowClass(this),
      Menu,
      clipboard: { writeText: async (text: string) => void runtime.calls.push(`clipboard ${text.length}`) } satisfies Pick<Clipboard, 'writeText'>,
      desktopCapturer: { getSources: async () => [] } satisfies Pick<DesktopCapturer, 'getSources'>,
      dialog,
      ipcMain,
      // The OS is light; the app's own choice (themeSource) wins, as in Electron.
      nativeTheme: {
        themeSource: 'system',
        get shouldUseDarkColors() {
          return this.themeSource === 'dark';
        },
      } satisfies Pick<NativeTheme, 'shouldUseDarkColors' | 'themeSource'>,
      net: { fetch: (input: string, init?: RequestInit) => fetch(input, init), isOnline: () => true } satisfies Pick<Net, 'isOnline'> & { fetch(input: string, init?: RequestInit): Promise<Response> },
      protocol,
      screen: { getDisplayMatching: () => display, getPrimaryDisplay: () => display },
      session: { defaultSession },
      shell,
      systemPreferences: { getMediaAccessStatus: () => 'granted', askForMediaAccess: async () => true },
    };
  }

  /** Answers the oldest open message box (or the next one to open) with button `index`. */
  answer(index: number): void {
    const waiting = this.waitingBoxes.shift();
    if (waiting) waiting(index);
    else this.answers.push(index);
  }

  /** Loads the bundle fresh, as Electron runs it: `electron` is this runtime, process.argv and process.platform are the launch's. */
  launch(bundle: string): void {
    const previousArgv = process.argv;
    process.argv = [process.execPath, ...(this.options.args ?? [])];
    this.restore.push(() => (process.argv = previousArgv));
    if (this.options.platform && this.options.platform !== process.platform) {
      const previous = Object.getOwnPropertyDescriptor(process, 'platform')!;
      Object.defineProperty(process, 'platform', { value: this.options.platform, configurable: true });
      this.restore.push(() => Object.defineProperty(process, 'platform', previous));
    }
    const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
    const originalLoad = loader._load;
    const electron = this.electron;
    loader._load = function (request, parent, isMain) {
      return request === 'electron' ? electron : originalLoad.call(this, request, parent, isMain);
    };
    try {
      const require = Module.createRequire(bundle);
      delete require.cache[require.resolve(bundle)];
      require(bundle);
    } finally {
      loader._load = originalLoad;
    }
  }

  private readonly restore: Array<() => void> = [];

  /** Serves the app:// scheme through main's own protocol handler, on http://localhost (a secure context, as app:// is). */
  async serveAppScheme(): Promise<string> {
    if (this.origin) return this.origin;
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler answers every request itself
    const server = createServer(async (request, response) => {
      const handler = this.protocolHandler;
      if (!handler) {
        response.writeHead(404).end();
        return;
      }
      const answer = await handler(new Request(`app://localhost${request.url ?? '/'}`, { method: request.method }));
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(answer.body ? Buffer.from(await answer.arrayBuffer()) : undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.origin = `http://localhost:${(server.address() as AddressInfo).port}`;
    return this.origin;
  }

  /** The page URL for an app:// URL main loads, and back. */
  async toPageUrl(url: string): Promise<string> {
    const parsed = new URL(url);
    if (parsed.protocol !== 'app:') return url;
    return `${await this.serveAppScheme()}${parsed.pathname}${parsed.search}${parsed.hash}`;
  }

  toAppUrl(url: string): string {
    return this.origin && url.startsWith(this.origin) ? `app://localhost${url.slice(this.origin.length)}` : url;
  }

  async browserContext(): Promise<BrowserContext> {
    if (!this.context) {
      this.context = await this.options.browser.newContext({ viewport: { width: 1100, height: 760 }, locale: 'en-US', permissions: ['camera', 'microphone'] });
      await answerAcsConfigService(this.context);
    }
    return this.context;
  }

  /** The open windows (not destroyed). */
  get openWindows(): FakeWindow[] {
    return this.windows.filter((w) => !w.isDestroyed());
  }

  async close(): Promise<void> {
    for (const undo of this.restore.splice(0).reverse()) undo();
    // A page still being set up when its context closes makes Playwright throw uncaught.
    await Promise.all(this.windows.map((window) => window.webContents.settled()));
    await this.context?.close().catch(() => undefined);
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** `app`: lifecycle events and the calls main makes, with Electron's quit sequence. */
export class FakeApp
  extends EventEmitter
  implements
    Pick<
      App,
      | 'requestSingleInstanceLock'
      | 'whenReady'
      | 'isReady'
      | 'getPath'
      | 'getVersion'
      | 'getName'
      | 'setName'
      | 'getLocale'
      | 'getPreferredSystemLanguages'
      | 'setAsDefaultProtocolClient'
      | 'relaunch'
      | 'exit'
      | 'quit'
      | 'isPackaged'
    >
{
  isPackaged = false;
  private ready = false;
  private readyResolve!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));
  private name = 'Electron';
  quitting = false;
  exitCode: number | null = null;
  relaunched = false;
  readonly commandLine: Pick<CommandLine, 'appendSwitch' | 'getSwitchValue'> = {
    appendSwitch: (name: string, value?: string) => void this.runtime.calls.push(`appendSwitch ${name}=${value ?? ''}`),
    getSwitchValue: () => '',
  };

  constructor(private readonly runtime: FakeElectronRuntime) {
    super();
  }

  requestSingleInstanceLock(): boolean {
    return true;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.ready;
  }
  getPath(name: Parameters<App['getPath']>[0]): string {
    if (this.runtime.options.brokenPaths?.includes(name)) throw new Error(`Failed to get '${name}' path`);
    if (name === 'userData') return this.runtime.options.userData;
    if (name === 'logs') return `${this.runtime.options.userData}/logs`;
    throw new Error(`getPath(${name}) is not faked`);
  }
  getVersion(): string {
    return '0.1.0';
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): void {
    this.name = name;
  }
  getLocale(): string {
    return this.runtime.options.languages?.[0] ?? 'en-US';
  }
  getPreferredSystemLanguages(): string[] {
    return this.runtime.options.languages ?? ['en-US'];
  }
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean {
    this.runtime.calls.push(`setAsDefaultProtocolClient ${[protocol, path, ...(args ?? [])].filter(Boolean).join(' ')}`);
    return true;
  }
  relaunch(): void {
    this.relaunched = true;
  }
  exit(code = 0): void {
    this.exitCode = code;
    for (const window of this.runtime.openWindows) window.destroy();
  }

  /** Electron's app.quit(): before-quit (preventable), then each window's close (any prevented close cancels the quit), then will-quit and quit. */
  quit(): void {
    const before = electronEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.quitting = true;
    for (const window of this.runtime.openWindows) {
      window.close();
      if (!window.isDestroyed()) {
        this.quitting = false;
        return;
      }
    }
    const will = electronEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.exitCode = 0;
    this.emit('quit', electronEvent(), 0);
  }

  /** The OS finished launching the app. */
  makeReady(): void {
    this.emit('will-finish-launching');
    this.ready = true;
    this.emit('ready', electronEvent(), {});
    this.readyResolve();
  }

  /** A second launch (argv of that launch, as Electron passes it). */
  secondInstance(argv: string[]): void {
    this.emit('second-instance', electronEvent(), argv, '/', {});
  }

  /** macOS: a link opened through Launch Services. */
  openUrl(url: string): void {
    this.emit('open-url', electronEvent(), url);
  }

  /** macOS: the dock icon was clicked. */
  activate(): void {
    this.emit('activate', electronEvent(), this.runtime.openWindows.length > 0);
  }
}

/** A web contents backed by a real Chromium page; a crashed renderer is replaced by a new page on the next load, as Electron starts a new renderer process. */
export class FakeWebContents
  extends EventEmitter
  implements Pick<WebContents, 'getURL' | 'isDestroyed' | 'loadURL' | 'send' | 'forcefullyCrashRenderer'>
{
  page: Page | null = null;
  /**
   * The current page being made (its binding and preload added), from the moment it is asked for:
   * a page closed meanwhile makes Playwright throw uncaught ("Cannot find parent object page@…").
   */
  private setup: Promise<void> = Promise.resolve();
  private crashed = false;
  private destroyed = false;
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  readonly mainFrame: { readonly url: string };

  constructor(
    private readonly runtime: FakeElectronRuntime,
    private readonly preload: string | undefined,
  ) {
    super();
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the frame's getters below reach their web contents
    const contents = this;
    this.mainFrame = {
      get url() {
        return contents.getURL();
      },
    };
  }

  getURL(): string {
    return this.page && !this.crashed ? this.runtime.toAppUrl(this.page.url()) : '';
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }

  async loadURL(url: string): Promise<void> {
    this.emit('did-start-loading');
    if (!this.page || this.crashed) await this.newPage();
    const page = this.page!;
    try {
      await page.goto(await this.runtime.toPageUrl(url));
    } catch (error) {
      throw Object.assign(new Error(`ERR_FAILED (-2) loading '${url}'`), { code: 'ERR_FAILED', errno: -2, cause: error });
    }
    this.emit('did-finish-load');
  }

  send(channel: string, payload: unknown): void {
    void this.page
      ?.evaluate(([c, p]) => (window as unknown as { __doorwayHarnessEmit(c: string, p: unknown): void }).__doorwayHarnessEmit(c, p), [channel, payload] as const)
      .catch(() => undefined);
  }

  /** Kills the renderer for real (CDP Page.crash); Electron then reports it gone. */
  forcefullyCrashRenderer(): void {
    void this.crash();
  }

  async crash(): Promise<void> {
    const page = this.page;
    if (!page) return;
    const gone = new Promise<void>((resolve) => page.once('crash', () => resolve()));
    const cdp = await page.context().newCDPSession(page);
    void cdp.send('Page.crash').catch(() => undefined);
    await gone;
  }

  destroy(): void {
    this.destroyed = true;
    // The page being made, if one is: a quit can come while a window is still being set up.
    void this.settled().then(() => this.page?.close().catch(() => undefined));
  }

  /** Resolves once no page of this web contents is being made. */
  settled(): Promise<void> {
    return this.setup.catch(() => undefined);
  }

  private newPage(): Promise<void> {
    const [previous, replaced] = [this.settled(), this.page];
    void previous.then(() => replaced?.close().catch(() => undefined));
    this.crashed = false;
    this.setup = (async () => {
      const page = await (await this.runtime.browserContext()).newPage();
      this.page = page;
      page.on('crash', () => {
        if (this.page !== page) return;
        this.crashed = true;
        this.emit('render-process-gone', electronEvent(), { reason: 'crashed', exitCode: 139 });
      });
      page.on('pageerror', (error) => this.runtime.calls.push(`pageerror ${error.message}`));
      await this.addBindingAndPreload(page);
    })();
    return this.setup;
  }

  private async addBindingAndPreload(page: Page): Promise<void> {
    await page.exposeBinding('__doorwayHarnessInvoke', async (source, channel: string, payload: unknown) => {
      const handler = this.runtime.ipcHandlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const senderFrame = source.frame === page.mainFrame() ? this.mainFrame : { url: this.runtime.toAppUrl(source.frame.url()) };
      return handler({ sender: this, senderFrame } as unknown as IpcMainInvokeEvent, payload ?? undefined);
    });
    if (this.preload) await page.addInitScript({ content: preloadInitScript(this.preload) });
  }
}

export interface FakeWindow extends EventEmitter {
  readonly options: BrowserWindowConstructorOptions;
  readonly webContents: FakeWebContents;
  visible: boolean;
  focused: boolean;
  close(): void;
  destroy(): void;
  isDestroyed(): boolean;
}

function makeBrowserWindowClass(runtime: FakeElectronRuntime) {
  return class BrowserWindow
    extends EventEmitter
    implements
      FakeWindow,
      Pick<
        ElectronBrowserWindow,
        | 'loadURL'
        | 'show'
        | 'showInactive'
        | 'hide'
        | 'focus'
        | 'isMinimized'
        | 'isFocused'
        | 'isVisible'
        | 'restore'
        | 'isDestroyed'
        | 'close'
        | 'destroy'
        | 'getMediaSourceId'
        | 'setPosition'
        | 'getPosition'
      >
  {
    readonly webContents: FakeWebContents;
    visible = false;
    focused = false;
    private destroyed = false;
    private shownOnce = false;
    private position: [number, number] = [0, 0];

    constructor(readonly options: BrowserWindowConstructorOptions = {}) {
      super();
      this.webContents = new FakeWebContents(runtime, options.webPreferences?.preload);
      this.webContents.on('did-finish-load', () => {
        if (this.shownOnce) return;
        this.shownOnce = true;
        this.emit('ready-to-show', electronEvent());
      });
      runtime.windows.push(this);
      runtime.app.emit('web-contents-created', electronEvent(), this.webContents);
    }

    loadURL(url: string): Promise<void> {
      return this.webContents.loadURL(url);
    }
    show(): void {
      this.visible = true;
      this.focused = true;
    }
    showInactive(): void {
      this.visible = true;
    }
    hide(): void {
      this.visible = false;
    }
    focus(): void {
      this.focused = true;
    }
    isMinimized(): boolean {
      return false;
    }
    isFocused(): boolean {
      return this.focused;
    }
    isVisible(): boolean {
      return this.visible;
    }
    restore(): void {}
    isDestroyed(): boolean {
      return this.destroyed;
    }
    getBounds() {
      return { x: 0, y: 0, width: 1100, height: 760 };
    }
    getMediaSourceId(): string {
      return 'window:1:0';
    }
    setAlwaysOnTop(): void {}
    setVisibleOnAllWorkspaces(): void {}
    setContentProtection(): void {}
    setPosition(x: number, y: number): void {
      this.position = [x, y];
    }
    getPosition(): number[] {
      return [...this.position];
    }

    /** Electron's close(): 'close' (preventable), then the window is destroyed. */
    close(): void {
      if (this.destroyed) return;
      const event = electronEvent();
      this.emit('close', event);
      if (!event.defaultPrevented) this.destroy();
    }

    destroy(): void {
      if (this.destroyed) return;
      this.destroyed = true;
      this.visible = false;
      this.webContents.destroy();
      this.emit('closed');
      if (runtime.openWindows.length === 0 && !runtime.app.quitting && runtime.app.exitCode === null) runtime.app.emit('window-all-closed');
    }
  };
}
