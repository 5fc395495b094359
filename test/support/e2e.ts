// What every end-to-end file sets up the same way: one Chromium and one renderer server for the
// whole file (starting them is the slow part), and a harness per test that is closed whatever
// happens and, unless a test says otherwise, fails it on a page error or CSP violation it logged.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, type LaunchOptions } from './chromium';
import { createHarness, startRendererServer, type Harness, type HarnessOptions } from './harness';

export interface ChromiumAppOptions {
  /**
   * How Chromium starts, e.g. { grantMedia: false } to leave camera and microphone to each context.
   * The fake camera runs at E2E_CAMERA_FPS unless a file says otherwise.
   */
  launch?: LaunchOptions;
  /** Another renderer to serve than the production build (a scripted meeting's), made before the server starts. */
  rendererDir?: () => string | Promise<string>;
}

/** A harness's options; the origin is the file's server's. */
export type HarnessSetup = Omit<HarnessOptions, 'origin'>;

export interface HarnessRun {
  /** Load the page before `run` (default true); false where something must happen first, or never. */
  open?: boolean;
}

export interface ChromiumApp {
  /** The file's Chromium (from beforeAll on). */
  readonly browser: Browser;
  /** Where the file's renderer server serves (from beforeAll on). */
  readonly origin: string;
  createHarness(options?: HarnessSetup): Promise<Harness>;
  /** Runs `run` on a new harness, opened unless told not to, checks its logs, and always closes it. */
  withHarness(options: HarnessSetup, run: (harness: Harness) => Promise<void>, how?: HarnessRun): Promise<void>;
}

/**
 * The fake camera's frame rate in E2E files. The app asks for 30 fps, and at 30 every preview and
 * self view costs the loaded 2-core machine decoding and painting it never checks (join-screen.test:
 * 80 s → 54 s at 10 fps, load 10-13). A file that counts the camera's frames asks for
 * `cameraFps: undefined`, the camera as the app gets it; the benches launch Chromium as it is.
 */
const E2E_CAMERA_FPS = 10;

// Building a renderer (esbuild, minified) beside a starting Chromium can outlast the default hook
// timeout on two cores.
const BUILD_TIMEOUT = 120_000;

/** Registers the file's beforeAll/afterAll; call once, at the top level of a test file. */
export function useChromiumApp(options: ChromiumAppOptions = {}): ChromiumApp {
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof startRendererServer>> | undefined;

  beforeAll(async () => {
    // Settled, not all: when one fails, the other is still kept, so afterAll can close it.
    const [launched, served] = await Promise.allSettled([
      launchChromium({ cameraFps: E2E_CAMERA_FPS, eagerSourcePositions: true, withoutBrowserUi: true, ...options.launch }),
      Promise.resolve(options.rendererDir?.()).then((dir) => startRendererServer(dir)),
    ]);
    if (launched.status === 'fulfilled') browser = launched.value;
    if (served.status === 'fulfilled') server = served.value;
    if (launched.status === 'rejected') throw launched.reason;
    if (served.status === 'rejected') throw served.reason;
  }, options.rendererDir ? BUILD_TIMEOUT : undefined);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet: use it in a test or a hook`);
    return value;
  };
  const app: ChromiumApp = {
    get browser() {
      return started(browser, 'Chromium');
    },
    get origin() {
      return started(server, 'The renderer server').origin;
    },
    createHarness: (harnessOptions = {}) => createHarness(app.browser, { origin: app.origin, ...harnessOptions }),
    async withHarness(harnessOptions, run, { open = true } = {}) {
      const harness = await app.createHarness(harnessOptions);
      try {
        if (open) await harness.open();
        await run(harness);
        expect(harness.logs.filter((l) => l.startsWith('pageerror') || l.includes('csp:'))).toEqual([]);
      } finally {
        await harness.close();
      }
    },
  };
  return app;
}
