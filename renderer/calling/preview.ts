// Process: renderer (SDK). The guest's own camera before and during the call: a LocalVideoStream
// on the chosen camera, rendered mirrored (as a mirror shows you) into an element the view gives us.
import { LocalVideoStream, VideoStreamRenderer, type VideoStreamRendererView } from '@azure/communication-calling';
import type { DeviceService } from './devices';
import { Store } from './model';
import { disposeAll } from './dispose';
import { mirrorSelfView } from './self-view';

/** 'starting' until the first frame is on screen; 'on' from then. */
export type PreviewStatus = 'off' | 'starting' | 'on' | 'failed';

/** A performance mark at each preview's first frame on screen (read by the preview benchmark). */
export const FIRST_FRAME_MARK = 'doorway:preview-frame';

export class PreviewService {
  readonly status = new Store<PreviewStatus>('off');
  private stream: LocalVideoStream | null = null;
  private renderer: VideoStreamRenderer | null = null;
  private view: VideoStreamRendererView | null = null;
  private host: HTMLElement | null = null;
  private generation = 0;

  constructor(private readonly devices: DeviceService) {}

  /** Shows the chosen camera in `host`; switches the source on a different camera. */
  async start(host: HTMLElement, cameraId: string | null): Promise<void> {
    const camera = this.devices.camera(cameraId);
    if (!camera) {
      this.stop();
      this.status.set('failed');
      return;
    }
    const generation = ++this.generation;
    if (this.stream && this.host === host) {
      if (this.stream.source.id === camera.id) return;
      this.status.set('starting');
      try {
        await this.stream.switchSource(camera);
        if (generation === this.generation) this.status.set('on');
      } catch {
        if (generation === this.generation) this.status.set('failed');
      }
      return;
    }
    this.stop();
    this.generation = generation;
    this.status.set('starting');
    this.host = host;
    let stream: LocalVideoStream | null = null;
    let renderer: VideoStreamRenderer | null = null;
    try {
      stream = new LocalVideoStream(camera);
      renderer = new VideoStreamRenderer(stream);
      // The SDK's isMirrored does not give a mirrored picture (measured with SDK 2.0 in Chromium
      // 156: it puts scaleX(-1) on the <video> either way, and isMirrored adds a rotateY(180deg) on
      // its box, which flips it back). So we read the flips it applied and add our own as needed.
      const view = await renderer.createView({ isMirrored: false, scalingMode: 'Crop' });
      if (generation !== this.generation) {
        disposeAll(view, renderer);
        return;
      }
      this.stream = stream;
      this.renderer = renderer;
      this.view = view;
      const mirror = document.createElement('div');
      mirror.className = 'self-view-mirror';
      mirror.style.width = '100%';
      mirror.style.height = '100%';
      mirror.append(view.target);
      host.replaceChildren(mirror);
      const video = view.target.querySelector('video');
      mirrorSelfView(mirror, video);
      if (video) whenFirstFrame(video, () => {
        if (generation !== this.generation) return;
        mirrorSelfView(mirror, video);
        performance.mark(FIRST_FRAME_MARK);
        this.status.set('on');
      });
      else this.status.set('on');
    } catch {
      disposeAll(renderer);
      if (generation === this.generation) {
        this.host = null;
        this.status.set('failed');
      }
    }
  }

  /** The local stream, for joining with the same camera (and for video effects). */
  get localStream(): LocalVideoStream | null {
    return this.stream;
  }

  stop(): void {
    this.generation++;
    disposeAll(this.view, this.renderer);
    this.view = null;
    this.renderer = null;
    this.stream = null;
    this.host?.replaceChildren();
    this.host = null;
    this.status.set('off');
  }
}

/** Calls `run` once, when the video has put its first frame on screen. */
function whenFirstFrame(video: HTMLVideoElement, run: () => void): void {
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
