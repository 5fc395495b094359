// Process: renderer. Waits until a <video> presents a picture, not black: a background effect's
// stream shows black frames while its model starts (measured on SwiftShader: about 5 s for the
// first blur), so a self view keeps the picture it had until the new one is really there. Reads a
// 32x18 copy of each presented frame, only during that wait. Never touches the SDK.

/** How long a new picture may stay black before it is shown anyway (a covered camera is black too). */
export const LIT_FRAME_TIMEOUT_MS = 15_000;
/** The brightest pixel's luma (0-255) above which a frame counts as a picture. */
const LIT_LUMA = 24;

/** Whether the frame the video shows now has any pixel brighter than near-black. */
function isLit(video: HTMLVideoElement, context: CanvasRenderingContext2D): boolean {
  if (video.videoWidth === 0) return false;
  const { width, height } = context.canvas;
  context.drawImage(video, 0, 0, width, height);
  const { data } = context.getImageData(0, 0, width, height);
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] * 0.299 + data[i + 1] * 0.587 + data[i + 2] * 0.114 > LIT_LUMA) return true;
  }
  return false;
}

/**
 * Calls `run` once, at the first lit frame `video` presents while `ready()` holds (an effect has
 * started: before that the frames are the raw camera's, and black follows), or after `timeoutMs`.
 * Returns a cancel.
 */
export function whenLitFrame(video: HTMLVideoElement, run: () => void, ready: () => boolean = () => true, timeoutMs = LIT_FRAME_TIMEOUT_MS): () => void {
  let done = false;
  const canvas = document.createElement('canvas');
  canvas.width = 32;
  canvas.height = 18;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const finish = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    run();
  };
  const timer = setTimeout(finish, timeoutMs);
  const check = () => {
    if (done) return;
    if (!context || (ready() && isLit(video, context))) finish();
    else video.requestVideoFrameCallback(check);
  };
  video.requestVideoFrameCallback(check);
  return () => {
    done = true;
    clearTimeout(timer);
  };
}

/** The <video> the SDK puts inside a view's target, now or when it appears. */
export function whenVideoIn(target: HTMLElement, run: (video: HTMLVideoElement) => void): () => void {
  const found = target.querySelector('video');
  if (found) {
    run(found);
    return () => undefined;
  }
  const observer = new MutationObserver(() => {
    const video = target.querySelector('video');
    if (!video) return;
    observer.disconnect();
    run(video);
  });
  observer.observe(target, { childList: true, subtree: true });
  return () => observer.disconnect();
}
