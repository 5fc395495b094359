// Process: renderer (SDK glue, type-only SDK import). Background blur and replacement on one
// camera stream (Features.VideoEffects is a feature of a LocalVideoStream, not of the call): the
// feature's events become effects events; apply() checks support first, then starts or stops.
// Measured with SDK 2.0 and effects 1.3.2: only a stream opened from a VideoDeviceInfo can carry
// effects; one made from a MediaStream answers 415/46152 "Current source is unsupported to use
// effects", so the session opens the camera by device whenever an effect is wanted.
import type { VideoEffectErrorPayload, VideoEffectName, VideoEffectsFeature } from '@azure/communication-calling';
import type { BackgroundEffectsPackage } from '../effects-package';
import type { EffectsEvent } from './effects-model';
import { listen } from '../sdk-events';
import { describeSdkError } from '../sdk-error';

export type VideoEffectChoice = { kind: 'none' } | { kind: 'blur' } | { kind: 'image'; url: string };

export interface VideoEffectsHandle {
  /** Starts (or replaces) the effect, or stops it for 'none'; reports the outcome as events. */
  apply(choice: VideoEffectChoice): Promise<void>;
  /** Asks the SDK whether this machine can run effects at all; 'unsupported' is reported. */
  checkSupport(): Promise<boolean>;
  detach(): void;
}

export function attachVideoEffects(
  feature: VideoEffectsFeature,
  effects: BackgroundEffectsPackage,
  push: (event: EffectsEvent) => void,
  log: (message: string) => void,
): VideoEffectsHandle {
  let detached = false;
  const off = [
    listen(feature, 'effectsStarted', (names: VideoEffectName[]) => push({ type: 'effects/video', status: names.length > 0 ? 'on' : 'off' })),
    listen(feature, 'effectsStopped', () => push({ type: 'effects/video', status: 'off' })),
    listen(feature, 'effectsError', (error: VideoEffectErrorPayload) => {
      log(`video effect error: ${error.code} ${error.message}`);
      push({ type: 'effects/video', status: 'failed' });
    }),
  ];
  return {
    async apply(choice) {
      try {
        if (choice.kind === 'none') {
          if (feature.activeEffects.length > 0) await feature.stopEffects();
          if (!detached) push({ type: 'effects/video', status: 'off' });
          return;
        }
        const effect = choice.kind === 'blur' ? new effects.BackgroundBlurEffect() : new effects.BackgroundReplacementEffect({ backgroundImageUrl: choice.url });
        push({ type: 'effects/video', status: 'starting' });
        if (!(await feature.isSupported(effect))) {
          log('video effects unsupported on this machine');
          push({ type: 'effects/video', status: 'unsupported' });
          return;
        }
        await feature.startEffects(effect);
        // effectsStarted reports 'on'; a replacement of a running effect may not fire it again.
        if (!detached && feature.activeEffects.length > 0) push({ type: 'effects/video', status: 'on' });
      } catch (error) {
        log(`video effect failed: ${describeSdkError(error)}`);
        if (!detached) push({ type: 'effects/video', status: 'failed' });
      }
    },
    async checkSupport() {
      try {
        const supported = await feature.isSupported(new effects.BackgroundBlurEffect());
        if (!supported && !detached) push({ type: 'effects/video', status: 'unsupported' });
        return supported;
      } catch (error) {
        log(`video effects support check failed: ${describeSdkError(error)}`);
        return false;
      }
    },
    detach() {
      detached = true;
      for (const unsubscribe of off) unsubscribe();
    },
  };
}
