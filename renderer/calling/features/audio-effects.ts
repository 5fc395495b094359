// Process: renderer (SDK glue, type-only SDK import). Noise suppression on the microphone stream
// (Features.AudioEffects on a LocalAudioStream): the effects package's deep noise suppression
// where the SDK supports it, else the browser's own ('BrowserNoiseSuppression'), else nothing.
import type { ActiveAudioEffects, AudioEffectsFeature, CommunicationServicesError } from '@azure/communication-calling';
import type { NoiseSuppressionPackage } from '../effects-package';
import type { EffectsEvent, NoiseStatus } from './effects-model';
import { listen } from '../sdk-events';
import { describeSdkError } from '../sdk-error';

export interface AudioEffectsHandle {
  setNoiseSuppression(on: boolean): Promise<void>;
  detach(): void;
}

function statusOf(active: ActiveAudioEffects): NoiseStatus {
  if (active.noiseSuppression.includes('DeepNoiseSuppression')) return 'deep';
  if (active.noiseSuppression.includes('BrowserNoiseSuppression')) return 'browser';
  return 'off';
}

export function attachAudioEffects(
  feature: AudioEffectsFeature,
  effects: NoiseSuppressionPackage,
  push: (event: EffectsEvent) => void,
  log: (message: string) => void,
): AudioEffectsHandle {
  let detached = false;
  const report = (status: NoiseStatus) => {
    if (!detached) push({ type: 'effects/noise', status });
  };
  const off = [
    listen(feature, 'effectsStarted', (active: ActiveAudioEffects) => report(statusOf(active))),
    listen(feature, 'effectsStopped', (active: ActiveAudioEffects) => report(statusOf(active))),
    listen(feature, 'effectsError', (error: CommunicationServicesError) => {
      log(`audio effect error: ${error.code}/${error.subCode ?? ''} ${error.message}`);
      report('failed');
    }),
  ];
  return {
    async setNoiseSuppression(on) {
      try {
        if (!on) {
          if (feature.activeEffects.noiseSuppression.length > 0) await feature.stopEffects({ noiseSuppression: true });
          report('off');
          return;
        }
        report('starting');
        const deep = new effects.DeepNoiseSuppressionEffect();
        if (await feature.isSupported(deep)) {
          await feature.startEffects({ noiseSuppression: deep });
        } else if (await feature.isSupported('BrowserNoiseSuppression')) {
          log('deep noise suppression unsupported: using the browser\'s own');
          await feature.startEffects({ noiseSuppression: 'BrowserNoiseSuppression' });
        } else {
          log('no noise suppression available');
          report('failed');
          return;
        }
        report(statusOf(feature.activeEffects));
      } catch (error) {
        log(`noise suppression failed: ${describeSdkError(error)}`);
        report('failed');
      }
    },
    detach() {
      detached = true;
      for (const unsubscribe of off) unsubscribe();
    },
  };
}
