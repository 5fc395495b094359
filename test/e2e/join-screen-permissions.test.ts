// The join screen when the camera or microphone is refused. Chromium runs without the fake
// permission UI, so whatever the browser context has not been granted is denied at once
// (headless Chromium answers a permission prompt with "denied"; measured).
import { describe, expect, it } from 'vitest';
import type { TokenReply } from '../../common/ipc-contract';
import { translate } from '../../common/i18n';
import { canRefuseOneDevice } from '../support/chromium';
import { useChromiumApp, type HarnessRun } from '../support/e2e';
import type { Harness } from '../support/harness';
import { MEETING_LINK, waitForDevices } from '../support/join-screen';
import { axeViolations, screenshot } from '../support/page-checks';

const app = useChromiumApp({ launch: { grantMedia: false } });
// The registry-shipped headless shell (used where no browser is installed) refuses all devices or
// none; the tests that refuse only the camera run on an installed Chrome, Chromium or Edge (CI).
const oneDeviceRefusable = await canRefuseOneDevice();

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en-US', key, params);
const TOKENS = {
  get: async (): Promise<TokenReply> => ({ ok: true, token: 'test-token', expiresOnMs: Date.now() + 3_600_000 }),
  prefetch: () => undefined,
};

// The context grants nothing by itself: a test grants what its page may use.
const REFUSED = { grantMedia: false, tokens: TOKENS };

/** Runs `run` on a page that may use only the given devices; the rest is refused. */
function withGranted(granted: Array<'camera' | 'microphone'>, run: (harness: Harness) => Promise<void>, how?: HarnessRun): Promise<void> {
  return app.withHarness(
    REFUSED,
    async (harness) => {
      if (granted.length > 0) await harness.context.grantPermissions(granted, { origin: app.origin });
      await harness.open();
      await run(harness);
    },
    { ...how, open: false },
  );
}

async function fillAndCheckJoinable(harness: Harness): Promise<void> {
  const { page } = harness;
  await page.getByLabel(en('join.meeting'), { exact: true }).fill(MEETING_LINK);
  await page.getByLabel(en('join.name'), { exact: true }).fill('Ada Lovelace');
  await page.getByTestId('meeting-summary').waitFor({ timeout: 10_000 });
  expect(await page.getByRole('button', { name: en('join.join') }).getAttribute('aria-disabled')).toBeNull();
}

describe('join screen with devices refused', () => {
  it.runIf(oneDeviceRefusable)('a blocked camera is explained and the guest can still join with audio only', async () => {
    await withGranted(['microphone'], async (harness) => {
      const { page } = harness;
      const notice = page.locator('.join-access');
      await notice.waitFor({ timeout: 40_000 });
      expect(await notice.getAttribute('role')).toBe('status');
      const text = await notice.textContent();
      expect(text).toContain(en('join.access.title.camera'));
      expect(text).toContain(en('join.access.how.other'));
      expect(text).toContain(en('join.access.canJoin.audioOnly'));
      // Linux has no OS settings page to open: only "Try again".
      expect(await notice.getByRole('button').allTextContents()).toEqual([en('join.access.retry')]);

      await page.locator('.join-preview[data-state="blocked"]').waitFor();
      expect(await page.getByRole('button', { name: en('join.camera'), exact: true }).isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: en('join.microphone'), exact: true }).getAttribute('aria-pressed')).toBe('true');
      await waitForDevices(page);
      expect(await page.locator('#camera-select').isDisabled()).toBe(true);
      expect(await page.locator('#microphone-select option').count()).toBeGreaterThan(0);

      await fillAndCheckJoinable(harness);
      expect(await page.locator('#join-notes').textContent()).toBe(en('join.withoutCamera'));
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'join-screen-camera-blocked');

      // "Try again" asks again; still refused, still explained.
      await notice.getByRole('button', { name: en('join.access.retry') }).click();
      await page.waitForFunction(() => !document.querySelector('.join-access [aria-busy="true"]'), undefined, { timeout: 20_000 });
      expect(await page.locator('.join-access').textContent()).toContain(en('join.access.title.camera'));

      await page.getByRole('button', { name: en('join.join') }).click();
      await page.locator('main.join').waitFor({ state: 'detached', timeout: 10_000 });
    });
  }, 90_000);

  it.runIf(oneDeviceRefusable)('on macOS and Windows, explains the OS switch and opens the right settings page', async () => {
    for (const [platform, osAccess, how] of [
      ['darwin', 'denied', 'join.access.how.darwin'],
      ['win32', 'granted', 'join.access.inUse'],
    ] as const) {
      const opened: string[] = [];
      await app.withHarness(
        REFUSED,
        async (harness) => {
          await harness.context.grantPermissions(['microphone'], { origin: app.origin });
          // Main as it runs on that OS: the platform in AppInfo, the OS's own media permission
          // (systemPreferences on macOS) and its settings page. The real handlers stay underneath.
          const ready = harness.ipc.handlers.get('doorway:rendererReady')!;
          harness.ipc.handlers.set('doorway:rendererReady', async (event, payload) => ({ ...((await ready(event, payload)) as object), platform }));
          harness.ipc.handlers.set('doorway:mediaAccess', async (_event, kind) => (kind === 'camera' ? osAccess : 'granted'));
          harness.ipc.handlers.set('doorway:openMediaSettings', async (_event, kind) => {
            opened.push(String(kind));
            return true;
          });
          await harness.open();
          const notice = harness.page.locator('.join-access');
          await notice.waitFor({ timeout: 40_000 });
          await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain(en(how, { device: en('join.access.device.camera'), app: 'Doorway' }));
          await notice.getByRole('button', { name: en('join.access.openSettings.camera') }).click();
          await expect.poll(() => opened).toEqual(['camera']);
          expect(await notice.getByRole('button', { name: en('join.access.openSettings.microphone') }).count()).toBe(0);
          expect(await axeViolations(harness.page)).toEqual([]);
        },
        { open: false },
      );
    }
  }, 90_000);

  it('with camera and microphone both blocked, the guest can still join and listen', async () => {
    await withGranted(
      [],
      async (harness) => {
        const { page } = harness;
        const notice = page.locator('.join-access');
        await notice.waitFor({ timeout: 40_000 });
        const text = await notice.textContent();
        expect(text).toContain(en('join.access.title.both'));
        expect(text).toContain(en('join.access.canJoin.listenOnly'));
        expect(await page.getByTestId('mic-level').getAttribute('aria-valuenow')).toBe('0');
        expect(await page.locator('.join-meter__status').textContent()).toBe(en('join.meter.unavailable'));

        await fillAndCheckJoinable(harness);
        expect(await page.locator('#join-notes').textContent()).toContain(en('join.withoutMicrophone'));
        expect(await axeViolations(page)).toEqual([]);
        await page.getByLabel(en('join.name'), { exact: true }).press('Enter');
        await page.locator('main.join').waitFor({ state: 'detached', timeout: 10_000 });
      },
    );
  }, 90_000);
});
