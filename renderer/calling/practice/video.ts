// Process: renderer. Video for the scripted meeting's participants, painted locally: each
// available stream is a canvas (a person at their desk, or a shared slide) painted a few times a
// second and captured with canvas.captureStream(), so tiles show real, changing frames. And the
// renderer the calling module gets for scripted remote streams: the SDK's VideoStreamRenderer
// only takes the SDK's own streams, so this one renders RemoteVideoStream.getMediaStream() (an SDK
// method too) into a <video>, with the same createView/dispose shape.
import type { CreateViewOptions, RemoteVideoStream, ScalingMode, VideoStreamRendererView } from '@azure/communication-calling';

const FPS = 8;
// Palettes a participant's picture is drawn from (by a hash of their name): a room, a person.
const WALLS = ['#5b6f8f', '#7b6a8f', '#5f8a78', '#8f7a5f', '#6a7f99', '#8f6a75'];
const SKIN = ['#f1c7a5', '#e0ac87', '#c68863', '#a86b4a', '#7d4d33', '#f5d6bf'];
const HAIR = ['#2b1d14', '#5a3a22', '#a0703c', '#d9b26a', '#1f1f1f', '#8a8a8a'];
const SHIRTS = ['#2f4f6f', '#6f2f4f', '#3f6f4f', '#4f4f4f', '#6f5a2f', '#2f5f6f'];

interface Painted {
  /** Views using it; painting stops when the last one goes. */
  refs: number;
  canvas: HTMLCanvasElement;
  stream: MediaStream;
  hash: number;
  screen: boolean;
}

const painted = new Map<number, Painted>();
let timer: ReturnType<typeof setInterval> | null = null;
let frame = 0;

const pick = (list: string[], hash: number, salt: number) => list[Math.abs(hash >> salt) % list.length];

/**
 * A person at their desk, head and shoulders, in a softly lit room, breathing and turning a
 * little. Nothing is written on it: the app draws names and states on the tile, and the picture
 * never competes with them.
 */
function paintPerson(context: CanvasRenderingContext2D, width: number, height: number, hash: number): void {
  const wall = context.createLinearGradient(0, 0, 0, height);
  wall.addColorStop(0, pick(WALLS, hash, 0));
  wall.addColorStop(1, '#2a2f3a');
  context.fillStyle = wall;
  context.fillRect(0, 0, width, height);
  // Daylight from a window off to one side, blurred as a webcam's depth of field would.
  const lightX = hash & 1 ? width * 0.18 : width * 0.82;
  const light = context.createRadialGradient(lightX, height * 0.25, 4, lightX, height * 0.25, width * 0.4);
  light.addColorStop(0, 'rgba(255,250,235,0.45)');
  light.addColorStop(1, 'rgba(255,250,235,0)');
  context.fillStyle = light;
  context.fillRect(0, 0, width, height);

  const t = frame / FPS + (hash % 7);
  const x = width / 2 + Math.sin(t * 0.7) * width * 0.012;
  const breathe = Math.sin(t * 1.6) * height * 0.006;
  const skin = pick(SKIN, hash, 3);
  context.fillStyle = pick(SHIRTS, hash, 6);
  context.beginPath();
  context.ellipse(x, height * 1.04 + breathe, width * 0.3, height * 0.36, 0, Math.PI, 2 * Math.PI);
  context.fill();
  context.fillStyle = skin;
  context.fillRect(x - width * 0.032, height * 0.56, width * 0.064, height * 0.14);
  const tilt = Math.sin(t * 0.9) * 0.05;
  context.beginPath();
  context.ellipse(x, height * 0.45, width * 0.083, height * 0.2, tilt, 0, 2 * Math.PI);
  context.fill();
  context.fillStyle = pick(HAIR, hash, 9);
  context.beginPath();
  context.ellipse(x, height * 0.38, width * 0.09, height * 0.14, tilt, Math.PI, 2 * Math.PI);
  context.fill();
}

/** A shared slide: a title bar, lines of text as a reader sees them from afar, and a chart. */
function paintScreen(context: CanvasRenderingContext2D, width: number, height: number, hash: number): void {
  context.fillStyle = '#f7f7f5';
  context.fillRect(0, 0, width, height);
  context.fillStyle = pick(SHIRTS, hash, 2);
  context.fillRect(0, 0, width, height * 0.16);
  context.fillStyle = '#ffffff';
  context.font = `bold ${Math.round(height * 0.08)}px sans-serif`;
  context.textAlign = 'left';
  context.fillText('Quarterly plan', width * 0.05, height * 0.11);
  context.fillStyle = '#c9c9c4';
  for (let line = 0; line < 4; line++) context.fillRect(width * 0.06, height * (0.28 + line * 0.12), width * (0.32 - (line % 2) * 0.08), height * 0.04);
  const bars = [0.35, 0.5, 0.42, 0.62 + Math.sin(frame / FPS) * 0.04];
  bars.forEach((value, i) => {
    context.fillStyle = i === bars.length - 1 ? '#3366cc' : '#8fa8d6';
    context.fillRect(width * (0.55 + i * 0.1), height * (0.85 - value), width * 0.07, height * value);
  });
}

function paintAll(): void {
  frame++;
  for (const item of painted.values()) {
    const context = item.canvas.getContext('2d');
    if (!context) continue;
    const { width, height } = item.canvas;
    if (item.screen) paintScreen(context, width, height, item.hash);
    else paintPerson(context, width, height, item.hash);
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
  canvas.width = screen ? 640 : 320;
  canvas.height = screen ? 360 : 180;
  let hash = 0;
  for (const ch of label) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  const item: Painted = { refs: 1, canvas, stream: canvas.captureStream(FPS), hash: Math.abs(hash), screen };
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
