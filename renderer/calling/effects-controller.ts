// Process: renderer (SDK). The guest's background effect and noise suppression for one meeting:
// keeps the choice (remembered through `save`), loads each part of the effects package the first time it is
// needed, and puts the choice on whichever camera and microphone streams the session hands it
// (streams are replaced when the camera is switched off and on). Views see EffectsState and the
// actions; never a stream.
import { Features, type LocalAudioStream, type LocalVideoStream } from '@azure/communication-calling';
import type { BackgroundEffectSetting, BackgroundImageReply, BrandBackground } from '../../common/ipc-contract';
import { loadBackgroundEffects, loadNoiseSuppression, type BackgroundEffectsPackage } from './effects-package';
import { applyEffectsEvent, initialEffectsState, type EffectsActions, type EffectsEvent, type EffectsState } from './features/effects-model';
import { attachVideoEffects, type VideoEffectChoice, type VideoEffectsHandle } from './features/video-effects';
import { attachAudioEffects, type AudioEffectsHandle } from './features/audio-effects';
import { Store, type Observable } from './model';
import { describeSdkError } from './sdk-error';

/** What the app gives the meeting for effects: the remembered choice and main's picture service. */
export interface EffectsOptions {
  background: BackgroundEffectSetting;
  noiseSuppression: boolean;
  brandBackgrounds: BrandBackground[];
  /** main's file dialog (bridge.chooseBackgroundImage). */
  chooseImage(): Promise<BackgroundImageReply>;
  /** The picture chosen in an earlier run (bridge.savedBackgroundImage). */
  savedImage(): Promise<BackgroundImageReply>;
  /** Remembers a choice across launches (settings). */
  save(patch: { backgroundEffect?: BackgroundEffectSetting; noiseSuppression?: boolean }): void;
}

export interface EffectsHooks {
  log(message: string): void;
  /** An effect is wanted and the camera stream is not one opened by device (or there is none): open it by device if the camera is on. */
  needDeviceStream(): Promise<void>;
  /** Whether the current camera stream came from a device (effects can run on it). */
  isDeviceStream(stream: LocalVideoStream): boolean;
  /** A stream of the chosen camera device, to ask about support (null: no camera). */
  probeStream(): LocalVideoStream | null;
}

export class EffectsController implements EffectsActions {
  private readonly store: Store<EffectsState>;
  private backgroundPackage: BackgroundEffectsPackage | null = null;
  private video: { stream: LocalVideoStream; handle: VideoEffectsHandle | null } | null = null;
  private audio: { stream: LocalAudioStream; handle: AudioEffectsHandle } | null = null;
  /** The session's microphone stream, kept also while suppression is off (the guest may turn it on). */
  private audioStream: LocalAudioStream | null = null;
  private customUrl: string | null = null;
  private disposed = false;
  /** Applies run one after another, so the last choice is what ends up on the stream. */
  private chain: Promise<void> = Promise.resolve();

  /** `store`: the join screen's, when the picker was there before the SDK (its state carries on). */
  constructor(
    private readonly options: EffectsOptions,
    private hooks: EffectsHooks,
    store?: Store<EffectsState>,
  ) {
    this.store = store ?? new Store(initialEffectsState(options.background, options.noiseSuppression));
  }

  /** The join screen's controller carried into the meeting: the session's streams from now on. */
  rebind(hooks: EffectsHooks): void {
    this.hooks = hooks;
  }

  get state(): Observable<EffectsState> {
    return this.store;
  }

  get brandBackgrounds(): readonly BrandBackground[] {
    return this.options.brandBackgrounds;
  }

  /** Whether a new camera stream's picture is what the guest chose: no effect wanted, or it runs (or will not). */
  settled(): boolean {
    const { background, video } = this.store.get();
    return background === 'none' || video === 'on' || video === 'failed' || video === 'unsupported';
  }

  /** True when a remembered or chosen effect needs a device camera stream. */
  wantsVideoEffect(): boolean {
    return this.store.get().background !== 'none';
  }

  private push(event: EffectsEvent): void {
    if (this.disposed) return;
    this.store.set(applyEffectsEvent(this.store.get(), event));
  }

  private async backgroundEffects(): Promise<BackgroundEffectsPackage> {
    this.backgroundPackage ??= await loadBackgroundEffects();
    return this.backgroundPackage;
  }

  /** The picker opened: load the package and find out whether effects can run here at all. */
  open(): Promise<void> {
    return this.enqueue(async () => {
      try {
        await this.backgroundEffects();
      } catch (error) {
        this.hooks.log(`effects package failed to load: ${describeSdkError(error)}`);
        this.push({ type: 'effects/video', status: 'failed' });
        return;
      }
      const stream = this.video?.stream;
      if (stream && this.hooks.isDeviceStream(stream)) {
        const handle = await this.attachVideo(stream);
        await handle?.checkSupport();
        return;
      }
      // No camera stream, or the join screen's (which cannot carry effects): ask on a stream of
      // the camera device, which opens nothing until it is rendered or sent.
      const probe = this.hooks.probeStream();
      if (!probe || !this.backgroundPackage) return;
      const handle = attachVideoEffects(probe.feature(Features.VideoEffects), this.backgroundPackage, (event) => this.push(event), (message) => this.hooks.log(message));
      await handle.checkSupport();
      handle.detach();
    });
  }

