// Debian's Chromium driven by playwright-core: the real browser engine Electron embeds, with fake
// camera and microphone. The Electron binary itself cannot be downloaded here.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

export interface LaunchOptions {
  /** Grant camera and microphone without a prompt (default true). */
  grantMedia?: boolean;
  /** Show the window (npm run preview on a display); default headless. */
  headed?: boolean;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run "apt-get install -y chromium" (see .ci/run)`);
  }
  const args = [...BASE_ARGS];
  if (options.grantMedia !== false) args.push('--use-fake-ui-for-media-stream');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: !options.headed, args });
}

/**
 * The SDK asks its config service (ecs.communication.microsoft.com) before it gives out a device
 * manager or a call agent, and waits ~7 s when it cannot reach it. Answer it locally with an
 * empty config; refuse every other outside host (tests talk only to loopback).
 */
export async function answerAcsConfigService(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\/(?!localhost[:/])/, async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'ecs.communication.microsoft.com') {
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: '{}',
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
