// Test code only (Node). Watches every frame a self view presents in the page: whichever <video>
// is inside `selector` now (a view replaced by another is followed), each presented frame
// (requestVideoFrameCallback) read at 320x180 into its mean colour, its brightest luma (a black
// frame has none above a few) and its largest horizontal luma step (the fake camera's hard edges,
// which blur takes away).
import type { Page } from 'playwright-core';

export interface PresentedFrame {
  at: number;
  r: number;
  g: number;
  b: number;
  maxLuma: number;
  peak: number;
}

/** Starts watching; frames go to window.__doorwayFrames[selector]. A string: tsx must not rewrite it. */
export async function watchFrames(page: Page, selector: string): Promise<void> {
  await page.evaluate(`(() => {
    const selector = ${JSON.stringify(selector)};
    const all = (window.__doorwayFrames ??= {});
    const frames = (all[selector] = []);
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 180;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const read = (video) => {
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let r = 0, g = 0, b = 0, peak = 0, maxLuma = 0;
      const luma = (i) => (data[i] * 299 + data[i + 1] * 587 + data[i + 2] * 114) / 1000;
      for (let i = 0; i < data.length; i += 4) {
        r += data[i]; g += data[i + 1]; b += data[i + 2];
        maxLuma = Math.max(maxLuma, luma(i));
        if ((i / 4) % canvas.width !== canvas.width - 1) peak = Math.max(peak, Math.abs(luma(i + 4) - luma(i)));
      }
      const n = data.length / 4;
      return { r: r / n, g: g / n, b: b / n, maxLuma, peak };
    };
    let watched = null;
    const watch = () => {
      const video = document.querySelector(selector + ' video');
      if (video && video !== watched) {
        watched = video;
        const onFrame = (now) => {
          if (video !== watched) return;
          if (video.videoWidth > 0 && video.isConnected) frames.push({ at: now, ...read(video) });
          video.requestVideoFrameCallback(onFrame);
        };
        video.requestVideoFrameCallback(onFrame);
      }
      requestAnimationFrame(watch);
    };
    watch();
  })()`);
}

/** The frames presented since page time `since` (performance.now()). */
export function framesSince(page: Page, selector: string, since = 0): Promise<PresentedFrame[]> {
  return page.evaluate(
    ([key, from]) => ((window as unknown as { __doorwayFrames: Record<string, PresentedFrame[]> }).__doorwayFrames[key] ?? []).filter((frame) => frame.at >= from),
    [selector, since] as const,
  );
}

export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** Median of a list (NaN when empty). */
export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** A frame with no pixel brighter than near-black. */
export const isBlack = (frame: PresentedFrame): boolean => frame.maxLuma < 24;