  /** The session's camera stream now (null: camera off). */
  setVideoStream(stream: LocalVideoStream | null): void {
    if (this.video?.stream === stream) return;
    this.video?.handle?.detach();
    this.video = null;
    if (!stream) {
      // A failure stays said (the guest chose something that did not work) until the next attempt.
      if (this.store.get().video !== 'failed') this.push({ type: 'effects/video', status: 'off' });
      return;
    }
    this.video = { stream, handle: null };
    // The handle needs the package: attach once it is there (only if an effect is wanted).
    void this.enqueue(async () => {
      if (this.store.get().background === 'none' && !this.backgroundPackage) return;
      await this.attachVideo(stream);
      await this.applyVideo();
    });
  }

  private async attachVideo(stream: LocalVideoStream): Promise<VideoEffectsHandle | null> {
    if (this.video?.stream === stream && this.video.handle) return this.video.handle;
    const pkg = await this.backgroundEffects();
    // Another stream (or none: camera off, or disposed) while the package loaded.
    if (this.video?.stream !== stream) return null;
    const handle = attachVideoEffects(stream.feature(Features.VideoEffects), pkg, (event) => this.push(event), (message) => this.hooks.log(message));
    this.video = { stream, handle };
    return handle;
  }

  /** The session's microphone stream now (null: none). */
  setAudioStream(stream: LocalAudioStream | null): void {
    if (this.audioStream === stream) return;
    this.audio?.handle.detach();
    this.audio = null;
    this.audioStream = stream;
    if (!stream) return;
    void this.enqueue(async () => {
      if (!this.store.get().noiseSuppression) return;
      await this.applyNoise(stream);
    });
  }

  private async applyNoise(stream: LocalAudioStream | null = this.audioStream): Promise<void> {
    if (!stream) return;
    if (!this.audio || this.audio.stream !== stream) {
      const pkg = await loadNoiseSuppression();
      if (this.disposed) return;
      this.audio = { stream, handle: attachAudioEffects(stream.feature(Features.AudioEffects), pkg, (event) => this.push(event), (message) => this.hooks.log(message)) };
    }
    await this.audio.handle.setNoiseSuppression(this.store.get().noiseSuppression);
  }

  choose(background: BackgroundEffectSetting): Promise<void> {
    this.push({ type: 'effects/background', background });
    this.push({ type: 'effects/imageError', error: null });
    this.options.save({ backgroundEffect: background });
    return this.enqueue(async () => {
      const stream = this.video?.stream;
      if (background !== 'none' && (!stream || !this.hooks.isDeviceStream(stream))) {
        // The owner opens (or reopens) the camera by device and hands the stream back through
        // setVideoStream; with the camera off it opens nothing.
        await this.hooks.needDeviceStream();
        return;
      }
      if (!stream) return;
      await this.attachVideo(stream);
      await this.applyVideo();
    });
  }

  async chooseOwnImage(): Promise<void> {
    const reply = await this.options.chooseImage();
    if (!reply.ok) {
      if (reply.error !== 'cancelled') this.push({ type: 'effects/imageError', error: reply.error });
      return;
    }
    this.useImage(reply.image.bytes, reply.image.type);
    await this.choose('custom');
  }

  setNoiseSuppression(on: boolean): Promise<void> {
    this.push({ type: 'effects/noiseSuppression', on });
    this.options.save({ noiseSuppression: on });
    return this.enqueue(() => this.applyNoise());
  }

  private useImage(bytes: Uint8Array, type: string): void {
    if (this.customUrl) URL.revokeObjectURL(this.customUrl);
    // A blob: URL of the bytes main checked: the renderer never sees a path or file:// URL.
    this.customUrl = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
    this.push({ type: 'effects/customImage', available: true });
  }

  /** The effect the current setting means, or null when it cannot be had (no such picture). */
  private async choice(): Promise<VideoEffectChoice | null> {
    const background = this.store.get().background;
    if (background === 'none') return { kind: 'none' };
    if (background === 'blur') return { kind: 'blur' };
    if (background === 'custom') {
      if (!this.customUrl) {
        const saved = await this.options.savedImage();
        if (!saved.ok) {
          if (saved.error !== 'cancelled') this.push({ type: 'effects/imageError', error: saved.error });
          return null;
        }
        this.useImage(saved.image.bytes, saved.image.type);
      }
      return { kind: 'image', url: this.customUrl! };
    }
    const brand = this.options.brandBackgrounds.find((b) => `brand:${b.id}` === background);
    // Same-origin URL made absolute: the SDK fetches it itself.
    return brand ? { kind: 'image', url: new URL(brand.url, location.href).href } : null;
  }

  private async applyVideo(): Promise<void> {
    const handle = this.video?.handle;
    if (!handle) return;
    const choice = await this.choice();
    if (!choice) {
      await handle.apply({ kind: 'none' });
      return;
    }
    await handle.apply(choice);
  }

  private enqueue(run: () => Promise<void>): Promise<void> {
    const next = this.chain.then(run).catch((error: unknown) => {
      this.hooks.log(`effects: ${describeSdkError(error)}`);
      this.push({ type: 'effects/video', status: 'failed' });
    });
    this.chain = next;
    return next;
  }

  dispose(): void {
    this.video?.handle?.detach();
    this.audio?.handle.detach();
    this.video = null;
    this.audio = null;
    this.audioStream = null;
    if (this.customUrl) URL.revokeObjectURL(this.customUrl);
    this.customUrl = null;
    this.disposed = true;
  }
}
