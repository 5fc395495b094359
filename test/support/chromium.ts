// Chromium driven by playwright-core: the real browser engine Electron embeds, with fake camera
// and microphone. The Electron binary itself cannot be downloaded here. Which browser: see
// find-browser.ts (DOORWAY_CHROMIUM, an installed Chrome/Chromium/Edge, or the bundled one).
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { findBrowser, type BrowserChoice } from './find-browser';

let choice: Promise<BrowserChoice> | undefined;

/** The browser this test process drives, found once. */
export function chosenBrowser(): Promise<BrowserChoice> {
  choice ??= findBrowser();
  return choice;
}

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-fake-device-for-media-stream',
  // Software WebGL, so that the SDK's background effects can run headless.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--autoplay-policy=no-user-gesture-required',
];

export interface LaunchOptions {
  /** Grant camera and microphone without a prompt (default true). */
  grantMedia?: boolean;
  /** Show the window (npm run preview on a display); default headless. */
  headed?: boolean;
  /**
   * The fake camera's frame rate (default Chromium's, which gives the 30 fps the app asks for).
   * Background effects on SwiftShader process every frame on the CPU: files that check what an
   * effect looks like, not how fast it keeps up, ask for fewer.
   */
  cameraFps?: number;
  /** More command-line switches for the browser. */
  args?: string[];
  /**
   * Have V8 record source positions when it compiles, not later on demand (tests only; default
   * false). Playwright drives the page over a DevTools connection, and with its Runtime domain on,
   * V8 goes back for the positions of the calling SDK chunk's module function while that 7 MB chunk
   * is evaluated: one V8.CollectSourcePositions of 180-380 ms (traced, Debian 156) in every page
   * that loads the SDK, which neither the app nor a browser without a debugger pays. Recording
   * them at compile time costs no measurable compile time and removes it. It changes no behaviour
   * of the page; benches leave it off, as they measure the app as it runs.
   */
  eagerSourcePositions?: boolean;
  /**
   * Leave out the browser's own window UI that a page in a test never sees (tests only; default
   * false). Headless Chromium 156 (Debian's, not the bundled headless shell) gives every new
   * context a browser window, and with it two WebUI pages of the omnibox's popup
   * (chrome://omnibox-popup.top-chrome/ and its omnibox_popup_aim.html), preloaded in a renderer
   * process of their own: measured 0.64 s of CPU per context, plus the browser process's share. An
   * Electron window has no omnibox, and the page under test is the same with or without them.
   */
  withoutBrowserUi?: boolean;
}

/** The features `withoutBrowserUi` switches off: the omnibox popup's two WebUI pages. */
const BROWSER_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

let playwrightSwitch: Promise<string | null> | undefined;

/**
 * The `--disable-features=` switch Playwright itself passes (its own list). Chromium honours only
 * the last such switch on its command line, so one of ours replaces it unless it carries
 * Playwright's list too; Playwright does not export the list, so it is read from what Playwright
 * passes to a stand-in executable that records its arguments and exits (once per process, ~0.1 s).
 */
function playwrightDisableFeatures(): Promise<string | null> {
  playwrightSwitch ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'doorway-chromium-args-'));
    const stand = path.join(dir, 'record-args');
    writeFileSync(stand, `#!/bin/sh\nprintf '%s\\n' "$@" > '${path.join(dir, 'args')}'\n`);
    chmodSync(stand, 0o755);
    try {
      // The stand-in exits at once, so the launch fails; its arguments are what counts.
      await chromium.launch({ executablePath: stand, timeout: 10_000 }).then((browser) => browser.close(), () => undefined);
      return readFileSync(path.join(dir, 'args'), 'utf8').split('\n').find((arg) => arg.startsWith('--disable-features=')) ?? null;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return playwrightSwitch;
}

/**
 * Whether a test can refuse one device and allow another (camera denied, microphone granted).
 * True for installed browsers; the bundled headless shell can only refuse both.
 */
export async function canRefuseOneDevice(): Promise<boolean> {
  return (await chosenBrowser()).source !== 'bundled';
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch(await playwrightLaunchSettings(options));
}

/** launchSettings, for a launch through Playwright: a `--disable-features` of ours replaces Playwright's, which then carries its list. */
async function playwrightLaunchSettings(options: LaunchOptions): Promise<{ executablePath: string; headless: boolean; args: string[]; ignoreDefaultArgs?: string[] }> {
  const settings = await launchSettings(options);
  const ours = settings.args.findIndex((arg) => arg.startsWith('--disable-features='));
  if (ours === -1) return settings;
  const theirs = await playwrightDisableFeatures();
  if (!theirs) return settings;
  const args = [...settings.args];
  args[ours] = `${theirs},${args[ours].slice('--disable-features='.length)}`;
  return { ...settings, args, ignoreDefaultArgs: [theirs] };
}

/**
 * Chromium on a profile folder kept across launches (HTTP cache, V8 code cache, storage): what a
 * second launch of the app finds. Close the context to end the browser.
 */
