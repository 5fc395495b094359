// Process: renderer (pure; no SDK import). The state of the guest's background effect and noise
// suppression, shared by the join screen's effects picker and the meeting's: what was chosen (the
// remembered setting), what actually runs, and why not. Views read it; only the effects
// controller (../effects-controller.ts) changes it, through applyEffectsEvent.
import type { BackgroundEffectSetting, BackgroundImageError, BrandBackground } from '../../../common/ipc-contract';
import type { Observable } from '../model';

/** Where the background effect stands on the camera stream. */
export type VideoEffectStatus =
  /** Nothing chosen, or no camera stream to put it on. */
  | 'off'
  /** The effects package is loading or the effect is starting. */
  | 'starting'
  | 'on'
  /** The SDK reports this machine cannot run effects: the picker explains and steps aside. */
  | 'unsupported'
  /** It started, then stopped with an error (or would not start). */
  | 'failed';

/** Which suppression runs on the microphone: the package's deep model, the browser's own, or none. */
export type NoiseStatus = 'off' | 'starting' | 'deep' | 'browser' | 'failed';

export interface EffectsState {
  background: BackgroundEffectSetting;
  video: VideoEffectStatus;
  /** A picture of the guest's own is available (chosen now or in an earlier run). */
  customImage: boolean;
  /** The last refused picture, until the guest picks again. */
  imageError: Exclude<BackgroundImageError, 'cancelled'> | null;
  noiseSuppression: boolean;
  noise: NoiseStatus;
}

export type EffectsEvent =
  | { type: 'effects/background'; background: BackgroundEffectSetting }
  | { type: 'effects/video'; status: VideoEffectStatus }
  | { type: 'effects/customImage'; available: boolean }
  | { type: 'effects/imageError'; error: EffectsState['imageError'] }
  | { type: 'effects/noiseSuppression'; on: boolean }
  | { type: 'effects/noise'; status: NoiseStatus };

export function initialEffectsState(background: BackgroundEffectSetting, noiseSuppression: boolean): EffectsState {
  return { background, video: 'off', customImage: false, imageError: null, noiseSuppression, noise: 'off' };
}

/** Pure; returns the same object when nothing changes. */
export function applyEffectsEvent(state: EffectsState, event: EffectsEvent): EffectsState {
  switch (event.type) {
    case 'effects/background':
      return state.background === event.background ? state : { ...state, background: event.background };
    case 'effects/video':
      // Unsupported is a fact about the machine: later attempts do not turn it into 'failed'.
      if (state.video === event.status || (state.video === 'unsupported' && event.status !== 'on')) return state;
      return { ...state, video: event.status };
    case 'effects/customImage':
      return state.customImage === event.available ? state : { ...state, customImage: event.available };
    case 'effects/imageError':
      return state.imageError === event.error ? state : { ...state, imageError: event.error };
    case 'effects/noiseSuppression':
      return state.noiseSuppression === event.on ? state : { ...state, noiseSuppression: event.on };
    case 'effects/noise':
      return state.noise === event.status ? state : { ...state, noise: event.status };
  }
}

/** Whether the picker should offer choices (false: it explains that effects cannot run here). */
export function effectsAvailable(state: EffectsState): boolean {
  return state.video !== 'unsupported';
}

/** What the views may do about effects (the session's `effects`). */
export interface EffectsActions {
  readonly state: Observable<EffectsState>;
  readonly brandBackgrounds: readonly BrandBackground[];
  /** The guest opened the picker: load the effects package (first time) so choices apply at once. */
  open(): Promise<void>;
  choose(background: BackgroundEffectSetting): Promise<void>;
  /** main's file dialog; a refused file leaves the current effect as it is. */
  chooseOwnImage(): Promise<void>;
  setNoiseSuppression(on: boolean): Promise<void>;
}

/**
 * The join screen's effects once the SDK has loaded (calling's effectsPreview()): the actions, and
 * the preview's camera opened through the SDK whenever an effect is wanted, shown in the preview's
 * host from its first lit frame on. Handed to the meeting on Join (the same camera, no reopening).
 */
export interface EffectsPreviewHandle extends EffectsActions {
  /** The camera the preview should show in `host` (its platform id and label), or null (camera off). */
  showCamera(host: HTMLElement, camera: { id: string; name: string } | null): void;
  /** True while the SDK's camera is what the preview shows (the platform preview lets go of its own). */
  readonly live: Observable<boolean>;
  /** Stops the preview's SDK camera (the join screen closed without joining). */
  dispose(): void;
}
