// Process: renderer (SDK). The join screen's preview with a background effect. The preview runs on
// the platform's media APIs (renderer/media/camera-preview.ts), but effects only run on an SDK
// camera stream opened by device (415/46152 on one made from a MediaStream). So when an effect is
// wanted, this opens the chosen camera as a LocalVideoStream, puts the effect on it (through the
// same EffectsController the meeting uses) and renders it under the platform's <video>, which
// stays on top until the effect's first lit frame: the guest never sees black. From then on the
// SDK's camera is the preview (`live`), also after None (the camera is open already; going back
// would reopen it), and Join hands the stream, its view and the controller to the meeting.
import { LocalVideoStream, VideoStreamRenderer, type VideoDeviceInfo, type VideoStreamRendererView } from '@azure/communication-calling';
import type { BackgroundEffectSetting } from '../../common/ipc-contract';
import type { ChosenDevice } from './device-ids';
import type { DeviceService } from './devices';
import { disposeAll } from './dispose';
import { EffectsController, type EffectsOptions } from './effects-controller';
import type { EffectsPreviewHandle, EffectsState } from './features/effects-model';
import { Store, type Observable } from './model';
import { mirrorSelfView } from './self-view';
import { whenLitFrame, whenVideoIn } from '../media/lit-frame';
import { describeSdkError } from './sdk-error';

/** The preview's camera as the meeting takes it over. */
export interface CarriedPreview {
  controller: EffectsController;
  /** The SDK camera stream (effect on it, or None after one) and its mirrored view; null when the preview never opened one. */
  camera: { stream: LocalVideoStream; box: HTMLElement; dispose(): void } | null;
}

interface Shown {
  stream: LocalVideoStream;
  renderer: VideoStreamRenderer;
  view: VideoStreamRendererView | null;
  box: HTMLElement;
  cancel(): void;
}

const previews = new WeakMap<EffectsPreviewHandle, EffectsPreview>();

/** The meeting's side of the handle the join screen passed on (null: not one of ours, or taken). */
export function takeEffectsPreview(handle: EffectsPreviewHandle): CarriedPreview | null {
  const preview = previews.get(handle);
  previews.delete(handle);
  return preview?.handOff() ?? null;
}

export class EffectsPreview implements EffectsPreviewHandle {
  private readonly liveStore = new Store(false);
  private readonly controller: EffectsController;
  private host: HTMLElement | null = null;
  private chosen: ChosenDevice | null = null;
  private device: VideoDeviceInfo | null = null;
  private resolving: Promise<void> = Promise.resolve();
  private shown: Shown | null = null;
  private handedOff = false;

  constructor(
    options: EffectsOptions,
    store: Store<EffectsState>,
    private readonly devices: DeviceService,
    private readonly log: (message: string) => void,
  ) {
    this.controller = new EffectsController(
      options,
      {
        log,
        isDeviceStream: () => true,
        needDeviceStream: () => this.openCamera(),
        probeStream: () => (this.device ? new LocalVideoStream(this.device) : null),
      },
      store,
    );
    previews.set(this, this);
  }

  get live(): Observable<boolean> {
    return this.liveStore;
  }
  get state(): Observable<EffectsState> {
    return this.controller.state;
  }
  get brandBackgrounds() {
    return this.controller.brandBackgrounds;
  }
  async open(): Promise<void> {
    await this.resolving;
    await this.controller.open();
  }
  choose(background: BackgroundEffectSetting): Promise<void> {
    return this.controller.choose(background);
  }
  chooseOwnImage(): Promise<void> {
    return this.controller.chooseOwnImage();
  }
  setNoiseSuppression(on: boolean): Promise<void> {
    return this.controller.setNoiseSuppression(on);
  }

  showCamera(host: HTMLElement, camera: ChosenDevice | null): void {
    if (this.handedOff) return;
    const previous = this.chosen;
    this.host = host;
    this.chosen = camera;
    if (!camera) {
      this.device = null;
      this.closeCamera();
      return;
    }
    if (previous?.id === camera.id && previous.name === camera.name) return;
    this.resolving = this.devices.cameraFor(camera).then(async (device) => {
      if (this.chosen !== camera) return;
      this.device = device ?? null;
      if (!device) {
        this.closeCamera();
        return;
      }
      if (this.shown) await this.shown.stream.switchSource(device).catch((error: unknown) => this.log(`preview camera switch: ${describeSdkError(error)}`));
      // A remembered effect, or one chosen before the camera was known.
      else if (this.controller.wantsVideoEffect()) await this.controller.choose(this.controller.state.get().background);
    });
  }

  /** Opens the chosen camera through the SDK for the effect, under the platform preview until lit. */
  private async openCamera(): Promise<void> {
    const host = this.host;
    const device = this.device;
    if (this.shown || !device || !host || this.handedOff) return;
    const stream = new LocalVideoStream(device);
    const renderer = new VideoStreamRenderer(stream);
    const box = document.createElement('div');
    box.className = 'self-view-box';
    const shown: Shown = { stream, renderer, view: null, box, cancel: () => undefined };
    this.shown = shown;
    this.controller.setVideoStream(stream);
    try {
      shown.view = await renderer.createView({ scalingMode: 'Crop', isMirrored: false });
    } catch (error) {
      this.log(`effects preview: ${describeSdkError(error)}`);
      this.closeCamera();
      return;
    }
    if (this.shown !== shown) {
      disposeAll(shown.view, renderer);
      return;
    }
    box.append(shown.view.target);
    for (const child of host.children) child.classList.add('self-view-leaving');
    host.prepend(box);
    shown.cancel = whenVideoIn(shown.view.target, (video) => {
      mirrorSelfView(box, video);
      shown.cancel = whenLitFrame(
        video,
        () => {
          if (this.shown !== shown) return;
          const { video: status } = this.controller.state.get();
          // An effect that could not start leaves the platform preview as it was.
          if (status === 'failed' || status === 'unsupported') {
            this.closeCamera();
            return;
          }
          host.replaceChildren(box);
          this.liveStore.set(true);
        },
        () => this.controller.settled(),
      );
    });
  }

  private closeCamera(): void {
    const shown = this.shown;
    if (!shown) return;
    this.shown = null;
    shown.cancel();
    this.controller.setVideoStream(null);
    disposeAll(shown.view, shown.renderer);
    shown.box.remove();
    this.liveStore.set(false);
  }

  /** Join: the meeting takes the controller, and the live camera with its view. */
  handOff(): CarriedPreview {
    this.handedOff = true;
    const shown = this.liveStore.get() ? this.shown : null;
    if (!shown) this.closeCamera();
    this.shown = null;
    shown?.cancel();
    return {
      controller: this.controller,
      camera: shown && { stream: shown.stream, box: shown.box, dispose: () => disposeAll(shown.view, shown.renderer) },
    };
  }

  dispose(): void {
    if (this.handedOff) return;
    this.handedOff = true;
    previews.delete(this);
    this.closeCamera();
    this.controller.dispose();
  }
}