export async function launchPersistentChromium(userDataDir: string, options: LaunchOptions & BrowserContextOptions = {}): Promise<BrowserContext> {
  const { grantMedia, headed, cameraFps, args, eagerSourcePositions, withoutBrowserUi, ...contextOptions } = options;
  return chromium.launchPersistentContext(userDataDir, { ...(await playwrightLaunchSettings({ grantMedia, headed, cameraFps, args, eagerSourcePositions, withoutBrowserUi })), ...contextOptions });
}

/** The executable and switches every launch here uses (also for a browser started without Playwright, as the join-screen bench does). */
export async function launchSettings(options: LaunchOptions): Promise<{ executablePath: string; headless: boolean; args: string[] }> {
  const { executablePath, source } = await chosenBrowser();
  const args = [...BASE_ARGS, ...(options.args ?? [])];
  if (options.cameraFps !== undefined) args[args.indexOf('--use-fake-device-for-media-stream')] = `--use-fake-device-for-media-stream=fps=${options.cameraFps}`;
  if (options.eagerSourcePositions) args.push('--js-flags=--no-enable-lazy-source-positions');
  // The bundled headless shell has no browser window UI to leave out.
  if (options.withoutBrowserUi && source !== 'bundled') args.push(`--disable-features=${BROWSER_UI_FEATURES.join(',')}`);
  if (options.grantMedia !== false) args.push('--use-fake-ui-for-media-stream');
  // The bundled headless shell has no permission prompt: an ungranted request fails with
  // NotSupportedError, which no real browser or Electron gives. Its fake UI can deny instead, but
  // only every device at once (measured: Chromium 153 shell; Debian's 156 denies per device).
  else if (source === 'bundled') args.push('--use-fake-ui-for-media-stream=deny');
  // The bundled build is a headless shell: it cannot show a window.
  if (options.headed && source === 'bundled') throw new Error('the bundled Chromium is headless only: install Chrome, Chromium or Edge, or set DOORWAY_CHROMIUM');
  return { executablePath, headless: !options.headed, args };
}

/**
 * The SDK asks its config service (ecs.communication.microsoft.com) before it gives out a device
 * manager or a call agent, and waits ~7 s when it cannot reach it. Answer it locally with an
 * empty config; refuse every other outside host (tests talk only to loopback).
 */
/**
 * A config answer that switches the SDK's video and audio effects on, as the real config service
 * does for ACS clients (measured: with `{}`, or with the service unreachable, the SDK keeps its
 * built-in `enableVideoEffects: false` and isSupported() answers false: "Video effects are
 * disabled"). The webcv values are the SDK's own defaults (Google SwiftShader stays listed as an
 * unsupported renderer; headless Chromium's ANGLE-on-SwiftShader reports a different name).
 */
export const ACS_CONFIG_WITH_EFFECTS = {
  AcsCallingSDKWeb: { videoEffects: { enableVideoEffects: true }, audioEffects: { enableAudioEffects: true } },
  SkypeWebMedia: {
    mediaAgent: {
      enableVideoEffects: true,
      webcv: {
        webGLUnsupportedRenderers: ['Google SwiftShader'],
        webGLRequiredExtensions: ['EXT_color_buffer_float', 'WEBGL_debug_renderer_info', 'OES_texture_float_linear'],
        useWasmEffects: false,
      },
    },
  },
};

/**
 * The same, with the SDK's WebAssembly processor for video effects (`webcv.useWasmEffects`, a switch
 * of the SDK's config service): segmentation in WASM on the camera's frames (MediaStreamTrackProcessor)
 * instead of WebGL2 shaders. On SwiftShader the WebGL2 processor is a GPU emulated on the CPU: traced
 * on Debian 156 at load 8, the GPU process's main thread was busy 6.9 s of 6 s and the page's main
 * thread 5.7 s (waiting in PrePaint), and the preview showed 10 frames in 25 s, so every click, axe
 * run and screenshot waited seconds. With WASM: 1.3 s of the page's main thread per 6 s, the GPU
 * process nearly idle, 41 frames in 8 s. Doorway's code is the same on both; which processor the SDK
 * picks is the SDK's own. meeting-effects.test.ts keeps the default (WebGL2) processor, so the path a
 * machine with a GPU takes is still run end to end on real frames.
 */
export const ACS_CONFIG_WITH_WASM_EFFECTS = {
  ...ACS_CONFIG_WITH_EFFECTS,
  SkypeWebMedia: { mediaAgent: { ...ACS_CONFIG_WITH_EFFECTS.SkypeWebMedia.mediaAgent, webcv: { ...ACS_CONFIG_WITH_EFFECTS.SkypeWebMedia.mediaAgent.webcv, useWasmEffects: true } } },
};

export async function answerAcsConfigService(context: BrowserContext, config: object = {}): Promise<void> {
  await context.route(/^https?:\/\/(?!localhost[:/])/, async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'ecs.communication.microsoft.com') {
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify(config),
        headers: {
          ETag: '"doorway-test"',
          Expires: new Date(Date.now() + 3_600_000).toUTCString(),
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Expose-Headers': 'ETag, Expires',
        },
      });
      return;
    }
    await route.abort('internetdisconnected');
  });
}
