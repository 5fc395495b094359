// Process: renderer. Video for the scripted meeting's participants, painted locally: each
// available stream is a canvas painted a few times a second and captured with
// canvas.captureStream(), so tiles show real, changing frames. And the renderer the calling
// module gets for scripted remote streams: the SDK's VideoStreamRenderer only takes the SDK's own
// streams, so this one renders RemoteVideoStream.getMediaStream() (an SDK method too) into a
// <video>, with the same createView/dispose shape.
import type { CreateViewOptions, RemoteVideoStream, ScalingMode, VideoStreamRendererView } from '@azure/communication-calling';

const FPS = 8;
const COLORS = ['#335c99', '#7a3d8f', '#2f7a5c', '#8f5b2e', '#5c3d99', '#8f2e4a'];

interface Painted {
  /** Views using it; painting stops when the last one goes. */
  refs: number;
  canvas: HTMLCanvasElement;
  stream: MediaStream;
  label: string;
  color: string;
  screen: boolean;
}

const painted = new Map<number, Painted>();
let timer: ReturnType<typeof setInterval> | null = null;
let frame = 0;

function paintAll(): void {
  frame++;
  for (const item of painted.values()) {
    const context = item.canvas.getContext('2d');
    if (!context) continue;
    const { width, height } = item.canvas;
    context.fillStyle = item.screen ? '#f4f4f4' : item.color;
    context.fillRect(0, 0, width, height);
    context.fillStyle = item.screen ? '#222222' : 'rgba(255,255,255,0.9)';
    context.font = 'bold 28px sans-serif';
    context.textAlign = 'center';
    context.fillText(item.label.slice(0, 18), width / 2, height / 2);
    context.fillStyle = item.screen ? '#3366cc' : 'rgba(255,255,255,0.6)';
    context.fillRect((frame * 9) % width, height - 24, 40, 12);
  }
}

/** The stream for scripted stream `id` (made on first use, painted while someone uses it). */
export function mediaStreamFor(id: number, label: string, screen = false): MediaStream {
  const existing = painted.get(id);
  if (existing) {
    existing.refs++;
    return existing.stream;
  }
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 180;
  let hash = 0;
  for (const ch of label) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  const item: Painted = { refs: 1, canvas, stream: canvas.captureStream(FPS), label, color: COLORS[Math.abs(hash) % COLORS.length]!, screen };
  painted.set(id, item);
  paintAll();
  timer ??= setInterval(paintAll, 1000 / FPS);
  return item.stream;
}

/** One user of the stream is done with it (a view went away). */
export function unrefMediaStream(id: number): void {
  const item = painted.get(id);
  if (item && --item.refs <= 0) releaseMediaStream(id);
}

/** The stream ends (the camera went off, the participant left): stop it for everyone. */
export function releaseMediaStream(id: number): void {
  const item = painted.get(id);
  if (!item) return;
  for (const track of item.stream.getTracks()) track.stop();
  painted.delete(id);
  if (painted.size === 0 && timer) {
    clearInterval(timer);
    timer = null;
  }
}

export function paintedStreams(): number {
  return painted.size;
}

/** Renders a scripted RemoteVideoStream, shaped like the SDK's VideoStreamRenderer. */
export class ScriptedVideoStreamRenderer {
  private views = new Set<VideoStreamRendererView>();
  static active = 0;

  constructor(private readonly stream: RemoteVideoStream) {}

  async createView(options: CreateViewOptions = {}): Promise<VideoStreamRendererView> {
    const media = await this.stream.getMediaStream();
    const video = document.createElement('video');
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    video.srcObject = media;
    let scalingMode: ScalingMode = options.scalingMode ?? 'Crop';
    video.style.objectFit = scalingMode === 'Fit' ? 'contain' : 'cover';
    const target = document.createElement('div');
    target.className = 'scripted-video';
    target.append(video);
    void video.play().catch(() => undefined);
    const counted = this.stream as RemoteVideoStream & { views?: number };
    counted.views = (counted.views ?? 0) + 1;
    ScriptedVideoStreamRenderer.active++;
    let disposed = false;
    const view: VideoStreamRendererView = {
      target,
      get scalingMode() {
        return scalingMode;
      },
      isMirrored: options.isMirrored ?? false,
      updateScalingMode: async (mode: ScalingMode) => {
        scalingMode = mode;
        video.style.objectFit = mode === 'Fit' ? 'contain' : 'cover';
      },
      dispose: () => {
        if (disposed) return;
        disposed = true;
        counted.views = (counted.views ?? 1) - 1;
        ScriptedVideoStreamRenderer.active--;
        video.srcObject = null;
        target.remove();
        this.views.delete(view);
        unrefMediaStream(this.stream.id);
      },
    };
    this.views.add(view);
    return view;
  }

  dispose(): void {
    for (const view of [...this.views]) view.dispose();
  }
}
