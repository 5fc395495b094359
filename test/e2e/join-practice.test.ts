// The practice meeting from the join screen, in the app as it ships (no token service, no
// scripted-meeting switch): "Try a practice meeting" opens a meeting with simulated people on
// video, labelled as practice throughout; the guest can mute and unmute, share a screen through
// the app's picker (getDisplayMedia routed to main's capture broker), chat with the simulated
// people through the meeting's own chat panel (their messages, the guest's, an answer), and leave.
// And it reaches no network: fetch, XMLHttpRequest, sendBeacon, WebSocket, EventSource and
// RTCPeerConnection are trapped in the page, and nothing is attempted from the moment the
// button is pressed to the moment the guest is back on the join screen. (The SDK's device
// manager, which the join screen loaded before, made its own config request then; the trap is
// armed after it.)
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import { useChromiumApp } from '../support/e2e';
import { axeViolations, screenshot, videoFrameStats } from '../support/page-checks';
import { routeDisplayMediaToMain } from '../support/scripted-meeting/display-media';
import { waitForPhase } from '../support/scripted-meeting/page';

const app = useChromiumApp();
const en = (key: Parameters<typeof translate>[1]) => translate('en-US', key);

interface Attempt {
  api: string;
  url: string;
  armed: boolean;
}

/** Wraps every network API of the page; each use is recorded (and still happens). */
async function trapNetwork(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const attempts: Attempt[] = [];
    const state = { armed: false };
    Object.defineProperty(window, '__doorwayNetwork', { value: { attempts, state } });
    const record = (api: string, url: unknown) => attempts.push({ api, url: String(url instanceof Request ? url.url : url), armed: state.armed });
    const fetch = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      record('fetch', input);
      return fetch(input, init);
    };
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      record('XMLHttpRequest', url);
      return (open as (...args: unknown[]) => void).call(this, method, url, ...rest);
    };
    const beacon = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
      record('sendBeacon', url);
      return beacon(url, data);
    };
    for (const name of ['WebSocket', 'EventSource', 'RTCPeerConnection'] as const) {
      const Original = window[name] as unknown as new (...args: unknown[]) => object;
      const Trapped = function (...args: unknown[]) {
        record(name, args[0] ?? '');
        return new Original(...args);
      };
      Trapped.prototype = Original.prototype;
      Object.defineProperty(window, name, { value: Trapped, configurable: true, writable: true });
    }
  });
}

const attempts = (page: Page) => page.evaluate(() => (window as unknown as { __doorwayNetwork: { attempts: Attempt[] } }).__doorwayNetwork.attempts);

