// Process: renderer. The guest's own camera before joining: a getUserMedia stream in a <video> we
// own, mirrored (as a mirror shows you). On Join the live stream and its playing <video> are handed
// to the meeting (CameraHandoff), so the same camera carries on into the call without reopening.
import { Store } from '../calling/model';
import { cameraConstraints } from './media-devices';

/** 'starting' until the first frame is on screen; 'on' from then. */
export type PreviewStatus = 'off' | 'starting' | 'on' | 'failed';

/** A performance mark at each preview's first frame on screen (read by the benchmarks). */
export const FIRST_FRAME_MARK = 'doorway:preview-frame';

/** The preview's camera, handed to the meeting: it keeps playing; the meeting stops it. */
export interface CameraHandoff {
  stream: MediaStream;
  /** The <video> showing it, mirrored; move it (same task) to keep its picture on screen. */
  video: HTMLVideoElement;
  /** The platform's id and label of the camera. */
  deviceId: string;
  label: string;
}

/** The <video> of a self-view: muted, inline, mirrored by its own transform. */
export function createSelfVideo(): HTMLVideoElement {
  const video = document.createElement('video');
  video.className = 'self-video';
  video.muted = true;
  video.autoplay = true;
  video.playsInline = true;
  video.setAttribute('aria-hidden', 'true');
  return video;
}

/** The device a camera stream was opened on. */
export function deviceIdOf(stream: MediaStream): string {
  return stream.getVideoTracks()[0]?.getSettings().deviceId ?? '';
}

function isLive(stream: MediaStream | null): stream is MediaStream {
  return !!stream && stream.getVideoTracks().some((track) => track.readyState === 'live');
}

export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

export class CameraPreview {
  readonly status = new Store<PreviewStatus>('off');
  private stream: MediaStream | null = null;
  private video: HTMLVideoElement | null = null;
  private label = '';
  private generation = 0;

  /**
   * Shows camera `deviceId` in `host`, switching when it is another camera. `offered` is a stream
   * already open (asking for access opened it): used when it is that camera, stopped otherwise.
   */
  async start(host: HTMLElement, deviceId: string, label: string, offered: MediaStream | null = null): Promise<void> {
    if (isLive(this.stream) && deviceIdOf(this.stream) === deviceId) {
      stopStream(offered);
      if (label) this.label = label;
      if (this.video && this.video.parentElement !== host) host.replaceChildren(this.video);
      return;
    }
    const generation = ++this.generation;
    this.status.set('starting');
    let stream: MediaStream | null = offered && isLive(offered) && deviceIdOf(offered) === deviceId ? offered : null;
    if (!stream) stopStream(offered);
    try {
      stream ??= await navigator.mediaDevices.getUserMedia({ video: cameraConstraints(deviceId) });
    } catch {
      if (generation === this.generation) this.status.set('failed');
      return;
    }
    if (generation !== this.generation) {
      stopStream(stream);
      return;
    }
    const previous = this.stream;
    this.stream = stream;
    this.label = label;
    const video = (this.video ??= createSelfVideo());
    video.srcObject = stream;
    if (video.parentElement !== host) host.replaceChildren(video);
    // The old camera stops once the new one is playing, so a switch never shows black.
    whenFirstFrame(video, () => {
      stopStream(previous);
      if (generation !== this.generation) return;
      performance.mark(FIRST_FRAME_MARK);
      this.status.set('on');
    });
    void video.play().catch(() => undefined);
  }

  /** Gives the live camera to the meeting; the preview forgets it (and no longer stops it). */
  handOff(): CameraHandoff | null {
    const { stream, video } = this;
    if (!isLive(stream) || !video || this.status.get() !== 'on') return null;
    this.generation++;
    this.stream = null;
    this.video = null;
    this.status.set('off');
    return { stream, video, deviceId: deviceIdOf(stream), label: this.label };
  }

  stop(): void {
    this.generation++;
    stopStream(this.stream);
    this.stream = null;
    if (this.video) {
      this.video.srcObject = null;
      this.video.remove();
    }
    this.video = null;
    this.status.set('off');
  }
}

/** Calls `run` once, when the video has put its first frame on screen. */
export function whenFirstFrame(video: HTMLVideoElement, run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(once);
  // Fallback for a video that renders without frame callbacks (hidden page).
  video.addEventListener('playing', () => setTimeout(once, 100), { once: true });
}
