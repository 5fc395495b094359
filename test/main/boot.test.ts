// The production main bundle (dist/main/index.cjs, what electron-builder packs), booted unchanged in
// Node against a typed fake Electron runtime whose windows are real Chromium pages with the real
// preload. Driven as the OS would drive it; each step asserts what the guest sees. One Chromium for
// the file; each boot gets its own browser context, profile folder and fresh copy of the bundle.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NativeTheme } from 'electron';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DoorwayBridge } from '../../common/ipc-contract';
import { translate, type MessageKey } from '../../common/i18n';
import { buildDeepLink } from '../../main/links';
import { launchChromium } from '../support/chromium';
import { FakeElectronRuntime, type RuntimeOptions } from '../support/fake-electron-runtime';
import { DIST_DIR } from '../support/harness';

const BUNDLE = path.join(DIST_DIR, 'main', 'index.cjs');
const t = (key: MessageKey, params?: Record<string, string | number>) => translate('en-US', key, { app: 'Doorway', ...params });
const link = (meetingId: string) => buildDeepLink({ kind: 'meetingId', meetingId, passcode: 'Ab3xYz' }, 'doorway');
const shownId = (meetingId: string) => t('join.meeting.id', { id: meetingId.replace(/(\d{3})(?=\d)/g, '$1 ') });

let browser: Browser;
const runtimes: FakeElectronRuntime[] = [];

beforeAll(async () => {
  browser = await launchChromium({ withoutBrowserUi: true });
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  for (const runtime of runtimes.splice(0)) await runtime.close();
});

function profile(): string {
  return mkdtempSync(path.join(tmpdir(), 'doorway-boot-'));
}

/** Starts the bundle as Electron would: loaded, then 'ready'. */
function boot(options: Partial<Omit<RuntimeOptions, 'browser'>> = {}): FakeElectronRuntime {
  const runtime = new FakeElectronRuntime({ browser, userData: profile(), ...options });
  runtimes.push(runtime);
  runtime.launch(BUNDLE);
  runtime.app.makeReady();
  return runtime;
}

/** The page of the newest open window, once its first screen is up. */
async function shownPage(runtime: FakeElectronRuntime): Promise<Page> {
  await expect.poll(() => runtime.openWindows.at(-1)?.webContents.page ?? null, { timeout: 15_000 }).not.toBeNull();
  const page = runtime.openWindows.at(-1)!.webContents.page!;
  // The app itself, not index.html's shell (renderer/join/AppShell.tsx).
  await page.locator('main:not([data-app-shell])').first().waitFor({ timeout: 15_000 });
  return page;
}

/** The page says the guest is in a meeting, and leaves (reporting it) when main asks. */
async function enterMeeting(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const bridge = (window as unknown as { doorway: DoorwayBridge }).doorway;
    bridge.on.leaveRequested(() => {
      (window as unknown as { left: boolean }).left = true;
      void bridge.setCallPresence({ inMeeting: false });
    });
    await bridge.setCallPresence({ inMeeting: true });
  });
}

async function dialogTitled(runtime: FakeElectronRuntime, title: string) {
  await expect.poll(() => runtime.dialogs.map((d) => d.title), { timeout: 15_000 }).toContain(title);
  return runtime.dialogs.find((d) => d.title === title)!;
}