describe('the practice meeting', () => {
  it('opens from the join screen with no token service, shows simulated people as practice, and reaches no network', async () => {
    const thumbnail = 'data:image/svg+xml;base64,' + Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="32" height="18"><rect width="32" height="18" fill="#2b5797"/></svg>').toString('base64');
    const captureSources = [{ id: 'screen:0:0', name: 'Entire screen', thumbnail: { isEmpty: () => false, toDataURL: () => thumbnail }, appIcon: null }];
    await app.withHarness(
      { captureSources },
      async (harness) => {
        const { page } = harness;
        page.setDefaultTimeout(30_000);
        await trapNetwork(page);
        // getDisplayMedia reaches main's capture broker and the app's picker, as in Electron.
        await routeDisplayMediaToMain(harness);
        await harness.open();
        await page.locator('#name-input').fill('Practice Pat');
        // The join screen loads the SDK after first paint; its device manager asks its config service once.
        await expect.poll(async () => (await attempts(page)).some((a) => a.url.includes('communication.microsoft.com')), { timeout: 40_000 }).toBe(true);
        await page.evaluate(() => {
          (window as unknown as { __doorwayNetwork: { state: { armed: boolean } } }).__doorwayNetwork.state.armed = true;
        });

        await page.getByRole('button', { name: en('practice.join.button') }).click();
        await waitForPhase(page, 'connected');
        const banner = page.getByRole('complementary', { name: en('practice.banner.label') });
        await expect.poll(() => banner.textContent()).toContain(en('practice.banner.text'));
        // Four simulated people, three of them on camera with real (painted, moving) frames.
        await expect.poll(() => page.locator('.gallery__grid > li:not(.tile--self)').count(), { timeout: 10_000 }).toBe(4);
        await expect.poll(() => page.locator('.gallery__grid > li:not(.tile--self) video').count(), { timeout: 10_000 }).toBe(3);
        const onCamera = page.locator('.gallery__grid > li:not(.tile--self)[data-video="on"]').first();
        await onCamera.locator('video').waitFor();
        const frame = await videoFrameStats(onCamera);
        expect(frame.width).toBe(320);
        // A painted scene (room, light, a person), not a flat colour.
        expect(frame.distinct).toBeGreaterThan(8);

        // Rehearse: mute and unmute, camera off, as in a real meeting.
        const mic = page.locator('#control-mic');
        const label = await mic.textContent();
        expect([en('meeting.mic.mute'), en('meeting.mic.unmute')]).toContain(label);
        await mic.click();
        await expect.poll(() => mic.textContent()).not.toBe(label);
        await mic.click();
        await expect.poll(() => mic.textContent()).toBe(label);

        // Rehearse sharing: the app's picker, then the sharing banner, then stop.
        const share = page.locator('#control-share');
        await share.click();
        const picker = page.getByRole('dialog', { name: en('share.picker.title') });
        await picker.getByRole('option', { name: 'Entire screen' }).click();
        await picker.getByRole('button', { name: en('share.picker.share') }).click();
        await page.getByTestId('sharing-banner').waitFor();
        await expect.poll(() => share.textContent()).toBe(en('share.stop'));

        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'practice-meeting');
        await share.click();
        await expect.poll(() => share.textContent()).toBe(en('share.start'));

        // Rehearse chat, in the meeting's own panel: a simulated person writes (counted while the
        // panel is closed), the guest answers with Enter and is answered; it is all local.
        const chatButton = page.locator('#control-chat');
        await expect.poll(() => chatButton.locator('.chat-badge').getAttribute('data-unread'), { timeout: 15_000 }).not.toBeNull();
        await chatButton.click();
        const panel = page.locator('#chat-panel');
        expect(await panel.locator('[data-chat-practice]').textContent()).toBe(en('chat.practice.note'));
        const welcome = panel.locator('.chat-message', { hasText: en('chat.practice.welcome') });
        await welcome.waitFor();
        const people = await page.locator('.gallery__grid > li:not(.tile--self)').allTextContents();
        const sender = (await welcome.locator('.chat-message__sender').textContent()) ?? '';
        expect(sender).not.toBe('');
        expect(people.some((tile) => tile.includes(sender))).toBe(true);
        const input = page.locator('#chat-input');
        await input.fill('Hello, practice');
        await input.press('Enter');
        const own = panel.locator('.chat-message--own');
        await expect.poll(() => own.textContent()).toContain('Hello, practice');
        expect(await own.getAttribute('data-delivery')).toBe('sent');
        await panel.locator('.chat-message', { hasText: en('chat.practice.reply') }).waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'practice-meeting-chat');
        await chatButton.click();

        await page.locator('#control-leave').click();
        await waitForPhase(page, 'ended');
        await expect.poll(() => banner.count()).toBe(1);
        await page.getByRole('button', { name: en('meeting.ended.back') }).click();
        await page.locator('#meeting-input').waitFor();

        expect((await attempts(page)).filter((a) => a.armed)).toEqual([]);
        // Main was never asked for a token, nor told of a meeting.
        expect(harness.logs.filter((line) => /token|presence/i.test(line))).toEqual([]);
      },
      { open: false },
    );
  }, 120_000);
});
