// The camera from the join screen into the meeting: the preview's own camera stream and <video>
// carry on through Connecting and the lobby into the call (the same stream and live track, the
// <video> never reloaded or paused, no camera opened again, never a black frame), the call sends
// it, and turning video off in the call frees the camera.
// The scripted meeting (renderer/calling/practice/, switched on for the page by the test) with the
// real SDK's LocalVideoStream built from the preview's MediaStream.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromiumApp } from '../support/e2e';
import { isMirrored, waitForPreview } from '../support/join-screen';
import { configureScriptedMeeting, fakeTokenService, joinFromJoinScreen, scripted, waitForPhase } from '../support/scripted-meeting/page';

// The camera at the rate the app asks for: the test counts the frames each screen presents.
const app = useChromiumApp({ launch: { cameraFps: undefined } });

interface Watch {
  /** Each frame the preview's <video> presented: the screen it was on and its brightness (0-255). */
  frames: Array<{ phase: string; mean: number }>;
  trackId: string;
  /** What the <video> went through: a reload (emptied, loadstart) or a pause would blank or freeze it. */
  events: string[];
  /** Cameras opened (getUserMedia asking for video) since the watch began. */
  cameraOpens: number;
}

/** Follows the preview's <video> wherever it goes: every presented frame's screen and brightness. */
async function watchPreviewVideo(page: Page): Promise<void> {
  await page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('[data-testid="preview"] video')!;
    const canvas = document.createElement('canvas');
    canvas.width = 32;
    canvas.height = 18;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const stream = video.srcObject as MediaStream;
    const watch = { frames: [] as Array<{ phase: string; mean: number }>, trackId: stream.getVideoTracks()[0].id, video, stream, events: [] as string[], cameraOpens: 0 };
    Object.assign(window, { __watch: watch });
    for (const type of ['emptied', 'loadstart', 'pause', 'ended']) video.addEventListener(type, () => watch.events.push(type));
    const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = (constraints) => {
      if (constraints?.video) watch.cameraOpens++;
      return open(constraints);
    };
    const sample = () => {
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) sum += (data[i] * 299 + data[i + 1] * 587 + data[i + 2] * 114) / 1000;
      const phase = video.isConnected ? (video.closest('main')?.getAttribute('data-phase') ?? 'join') : 'detached';
      watch.frames.push({ phase, mean: sum / (data.length / 4) });
      video.requestVideoFrameCallback(sample);
    };
    video.requestVideoFrameCallback(sample);
  });
}

const watched = (page: Page) => page.evaluate(() => (window as unknown as { __watch: Watch }).__watch.frames.length);

describe('the camera from the join screen into the meeting', () => {
  it('is the same live track and <video> from the preview through Connecting and the lobby into the call, with no black frame', async () => {
    await app.withHarness(
      { tokens: fakeTokenService() },
      async ({ page }) => {
        await configureScriptedMeeting(page, { lobby: true, participants: 1, connectDelayMs: 1500 });
        await page.goto(`${app.origin}/index.html`);
        await waitForPreview(page);
        await watchPreviewVideo(page);

        await joinFromJoinScreen(page, { name: 'Continuity Kim' });
        await waitForPhase(page, 'connecting');
        // While connecting, the guest still sees themselves: frames keep coming on that screen.
        const connecting = page.getByTestId('connecting-self');
        await connecting.locator('video').waitFor();
        await expect.poll(() => page.evaluate(() => (window as unknown as { __watch: Watch }).__watch.frames.filter((f) => f.phase === 'connecting').length)).toBeGreaterThan(3);

        await waitForPhase(page, 'lobby', 20_000);
        const inLobby = await watched(page);
        await expect.poll(() => watched(page)).toBeGreaterThan(inLobby + 3);
        await scripted(page, 'admit');
        await waitForPhase(page, 'connected', 20_000);
        const inCall = await watched(page);
        await expect.poll(() => watched(page)).toBeGreaterThan(inCall + 3);

        // The call was joined with video, from the preview's stream (the SDK's LocalVideoStream of it).
        const [join] = await scripted(page, 'joins');
        expect(join.video).toBe(true);

        const self = page.locator('.gallery__grid [data-participant="self"]');
        const now = await self.evaluate((tile) => {
          const { __watch: watch } = window as unknown as { __watch: Watch & { video: HTMLVideoElement; stream: MediaStream } };
          const video = tile.querySelector('video');
          const track = (video?.srcObject as MediaStream | null)?.getVideoTracks()[0];
          return {
            sameElement: video === watch.video,
            sameStream: video?.srcObject === watch.stream,
            sameTrack: track?.id === watch.trackId,
            live: track?.readyState === 'live',
            playing: video ? !video.paused : false,
            frames: watch.frames,
            events: watch.events,
            cameraOpens: watch.cameraOpens,
          };
        });
        expect(now.sameElement).toBe(true);
        // The very stream the preview played (not a new one around the same track, which reloads the <video>).
        expect(now.sameStream).toBe(true);
        expect(now.sameTrack).toBe(true);
        expect(now.live).toBe(true);
        // Never reloaded, never paused, and no camera opened again on the way (the meeting sends the preview's).
        expect(now.playing).toBe(true);
        expect(now.events).toEqual([]);
        expect(now.cameraOpens).toBe(0);
        // Every frame on every screen: never off the page, never black (the fake camera's picture is bright).
        expect(now.frames.filter((f) => f.phase === 'detached')).toEqual([]);
        expect(now.frames.filter((f) => f.mean <= 10)).toEqual([]);
        expect(new Set(now.frames.map((f) => f.phase))).toEqual(new Set(['join', 'connecting', 'lobby', 'connected']));
        expect(await isMirrored(self)).toBe(true);

        // Video off in the call frees the camera: the preview's track is stopped, not left running.
        await page.locator('#control-camera').click();
        await expect.poll(async () => (await scripted(page, 'local')).video).toBe(false);
        await expect
          .poll(() => page.evaluate(() => (window as unknown as { __watch: Watch & { video: HTMLVideoElement } }).__watch.video.srcObject instanceof MediaStream && ((window as unknown as { __watch: { video: HTMLVideoElement } }).__watch.video.srcObject as MediaStream).getVideoTracks()[0].readyState))
          .toBe('ended');
      },
      { open: false },
    );
  }, 120_000);
});
