// Process: renderer. What the join screen and the meeting give effects: the remembered choice, the
// organization's pictures and main's picture service (through the bridge), and where to remember.
import type { AppInfo, Settings } from '../../common/ipc-contract';
import { bridge } from '../bridge';
import type { EffectsOptions } from '../calling/effects-controller';

export function effectsOptions(settings: Settings, info: AppInfo, save: (patch: Partial<Settings>) => void): EffectsOptions {
  return {
    background: settings.backgroundEffect,
    noiseSuppression: settings.noiseSuppression,
    brandBackgrounds: info.backgrounds,
    chooseImage: () => bridge.chooseBackgroundImage(),
    savedImage: () => bridge.savedBackgroundImage(),
    save,
  };
}
