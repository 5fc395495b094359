// The foundation end to end: the built renderer in Chromium, the real preload, the real main
// handlers, the real ACS SDK on the fake camera.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import { useChromiumApp } from '../support/e2e';
import { axeViolations, videoFrameStats } from '../support/page-checks';

const app = useChromiumApp();

describe('app shell in Chromium', () => {
  it('shows the first screen, talks to main through the real preload, and previews the camera', async () => {
    await app.withHarness({}, async ({ page }) => {
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Doorway');

      // A round trip through the preload's bridge into the real main-process parser and back.
      const result = await page.evaluate(() =>
        (window as unknown as { doorway: { parseInvite(text: string): Promise<unknown> } }).doorway.parseInvite('https://teams.live.com/meet/123'),
      );
      expect(result).toEqual({ ok: false, problem: 'personalTeams' });

      // The bridge exposes functions only: no ipcRenderer, no require, no process.
      const exposed = await page.evaluate(() => ({
        keys: Object.keys((window as unknown as { doorway: object }).doorway).sort(),
        ipcRenderer: 'ipcRenderer' in window,
        require: 'require' in window,
        process: 'process' in window,
      }));
      expect(exposed.ipcRenderer || exposed.require || exposed.process).toBe(false);
      expect(exposed.keys).toContain('parseInvite');

      // The real SDK renders the fake camera: real, non-black frames.
      const preview = page.getByTestId('preview');
      await preview.locator('video').waitFor({ timeout: 20_000 });
      const frame = await videoFrameStats(preview);
      expect(frame.width).toBeGreaterThan(0);
      expect(frame.mean).toBeGreaterThan(10);
      expect(frame.distinct).toBeGreaterThan(3);

      expect(await axeViolations(page)).toEqual([]);
    });
  });

  it("paints the product's header from index.html alone, before any script has run; the join screen takes its place without moving it", async () => {
    await app.withHarness(
      { colorScheme: 'light' },
      async ({ page }) => {
        // The app's code held back: what shows is the page and its inline stylesheet alone.
        let release = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        await page.route('**/main.js', async (route) => {
          await held;
          await route.continue();
        });
        // Parsed, not loaded: the load event waits for the held script.
        await page.goto(`${app.origin}/index.html`, { waitUntil: 'commit' });
        await page.waitForFunction(() => document.readyState === 'interactive');
        const shell = page.locator('main[data-app-shell]');
        expect(await shell.getByRole('heading', { level: 1 }).textContent()).toBe('Doorway');
        // Nothing of the app has run (it sets the theme on <html> when it renders).
        expect(await page.evaluate(() => ({ theme: document.documentElement.dataset.theme ?? null, root: document.getElementById('root')!.children.length }))).toEqual({ theme: null, root: 1 });
        // Styled under the app's CSP (the harness fails the test on any refusal): the page's
        // background, and the organization's accent on the mark.
        const styles = () => page.evaluate(() => ({ page: getComputedStyle(document.body).backgroundColor, mark: getComputedStyle(document.querySelector('.join__logo')!).backgroundColor }));
        expect(await styles()).toEqual({ page: 'rgb(245, 245, 247)', mark: 'rgb(79, 82, 178)' });
        const before = await page.locator('.join__header').boundingBox();
        expect(before?.height).toBeGreaterThan(30);

        release();
        await page.locator('main:not([data-app-shell])').waitFor();
        expect(await page.locator('main').count()).toBe(1);
        expect(await page.locator('.join__header').boundingBox()).toEqual(before);
        expect(await page.locator('.join__tagline').textContent()).toBe(translate('en-US', 'app.tagline'));
        expect(await styles()).toEqual({ page: 'rgb(245, 245, 247)', mark: 'rgb(79, 82, 178)' });
      },
      { open: false },
    );
  });

  it('the small windows have no shell: the sharing controls page starts empty', async () => {
    await app.withHarness({}, async (harness) => {
      const controls = await harness.context.newPage();
      await controls.route('**/main.js', () => undefined);
      await controls.goto(`${app.origin}/panel.html#share-controls`, { waitUntil: 'commit' });
      await controls.waitForFunction(() => document.readyState === 'interactive');
      expect(await controls.evaluate(() => document.getElementById('root')!.children.length)).toBe(0);
      expect(await controls.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
      await controls.close();
    });
  });

  it('lets the guest override the language and appearance, remembered across a restart', async () => {
    let settingsDir = '';
    await app.withHarness(
      { colorScheme: 'light' },
      async (first) => {
        settingsDir = first.settingsDir;
        const { page } = first;
        await page.getByRole('button', { name: translate('en-US', 'preferences.open') }).click();
        await page.getByLabel(translate('en-US', 'preferences.language')).selectOption('ko-KR');
        await page.getByLabel(translate('ko-KR', 'preferences.theme')).selectOption('dark');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko-KR');
        // The page really turns dark: the background follows the chosen scheme, not the OS's.
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        expect(background).toBe('rgb(27, 27, 31)');
        expect(await axeViolations(page)).toEqual([]);
        await page.getByRole('button', { name: translate('ko-KR', 'preferences.close') }).click();
        await page.getByRole('heading', { name: translate('ko-KR', 'join.title') }).waitFor();
        await expect.poll(() => readFileSync(path.join(first.settingsDir, 'config.json'), 'utf8'), { timeout: 5_000 }).toMatch(/"theme":\s*"dark"/);
      },
    );
    await app.withHarness(
      { colorScheme: 'light', settingsDir },
      async (second) => {
        await second.page.getByRole('heading', { name: translate('ko-KR', 'join.title') }).waitFor();
        expect(await second.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(27, 27, 31)');
      },
    );
  });

  it('refuses IPC from a frame that is not the main frame', async () => {
    await app.withHarness(
      {},
      async (harness) => {
        const event = { senderFrame: { url: `${app.origin}/index.html` } as never };
        await expect(harness.ipc.invoke('doorway:parseInvite', event, 'x')).rejects.toThrow(/untrusted sender/);
        await expect(harness.ipc.invoke('doorway:parseInvite', harness.contents.eventFromMainFrame(), 42)).rejects.toThrow(/invalid payload/);
      },
      { open: false },
    );
  });
});
