// The screen-share picker end to end: the real main-process broker (as Chromium's
// setDisplayMediaRequestHandler would call it, with our page's main frame) sends the sources over
// the real preload to the built renderer in Chromium; the guest picks with the mouse or the
// keyboard; main answers Chromium with the very source object it listed, or with nothing.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { translate } from '../../common/i18n';
import type { DesktopSource, DisplayMediaAnswer } from '../../main/capture/capture-broker';
import { useChromiumApp } from '../support/e2e';
import type { Harness } from '../support/harness';
import { axeViolations, checkRtlAndForcedColors, screenshot } from '../support/page-checks';

const app = useChromiumApp();

/** A picture for a thumbnail or an icon (an SVG data URL; the picker shows any image URL). */
function picture(label: string, color: string, width = 320, height = 180): string {
  const text = label ? `<text x="18" y="${height / 2 + 10}" font-size="26" font-family="sans-serif" fill="#ffffff">${label}</text>` : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${color}"/>${text}</svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

interface FakeSource extends DesktopSource {
  /** Changes what the next listing's thumbnail shows. */
  setThumbnail(url: string): void;
}

function desktopSource(id: string, name: string, color: string, icon?: string): FakeSource {
  let thumb = picture(name, color);
  return {
    id,
    name,
    thumbnail: { isEmpty: () => false, toDataURL: () => thumb },
    appIcon: icon ? { isEmpty: () => false, toDataURL: () => icon } : null,
    setThumbnail: (url) => void (thumb = url),
  };
}

function sampleSources(): FakeSource[] {
  return [
    desktopSource('screen:0:0', 'Entire screen', '#2b5797'),
    desktopSource('screen:1:0', '', '#1e7145'),
    desktopSource('window:101:0', 'Quarterly report.xlsx - Excel', '#107c41', picture('', '#107c41', 32, 32)),
    desktopSource('window:102:0', 'Claim form - Adobe Acrobat', '#b30b00', picture('', '#b30b00', 32, 32)),
    desktopSource('window:103:0', 'Inbox - Outlook', '#0f6cbd', picture('', '#0f6cbd', 32, 32)),
  ];
}

/** What Chromium does on getDisplayMedia in Electron: calls main's handler with our frame. */
function requestCapture(harness: Harness, audioRequested = false): Promise<DisplayMediaAnswer> {
  return new Promise((resolve) => void harness.capture.handleRequest({ frame: harness.contents.mainFrame, audioRequested }, resolve));
}

function picker(page: Page) {
  return page.getByRole('dialog', { name: 'Choose what to share' });
}

describe('share picker in Chromium', () => {
  it('shows what main offered, in tabs, and answers Chromium with the source the guest clicked', async () => {
    const sources = sampleSources();
    await app.withHarness({ captureSources: sources }, async (harness) => {
      const { page } = harness;
      const answer = requestCapture(harness);
      const dialog = picker(page);
      await dialog.waitFor();

      // Screens first; a screen without a name is numbered.
      const screensTab = dialog.getByRole('tab', { name: /Screens/ });
      expect(await screensTab.getAttribute('aria-selected')).toBe('true');
      const screens = dialog.getByRole('listbox', { name: 'Screens' }).getByRole('option');
      expect(await screens.allTextContents()).toEqual(['Entire screen', 'Screen 2']);
      expect(await screens.first().getAttribute('aria-selected')).toBe('true');
      // Focus starts on the selected source; everything behind the dialog is inert.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-source-id'))).toBe('screen:0:0');
      expect(await page.evaluate(() => document.getElementById('screens')?.hasAttribute('inert'))).toBe(true);
      const behindTakesFocus = await page.evaluate(() => {
        const behind = document.querySelector<HTMLElement>('#screens button');
        behind?.focus();
        return !!behind && document.activeElement === behind;
      });
      expect(behindTakesFocus).toBe(false);

      await dialog.getByRole('tab', { name: /Windows/ }).click();
      const windows = dialog.getByRole('listbox', { name: 'Windows' }).getByRole('option');
      expect(await windows.allTextContents()).toEqual(['Quarterly report.xlsx - Excel', 'Claim form - Adobe Acrobat', 'Inbox - Outlook']);
      expect(await windows.locator('img.share-source__icon').count()).toBe(3);
      expect(await windows.locator('.share-source__thumb img').first().getAttribute('src')).toBe(sources[2].thumbnail.toDataURL());
      // No system sound where the OS cannot share it.
      expect(await dialog.getByRole('checkbox').count()).toBe(0);

      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'share-picker-windows');

      await windows.nth(1).click();
      expect(await windows.nth(1).getAttribute('aria-selected')).toBe('true');
      await dialog.getByRole('button', { name: 'Share' }).click();
      const answered = await answer;
      // The very object main listed (main never uses anything the renderer sends but the id).
      expect(answered?.video).toBe(sources[3]);
      expect(answered?.audio).toBeUndefined();
      await dialog.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.getElementById('root')?.hasAttribute('inert'))).toBe(false);
      expect(harness.capture.pendingRequestId).toBeNull();
    });
  });

  it('works from the keyboard: arrows choose, Enter shares; focus returns where it was', async () => {
    const sources = sampleSources();
    await app.withHarness(
      { captureSources: sources },
      async (harness) => {
        const { page } = harness;
        // The guest was somewhere on the page when the request came.
        const before = page.getByRole('button').first();
        await before.focus();
        const beforeHtml = await before.evaluate((element) => element.outerHTML);

        const answer = requestCapture(harness);
        await picker(page).waitFor();
        await page.keyboard.press('ArrowRight');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-source-id'))).toBe('screen:1:0');
        // Tab leaves the list for the buttons; focus never leaves the dialog.
        for (let i = 0; i < 8; i++) {
          await page.keyboard.press('Tab');
          expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
        }
        // The tabs switch with the arrow keys, and Windows selects its first window.
        await picker(page).getByRole('tab', { name: /Screens/ }).focus();
        await page.keyboard.press('ArrowRight');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('share-tab-window');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-source-id'))).toBe('window:101:0');
        await page.keyboard.press('End');
        await page.keyboard.press('ArrowLeft');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-source-id'))).toBe('window:102:0');
        await page.keyboard.press('Enter');
        expect((await answer)?.video).toBe(sources[3]);
        await picker(page).waitFor({ state: 'detached' });
        expect(await page.evaluate(() => document.activeElement?.outerHTML)).toBe(beforeHtml);
      },
    );
  });

  it('Escape and Cancel answer Chromium with nothing', async () => {
    await app.withHarness(
      { captureSources: sampleSources() },
      async (harness) => {
        const { page } = harness;
        const first = requestCapture(harness);
        await picker(page).waitFor();
        await page.keyboard.press('Escape');
        expect(await first).toBeNull();
        await picker(page).waitFor({ state: 'detached' });

        const second = requestCapture(harness);
        await picker(page).waitFor();
        await picker(page).getByRole('button', { name: 'Cancel' }).click();
        expect(await second).toBeNull();
        await picker(page).waitFor({ state: 'detached' });
        expect(harness.capture.pendingRequestId).toBeNull();
        expect(harness.logs).toContain('info capture: the guest cancelled');
      },
    );
  });

  it('a second request replaces the first (answered empty); main cancelling closes the picker', async () => {
    const sources = sampleSources();
    await app.withHarness(
      { captureSources: sources },
      async (harness) => {
        const { page } = harness;
        const first = requestCapture(harness);
        await picker(page).waitFor();
        const firstId = harness.capture.pendingRequestId;
        const second = requestCapture(harness);
        expect(await first).toBeNull();
        await expect.poll(() => harness.capture.pendingRequestId).not.toBe(firstId);
        // The picker now answers the second request.
        await picker(page).getByRole('button', { name: 'Share' }).click();
        expect((await second)?.video).toBe(sources[0]);

        // The window closing (or the page reloading) settles it from main's side.
        const third = requestCapture(harness);
        await picker(page).waitFor();
        harness.capture.cancelPending('window closed');
        expect(await third).toBeNull();
        await picker(page).waitFor({ state: 'detached' });
      },
    );
  });

  it('refreshes thumbnails while open; a window that closed since cannot be shared', async () => {
    const sources = sampleSources();
    await app.withHarness(
      { captureSources: sources },
      async (harness) => {
        const { page } = harness;
        const answer = requestCapture(harness);
        const dialog = picker(page);
        await dialog.waitFor();
        await dialog.getByRole('tab', { name: /Windows/ }).click();
        const fresh = picture('Updated', '#5c2d91');
        sources[2].setThumbnail(fresh);
        await page.waitForFunction((src) => !!document.querySelector(`img[src="${src}"]`), fresh, { timeout: 10_000 });

        // The Outlook window closes: main's next listing no longer has it...
        await dialog.getByRole('option', { name: 'Inbox - Outlook' }).click();
        sources.splice(4, 1);
        await harness.capture.refresh(harness.capture.pendingRequestId!);
        // ...so sharing it is refused; the picker says so and shows what is left.
        await dialog.getByRole('button', { name: 'Share' }).click();
        await dialog.getByRole('status').getByText('That window has closed').waitFor();
        await expect.poll(() => dialog.getByRole('option').count()).toBe(2);
        expect(harness.logs).toContain('info capture: refused a source that was not offered');
        await dialog.getByRole('option', { name: 'Quarterly report.xlsx - Excel' }).dblclick();
        expect((await answer)?.video).toBe(sources[2]);
      },
    );
  });

  it('offers system sound where the OS can share it, and main adds loopback only when ticked', async () => {
    const sources = sampleSources();
    await app.withHarness(
      { captureSources: sources, captureSystemAudio: true },
      async (harness) => {
        const { page } = harness;
        const answer = requestCapture(harness, true);
        const dialog = picker(page);
        await dialog.waitFor();
        const checkbox = dialog.getByRole('checkbox', { name: 'Also share my computer’s sound' });
        expect(await checkbox.isChecked()).toBe(false);
        await checkbox.check();
        expect(await axeViolations(page)).toEqual([]);
        await dialog.getByRole('button', { name: 'Share' }).click();
        expect(await answer).toEqual({ video: sources[0], audio: 'loopback' });
      },
    );
  });

  it('macOS without Screen Recording permission: no sources, an explanation and the way to System Settings (Korean)', async () => {
    await app.withHarness(
      { captureSources: sampleSources(), screenAccess: 'denied', locale: 'ko-KR' },
      async (harness) => {
        const { page } = harness;
        const answer = requestCapture(harness);
        const dialog = page.getByRole('dialog', { name: '화면 기록 허용' });
        await dialog.waitFor();
        expect(await dialog.getByRole('option').count()).toBe(0);
        expect(await dialog.textContent()).toContain('개인정보 보호 및 보안');
        // The harness says Linux: there is no settings page to open, so no such button.
        expect(await dialog.getByRole('button', { name: '시스템 설정 열기' }).count()).toBe(0);
        expect(await axeViolations(page)).toEqual([]);
        await dialog.getByRole('button', { name: '취소' }).click();
        expect(await answer).toBeNull();
      },
    );
  });

  it('in Korean, dark: the picker is translated and axe-clean', async () => {
    await app.withHarness({ captureSources: sampleSources(), locale: 'ko-KR', colorScheme: 'dark' }, async (harness) => {
      const { page } = harness;
      const answer = requestCapture(harness);
      const dialog = page.getByRole('dialog', { name: '공유할 항목 선택' });
      await dialog.waitFor();
      expect(await dialog.getByRole('tab').allTextContents()).toEqual(['화면2', '창3']);
      expect(await dialog.getByRole('option').nth(1).textContent()).toBe('화면 2');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'share-picker-ko-dark');
      await page.keyboard.press('Escape');
      expect(await answer).toBeNull();
    });
  });

  it('reads right to left in Arabic (the arrows follow the grid), and stays visible in forced colours', async () => {
    await app.withHarness({ captureSources: sampleSources(), locale: 'ar-SA' }, async (harness) => {
      const { page } = harness;
      const answer = requestCapture(harness);
      const dialog = page.getByRole('dialog', { name: translate('ar-SA', 'share.picker.title') });
      await dialog.waitFor();
      // The second screen sits to the left of the first, and ArrowLeft goes on to it.
      const [first, second] = await Promise.all([0, 1].map((i) => dialog.getByRole('option').nth(i).boundingBox()));
      expect(second!.x).toBeLessThan(first!.x);
      await page.keyboard.press('ArrowLeft');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-source-id'))).toBe('screen:1:0');
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-source-id'))).toBe('screen:0:0');
      await checkRtlAndForcedColors(page, 'share-picker');
      await page.keyboard.press('Escape');
      expect(await answer).toBeNull();
    });
  }, 90_000);
});
