// Test code only (Node). Which Chromium-family browser the tests drive: DOORWAY_CHROMIUM when set
// (a path, or "bundled"), else an installed Chrome, Chromium or Edge at the usual places for the
// OS, else the headless Chromium that the @sparticuz/chromium devDependency ships (Linux x64 and
// arm64), so `npm ci && npm test` needs no browser on the machine.
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface BrowserChoice {
  executablePath: string;
  /** Where it came from, for the error and the log line. */
  source: 'env' | 'installed' | 'bundled';
}

/** The places Chrome, Chromium and Edge install themselves on each OS, most usual first. */
export function installedCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    const roots = ['/Applications', ...(env.HOME ? [path.join(env.HOME, 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => path.posix.join(root, app)));
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => Boolean(root));
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return roots.flatMap((root) => apps.map((app) => path.win32.join(root, app)));
  }
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];
  return [...names.map((name) => `/usr/bin/${name}`), '/snap/bin/chromium'];
}

export interface FindOptions {
  platform?: NodeJS.Platform;
  arch?: string;
  env?: NodeJS.ProcessEnv;
  exists?: (file: string) => boolean;
  /** Unpacks the registry-shipped Chromium and returns its path. */
  bundled?: () => Promise<string>;
}

async function unpackBundled(): Promise<string> {
  const { default: chromium } = await import('@sparticuz/chromium');
  return chromium.executablePath();
}

export async function findBrowser(options: FindOptions = {}): Promise<BrowserChoice> {
  const { platform = process.platform, arch = process.arch, env = process.env, exists = existsSync, bundled = unpackBundled } = options;
  const override = env.DOORWAY_CHROMIUM?.trim();
  const canBundle = platform === 'linux' && (arch === 'x64' || arch === 'arm64');
  if (override && override !== 'bundled') {
    if (!exists(override)) throw new Error(`DOORWAY_CHROMIUM points at ${override}, which does not exist`);
    return { executablePath: override, source: 'env' };
  }
  if (override !== 'bundled') {
    const installed = installedCandidates(platform, env).find((candidate) => exists(candidate));
    if (installed) return { executablePath: installed, source: 'installed' };
  }
  if (!canBundle) {
    throw new Error(
      `No Chrome, Chromium or Edge found (looked in: ${installedCandidates(platform, env).join(', ')}), and the bundled ` +
        `Chromium (@sparticuz/chromium) runs only on Linux x64/arm64. Install one, or set DOORWAY_CHROMIUM to its executable.`,
    );
  }
  return { executablePath: await bundled(), source: 'bundled' };
}
