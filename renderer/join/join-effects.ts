// Process: renderer (no SDK import). The join screen's background effects and noise suppression,
// as the picker sees them (EffectsActions), before and after the calling SDK is there. Nothing
// loads at start-up: the SDK and the effects package load when the guest first opens the picker,
// or, for an effect remembered from the last run, in idle time after the preview's first frame.
// Then calling's effectsPreview() does the work on the same state; Join hands it to the meeting.
import type { BackgroundEffectSetting } from '../../common/ipc-contract';
import { bridge } from '../bridge';
import { loadCalling } from '../calling';
import type { EffectsOptions } from '../calling/effects-controller';
import { applyEffectsEvent, initialEffectsState, type EffectsActions, type EffectsPreviewHandle, type EffectsState } from '../calling/features/effects-model';
import { Store, type Observable } from '../calling/model';
import type { ChosenDevice } from '../calling/device-ids';

export class JoinEffects implements EffectsActions {
  private readonly store: Store<EffectsState>;
  private readonly liveStore = new Store(false);
  private preview: EffectsPreviewHandle | null = null;
  private loading: Promise<EffectsPreviewHandle | null> | null = null;
  private camera: { host: HTMLElement; chosen: ChosenDevice | null } | null = null;
  private done = false;

  constructor(private readonly options: EffectsOptions) {
    this.store = new Store(initialEffectsState(options.background, options.noiseSuppression));
  }

  get state(): Observable<EffectsState> {
    return this.store;
  }
  /** True while the preview shows the SDK's camera (with the effect): the platform preview steps aside. */
  get live(): Observable<boolean> {
    return this.liveStore;
  }
  get brandBackgrounds() {
    return this.options.brandBackgrounds;
  }

  private load(): Promise<EffectsPreviewHandle | null> {
    this.loading ??= loadCalling().then(
      (api) => {
        if (this.done) return null;
        const preview = api.effectsPreview(this.options, this.store, (message) => void bridge.log({ level: 'info', message: `join effects: ${message}` }));
        preview.live.subscribe((live) => this.liveStore.set(live));
        this.preview = preview;
        if (this.camera) preview.showCamera(this.camera.host, this.camera.chosen);
        return preview;
      },
      (error: unknown) => {
        // The picker says effects failed; opening it again tries again.
        this.loading = null;
        void bridge.log({ level: 'error', message: `join effects: calling failed to load: ${String(error)}` });
        this.store.set(applyEffectsEvent(this.store.get(), { type: 'effects/video', status: 'failed' }));
        return null;
      },
    );
    return this.loading;
  }

  async open(): Promise<void> {
    await (await this.load())?.open();
  }

  async choose(background: BackgroundEffectSetting): Promise<void> {
    await (await this.load())?.choose(background);
  }

  async chooseOwnImage(): Promise<void> {
    await (await this.load())?.chooseOwnImage();
  }

  /** Stored now; applied when the call's microphone stream starts (the join screen sends no audio through the SDK). */
  async setNoiseSuppression(on: boolean): Promise<void> {
    if (this.preview) return this.preview.setNoiseSuppression(on);
    this.store.set(applyEffectsEvent(this.store.get(), { type: 'effects/noiseSuppression', on }));
    this.options.save({ noiseSuppression: on });
  }

  /** The camera the preview shows (null: off); an effect puts it on the SDK's camera. */
  showCamera(host: HTMLElement, chosen: ChosenDevice | null): void {
    this.camera = { host, chosen };
    this.preview?.showCamera(host, chosen);
  }

  /** The preview has its first frame: an effect remembered from the last run comes back, in idle time. */
  restoreRemembered(): void {
    if (this.store.get().background === 'none' || this.loading) return;
    const load = () => void this.load();
    if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 1500 });
    else load();
  }

  /** Join: the meeting takes the preview (its camera and controller); null when the SDK never loaded. */
  handOff(): EffectsPreviewHandle | null {
    this.done = true;
    return this.preview;
  }

  /** The join screen closed without joining. */
  dispose(): void {
    if (this.done) return;
    this.done = true;
    this.preview?.dispose();
  }
}