describe('the main bundle, booted', () => {
  it('cold start with a link: one sandboxed window shows the meeting; a link from a second instance replaces it', async () => {
    const runtime = boot({ args: ['--some-switch', link('234567890123')] });
    const page = await shownPage(runtime);
    await page.getByText(shownId('234567890123')).waitFor({ timeout: 10_000 });
    expect(await page.getByText('Ab3xYz').count()).toBe(0);

    // The glue wired every module: the scheme, the session's handlers, the menu, the link handler.
    expect(runtime.calls).toContain('protocol.handle app');
    expect(runtime.calls.some((c) => c.startsWith('setUserAgent') && !c.includes('Electron/'))).toBe(true);
    expect([...runtime.sessionHandlers].sort()).toEqual(['setDevicePermissionHandler', 'setDisplayMediaRequestHandler', 'setPermissionCheckHandler', 'setPermissionRequestHandler']);
    expect(runtime.menus).toHaveLength(1);
    expect(runtime.openWindows).toHaveLength(1);
    expect(runtime.openWindows[0].options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, v8CacheOptions: 'bypassHeatCheck' });
    expect(runtime.openWindows[0].visible).toBe(true);

    runtime.app.secondInstance([process.execPath, '--', link('345678901234')]);
    await page.getByText(shownId('345678901234')).waitFor({ timeout: 10_000 });
    expect(runtime.openWindows).toHaveLength(1);
    expect(runtime.dialogs).toEqual([]);
    expect(runtime.calls.filter((c) => c.startsWith('pageerror'))).toEqual([]);
  });

  it('macOS: with the window closed the app keeps running; a link opens a new window showing the meeting, and so does the dock icon', async () => {
    const runtime = boot({ platform: 'darwin' });
    await shownPage(runtime);
    runtime.openWindows[0].close();
    expect(runtime.openWindows).toHaveLength(0);
    expect(runtime.app.exitCode).toBeNull();

    runtime.app.openUrl(link('456789012345'));
    const page = await shownPage(runtime);
    await page.getByText(shownId('456789012345')).waitFor({ timeout: 10_000 });

    runtime.openWindows[0].close();
    runtime.app.activate();
    await shownPage(runtime);
    expect(runtime.openWindows).toHaveLength(1);
  });

  it('a corrupt settings file: the guest is told their settings were reset, and a copy is kept', async () => {
    const userData = profile();
    writeFileSync(path.join(userData, 'config.json'), '{"displayName": "Ada", trunc');
    const runtime = boot({ userData });
    const page = await shownPage(runtime);
    await page.getByText(t('preferences.settingsRecovered')).waitFor({ timeout: 10_000 });
    expect(readdirSync(userData).some((name) => name.startsWith('config.corrupt-'))).toBe(true);
  });

  it("the guest's chosen theme is the whole app's from the first frame: the OS theme source and the window's background follow it", async () => {
    const userData = profile();
    writeFileSync(path.join(userData, 'config.json'), JSON.stringify({ theme: 'dark' }));
    const runtime = boot({ userData });
    const theme = runtime.electron.nativeTheme as Pick<NativeTheme, 'themeSource'>;
    const page = await shownPage(runtime);
    expect(theme.themeSource).toBe('dark');
    expect(runtime.openWindows[0].options.backgroundColor).toBe('#1b1b1f');
    await page.evaluate(() => (window as unknown as { doorway: DoorwayBridge }).doorway.updateSettings({ theme: 'light' }));
    expect(theme.themeSource).toBe('light');
  });

  it('a profile that cannot be written, or a folder where the settings file goes: the app starts, keeps settings in memory and says so', async () => {
    const blocker = path.join(profile(), 'a-file');
    writeFileSync(blocker, '');
    const unwritable = boot({ userData: path.join(blocker, 'profile') });
    const first = await shownPage(unwritable);
    await first.getByText(t('preferences.settingsInMemory')).waitFor({ timeout: 10_000 });
    expect(unwritable.dialogs).toEqual([]);

    const userData = profile();
    mkdirSync(path.join(userData, 'config.json'));
    const folder = boot({ userData });
    const second = await shownPage(folder);
    await second.getByText(t('preferences.settingsInMemory')).waitFor({ timeout: 10_000 });
  });

  it('a renderer crash reloads the window; a crash loop stops reloading and offers a restart', async () => {
    const runtime = boot();
    const window = () => runtime.openWindows[0];
    await shownPage(runtime);
    const pages = new Set<Page>();
    for (let crash = 1; crash <= 3; crash++) {
      const before = window().webContents.page!;
      pages.add(before);
      await window().webContents.crash();
      // Reloaded into a new renderer (after a growing wait from the second crash on).
      await expect.poll(() => window().webContents.page !== before, { timeout: 15_000 }).toBe(true);
      const page = await shownPage(runtime);
      await page.getByRole('main').first().waitFor();
    }
    expect(runtime.dialogs).toEqual([]);
    await window().webContents.crash();
    const box = await dialogTitled(runtime, t('dialog.crashLoop.title'));
    expect(box.buttons).toEqual([t('dialog.crashLoop.restart'), t('dialog.crashLoop.quit')]);
    runtime.answer(0);
    await expect.poll(() => runtime.app.relaunched).toBe(true);
    expect(runtime.app.exitCode).toBe(0);
  }, 60_000);

  it('closing the window during a meeting asks; after "leave" the call is left, then the window closes and the app quits (Linux)', async () => {
    const runtime = boot({ platform: 'linux' });
    const page = await shownPage(runtime);
    await enterMeeting(page);
    runtime.openWindows[0].close();
    const box = await dialogTitled(runtime, t('dialog.quit.title'));
    expect(box.buttons).toEqual([t('dialog.quit.leave'), t('dialog.quit.stay')]);
    expect(runtime.openWindows).toHaveLength(1);
    runtime.answer(0);
    await expect.poll(() => page.evaluate(() => (window as unknown as { left?: boolean }).left ?? false).catch(() => true)).toBe(true);
    await expect.poll(() => runtime.openWindows.length, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => runtime.app.exitCode).toBe(0);
  });

  it('in a meeting, the meeting window going behind opens the sandboxed mini window without focus; its Mute reaches the meeting; back in front hides it', async () => {
    const runtime = boot({ platform: 'linux' });
    const page = await shownPage(runtime);
    const meeting = runtime.openWindows[0];
    await page.evaluate(async () => {
      const bridge = (window as unknown as { doorway: DoorwayBridge }).doorway;
      bridge.on.miniWindowRequested((action) => ((window as unknown as { pressed?: string }).pressed = action));
      await bridge.setMiniWindow({ inMeeting: true, sharing: false, muted: false, canUnmute: true, videoOn: false, canTurnVideoOn: true, speaker: { name: 'Ada Lovelace', initials: 'AL', speaking: true } });
    });
    expect(runtime.openWindows).toHaveLength(1);
    meeting.focused = false;
    meeting.emit('blur');
    await expect.poll(() => runtime.openWindows.length).toBe(2);
    const mini = runtime.openWindows[1];
    expect(mini.options).toMatchObject({ alwaysOnTop: true, frame: false, skipTaskbar: true, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, v8CacheOptions: 'bypassHeatCheck' } });
    expect(mini.visible).toBe(true);
    expect(mini.focused).toBe(false);
    await expect.poll(() => mini.webContents.page ?? null, { timeout: 15_000 }).not.toBeNull();
    const miniPage = mini.webContents.page!;
    await miniPage.getByTestId('mini-window').waitFor({ timeout: 10_000 });
    expect(await miniPage.locator('.mini__speaker').textContent()).toBe(t('share.controls.speaking', { name: 'Ada Lovelace' }));
    await miniPage.locator('[data-control="mute"]').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { pressed?: string }).pressed ?? null)).toBe('toggleMute');
    meeting.focused = true;
    meeting.emit('focus');
    expect(mini.visible).toBe(false);
  });

  it('macOS: Cmd+Q during a meeting asks, and after "leave" the app really quits', async () => {
    const runtime = boot({ platform: 'darwin' });
    const page = await shownPage(runtime);
    await enterMeeting(page);
    runtime.app.quit();
    await dialogTitled(runtime, t('dialog.quit.title'));
    expect(runtime.app.exitCode).toBeNull();
    runtime.answer(0);
    await expect.poll(() => runtime.app.exitCode, { timeout: 10_000 }).toBe(0);
    expect(runtime.openWindows).toHaveLength(0);
  });

  it('a start-up that throws (the OS gives no logs folder) ends in a dialog saying so, and the app quits instead of holding the lock with nothing on screen', async () => {
    const runtime = boot({ brokenPaths: ['logs'] });
    const box = await dialogTitled(runtime, t('dialog.startFailed.title'));
    expect(box.kind).toBe('errorBox');
    expect(box.message).toContain('Error');
    expect(runtime.app.exitCode).toBe(0);
    expect(runtime.windows).toHaveLength(0);
  });

  it("on a German system, the menu and a start-up failure speak German, read from the catalogue beside the bundle, which holds no German itself", async () => {
    const de = (key: MessageKey, params?: Record<string, string | number>) => translate('de-DE', key, { app: 'Doorway', ...params });
    expect(de('menu.openLogsFolder')).not.toBe(t('menu.openLogsFolder'));
    expect(readFileSync(BUNDLE, 'utf8')).not.toContain(de('menu.openLogsFolder'));
    expect(readdirSync(path.join(DIST_DIR, 'main', 'locales'))).toContain('de-DE.json');

    const running = boot({ languages: ['de-DE', 'en-US'] });
    await expect.poll(() => JSON.stringify(running.menus.at(-1) ?? []), { timeout: 15_000 }).toContain(de('menu.openLogsFolder'));

    const failed = boot({ brokenPaths: ['logs'], languages: ['de-DE'] });
    const box = await dialogTitled(failed, de('dialog.startFailed.title'));
    expect(box.kind).toBe('errorBox');
  });

  it('quitting outside a meeting closes at once, asking nothing', async () => {
    const runtime = boot();
    await shownPage(runtime);
    runtime.app.quit();
    expect(runtime.app.exitCode).toBe(0);
    expect(runtime.dialogs).toEqual([]);
  });
});
