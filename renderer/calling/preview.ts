// Process: renderer (SDK). The guest's own camera before and during the call: a LocalVideoStream
// on the chosen camera, rendered mirrored into an element the view gives us.
import { LocalVideoStream, VideoStreamRenderer, type VideoStreamRendererView } from '@azure/communication-calling';
import type { DeviceService } from './devices';
import { Store } from './model';

export type PreviewStatus = 'off' | 'starting' | 'on' | 'failed';

export class PreviewService {
  readonly status = new Store<PreviewStatus>('off');
  private stream: LocalVideoStream | null = null;
  private renderer: VideoStreamRenderer | null = null;
  private view: VideoStreamRendererView | null = null;
  private host: HTMLElement | null = null;
  private generation = 0;

  constructor(private readonly devices: DeviceService) {}

  /** Shows the chosen camera in `host`; restarts on a different camera. */
  async start(host: HTMLElement, cameraId: string | null): Promise<void> {
    const camera = this.devices.camera(cameraId);
    if (!camera) {
      this.stop();
      this.status.set('failed');
      return;
    }
    const generation = ++this.generation;
    if (this.stream && this.host === host) {
      this.status.set('starting');
      await this.stream.switchSource(camera).catch(() => this.status.set('failed'));
      if (generation === this.generation && this.status.get() !== 'failed') this.status.set('on');
      return;
    }
    this.stop();
    this.generation = generation;
    this.status.set('starting');
    this.host = host;
    try {
      const stream = new LocalVideoStream(camera);
      const renderer = new VideoStreamRenderer(stream);
      const view = await renderer.createView({ isMirrored: true, scalingMode: 'Crop' });
      if (generation !== this.generation) {
        view.dispose();
        renderer.dispose();
        return;
      }
      this.stream = stream;
      this.renderer = renderer;
      this.view = view;
      host.replaceChildren(view.target);
      this.status.set('on');
    } catch {
      if (generation === this.generation) this.status.set('failed');
    }
  }

  /** The local stream, for joining with the same camera. */
  get localStream(): LocalVideoStream | null {
    return this.stream;
  }

  stop(): void {
    this.generation++;
    this.view?.dispose();
    this.renderer?.dispose();
    this.view = null;
    this.renderer = null;
    this.stream = null;
    this.host?.replaceChildren();
    this.host = null;
    this.status.set('off');
  }
}
